"""The plan page: one plan's full text, item by item, with owners, deadlines, task rows,
targets, themes and related items."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import ClassVar

from ...analysis.alignment import Alignment
from ...analysis.related import Insight
from ...analysis.index import Index
from ...data import anchors
from ...data.model import Item, Locality, Plan, Section, TaskRow
from .. import labels, urls
from ..cite import Citation, citation
from ..settings import SiteSettings
from .alignment import AlignmentView, alignment_view
from .common import Link, item_label, link, paragraphs


@dataclass(frozen=True, kw_only=True)
class TaskView:
    """One row of the plan's task table, as label/value pairs of its filled cells."""

    row: str
    cells: tuple[tuple[str, str], ...]


@dataclass(frozen=True, kw_only=True)
class TableView:
    """A table of the plan that names no items, as printed."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, kw_only=True)
class TargetView:
    indicator: str
    value: str
    unit: str
    kind: str  # the kind's label: 达到水平 …
    year: str


HEADER_THEMES = 8  # theme chips in a plan's header: a plan of 26 items touches 25 themes, 7 lines on a phone


@dataclass(frozen=True, kw_only=True)
class RelatedPlan:
    href: str
    label: str  # 青岛市 2024


RelatedRow = tuple[int, str, str, float]  # a match: its plan's number in RelatedData.plans, its anchor, title,
# score (to two places, as pages print it: labels.score)
RELATED_COLUMNS = ("plan", "anchor", "title", "score")  # a RelatedRow's names, which the page script reads it by


@dataclass(frozen=True, kw_only=True)
class RelatedData:
    """Each item's closest items in other plans, for the page script to draw
    (docs/assets/js/related.js): the plans once, and under each item's anchor its matches
    as rows read by the names in columns. As page data they weigh 5 KB a plan page, as
    Markdown lists 14 KB."""
    plans: tuple[RelatedPlan, ...]
    columns: tuple[str, ...]
    items: dict[str, tuple[RelatedRow, ...]]


@dataclass(frozen=True, kw_only=True)
class ItemView:
    anchor: str
    heading: str
    paragraphs: tuple[str, ...]
    owners: str
    supporting: str
    deadlines: str
    themes: tuple[Link, ...]
    theme_words: str
    manual_themes: bool
    tasks: tuple[TaskView, ...]
    outline_only: bool
    truncated: bool
    outline_title: str | None
    note: str | None
    untitled: bool
    targets: tuple[TargetView, ...]
    corrections: tuple[str, ...]  # 勘误 notes, one per corrected typo of the source
    citation: Citation


@dataclass(frozen=True, kw_only=True)
class SectionView:
    anchor: str
    heading: str
    heading_level: int  # h2 for a plan's parts, h3 for their subsections …
    outline_title: str | None
    intro: tuple[str, ...]
    items: tuple[ItemView, ...]
    sections: tuple[SectionView, ...]
    number_missing: bool


@dataclass(frozen=True, kw_only=True)
class PlanPage:
    template: ClassVar[str] = "plan.md.j2"
    path: str
    plan: Plan
    locality: Locality
    locality_link: Link
    year_link: Link
    title: str
    description: str
    notice: tuple[str, ...]
    preamble: tuple[str, ...]
    sections: tuple[SectionView, ...]
    items: tuple[ItemView, ...]
    closing: tuple[str, ...]
    tables: tuple[TableView, ...]
    previous: Link | None
    next: Link | None
    comparison: Link | None
    issuer: str
    issued: str
    citation: Citation
    data: Link  # the plan as data (JSON, the downloads' format), or the data page once they are on the releases
    data_note: str
    print_footer: str  # on every printed page: where the text comes from
    edit_url: str | None
    source_url: str | None
    inferred: tuple[tuple[str, str, str], ...]  # (the field's label, value, evidence) of each inferred fact
    conversions: tuple[str, ...]  # how the importer read the source, in Chinese (labels.provenance)
    item_count: int
    themes: tuple[Link, ...]  # the plan's main themes, most items first: the header's chips
    more_themes: str  # how many other themes the plan touches (named under its items), or empty
    theme_note: str  # how the items' theme chips were decided (their evidence is on each)
    toc_levels: int | None  # the table of contents stops at the sections' headings (None: no sections)
    related: RelatedData
    alignment: AlignmentView | None  # 对标: superior, child places, peers


def task_view(plan: Plan, task: TaskRow) -> TaskView:
    assert plan.task_table is not None  # an item has task rows only when its plan has the table
    extra = dict(task.extra)
    cells = []
    for key, label in plan.task_table.columns:
        value = getattr(task, key, None) if key != "row" else None
        value = value if isinstance(value, str) else extra.get(key, extra.get(label, ""))
        if value and key != "row":
            cells.append((label, value))
    return TaskView(row=task.row, cells=tuple(cells))


def item_view(index: Index, plan: Plan, item: Item, page: str, site_url: str = "") -> ItemView:
    assignment = index.assignments[(plan.id, item.anchor)]
    localities = index.catalog.localities
    names = {t.id: t.name for t in index.catalog.themes}
    words = {m.theme: m.words for m in assignment.matches}
    return ItemView(
        anchor=item.anchor,
        heading=item_label(item),
        paragraphs=paragraphs(item.text),
        owners="、".join(item.owners),
        supporting="、".join(item.supporting),
        deadlines="；".join(item.deadlines),
        themes=tuple(link(names[t], page, urls.theme(t)) for t in assignment.themes),
        theme_words="；".join(f"{names[t]}（{'、'.join(words.get(t, ()))}）" for t in assignment.themes
                             if words.get(t)),
        manual_themes=assignment.manual,
        tasks=tuple(task_view(plan, t) for t in item.tasks),
        outline_only=item.outline_only,
        truncated=item.truncated,
        outline_title=item.outline_title,
        note=item.note,
        untitled=item.title is None,
        targets=tuple(TargetView(indicator=t.indicator, value=t.value, unit=t.unit, kind=labels.TARGET_KINDS[t.kind],
                                 year=str(t.year or "")) for t in item.targets),
        corrections=tuple(labels.correction(c.original, c.corrected, c.why) for c in item.corrections),
        citation=citation(plan, localities[plan.locality], urls.item_url(plan.id, item.anchor, site_url), item),
    )


def section_heading(section: Section) -> str:
    number = section.number or ""
    separator = "" if number.endswith(("）", "是")) else "、"
    return f"{number}{separator}{section.title}" if number else section.title


def section_view(index: Index, plan: Plan, section: Section, page: str, positions: tuple[int, ...],
                 site_url: str = "") -> SectionView:
    return SectionView(
        anchor=anchors.section_anchor(positions),
        heading=section_heading(section),
        heading_level=len(positions) + 1,
        outline_title=section.outline_title,
        intro=paragraphs(section.intro),
        items=tuple(item_view(index, plan, i, page, site_url) for i in section.items),
        sections=tuple(section_view(index, plan, s, page, (*positions, k), site_url)
                       for k, s in enumerate(section.sections, start=1)),
        number_missing=section.number is None,
    )


def edit_url(repo_url: str | None, edit_uri: str, plan: Plan) -> str | None:
    """The plan file on the code host, where a reader can propose a fix."""
    if not repo_url:
        return None
    return f"{repo_url.rstrip('/')}/{edit_uri.strip('/')}/plans/{PurePosixPath(plan.path).name}"


def plan_data_link(plan: Plan, page: str, on_pages: bool) -> tuple[Link, str]:
    """The plan's own data file while the downloads live on the site, else the data page."""
    if on_pages:
        data = urls.plan_data(plan.id)
        return link(PurePosixPath(data).name, page, data), labels.PLAN_DATA_ON_PAGES
    return link(labels.DATA_PAGE, page, urls.DATA), labels.PLAN_DATA_RELEASED


