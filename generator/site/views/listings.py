"""Listing pages: a locality, a year, a theme, and a theme in one year."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar
from weakref import WeakKeyDictionary

from ...analysis.index import Entry, Index
from ...data.model import Catalog, Locality, Plan, Theme
from .. import labels, urls
from ..settings import Limits, SiteSettings
from .common import (LIST_LIMIT, CountTable, Link, PageView, Pager, PlanRow, count_table, excerpt, item_label, link,
                     page_suffix, pager, pages_of, plan_row, span)

WIDE_TABLE = 20  # more localities than this: one row per locality instead of one column
LOCALITY_TABLE = ("主题 × 地区", "每格是该地区本年计划中属于该主题的任务数，点击可看到这些任务。")
PROVINCE_TABLE = ("主题 × 省份", "每格是该省份本年计划中属于该主题的任务数，点击可看到这些任务。")
TOTALS_TABLE = ("各主题", "本省份地区较多，这里只列各主题的任务数，点击可看到各地的这些任务。")


@dataclass(frozen=True, kw_only=True)
class LocalityPage:
    template: ClassVar[str] = "locality.md.j2"
    path: str
    locality: Locality
    province: str
    parent: Link | None
    children: tuple[Link, ...]
    plans: tuple[PlanRow, ...]
    table: CountTable | None
    comparison: Link | None
    feed: str        # docs path, for the page's feed link in <head>
    feed_title: str
    feeds: tuple[Link, ...]  # Atom and JSON Feed, for the reader
    title: str
    description: str


def locality_page(index: Index, limits: Limits, locality: Locality) -> LocalityPage:
    page = urls.locality(locality.id)
    catalog = index.catalog
    plans = index.by_locality.get(locality.id, [])
    years = sorted({p.year for p in plans}, reverse=True)  # newest first: what a phone shows without scrolling
    per_year = {year: index.theme_counts([p for p in plans if p.year == year]) for year in years}
    rows = []
    for theme in catalog.themes:
        cells = [(per_year[year].get(theme.id, 0), theme_year_href(index, limits, page, theme.id, year, locality.id))
                 for year in years]
        if any(c for c, _ in cells):
            rows.append((link(theme.name, page, urls.theme(theme.id)), cells))
    parent = catalog.localities.get(locality.parent) if locality.parent else None
    return LocalityPage(
        path=page,
        locality=locality,
        province=locality.province or labels.NOT_PROVEN,
        parent=link(parent.name, page, urls.locality(parent.id)) if parent else None,
        children=tuple(link(c.name, page, urls.locality(c.id))
                       for c in catalog.localities.values() if c.parent == locality.id),
        plans=tuple(plan_row(index, p, page) for p in plans),
        table=count_table("主题 \\ 年份", [link(str(y), page, urls.year(y)) for y in years], rows)
        if years else None,
        comparison=link("历年对比：主题变化、延续与新增的任务、指标", page, urls.comparison(locality.id))
        if len(plans) > 1 else None,
        feed=urls.feed(locality.id) if plans else "",
        feed_title=f"{locality.name}教育工作要点：新增与更新",
        feeds=(link("Atom", page, urls.feed(locality.id)),
               link("JSON Feed", page, urls.json_feed(urls.feed(locality.id)))) if plans else (),
        title=f"{locality.name}：历年教育工作要点",
        description=f"{locality.name}（{locality.level}）的教育工作要点：{len(plans)}份计划，按年份与主题浏览。",
    )


@dataclass(frozen=True, kw_only=True)
class PartRow:
    """One province's share of a listing too long for one page, and where it is."""

    key: str | None  # the province as the registry writes it (None: unknown)
    province: str
    count: int
    pages: int
    link: Link


@dataclass(frozen=True, kw_only=True)
class YearPage:
    template: ClassVar[str] = "year.md.j2"
    path: str
    year: int
    plans: tuple[PlanRow, ...]
    plans_collapsed: bool  # a long list of plans starts folded
    parts: tuple[PartRow, ...]  # a year with many plans: one page per province
    up: Link | None  # a province's part: the whole year
    pager: Pager | None  # a province's part in several pages
    table: CountTable
    table_heading: str
    table_note: str
    previous: Link | None
    next: Link | None
    heading: str
    title: str
    description: str


