"""Overview pages: home, all plans, all localities (and a page a province where the
atlas is large), all years, all themes, data, search; one view each."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import ClassVar

from ...analysis.index import Index
from ...data.numerals import cn_numeral
from .. import downloads, labels, urls
from ..settings import Limits, SiteSettings
from .common import (CountTable, Link, PageView, Pager, PlanRow, count_table, link, page_suffix, pager, plan_row,
                     span)

OPEN_YEARS = 3     # the all-plans page shows the latest years open, older ones folded
LATEST_PLANS = 6   # plans listed on the home page
DOWNLOADS = (*downloads.ATLAS, *downloads.SCHEMAS)


@dataclass(frozen=True, kw_only=True)
class LocalityRow:
    locality: Link
    level: str
    years: tuple[Link, ...]  # to that year's plan


@dataclass(frozen=True, kw_only=True)
class ProvinceGroup:
    province: str
    localities: tuple[LocalityRow, ...]
    page: Link | None  # the province's own page, where the atlas is too large for one list


@dataclass(frozen=True, kw_only=True)
class PlanYear:
    year: int
    rows: tuple[PlanRow, ...]
    collapsed: bool


@dataclass(frozen=True, kw_only=True)
class YearRow:
    link: Link
    plans: int
    items: int


@dataclass(frozen=True, kw_only=True)
class ThemeRow:
    link: Link
    items: int


@dataclass(frozen=True, kw_only=True)
class SiteLinks:
    """Where the overview pages point: the index pages, about, and the downloads."""

    plans: str
    localities: str
    years: str
    themes: str
    about: str
    search: str
    search_form: str  # a form's action (urls.file_link)
    feed: str       # Atom feed of new and changed plans
    json_feed: str
    downloads: dict[str, str]  # file name → link
    released: bool  # the whole-atlas files are on the releases, not on this site


def site_links(page: str, released: str | None = None) -> SiteLinks:
    """released: the repository whose releases hold the whole-atlas downloads, if they do."""
    return SiteLinks(
        plans=urls.rel(page, urls.PLANS), localities=urls.rel(page, urls.LOCALITIES),
        years=urls.rel(page, urls.YEARS), themes=urls.rel(page, urls.THEMES), about=urls.rel(page, urls.ABOUT),
        search=urls.rel(page, urls.SEARCH), search_form=urls.file_link(page, urls.SEARCH),
        feed=urls.rel(page, urls.feed(None)), json_feed=urls.rel(page, urls.json_feed(urls.feed(None))),
        downloads={name: urls.release_asset(released, f"{name}.gz") if released and name in downloads.ATLAS
                   else urls.rel(page, urls.download(name)) for name in DOWNLOADS},
        released=bool(released),
    )


@dataclass(frozen=True, kw_only=True)
class SearchPage:
    """The search page: where its script finds the index and the site's root."""

    template: ClassVar[str] = "search.md.j2"
    path: str
    root: str    # from the page to the site's root
    index: str   # from the page to the index files (generator/site/search.py)
    scripts: tuple[str, ...]
    rules: tuple[str, ...]
    examples: tuple[Link, ...]


def search_page() -> SearchPage:
    path = urls.SEARCH
    return SearchPage(path=path, root=urls.root_from(path), index=urls.search_folder_public(path),
                      scripts=tuple(urls.rel(path, s) for s in urls.SEARCH_SCRIPTS), rules=labels.SEARCH_RULES,
                      examples=tuple(Link(label=q, href=f"?q={q}") for q in labels.SEARCH_EXAMPLES))