def related_data(index: Index, plan: Plan, insight: Insight | None, directory_urls: bool) -> RelatedData:
    page = urls.plan(plan.id)
    plans: list[RelatedPlan] = []
    numbers: dict[str, int] = {}  # a related plan's place in plans
    items: dict[str, tuple[RelatedRow, ...]] = {}
    for item in plan.all_items():
        matches = insight.related.get((plan.id, item.anchor), []) if insight else []
        for m in matches:
            if m.plan.id not in numbers:
                numbers[m.plan.id] = len(plans)
                plans.append(RelatedPlan(href=urls.rel_public(page, urls.plan(m.plan.id), directory_urls),
                                         label=f"{index.catalog.localities[m.plan.locality].name} {m.plan.year}"))
        if matches:
            items[item.anchor] = tuple((numbers[m.plan.id], m.item.anchor, m.item.display_title, round(m.score, 2))
                                       for m in matches)
    return RelatedData(plans=tuple(plans), columns=RELATED_COLUMNS, items=items)


def plan_page(index: Index, plan: Plan, settings: SiteSettings, insight: Insight | None = None,
              aligned: Alignment | None = None) -> PlanPage:
    page = urls.plan(plan.id)
    site_url = settings.site_url
    locality = index.catalog.localities[plan.locality]
    previous, following = index.neighbours(plan)
    count = plan.item_count
    data, data_note = plan_data_link(plan, page, settings.downloads.on_pages)
    sections = tuple(section_view(index, plan, s, page, (k,), site_url)
                     for k, s in enumerate(plan.sections, start=1))
    themes = plan_themes(index, plan, page)
    return PlanPage(
        path=page,
        plan=plan,
        locality=locality,
        locality_link=link(locality.name, page, urls.locality(locality.id)),
        year_link=link(f"{plan.year}年", page, urls.year(plan.year)),
        title=labels.plan_title(locality.name, plan.year, plan.title),
        description=f"{locality.name}{plan.year}年教育工作要点全文：{count}条任务，含责任单位、时限与主题。",
        notice=paragraphs(plan.notice),
        preamble=paragraphs(plan.preamble),
        sections=sections,
        items=tuple(item_view(index, plan, i, page, site_url) for i in plan.items),
        closing=paragraphs(plan.closing),
        tables=tuple(TableView(caption="：".join(p for p in (t.label, t.title) if p), columns=t.columns, rows=t.rows)
                     for t in plan.tables),
        previous=other_year(plan, previous, page) if previous else None,
        next=other_year(plan, following, page) if following else None,
        comparison=link("历年对比", page, urls.comparison(locality.id))
        if len(index.by_locality[locality.id]) > 1 else None,
        issuer=plan.issuer or labels.ISSUER_NOT_STATED,
        issued=labels.date(plan.issued) if plan.issued else labels.DATE_NOT_STATED,
        citation=citation(plan, locality, urls.plan_url(plan.id, site_url)),
        data=data,
        data_note=data_note,
        print_footer=labels.print_footer(urls.plan_url(plan.id, site_url), plan.source.file, plan.source.url),
        edit_url=edit_url(settings.repo_url, settings.edit_uri, plan),
        source_url=plan.source.url,
        inferred=inferred(index, plan),
        conversions=tuple(labels.provenance(c) for c in plan.source.conversions),
        item_count=count,
        themes=themes[:HEADER_THEMES],
        more_themes=labels.more_themes(len(themes[HEADER_THEMES:])),
        theme_note=labels.THEME_CHIPS,
        toc_levels=max(map(section_heading_level, sections), default=None),
        related=related_data(index, plan, insight, settings.directory_urls),
        alignment=alignment_view(index, aligned, plan, settings.directory_urls) if aligned else None,
    )


