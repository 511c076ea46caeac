"""View models: plain objects the templates receive, built from the model and index.

Templates never see YAML dicts or do lookups; every label, count and link is
decided here. Page paths are computed in one place (:class:`Pages`), so a URL
scheme change touches one function.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath
from dataclasses import dataclass, field

from .index import Entry, Index
from .insight import Insight
from .model import Item, Locality, Plan, Section, TaskRow, Target, Theme

EXCERPT_CHARS = 80
LIST_LIMIT = 100  # a group longer than this is collapsed, a theme-year longer is only linked


class Pages:
    """Docs-relative paths of every page kind."""

    home = "index.md"
    about = "about.md"
    plans = "plans/index.md"
    localities = "localities/index.md"
    years = "years/index.md"
    themes = "themes/index.md"

    @staticmethod
    def plan(plan_id: str) -> str:
        return f"plans/{plan_id}.md"

    @staticmethod
    def locality(locality_id: str) -> str:
        return f"localities/{locality_id}.md"

    @staticmethod
    def year(year: int) -> str:
        return f"years/{year}.md"

    @staticmethod
    def theme(theme_id: str) -> str:
        return f"themes/{theme_id}/index.md"

    @staticmethod
    def theme_year(theme_id: str, year: int) -> str:
        return f"themes/{theme_id}/{year}.md"

    @staticmethod
    def comparison(locality_id: str) -> str:
        return f"compare/{locality_id}/index.md"

    @staticmethod
    def pair(locality_id: str, earlier: str, later: str) -> str:
        return f"compare/{locality_id}/{earlier}--{later}.md"

    data = "data/index.md"


def rel(source: str, target: str, anchor: str = "") -> str:
    """Link from one docs page to another, as MkDocs resolves Markdown links."""
    path = posixpath.relpath(target, posixpath.dirname(source) or ".")
    return f"{path}#{anchor}" if anchor else path


@dataclass
class Link:
    label: str
    href: str


def item_label(item: Item) -> str:
    """'8. 高标准完成……' — printed number, then the headline (or the text's opening)."""
    return (f"{item.number}. " if item.number else "") + item.display_title


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def locality_label(locality: Locality) -> str:
    return locality.name


# ---------------------------------------------------------------------------
# Plan page


@dataclass
class ItemView:
    anchor: str
    heading: str
    paragraphs: list[str]
    owners: list[str]
    deadlines: list[str]
    themes: list[Link]
    theme_words: str
    manual_themes: bool
    tasks: list[TaskRow]
    outline_only: bool
    truncated: bool
    outline_title: str | None
    note: str | None
    untitled: bool
    targets: list[Target]
    related: list[tuple[Link, str, float]]  # item, its plan's label, score


@dataclass
class SectionView:
    anchor: str
    heading: str
    level: int
    outline_title: str | None
    intro: list[str]
    items: list[ItemView]
    sections: list[SectionView]
    number_missing: bool


@dataclass
class PlanPage:
    path: str
    plan: Plan
    locality: Locality
    locality_link: Link
    year_link: Link
    title: str
    description: str
    notice: list[str]
    preamble: list[str]
    sections: list[SectionView]
    items: list[ItemView]
    closing: list[str]
    previous: Link | None
    next: Link | None
    comparison: Link | None
    edit_url: str | None
    source_url: str | None
    task_columns: list[tuple[str, str]]
    item_count: int


def paragraphs(text: str | None) -> list[str]:
    return [line for line in (text or "").split("\n") if line.strip()]


def task_columns(plan: Plan) -> list[tuple[str, str]]:
    if not plan.task_table:
        return []
    return [(key, label) for key, label in plan.task_table.columns if key != "row"]


def item_view(index: Index, plan: Plan, item: Item, page: str, insight: Insight | None = None) -> ItemView:
    assignment = index.assignments[(plan.id, item.anchor)]
    localities = index.catalog.localities
    related = [
        (Link(m.item.display_title, rel(page, Pages.plan(m.plan.id), m.item.anchor)),
         f"{localities[m.plan.locality].name} {m.plan.year}", m.score)
        for m in (insight.related.get((plan.id, item.anchor), []) if insight else [])
    ]
    names = {t.id: t.name for t in index.catalog.themes}
    words = {m.theme: m.words for m in assignment.matches}
    return ItemView(
        anchor=item.anchor,
        heading=item_label(item),
        paragraphs=paragraphs(item.text),
        owners=list(item.owners),
        deadlines=list(item.deadlines),
        themes=[Link(names[t], rel(page, Pages.theme(t))) for t in assignment.themes],
        theme_words="；".join(f"{names[t]}：{'、'.join(words.get(t, ()))}" for t in assignment.themes
                             if words.get(t)),
        manual_themes=assignment.manual,
        tasks=list(item.tasks),
        outline_only=item.outline_only,
        truncated=item.truncated,
        outline_title=item.outline_title,
        note=item.note,
        untitled=item.title is None,
        targets=list(item.targets),
        related=related,
    )


def section_view(index: Index, plan: Plan, section: Section, page: str, trail: str, level: int,
                 insight: Insight | None = None) -> SectionView:
    number = section.number or ""
    separator = "" if number.endswith(("）", "是")) else "、"
    heading = f"{number}{separator}{section.title}" if number else section.title
    return SectionView(
        anchor=trail,
        heading=heading,
        level=level,
        outline_title=section.outline_title,
        intro=paragraphs(section.intro),
        items=[item_view(index, plan, i, page, insight) for i in section.items],
        sections=[section_view(index, plan, s, page, f"{trail}-{k}", level + 1, insight)
                  for k, s in enumerate(section.sections, start=1)],
        number_missing=section.number is None,
    )


def plan_page(index: Index, plan: Plan, repo_url: str | None, edit_uri: str = "blob/main/",
              insight: Insight | None = None) -> PlanPage:
    page = Pages.plan(plan.id)
    locality = index.catalog.localities[plan.locality]
    previous, following = index.neighbours(plan)
    items = list(plan.all_items())
    return PlanPage(
        path=page,
        plan=plan,
        locality=locality,
        locality_link=Link(locality_label(locality), rel(page, Pages.locality(locality.id))),
        year_link=Link(f"{plan.year}年", rel(page, Pages.year(plan.year))),
        title=f"{locality_label(locality)} {plan.year}：{plan.title}",
        description=f"{locality_label(locality)}{plan.year}年教育工作要点全文：{len(items)}条任务，"
                    f"含责任单位、时限与主题。",
        notice=paragraphs(plan.notice),
        preamble=paragraphs(plan.preamble),
        sections=[section_view(index, plan, s, page, f"s{k}", 1, insight)
                  for k, s in enumerate(plan.sections, start=1)],
        items=[item_view(index, plan, i, page, insight) for i in plan.items],
        closing=paragraphs(plan.closing),
        previous=Link(f"{previous.year}年：{previous.title}", rel(page, Pages.plan(previous.id))) if previous else None,
        next=Link(f"{following.year}年：{following.title}", rel(page, Pages.plan(following.id))) if following else None,
        comparison=Link("历年对比", rel(page, Pages.comparison(locality.id)))
        if len(index.by_locality[locality.id]) > 1 else None,
        edit_url=f"{repo_url.rstrip('/')}/{edit_uri.strip('/')}/plans/{PurePosixPath(plan.path).name}"
        if repo_url else None,
        source_url=plan.source.url,
        task_columns=task_columns(plan),
        item_count=len(items),
    )


# ---------------------------------------------------------------------------
# Listing pages


@dataclass
class Cell:
    count: int
    href: str | None
    level: int  # 0..5, for shading


@dataclass
class Table:
    corner: str
    columns: list[Link]
    rows: list[tuple[Link, list[Cell]]]


def heat_level(count: int, maximum: int) -> int:
    if count == 0 or maximum == 0:
        return 0
    return max(1, round(5 * count / maximum))


def make_table(corner: str, columns: list[Link], rows: list[tuple[Link, list[tuple[int, str | None]]]]) -> Table:
    maximum = max((c for _, cells in rows for c, _ in cells), default=0)
    return Table(corner, columns, [
        (label, [Cell(c, href if c else None, heat_level(c, maximum)) for c, href in cells]) for label, cells in rows
    ])


@dataclass
class PlanRow:
    link: Link
    locality: Link
    year: Link
    items: int


def plan_row(index: Index, plan: Plan, page: str) -> PlanRow:
    locality = index.catalog.localities[plan.locality]
    return PlanRow(
        link=Link(plan.title, rel(page, Pages.plan(plan.id))),
        locality=Link(locality_label(locality), rel(page, Pages.locality(locality.id))),
        year=Link(str(plan.year), rel(page, Pages.year(plan.year))),
        items=sum(1 for _ in plan.all_items()),
    )


@dataclass
class LocalityPage:
    path: str
    locality: Locality
    parent: Link | None
    children: list[Link]
    plans: list[PlanRow]
    table: Table | None
    comparison: Link | None
    title: str
    description: str


def locality_page(index: Index, locality: Locality) -> LocalityPage:
    page = Pages.locality(locality.id)
    catalog = index.catalog
    plans = index.by_locality.get(locality.id, [])
    years = sorted({p.year for p in plans})
    per_year = {year: index.theme_counts([p for p in plans if p.year == year]) for year in years}
    rows = []
    for theme in catalog.themes:
        cells = [(per_year[year].get(theme.id, 0), rel(page, Pages.theme_year(theme.id, year), locality.id))
                 for year in years]
        if any(c for c, _ in cells):
            rows.append((Link(theme.name, rel(page, Pages.theme(theme.id))), cells))
    parent = catalog.localities.get(locality.parent) if locality.parent else None
    return LocalityPage(
        path=page,
        locality=locality,
        parent=Link(parent.name, rel(page, Pages.locality(parent.id))) if parent else None,
        children=[Link(c.name, rel(page, Pages.locality(c.id)))
                  for c in catalog.localities.values() if c.parent == locality.id],
        plans=[plan_row(index, p, page) for p in plans],
        table=make_table("主题 \\ 年份", [Link(str(y), rel(page, Pages.year(y))) for y in years], rows)
        if years else None,
        comparison=Link("历年对比：主题变化、延续与新增的任务、指标", rel(page, Pages.comparison(locality.id)))
        if len(plans) > 1 else None,
        title=f"{locality.name}：历年教育工作要点",
        description=f"{locality.name}（{locality.level}）的教育工作要点：{len(plans)}份计划，按年份与主题浏览。",
    )


@dataclass
class YearPage:
    path: str
    year: int
    plans: list[PlanRow]
    table: Table
    previous: Link | None
    next: Link | None
    title: str
    description: str


WIDE_TABLE = 20  # more localities than this: one row per locality instead of one column


def year_page(index: Index, year: int) -> YearPage:
    page = Pages.year(year)
    plans = index.by_year[year]
    localities = list(dict.fromkeys(p.locality for p in plans))
    names = index.catalog.localities
    themes = index.catalog.themes
    counts = {l: index.theme_counts([p for p in plans if p.locality == l]) for l in localities}

    def cell(locality: str, theme: str) -> tuple[int, str]:
        return counts[locality].get(theme, 0), rel(page, Pages.theme_year(theme, year), locality)

    locality_links = [Link(names[l].name, rel(page, Pages.locality(l))) for l in localities]
    theme_links = [Link(t.name, rel(page, Pages.theme(t.id))) for t in themes]
    if len(localities) <= WIDE_TABLE:
        table = make_table("主题 \\ 地区", locality_links,
                           [(t, [cell(l, theme.id) for l in localities]) for t, theme in zip(theme_links, themes)])
    else:
        table = make_table("地区 \\ 主题", theme_links,
                           [(link, [cell(l, t.id) for t in themes]) for link, l in zip(locality_links, localities)])
    years = list(index.by_year)
    at = years.index(year)
    return YearPage(
        path=page,
        year=year,
        plans=[plan_row(index, p, page) for p in plans],
        table=table,
        previous=Link(f"{years[at - 1]}年", rel(page, Pages.year(years[at - 1]))) if at > 0 else None,
        next=Link(f"{years[at + 1]}年", rel(page, Pages.year(years[at + 1]))) if at + 1 < len(years) else None,
        title=f"{year}年各地教育工作要点",
        description=f"{year}年的{len(plans)}份地方教育工作要点，以及各地在各主题上的任务数。",
    )


@dataclass
class EntryView:
    title: str
    href: str
    excerpt: str


@dataclass
class LocalityGroup:
    anchor: str
    locality: Link
    plans: list[Link]
    entries: list[EntryView]


@dataclass
class YearGroup:
    year: int
    count: int
    link: Link
    groups: list[LocalityGroup]
    listed: bool


def _groups(entries: list[Entry], page: str, catalog) -> list[LocalityGroup]:
    """Entries grouped by locality; the group's anchor is the locality id."""
    groups: dict[str, LocalityGroup] = {}
    for entry in entries:
        plan, item = entry.plan, entry.item
        group = groups.get(plan.locality)
        if group is None:
            locality = catalog.localities[plan.locality]
            group = groups[plan.locality] = LocalityGroup(
                anchor=locality.id,
                locality=Link(locality.name, rel(page, Pages.locality(locality.id))),
                plans=[], entries=[],
            )
        plan_link = Link(plan.title, rel(page, Pages.plan(plan.id)))
        if plan_link not in group.plans:
            group.plans.append(plan_link)
        group.entries.append(EntryView(
            title=item_label(item),
            href=rel(page, Pages.plan(plan.id), item.anchor),
            excerpt=excerpt(item.text) if item.text else "（原文只有标题）",
        ))
    return list(groups.values())


@dataclass
class ThemePage:
    path: str
    theme: Theme
    years: list[YearGroup]
    by_locality: list[tuple[Link, int]]
    total: int
    title: str
    description: str


def theme_page(index: Index, theme: Theme) -> ThemePage:
    page = Pages.theme(theme.id)
    entries = index.by_theme[theme.id]
    years = sorted({e.plan.year for e in entries}, reverse=True)
    year_groups = []
    for year in years:
        in_year = [e for e in entries if e.plan.year == year]
        listed = len(in_year) <= LIST_LIMIT
        year_groups.append(YearGroup(
            year=year, count=len(in_year),
            link=Link(f"{year}年", rel(page, Pages.theme_year(theme.id, year))),
            groups=_groups(in_year, page, index.catalog) if listed else [],
            listed=listed,
        ))
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.plan.locality] = counts.get(entry.plan.locality, 0) + 1
    localities = index.catalog.localities
    return ThemePage(
        path=page,
        theme=theme,
        years=year_groups,
        by_locality=[(Link(localities[l].name, rel(page, Pages.locality(l))), n)
                     for l, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))],
        total=len(entries),
        title=f"主题：{theme.name}",
        description=f"各地教育工作要点中关于“{theme.name}”的{len(entries)}条任务，按年份和地区排列。",
    )


