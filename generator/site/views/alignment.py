"""View models of 对标 on plan pages (analysis/alignment.py): each item beside the
superior's plan of its year (the task it takes up, or the place's own), each item of a
superior's plan with the child places that take it up, the plan's peers, and links to
the page that sets any two plans side by side (urls.COMPARE_PLANS)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ...analysis.alignment import Alignment
from ...analysis.alignment import rules as alignment_rules
from ...analysis.related import INDICATOR_MIN
from ...analysis.index import Index
from ...data.model import Plan
from .. import labels, urls
from ..settings import SiteSettings
from .common import Link, item_label, link


TAKES_UP = ("plan", "anchor", "score")  # a row of AlignmentData.up: the superior's item an item takes up
TAKER = ("plan", "anchor")  # a row of AlignmentData.down: a child place's item taking an item up
PEER = ("plan", "themes", "matched")  # a row of AlignmentData.peers


@dataclass(frozen=True, kw_only=True)
class AlignedPlan:
    id: str  # its page: AlignmentData.url with the id
    label: str  # a place's name (a superior's item or a child's is named by it), or the plan's label (peers)
    items: dict[str, str]  # anchor → label, of the items linked to by name (the superior's taken up)


@dataclass(frozen=True, kw_only=True)
class AlignmentData:
    """对标 of a plan page for its script to draw (docs/assets/js/alignment.js): under each
    item, the superior's item it takes up (up), or, where the plan has a superior, that
    it is the place's own; under a superior's item, the child places taking it up (down,
    of children); the peers, and the side-by-side page. The plans once, rows by their
    columns. About 1 KB a plan page, where the same as HTML weighed about 4."""

    plans: tuple[AlignedPlan, ...]
    columns: dict[str, tuple[str, ...]]  # up: TAKES_UP, down: TAKER, peers: PEER
    up: dict[str, tuple]
    superior: bool  # the plan's superior has a plan of its year: an item not in up is the place's own
    down: dict[str, tuple[tuple, ...]]
    children: int  # the child places with a plan of the year
    peers: tuple[tuple, ...]
    url: str  # a plan's page from this one, {id} for its id
    compare: str  # the side-by-side page from this one; the script adds ?a=…&b=…
    index: str  # the search index's folder, which lists the plans for the field that picks one
    plan: str  # this plan's id


@dataclass(frozen=True, kw_only=True)
class AlignmentView:
    """A plan page's 对标 part: what reads without script, and the data its script draws."""

    superior: Link | None  # the superior's plan of the same year
    superior_summary: str
    superior_side_by_side: Link | None
    children_summary: str
    children: tuple[Link, ...]  # the child places' plans of the year, each to the side-by-side view
    rule: str  # the threshold, then a link to how it is computed
    about: Link
    compare: Link  # 与其他计划对比: the side-by-side page with this plan chosen (the script adds a field)
    data: AlignmentData


