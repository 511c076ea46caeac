"""Overview pages: home, all plans, all localities, all years, all themes, data."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...analysis.index import Index
from ...data.numerals import cn_numeral
from .. import downloads, labels, urls
from ..settings import Limits
from .common import (CountTable, Link, Pager, PlanRow, count_table, link, page_suffix, pager, plan_row,
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
class Overview:
    path: str
    description: str
    plans: int
    items: int
    localities: int
    years: tuple[int, ...]
    provinces: tuple[ProvinceGroup, ...]
    provinces_partitioned: bool  # each province on its own page, listed with counts here
    plans_partitioned: bool      # too many plans to list: the years, with counts
    theme_table: CountTable
    plan_years: tuple[PlanYear, ...]
    year_rows: tuple[YearRow, ...]
    themes: tuple[ThemeRow, ...]
    latest: tuple[PlanRow, ...]
    links: SiteLinks
    part: str  # an offline bundle of a part of the atlas: what it holds (home page); else empty


@dataclass(frozen=True, kw_only=True)
class SearchPage:
    """The search page: where its script finds the index and the site's root."""

    path: str
    root: str    # from the page to the site's root
    index: str   # from the page to the index files (generator/site/search.py)
    script: str
    rules: tuple[str, ...]
    examples: tuple[Link, ...]


def search_page() -> SearchPage:
    path = urls.SEARCH
    return SearchPage(path=path, root=urls.root_from(path), index=urls.search_folder_from(path),
                      script=urls.rel(path, urls.SEARCH_SCRIPT), rules=labels.SEARCH_RULES,
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


def overview(index: Index, limits: Limits, page: str, released: str | None = None, part: str = "") -> Overview:
    catalog = index.catalog
    plans = catalog.plans
    years = list(index.by_year)
    items = sum(p.item_count for p in plans)
    descriptions = {
        urls.HOME: f"收录{len(plans)}份地方教育工作要点、{items}条任务，可按地区、年份、主题浏览和全文搜索。",
        urls.PLANS: f"按年份列出本站收录的{len(plans)}份地方教育工作要点。",
        urls.LOCALITIES: f"按省份列出本站收录计划的{len(index.by_locality)}个地区及其年份。",
        urls.THEMES: f"{cn_numeral(len(catalog.themes))}个教育主题，以及各主题在各年份的任务数。",
    }
    return Overview(
        path=page,
        description=descriptions.get(page, ""),
        plans=len(plans),
        items=items,
        localities=len(index.by_locality),
        years=tuple(years),
        provinces=provinces(index, page, pages=len(index.by_locality) > limits.partition_at),
        provinces_partitioned=len(index.by_locality) > limits.partition_at,
        plans_partitioned=len(plans) > limits.partition_at,
        theme_table=theme_table(index, page),
        plan_years=() if len(plans) > limits.partition_at else tuple(
            PlanYear(year=y, rows=tuple(plan_row(index, p, page) for p in index.by_year[y]), collapsed=k >= OPEN_YEARS)
            for k, y in enumerate(reversed(years))),
        year_rows=tuple(YearRow(link=link(f"{y}年", page, urls.year(y)), plans=len(ps),
                                items=sum(p.item_count for p in ps))
                        for y, ps in reversed(index.by_year.items())),
        themes=tuple(ThemeRow(link=link(t.name, page, urls.theme(t.id)), items=len(index.by_theme[t.id]))
                     for t in catalog.themes),
        latest=tuple(plan_row(index, p, page) for p in sorted(plans, key=lambda p: (-p.year, p.id))[:LATEST_PLANS]),
        links=site_links(page, released),
        part=part,
    )