def pages(index: Index, settings: SiteSettings, insight: Insight, aligned: Alignment) -> Iterator[PlanPage]:
    for plan in index.catalog.plans:
        yield plan_page(index, plan, settings, insight, aligned)


def inferred(index: Index, plan: Plan) -> tuple[tuple[str, str, str], ...]:
    """Each inferred fact as readers read it: the field by its Chinese name, a place by its name."""
    places = index.catalog.localities
    return tuple((labels.FIELDS.get(i.field, i.field),
                  places[i.value].name if i.field == "locality" and i.value in places else str(i.value),
                  labels.provenance(i.evidence))
                 for i in plan.source.inferred)


def other_year(plan: Plan, other: Plan, page: str) -> Link:
    """The place's plan of another year, by its year (and its title when it shares this plan's year)."""
    label = f"{other.year}年" + (f"：{other.title}" if other.year == plan.year else "")
    return link(label, page, urls.plan(other.id))


def plan_themes(index: Index, plan: Plan, page: str) -> tuple[Link, ...]:
    """The themes of a plan's items, most items first (then in the taxonomy's order)."""
    counts = index.theme_counts([plan])
    order = [t for t in index.catalog.themes if counts.get(t.id)]
    order.sort(key=lambda t: -counts[t.id])
    return tuple(link(t.name, page, urls.theme(t.id)) for t in order)


def section_heading_level(section: SectionView) -> int:
    """The deepest heading level among a section and its subsections (h2 for a plan's parts)."""
    return max((section_heading_level(s) for s in section.sections), default=section.heading_level)