def provinces(index: Index, page: str, pages: bool = False, only: str | None = None) -> tuple[ProvinceGroup, ...]:
    """Localities with plans, grouped by province; the unknown province last; with a link
    to each province's page when pages; only: that province's group alone."""
    grouped: dict[str, list[LocalityRow]] = {}
    for locality in index.catalog.localities.values():
        own = index.by_locality.get(locality.id, [])
        if own and only in (None, locality.province or labels.UNKNOWN_PROVINCE):
            grouped.setdefault(locality.province or labels.UNKNOWN_PROVINCE, []).append(LocalityRow(
                locality=link(locality.name, page, urls.locality(locality.id)), level=locality.level,
                years=tuple(link(str(p.year), page, urls.plan(p.id)) for p in own),
            ))
    ordered = sorted(grouped.items(), key=lambda kv: kv[0] == labels.UNKNOWN_PROVINCE)
    return tuple(ProvinceGroup(province=k, localities=tuple(v), page=link(
        k, page, urls.province(None if k == labels.UNKNOWN_PROVINCE else k)) if pages else None) for k, v in ordered)


@dataclass(frozen=True, kw_only=True)
class ProvincePage:
    """A province's localities and their plans, where the atlas is too large for one list."""

    template: ClassVar[str] = "province.md.j2"
    path: str
    group: ProvinceGroup
    pager: Pager | None
    up: Link
    heading: str
    title: str
    description: str


def province_pages(index: Index, limits: Limits) -> list[ProvincePage]:
    found = []
    for group in provinces(index, urls.LOCALITIES):
        name = None if group.province == labels.UNKNOWN_PROVINCE else group.province
        rows = group.localities
        size = limits.page_localities
        cuts = [rows[at:at + size] for at in range(0, len(rows), size)]
        paths = [urls.province(name, n) for n in range(1, len(cuts) + 1)]
        labels_ = [span([row.locality.label for row in cut]) for cut in cuts]
        for number, page in enumerate(paths, 1):
            own, = provinces(index, page, only=group.province)  # its links again, from this page
            found.append(ProvincePage(
                path=page, group=replace(own, localities=own.localities[(number - 1) * size:][:size]),
                pager=pager(page, number, paths, labels_),
                up=link("全部地区（按省份）", page, urls.LOCALITIES), heading=f"{group.province}{page_suffix(number)}",
                title=f"{group.province}：收录的地区{page_suffix(number)}",
                description=f"{group.province}本站收录计划的{len(rows)}个地区及其年份。"))
    return found


def theme_table(index: Index, page: str) -> CountTable:
    years = sorted(index.by_year, reverse=True)  # newest first: what a phone shows without scrolling
    rows = []
    for theme in index.catalog.themes:
        cells = [(index.theme_year_counts.get((theme.id, year), 0),
                  urls.rel(page, urls.theme_year(theme.id, year))) for year in years]
        rows.append((link(theme.name, page, urls.theme(theme.id)), cells))
    return count_table("主题 \\ 年份", [link(str(y), page, urls.year(y)) for y in years], rows)


@dataclass(frozen=True, kw_only=True)
class HomePage:
    template: ClassVar[str] = "home.md.j2"
    path: str
    description: str
    plans: int
    items: int
    localities: int
    years: tuple[int, ...]
    latest: tuple[PlanRow, ...]
    links: SiteLinks
    part: str  # an offline bundle of a part of the atlas: what it holds; else empty


def home_page(index: Index, part: str) -> HomePage:
    page, plans, items = urls.HOME, index.catalog.plans, _items(index)
    return HomePage(
        path=page, description=f"收录{len(plans)}份地方教育工作要点、{items}条任务，可按地区、年份、主题浏览和全文搜索。",
        plans=len(plans), items=items, localities=len(index.by_locality), years=tuple(index.by_year),
        latest=tuple(plan_row(index, p, page) for p in sorted(plans, key=lambda p: (-p.year, p.id))[:LATEST_PLANS]),
        links=site_links(page), part=part)


@dataclass(frozen=True, kw_only=True)
class PlansIndexPage:
    template: ClassVar[str] = "plans_index.md.j2"
    path: str
    description: str
    plans: int
    items: int
    plans_partitioned: bool  # too many plans to list: the years, with counts
    plan_years: tuple[PlanYear, ...]
    year_rows: tuple[YearRow, ...]


