"""Every generated page and download, rendered in memory from the index.

Pages are collected in an :class:`Output`, a guarded writer (as in Pelican): each path
comes from :mod:`.urls`, must lie in one of its generated locations, and may be
written once; nothing from a plan can name a path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable

from ..analysis.related import build_insight
from ..analysis.index import Index
from ..data.checkout import CONTRIBUTING
from ..data.validate import Problem
from . import downloads, export, feeds, render, search, urls
from .settings import SettingsError, SiteSettings
from .views import comparison, listings, overview, plan

CONTRIBUTING_FRONT = ("---\ntitle: 参与整理\ndescription: 如何修改错字、导入新计划、在本机检查，以及拉取请求上的"
                      "自动检查。\n---\n\n")
OVERVIEWS = (("home.md.j2", urls.HOME), ("plans_index.md.j2", urls.PLANS),
             ("localities_index.md.j2", urls.LOCALITIES), ("years_index.md.j2", urls.YEARS),
             ("themes_index.md.j2", urls.THEMES))


class BuildError(Exception):
    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Output:
    """A guarded set of pages: paths stay inside docs/, each is written once. With a
    folder, each page is written there as it comes and only its path is kept, so that
    a large atlas is never held in memory whole (the build); without, pages stay in
    ``pages`` (generate, mkdocs serve, the tests)."""

    pages: dict[str, str | bytes] = field(default_factory=dict)  # bytes: a binary download
    folder: Path | None = None
    written: set[str] = field(default_factory=set)
    tick: Callable[[], None] | None = None  # once a page (a build's progress)

    def add(self, path: str, content: str | bytes) -> None:
        posix = PurePosixPath(path)
        allowed = path.endswith(".md") or path.endswith(urls.FILE_SUFFIXES.get(posix.parts[0], ()))
        if posix.is_absolute() or ".." in posix.parts or "\\" in path or not allowed:
            raise BuildError(f"refusing to write page {path!r} outside the docs folder")
        if posix.parts[0] not in urls.GENERATED:
            raise BuildError(f"refusing to write {path!r}: not a generated location")
        if path in self.pages or path in self.written:
            raise BuildError(f"two pages want the same path {path!r}")
        if self.tick:
            self.tick()
        if self.folder is None:
            self.pages[path] = content
            return
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        self.written.add(path)


def render_all(index: Index, settings: SiteSettings, folder: Path | None = None,
               tick: Callable[[], None] | None = None) -> Output:
    """Every generated page, rendered as settings say (settings.load: mkdocs.yml, eduplans.yml,
    git history); folder: write the pages into this empty docs folder as they are
    rendered; tick: once a page (a build's progress)."""
    try:
        settings.check()
    except SettingsError as exc:
        raise BuildError(str(exc)) from exc
    env = render.environment()
    out = Output(folder=folder, tick=tick)
    catalog = index.catalog
    limits = settings.limits
    insight = build_insight(index)
    for one in catalog.plans:
        page = plan.plan_page(index, one, settings, insight=insight)
        out.add(page.path, render.render(env, "plan.md.j2", page=page))
    for locality in catalog.localities.values():
        locality_page = listings.locality_page(index, limits, locality)
        out.add(locality_page.path, render.render(env, "locality.md.j2", page=locality_page))
    for year in index.by_year:
        year_page = listings.year_page(index, limits, year)
        out.add(year_page.path, render.render(env, "year.md.j2", page=year_page))
        for year_part in year_page.parts:
            for number in range(1, year_part.pages + 1):
                part = listings.year_part_page(index, limits, year, year_part.key, number)
                out.add(part.path, render.render(env, "year.md.j2", page=part))
    for theme in catalog.themes:
        theme_page = listings.theme_page(index, limits, theme)
        out.add(theme_page.path, render.render(env, "theme.md.j2", page=theme_page))
        for year in index.by_year:
            theme_year = listings.theme_year_page(index, limits, theme, year)
            out.add(theme_year.path, render.render(env, "theme_year.md.j2", page=theme_year))
            for theme_part in theme_year.parts:
                for number in range(1, theme_part.pages + 1):
                    part_page = listings.theme_year_part_page(index, limits, theme, year, theme_part.key, number)
                    out.add(part_page.path, render.render(env, "theme_year.md.j2", page=part_page))
    for template, path in OVERVIEWS:
        out.add(path, render.render(env, template, view=overview.overview(index, limits, path, part=settings.part)))
    if len(index.by_locality) > limits.partition_at:
        for province_page in overview.province_pages(index, limits):
            out.add(province_page.path, render.render(env, "province.md.j2", page=province_page))
    for locality_id in insight.pairs:
        locality = catalog.localities[locality_id]
        compared = comparison.comparison_page(index, insight, locality, settings.directory_urls)
        out.add(compared.path, render.render(env, "comparison.md.j2", page=compared))
        for earlier, later in comparison.moved_pairs_of(index.by_locality[locality_id]):
            moved = comparison.moved_pair_page(locality, earlier, later, settings.site_url, settings.directory_urls)
            out.add(moved.path, render.render(env, "moved.html.j2", page=moved))
    add_downloads(out, index, settings)
    for feed in feeds.feeds(index):
        for path, text in feeds.render(feed, index, settings.site_url, settings.history).items():
            out.add(path, text)
    released = None if settings.downloads.on_pages else settings.repo_url
    out.add(urls.DATA, render.render(env, "data.md.j2", view=overview.overview(index, limits, urls.DATA, released)))
    out.add(urls.SEARCH, render.render(env, "search.md.j2", page=overview.search_page()))
    for path, text in search.build(index, settings.directory_urls, settings.search).items():
        out.add(path, text)
    if CONTRIBUTING.exists():  # one text for GitHub and the site
        out.add(urls.CONTRIBUTING, CONTRIBUTING_FRONT + CONTRIBUTING.read_text(encoding="utf-8"))
    return out


def add_downloads(out: Output, index: Index, settings: SiteSettings) -> None:
    """The dataset and the plan format, as files the data page links to; the whole-atlas
    files and each plan's own only while they live on the site (settings.downloads)."""
    files: dict[str, str | bytes] = dict(downloads.schema_files())
    if settings.downloads.on_pages:
        data = export.records(index.catalog, settings.site_url, index.assignments)
        atlas = downloads.atlas_files(data)
        try:
            downloads.check_budget(atlas, settings.downloads)
        except downloads.DownloadsError as exc:
            raise BuildError(str(exc)) from exc
        files |= atlas
        for plan_id, records in export.by_plan(data).items():
            out.add(*downloads.plan_file(plan_id, records))
    for name in overview.DOWNLOADS:  # the files the data page lists, in its order
        if name in files:
            out.add(urls.download(name), files.pop(name))
    if files:
        raise BuildError(f"downloads not listed on the data page: {', '.join(files)}")