class _Plans:
    """The plans a page's data refers to, each once, by number."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[int, str, dict[str, str]]] = {}  # plan id → its number, label, items named

    def number(self, plan: Plan, label: str, items: dict[str, str] | None = None) -> int:
        at, _, named = self.found.setdefault(plan.id, (len(self.found), label, {}))
        named.update(items or {})
        return at

    def rows(self) -> tuple[AlignedPlan, ...]:
        return tuple(AlignedPlan(id=i, label=label, items=items) for i, (_, label, items) in self.found.items())


def alignment_data(index: Index, aligned: Alignment, plan: Plan, directory_urls: bool) -> AlignmentData:
    page = urls.plan(plan.id)
    places = index.catalog.localities
    plans = _Plans()
    up: dict[str, tuple] = {}
    for t in aligned.up.get(plan.id, []):
        if t.takes_up and t.parent_plan and t.parent_item:
            at = plans.number(t.parent_plan, places[t.parent_plan.locality].name,
                              {t.parent_item.anchor: item_label(t.parent_item)})
            up[t.item.anchor] = (at, t.parent_item.anchor, t.score)
    down = {d.item.anchor: tuple((plans.number(p, places[p.locality].name), item.anchor) for p, item, _ in d.by)
            for d in aligned.down.get(plan.id, []) if d.by}
    children = next((d.children for d in aligned.down.get(plan.id, [])), 0)
    peers = tuple((plans.number(p.plan, labels.plan_label(places[p.plan.locality].name, p.plan.year)), p.themes,
                   p.matched) for p in aligned.peers.get(plan.id, []))
    return AlignmentData(plans=plans.rows(), columns={"up": TAKES_UP, "down": TAKER, "peers": PEER},
                         up=up, superior=plan.id in aligned.up, down=down, children=children, peers=peers,
                         url=urls.rel_public(page, urls.plan("{id}"), directory_urls),
                         compare=urls.rel_public(page, urls.COMPARE_PLANS, directory_urls),
                         index=urls.search_folder_public(page, directory_urls), plan=plan.id)


def alignment_view(index: Index, aligned: Alignment, plan: Plan, directory_urls: bool) -> AlignmentView:
    page = urls.plan(plan.id)
    places = index.catalog.localities
    up = aligned.up.get(plan.id, [])
    superior = next((t.parent_plan for t in up if t.parent_plan), None)
    down = aligned.down.get(plan.id, [])
    children = sorted(aligned.children.get(plan.id, []), key=lambda p: (places[p.locality].name, p.id))
    return AlignmentView(
        superior=_plan_link(index, page, superior) if superior else None,
        superior_summary=labels.superior_summary(len(up), sum(t.takes_up for t in up)) if up else "",
        superior_side_by_side=_side_by_side(page, plan, superior) if superior else None,
        children_summary=labels.children_summary(down[0].children, plan.year) if down else "",
        children=tuple(Link(label=places[p.locality].name, href=_side_by_side(page, plan, p).href) for p in children),
        rule=labels.takeup_note(),
        about=link(labels.ABOUT_DUIBIAO, page, urls.ABOUT, urls.ABOUT_DUIBIAO),
        compare=Link(label=labels.COMPARE_OTHERS, href=urls.rel(page, urls.COMPARE_PLANS) + urls.plans_query(plan.id)),
        data=alignment_data(index, aligned, plan, directory_urls),
    )


def _plan_link(index: Index, page: str, plan: Plan) -> Link:
    return link(labels.plan_label(index.catalog.localities[plan.locality].name, plan.year), page, urls.plan(plan.id))


def _side_by_side(page: str, plan: Plan, other: Plan) -> Link:
    return Link(label=labels.SIDE_BY_SIDE, href=urls.rel(page, urls.COMPARE_PLANS) + urls.plans_query(plan.id, other.id))


@dataclass(frozen=True, kw_only=True)
class ComparePlansPage:
    """Any two plans side by side (urls.COMPARE_PLANS?a=…&b=…), drawn by the page script
    from the search index's item files: only the two plans' items are loaded."""

    template: ClassVar[str] = "compare_plans.md.j2"
    path: str
    title: str
    description: str
    root: str  # from the page to the site's root
    index: str  # from the page to the search index's files
    scripts: tuple[str, ...]
    takeup_min: float  # the rules the script applies, from analysis/rules/alignment.yml …
    indicator_min: float  # … and analysis/related.py
    rules: tuple[str, ...]
    part: str  # what a part of the atlas holds (labels.part_note), said when a plan asked for is not in it


def compare_plans_page(part_note: str) -> ComparePlansPage:
    path = urls.COMPARE_PLANS
    return ComparePlansPage(
        path=path, title=labels.COMPARE_PLANS_TITLE, description=labels.COMPARE_PLANS_DESCRIPTION,
        root=urls.root_from(path), index=urls.search_folder_public(path),
        scripts=tuple(urls.rel(path, script) for script in urls.COMPARE_SCRIPTS),
        takeup_min=alignment_rules().takeup_min, indicator_min=INDICATOR_MIN,
        rules=(labels.takeup_rule(), labels.TARGETS_RULE), part=part_note)


def pages(settings: SiteSettings) -> Iterator[ComparePlansPage]:
    yield compare_plans_page(settings.part)