@dataclass
class ThemeYearPage:
    path: str
    theme: Theme
    year: int
    theme_link: Link
    groups: list[LocalityGroup]
    count: int
    title: str
    description: str


def theme_year_page(index: Index, theme: Theme, year: int) -> ThemeYearPage:
    page = Pages.theme_year(theme.id, year)
    entries = [e for e in index.by_theme[theme.id] if e.plan.year == year]
    return ThemeYearPage(
        path=page, theme=theme, year=year,
        theme_link=Link(theme.name, rel(page, Pages.theme(theme.id))),
        groups=_groups(entries, page, index.catalog), count=len(entries),
        title=f"{theme.name}：{year}年",
        description=f"{year}年各地教育工作要点中关于“{theme.name}”的{len(entries)}条任务。",
    )


# ---------------------------------------------------------------------------
# Overview pages


@dataclass
class ProvinceGroup:
    province: str
    localities: list[tuple[Link, str, list[Link]]]  # locality, level, year links


@dataclass
class Overview:
    plans: int
    items: int
    localities: int
    years: list[int]
    provinces: list[ProvinceGroup] = field(default_factory=list)
    theme_table: Table | None = None
    plan_rows: list[tuple[int, list[PlanRow]]] = field(default_factory=list)
    year_rows: list[tuple[Link, int, int]] = field(default_factory=list)
    themes: list[tuple[Link, str, int]] = field(default_factory=list)
    latest: list[PlanRow] = field(default_factory=list)


