"""Listing pages: a locality, a year, a theme, and a theme in one year."""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis.index import Entry, Index
from ...data.model import Catalog, Locality, Theme
from .. import labels, urls
from .common import LIST_LIMIT, CountTable, Link, PlanRow, count_table, excerpt, item_label, link, plan_row

WIDE_TABLE = 20  # more localities than this: one row per locality instead of one column


@dataclass(frozen=True, kw_only=True)
class LocalityPage:
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


def locality_page(index: Index, locality: Locality) -> LocalityPage:
    page = urls.locality(locality.id)
    catalog = index.catalog
    plans = index.by_locality.get(locality.id, [])
    years = sorted({p.year for p in plans})
    per_year = {year: index.theme_counts([p for p in plans if p.year == year]) for year in years}
    rows = []
    for theme in catalog.themes:
        cells = [(per_year[year].get(theme.id, 0), urls.rel(page, urls.theme_year(theme.id, year), locality.id))
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
class YearPage:
    path: str
    year: int
    plans: tuple[PlanRow, ...]
    plans_collapsed: bool  # a long list of plans starts folded
    table: CountTable
    previous: Link | None
    next: Link | None
    title: str
    description: str


def year_page(index: Index, year: int) -> YearPage:
    page = urls.year(year)
    plans = index.by_year[year]
    localities = list(dict.fromkeys(p.locality for p in plans))
    names = index.catalog.localities
    themes = index.catalog.themes
    counts = {loc: index.theme_counts([p for p in plans if p.locality == loc]) for loc in localities}

    def cell(locality: str, theme: str) -> tuple[int, str]:
        return counts[locality].get(theme, 0), urls.rel(page, urls.theme_year(theme, year), locality)

    locality_links = [link(names[loc].name, page, urls.locality(loc)) for loc in localities]
    theme_links = [link(t.name, page, urls.theme(t.id)) for t in themes]
    if len(localities) <= WIDE_TABLE:
        table = count_table("主题 \\ 地区", locality_links,
                            [(t, [cell(loc, theme.id) for loc in localities]) for t, theme in zip(theme_links, themes)])
    else:
        table = count_table("地区 \\ 主题", theme_links,
                            [(ll, [cell(loc, t.id) for t in themes]) for ll, loc in zip(locality_links, localities)])
    years = list(index.by_year)
    at = years.index(year)
    return YearPage(
        path=page,
        year=year,
        plans=tuple(plan_row(index, p, page) for p in plans),
        plans_collapsed=len(plans) > LIST_LIMIT,
        table=table,
        previous=link(f"{years[at - 1]}年", page, urls.year(years[at - 1])) if at > 0 else None,
        next=link(f"{years[at + 1]}年", page, urls.year(years[at + 1])) if at + 1 < len(years) else None,
        title=f"{year}年各地教育工作要点",
        description=f"{year}年的{len(plans)}份地方教育工作要点，以及各地在各主题上的任务数。",
    )


@dataclass(frozen=True, kw_only=True)
class EntryView:
    title: str
    href: str
    excerpt: str


@dataclass(frozen=True, kw_only=True)
class LocalityGroup:
    anchor: str
    locality: Link
    plans: tuple[Link, ...]
    entries: tuple[EntryView, ...]


@dataclass(frozen=True, kw_only=True)
class YearGroup:
    year: int
    count: int
    link: Link
    groups: tuple[LocalityGroup, ...]
    listed: bool


def locality_groups(entries: list[Entry], page: str, catalog: Catalog) -> tuple[LocalityGroup, ...]:
    """Entries grouped by locality, in order of first appearance; the group's anchor is
    the locality id."""
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.plan.locality, []).append(entry)
    groups = []
    for locality_id, own in grouped.items():
        locality = catalog.localities[locality_id]
        plans = dict.fromkeys(link(e.plan.title, page, urls.plan(e.plan.id)) for e in own)
        groups.append(LocalityGroup(
            anchor=locality.id,
            locality=link(locality.name, page, urls.locality(locality.id)),
            plans=tuple(plans),
            entries=tuple(EntryView(
                title=item_label(e.item),
                href=urls.rel(page, urls.plan(e.plan.id), e.item.anchor),
                excerpt=excerpt(e.item.text) if e.item.text else "（原文只有标题）",
            ) for e in own),
        ))
    return tuple(groups)


@dataclass(frozen=True, kw_only=True)
class ThemePage:
    path: str
    theme: Theme
    rule: str
    years: tuple[YearGroup, ...]
    by_locality: tuple[tuple[Link, int], ...]
    total: int
    title: str
    description: str


def theme_page(index: Index, theme: Theme) -> ThemePage:
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
    return ThemePage(
        path=page,
        theme=theme,
        rule=labels.THEME_RULE,
        years=tuple(year_groups),
        by_locality=tuple((link(localities[loc].name, page, urls.locality(loc)), n)
                          for loc, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        total=len(entries),
        title=f"主题：{theme.name}",
        description=f"各地教育工作要点中关于“{theme.name}”的{len(entries)}条任务，按年份和地区排列。",
    )


@dataclass(frozen=True, kw_only=True)
class ThemeYearPage:
    path: str
    theme: Theme
    year: int
    theme_link: Link
    groups: tuple[LocalityGroup, ...]
    count: int
    title: str
    description: str


def theme_year_page(index: Index, theme: Theme, year: int) -> ThemeYearPage:
    page = urls.theme_year(theme.id, year)
    entries = [e for e in index.by_theme[theme.id] if e.plan.year == year]
    return ThemeYearPage(
        path=page, theme=theme, year=year,
        theme_link=link(theme.name, page, urls.theme(theme.id)),
        groups=locality_groups(entries, page, index.catalog), count=len(entries),
        title=f"{theme.name}：{year}年",
        description=f"{year}年各地教育工作要点中关于“{theme.name}”的{len(entries)}条任务。",
    )