@dataclass(frozen=True, kw_only=True)
class Paged:
    """A split listing (a theme-year or a year): per province, its localities in pages."""

    pages: dict[str | None, tuple[tuple[str, ...], ...]]  # province → pages of locality ids
    page_of: dict[str, int]  # locality → its page number (from 1) in its province's part
    totals: dict[str | None, int]  # province → the items or plans of its part


_T = TypeVar("_T")
_LAYOUTS: WeakKeyDictionary[Index, dict[Any, Any]] = WeakKeyDictionary()


def _cached(index: Index, key: tuple, compute: Callable[[], _T]) -> _T:
    """A layout derived from the index, computed once per index: every link to a
    locality's page and every page of a part ask for the same one."""
    cache = _LAYOUTS.setdefault(index, {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _paged(index: Index, weights: dict[str, int], budget: int) -> Paged:
    provinces = by_province(index, list(weights))
    pages = {province: pages_of({loc: weights[loc] for loc in own}, budget) for province, own in provinces.items()}
    return Paged(pages=pages, page_of={loc: n for part in pages.values() for n, page in enumerate(part, 1) for loc in page},
                 totals={province: sum(weights[loc] for loc in own) for province, own in provinces.items()})


def theme_year_entries(index: Index, theme_id: str, year: int) -> dict[str, list[Entry]]:
    """A theme's items in a year by locality, localities in order of first appearance."""
    def compute() -> dict[str, list[Entry]]:
        grouped: dict[str, list[Entry]] = {}
        for entry in index.by_theme[theme_id]:
            if entry.plan.year == year:
                grouped.setdefault(entry.plan.locality, []).append(entry)
        return grouped
    return _cached(index, ("entries", theme_id, year), compute)


def theme_year_layout(index: Index, limits: Limits, theme_id: str, year: int) -> Paged:
    return _cached(index, ("theme-year", theme_id, year, limits), lambda: _paged(
        index, {loc: len(e) for loc, e in theme_year_entries(index, theme_id, year).items()}, limits.page_items))


def year_plans(index: Index, year: int) -> dict[str, list[Plan]]:
    def compute() -> dict[str, list[Plan]]:
        grouped: dict[str, list[Plan]] = {}
        for plan in index.by_year[year]:
            grouped.setdefault(plan.locality, []).append(plan)
        return grouped
    return _cached(index, ("plans", year), compute)


def year_layout(index: Index, limits: Limits, year: int) -> Paged:
    return _cached(index, ("year", year, limits), lambda: _paged(
        index, {loc: len(p) for loc, p in year_plans(index, year).items()}, limits.page_plans))


def year_counts(index: Index, year: int) -> dict[str, dict[str, int]]:
    """Each locality's items per theme in a year."""
    return _cached(index, ("counts", year), lambda: {
        loc: index.theme_counts(plans) for loc, plans in year_plans(index, year).items()})


def theme_year_split(index: Index, limits: Limits, theme_id: str, year: int) -> bool:
    """Whether a theme's items of a year are listed by province (the page and every link to it ask here)."""
    return index.theme_year_counts.get((theme_id, year), 0) > limits.partition_at


def theme_year_href(index: Index, limits: Limits, page: str, theme_id: str, year: int, locality_id: str) -> str:
    """Link to a locality's items of a theme in a year: on the theme-year page, or on the
    page of its province's part that holds them where that listing is split."""
    if theme_year_split(index, limits, theme_id, year):
        province = index.catalog.localities[locality_id].province
        number = theme_year_layout(index, limits, theme_id, year).page_of.get(locality_id, 1)  # 1: no items there
        return urls.rel(page, urls.theme_year_part(theme_id, year, province, number), locality_id)
    return urls.rel(page, urls.theme_year(theme_id, year), locality_id)


def theme_year_province_href(index: Index, limits: Limits, page: str, theme_id: str, year: int,
                             province: str | None) -> str:
    """Link to a province's items of a theme in a year: its part where the theme-year
    listing is split, else the theme-year page itself (a year can be split by plans while
    a rare theme's items of that year still fit one page)."""
    if theme_year_split(index, limits, theme_id, year):
        return urls.rel(page, urls.theme_year_part(theme_id, year, province))
    return urls.rel(page, urls.theme_year(theme_id, year))


def _pager(index: Index, page: str, number: int, pages: tuple[tuple[str, ...], ...],
           path: Callable[[int], str]) -> Pager | None:
    names = index.catalog.localities
    return pager(page, number, [path(n) for n in range(1, len(pages) + 1)],
                 [span([names[loc].name for loc in own]) for own in pages])


def by_province(index: Index, localities: list[str]) -> dict[str | None, list[str]]:
    """Locality ids grouped by province, provinces in registry order, unknown last."""
    grouped: dict[str | None, list[str]] = {}
    for locality_id in localities:
        grouped.setdefault(index.catalog.localities[locality_id].province, []).append(locality_id)
    return dict(sorted(grouped.items(), key=lambda kv: kv[0] is None))


def _locality_table(index: Index, limits: Limits, page: str, year: int, localities: list[str],
                    counts: dict) -> CountTable:
    names = index.catalog.localities
    themes = index.catalog.themes

    def cell(locality: str, theme: str) -> tuple[int, str]:
        return counts[locality].get(theme, 0), theme_year_href(index, limits, page, theme, year, locality)

    locality_links = [link(names[loc].name, page, urls.locality(loc)) for loc in localities]
    theme_links = [link(t.name, page, urls.theme(t.id)) for t in themes]
    if len(localities) <= WIDE_TABLE:
        return count_table("主题 \\ 地区", locality_links,
                           [(t, [cell(loc, theme.id) for loc in localities]) for t, theme in zip(theme_links, themes)])
    return count_table("地区 \\ 主题", theme_links,
                       [(ll, [cell(loc, t.id) for t in themes]) for ll, loc in zip(locality_links, localities)])


def year_page(index: Index, limits: Limits, year: int) -> YearPage:
    page = urls.year(year)
    plans = index.by_year[year]
    counts = year_counts(index, year)
    localities = list(counts)
    years = list(index.by_year)
    at = years.index(year)
    partitioned = len(plans) > limits.partition_at
    provinces = by_province(index, localities)
    if partitioned:
        themes = index.catalog.themes
        table = count_table("主题 \\ 省份", [link(p or labels.UNKNOWN_PROVINCE, page, urls.year_part(year, p)) for p in provinces], [
            (link(t.name, page, urls.theme(t.id)),
             [(sum(counts[loc].get(t.id, 0) for loc in own), theme_year_province_href(index, limits, page, t.id, year, p))
              for p, own in provinces.items()]) for t in themes])
    else:
        table = _locality_table(index, limits, page, year, localities, counts)
    heading, note = PROVINCE_TABLE if partitioned else LOCALITY_TABLE
    layout = year_layout(index, limits, year) if partitioned else None
    return YearPage(
        path=page,
        year=year,
        plans=() if partitioned else tuple(plan_row(index, p, page) for p in plans),
        plans_collapsed=len(plans) > LIST_LIMIT,
        parts=tuple(PartRow(key=p, province=p or labels.UNKNOWN_PROVINCE, count=layout.totals[p],
                            pages=len(layout.pages[p]),
                            link=link(f"{year}年 {p or labels.UNKNOWN_PROVINCE}", page, urls.year_part(year, p)))
                    for p in provinces) if layout else (),
        up=None,
        pager=None,
        table=table,
        table_heading=heading,
        table_note=note,
        previous=link(f"{years[at - 1]}年", page, urls.year(years[at - 1])) if at > 0 else None,
        next=link(f"{years[at + 1]}年", page, urls.year(years[at + 1])) if at + 1 < len(years) else None,
        heading=f"{year}年",
        title=f"{year}年各地教育工作要点",
        description=f"{year}年的{len(plans)}份地方教育工作要点，以及各地在各主题上的任务数。",
    )


def year_part_page(index: Index, limits: Limits, year: int, province: str | None, number: int = 1) -> YearPage:
    """One page of one province's plans of a year too large for one page."""
    page = urls.year_part(year, province, number)
    layout = year_layout(index, limits, year)
    pages = layout.pages[province]
    grouped, all_counts = year_plans(index, year), year_counts(index, year)
    localities = [loc for own in pages for loc in own]
    counts = {loc: all_counts[loc] for loc in localities}
    plans = [p for loc in pages[number - 1] for p in grouped[loc]]
    name = province or labels.UNKNOWN_PROVINCE
    if len(localities) > limits.locality_table_up_to:
        table = count_table("主题", [link(name, page, urls.year_part(year, province))], [
            (link(t.name, page, urls.theme(t.id)), [(sum(c.get(t.id, 0) for c in counts.values()),
                                                    theme_year_province_href(index, limits, page, t.id, year, province))])
            for t in index.catalog.themes])
        heading, note = TOTALS_TABLE
    else:
        table, (heading, note) = _locality_table(index, limits, page, year, localities, counts), LOCALITY_TABLE
    count = layout.totals[province]
    return YearPage(
        path=page, year=year, plans=tuple(plan_row(index, p, page) for p in plans),
        plans_collapsed=len(plans) > LIST_LIMIT, parts=(), up=link(f"{year}年各省份", page, urls.year(year)),
        pager=_pager(index, page, number, pages, lambda n: urls.year_part(year, province, n)),
        table=table, table_heading=heading, table_note=note, previous=None, next=None,
        heading=f"{year}年 {name}{page_suffix(number)}", title=f"{year}年{name}各地教育工作要点{page_suffix(number)}",
        description=f"{year}年{name}的{count}份地方教育工作要点，以及各地在各主题上的任务数。",
    )


@dataclass(frozen=True, kw_only=True)
class EntryView:
    title: str
    href: str
    excerpt: str


@dataclass(frozen=True, kw_only=True)
class LocalityGroup:
    """A place's items on a listing of one year: the heading names the place and leads to
    its plan of the year; with two plans or more, to the place, its plans listed below
    (a line of its own for every place was 2 KB a plan at 1,000 plans)."""
    anchor: str
    heading: Link
    plans: tuple[Link, ...]
    entries: tuple[EntryView, ...]


@dataclass(frozen=True, kw_only=True)
class YearGroup:
    year: int
    count: int
    link: Link
    groups: tuple[LocalityGroup, ...]
    listed: bool


def locality_groups(entries: list[Entry], page: str, catalog: Catalog,
                    with_excerpts: bool = True) -> tuple[LocalityGroup, ...]:
    """Entries grouped by locality, in order of first appearance; the group's anchor is
    the locality id."""
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.plan.locality, []).append(entry)
    groups = []
    for locality_id, own in grouped.items():
        locality = catalog.localities[locality_id]
        plans = tuple(dict.fromkeys(link(e.plan.title, page, urls.plan(e.plan.id)) for e in own))
        groups.append(LocalityGroup(
            anchor=locality.id,
            heading=link(locality.name, page, urls.locality(locality.id)) if len(plans) > 1 else
            link(locality.name, page, urls.plan(own[0].plan.id)),
            plans=plans if len(plans) > 1 else (),
            entries=tuple(EntryView(
                title=item_label(e.item),
                href=urls.rel(page, urls.plan(e.plan.id), e.item.anchor),
                excerpt=(excerpt(e.item.text) if e.item.text else "（原文只有标题）") if with_excerpts else "",
            ) for e in own),
        ))
    return tuple(groups)


@dataclass(frozen=True, kw_only=True)
class ThemePage:
    template: ClassVar[str] = "theme.md.j2"
    path: str
    theme: Theme
    rule: str
    years: tuple[YearGroup, ...]
    by_locality: tuple[tuple[Link, int], ...]
    by_province: tuple[tuple[str, int], ...]  # instead, where too many localities to list
    total: int
    title: str
    description: str


def theme_page(index: Index, limits: Limits, theme: Theme) -> ThemePage:
    page = urls.theme(theme.id)
    entries = index.by_theme[theme.id]
    years = sorted({e.plan.year for e in entries}, reverse=True)
    year_groups = []
    for year in years:
        in_year = [e for e in entries if e.plan.year == year]
        listed = len(in_year) <= LIST_LIMIT
        year_groups.append(YearGroup(
            year=year, count=len(in_year),
            link=link(f"{year}年", page, urls.theme_year(theme.id, year)),
            groups=locality_groups(in_year, page, index.catalog) if listed else (),
            listed=listed,
        ))
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.plan.locality] = counts.get(entry.plan.locality, 0) + 1
    localities = index.catalog.localities
    partitioned = len(counts) > limits.partition_at
    provinces = by_province(index, list(counts))
    return ThemePage(
        path=page,
        theme=theme,
        rule=labels.THEME_RULE,
        years=tuple(year_groups),
        by_locality=() if partitioned else tuple(
            (link(localities[loc].name, page, urls.locality(loc)), n)
            for loc, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_province=tuple((p or labels.UNKNOWN_PROVINCE, sum(counts[loc] for loc in own))
                          for p, own in provinces.items()) if partitioned else (),
        total=len(entries),
        title=f"主题：{theme.name}",
        description=f"各地教育工作要点中关于“{theme.name}”的{len(entries)}条任务，按年份和地区排列。",
    )


@dataclass(frozen=True, kw_only=True)
class ThemeYearPage:
    template: ClassVar[str] = "theme_year.md.j2"
    path: str
    theme: Theme
    year: int
    theme_link: Link
    up: Link | None  # a province's part: the whole theme-year
    pager: Pager | None  # a province's part in several pages
    groups: tuple[LocalityGroup, ...]
    parts: tuple[PartRow, ...]  # many items: one page per province instead of the groups
    count: int
    heading: str
    title: str
    description: str


def theme_year_page(index: Index, limits: Limits, theme: Theme, year: int) -> ThemeYearPage:
    page = urls.theme_year(theme.id, year)
    grouped = theme_year_entries(index, theme.id, year)
    count = sum(map(len, grouped.values()))
    split = theme_year_split(index, limits, theme.id, year)
    layout = theme_year_layout(index, limits, theme.id, year) if split else None
    return ThemeYearPage(
        path=page, theme=theme, year=year,
        theme_link=link(theme.name, page, urls.theme(theme.id)), up=None, pager=None,
        groups=() if layout else locality_groups([e for own in grouped.values() for e in own], page, index.catalog),
        parts=tuple(PartRow(key=p, province=p or labels.UNKNOWN_PROVINCE,
                            count=layout.totals[p], pages=len(pages),
                            link=link(f"{theme.name}：{year}年 {p or labels.UNKNOWN_PROVINCE}", page,
                                      urls.theme_year_part(theme.id, year, p)))
                    for p, pages in layout.pages.items()) if layout else (),
        count=count,
        heading=f"{theme.name}：{year}年",
        title=f"{theme.name}：{year}年",
        description=f"{year}年各地教育工作要点中关于“{theme.name}”的{count}条任务。",
    )


def theme_year_part_page(index: Index, limits: Limits, theme: Theme, year: int, province: str | None,
                         number: int = 1) -> ThemeYearPage:
    """One page of one province's items of a theme in a year too large for one page."""
    page = urls.theme_year_part(theme.id, year, province, number)
    layout = theme_year_layout(index, limits, theme.id, year)
    pages = layout.pages[province]
    grouped = theme_year_entries(index, theme.id, year)
    entries = [e for loc in pages[number - 1] for e in grouped[loc]]
    count = layout.totals[province]
    name = province or labels.UNKNOWN_PROVINCE
    return ThemeYearPage(
        path=page, theme=theme, year=year, theme_link=link(theme.name, page, urls.theme(theme.id)),
        up=link(f"{theme.name}：{year}年各省份", page, urls.theme_year(theme.id, year)),
        pager=_pager(index, page, number, pages, lambda n: urls.theme_year_part(theme.id, year, province, n)),
        groups=locality_groups(entries, page, index.catalog, with_excerpts=count <= limits.excerpts_up_to), parts=(),
        count=count,
        heading=f"{theme.name}：{year}年 {name}{page_suffix(number)}",
        title=f"{theme.name}：{year}年{name}{page_suffix(number)}",
        description=f"{year}年{name}各地教育工作要点中关于“{theme.name}”的{count}条任务。",
    )


def pages(index: Index, settings: SiteSettings) -> Iterator[PageView]:
    """Every locality's page; every year's and theme's, each theme's of every year, and
    the pages of their provinces' parts where they are split."""
    limits = settings.limits
    for locality in index.catalog.localities.values():
        yield locality_page(index, limits, locality)
    for year in index.by_year:
        whole = year_page(index, limits, year)
        yield whole
        for part in whole.parts:
            yield from (year_part_page(index, limits, year, part.key, n) for n in range(1, part.pages + 1))
    for theme in index.catalog.themes:
        yield theme_page(index, limits, theme)
        for year in index.by_year:
            theme_year = theme_year_page(index, limits, theme, year)
            yield theme_year
            for part in theme_year.parts:
                yield from (theme_year_part_page(index, limits, theme, year, part.key, n)
                            for n in range(1, part.pages + 1))