def overview(index: Index, page: str) -> Overview:
    catalog = index.catalog
    plans = catalog.plans
    years = list(index.by_year)
    view = Overview(
        plans=len(plans),
        items=sum(1 for p in plans for _ in p.all_items()),
        localities=len(index.by_locality),
        years=years,
    )
    provinces: dict[str, list] = {}
    for locality in catalog.localities.values():
        own = index.by_locality.get(locality.id, [])
        if not own:
            continue
        provinces.setdefault(locality.province or "省份不详", []).append((
            Link(locality.name, rel(page, Pages.locality(locality.id))), locality.level,
            [Link(str(p.year), rel(page, Pages.plan(p.id))) for p in own],
        ))
    view.provinces = [ProvinceGroup(k, v) for k, v in sorted(provinces.items(), key=lambda kv: kv[0] == "省份不详")]
    rows = []
    for theme in catalog.themes:
        cells = []
        for year in years:
            count = sum(1 for e in index.by_theme[theme.id] if e.plan.year == year)
            cells.append((count, rel(page, Pages.theme_year(theme.id, year))))
        rows.append((Link(theme.name, rel(page, Pages.theme(theme.id))), cells))
    view.theme_table = make_table("主题 \\ 年份", [Link(str(y), rel(page, Pages.year(y))) for y in years], rows)
    view.plan_rows = [(y, [plan_row(index, p, page) for p in index.by_year[y]]) for y in reversed(years)]
    view.year_rows = [(Link(f"{y}年", rel(page, Pages.year(y))), len(ps), sum(1 for p in ps for _ in p.all_items()))
                      for y, ps in reversed(index.by_year.items())]
    view.themes = [(Link(t.name, rel(page, Pages.theme(t.id))), t.en, len(index.by_theme[t.id]))
                   for t in catalog.themes]
    view.latest = [plan_row(index, p, page) for p in sorted(plans, key=lambda p: (-p.year, p.id))[:6]]
    return view
