"""Every generated page and download, rendered in memory from the index.

As Pelican's generators do, each view module yields its pages' views
(``views.<module>.pages``), each view names its template and is given to it as
``page``; :func:`render_all` is one loop over them and the files written as they are,
after the settings are checked. Pages are collected in an :class:`Output`, a guarded writer (as in Pelican): each path
comes from :mod:`.urls`, must lie in one of its generated locations, and may be
written once; nothing from a plan can name a path.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import Callable

from ..analysis.alignment import build_alignment
from ..analysis.related import build_insight, entry_corpus
from ..analysis.index import Index
from ..data.checkout import ASSETS, CONTRIBUTING
from ..data.validate import Problem
from . import downloads, export, feeds, render, search, urls
from .settings import SettingsError, SiteSettings
from .views import alignment, comparison, listings, overview, plan
from .views.common import PageView

CONTRIBUTING_FRONT = ("---\ntitle: 参与整理\ndescription: 如何修改错字、导入新计划、在本机检查，以及拉取请求上的"
                      "自动检查。\n---\n\n")


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
    """Every generated page and file, as settings say (build.settings_of: mkdocs.yml,
    eduplans.yml, git history), checked before anything is rendered; folder: write them
    into this empty docs folder as they come; tick: once a page (a build's progress)."""
    try:
        settings.check()
    except SettingsError as exc:
        raise BuildError(str(exc)) from exc
    out = Output(folder=folder, tick=tick)
    for path, content in files(index, settings):
        out.add(path, content)
    return out


def views(index: Index, settings: SiteSettings) -> Iterator[PageView]:
    """Every page's view, as each view module yields them (each names its template)."""
    corpus, position = entry_corpus(index)  # one corpus for related items and 对标's peers
    insight = build_insight(index, corpus, position)
    aligned = build_alignment(index, corpus, position)
    return chain(plan.pages(index, settings, insight, aligned), listings.pages(index, settings),
                 overview.pages(index, settings), comparison.pages(index, settings, insight),
                 alignment.pages(settings))


def files(index: Index, settings: SiteSettings) -> Iterator[tuple[str, str | bytes]]:
    """Each page as its view's template renders it, then the files written as they are:
    downloads, feeds, the search index, CONTRIBUTING."""
    env = render.environment()
    for view in views(index, settings):
        yield view.path, render.render(env, view.template, page=view)
    yield from download_files(index, settings)
    for feed in feeds.feeds(index):
        yield from feeds.render(feed, index, settings.site_url, settings.history).items()
    yield from search.build(index, settings.directory_urls, settings.search).items()
    yield urls.PAGE_SCRIPT, page_script()
    if CONTRIBUTING.exists():  # one text for GitHub and the site
        yield urls.CONTRIBUTING, CONTRIBUTING_FRONT + CONTRIBUTING.read_text(encoding="utf-8")


def page_script() -> str:
    """The parts every page runs (urls.PAGE_SCRIPT_PARTS), one after another in one file:
    each is a classic script that registers itself on globalThis.eduplans."""
    return "".join(f"/* {part} */\n" + (ASSETS.parent / part).read_text(encoding="utf-8")
                   for part in urls.PAGE_SCRIPT_PARTS)


def download_files(index: Index, settings: SiteSettings) -> Iterator[tuple[str, str | bytes]]:
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
            yield downloads.plan_file(plan_id, records)
    for name in overview.DOWNLOADS:  # the files the data page lists, in its order
        if name in files:
            yield urls.download(name), files.pop(name)
    if files:
        raise BuildError(f"downloads not listed on the data page: {', '.join(files)}")