def plans_index(index: Index, limits: Limits) -> PlansIndexPage:
    page, plans = urls.PLANS, index.catalog.plans
    partitioned = len(plans) > limits.partition_at
    return PlansIndexPage(
        path=page, description=f"按年份列出本站收录的{len(plans)}份地方教育工作要点。", plans=len(plans),
        items=_items(index), plans_partitioned=partitioned,
        plan_years=() if partitioned else tuple(
            PlanYear(year=y, rows=tuple(plan_row(index, p, page) for p in index.by_year[y]), collapsed=k >= OPEN_YEARS)
            for k, y in enumerate(reversed(list(index.by_year)))),
        year_rows=year_rows(index, page))


@dataclass(frozen=True, kw_only=True)
class LocalitiesIndexPage:
    template: ClassVar[str] = "localities_index.md.j2"
    path: str
    description: str
    provinces: tuple[ProvinceGroup, ...]
    provinces_partitioned: bool  # each province on its own page, listed with counts here


def by_province_pages(index: Index, limits: Limits) -> bool:
    """Whether the localities are listed a page a province (too many for one list)."""
    return len(index.by_locality) > limits.partition_at


def localities_index(index: Index, limits: Limits) -> LocalitiesIndexPage:
    page = urls.LOCALITIES
    partitioned = by_province_pages(index, limits)
    return LocalitiesIndexPage(
        path=page, description=f"按省份列出本站收录计划的{len(index.by_locality)}个地区及其年份。",
        provinces=provinces(index, page, pages=partitioned), provinces_partitioned=partitioned)


@dataclass(frozen=True, kw_only=True)
class YearsIndexPage:
    template: ClassVar[str] = "years_index.md.j2"
    path: str
    year_rows: tuple[YearRow, ...]


def year_rows(index: Index, page: str) -> tuple[YearRow, ...]:
    return tuple(YearRow(link=link(f"{y}年", page, urls.year(y)), plans=len(ps), items=sum(p.item_count for p in ps))
                 for y, ps in reversed(index.by_year.items()))


@dataclass(frozen=True, kw_only=True)
class ThemesIndexPage:
    template: ClassVar[str] = "themes_index.md.j2"
    path: str
    description: str
    theme_table: CountTable
    themes: tuple[ThemeRow, ...]


def themes_index(index: Index) -> ThemesIndexPage:
    page, themes = urls.THEMES, index.catalog.themes
    return ThemesIndexPage(
        path=page, description=f"{cn_numeral(len(themes))}个教育主题，以及各主题在各年份的任务数。",
        theme_table=theme_table(index, page),
        themes=tuple(ThemeRow(link=link(t.name, page, urls.theme(t.id)), items=len(index.by_theme[t.id]))
                     for t in themes))


@dataclass(frozen=True, kw_only=True)
class DataPage:
    template: ClassVar[str] = "data.md.j2"
    path: str
    plans: int
    items: int
    links: SiteLinks


def data_page(index: Index, released: str | None) -> DataPage:
    """released: the repository whose releases hold the whole-atlas downloads, if they do."""
    return DataPage(path=urls.DATA, plans=len(index.catalog.plans), items=_items(index),
                    links=site_links(urls.DATA, released))


def _items(index: Index) -> int:
    return sum(p.item_count for p in index.catalog.plans)


def pages(index: Index, settings: SiteSettings) -> Iterator[PageView]:
    """The home page, the index pages (with a page a province where the atlas is large),
    the data page and the search page."""
    yield home_page(index, settings.part)
    yield plans_index(index, settings.limits)
    yield localities_index(index, settings.limits)
    yield YearsIndexPage(path=urls.YEARS, year_rows=year_rows(index, urls.YEARS))
    yield themes_index(index)
    if by_province_pages(index, settings.limits):
        yield from province_pages(index, settings.limits)
    yield data_page(index, None if settings.downloads.on_pages else settings.repo_url)
    yield search_page()
