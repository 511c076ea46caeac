"""View models of 对标 on plan pages (analysis/alignment.py): each item beside the
superior's plan of its year (the task it takes up, or the place's own), each item of a
superior's plan with the child places that take it up, the plan's peers, and links to
the page that sets any two plans side by side (urls.COMPARE_PLANS)."""

from __future__ import annotations

from collections import defaultdict
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


@dataclass(frozen=True, kw_only=True)
class AlignmentLine:
    """One item beside its superior's plan (the task it takes up, or its own) or beside
    its child places' plans (how many take it up, and where)."""

    note: str  # 承接上级任务（相似度 0.45）： / 本地自有任务：… / 下辖 5 个地区中 3 个有对应任务：
    links: tuple[Link, ...]  # the superior's item, or each child place's item taking it up
    own: bool  # a task the place adds on its own


@dataclass(frozen=True, kw_only=True)
class PeerView:
    plan: Link
    side_by_side: Link
    why: str


@dataclass(frozen=True, kw_only=True)
class PickView:
    """A plan page's field that opens the side-by-side page with the plan typed into it
    (docs/assets/js/planpick.js; without script the form sends what was typed, which the
    page reads as a plan's name)."""

    label: str
    button: str
    plan_id: str
    action: str  # the side-by-side page, as the browser has it (a form's target is not rewritten by MkDocs)
    index: str  # the search index's folder, which lists the plans
    scripts: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class AlignmentView:
    """A plan page's 对标 part."""

    superior: Link | None  # the superior's plan of the same year
    superior_summary: str
    superior_side_by_side: Link | None
    children_summary: str
    children: tuple[Link, ...]  # the child places' plans of the year, each to the side-by-side view
    peers: tuple[PeerView, ...]
    peers_heading: str
    rule: str  # the threshold, then a link to how it is computed
    about: Link
    pick: PickView  # 与其他计划对比: a field to choose the other plan, which opens the side-by-side page


def item_alignments(index: Index, aligned: Alignment, plan: Plan) -> dict[str, tuple[AlignmentLine, ...]]:
    """Each item's lines, by anchor: beside the superior's plan, then beside the child places'."""
    page = urls.plan(plan.id)
    places = index.catalog.localities
    found: dict[str, list[AlignmentLine]] = defaultdict(list)
    for t in aligned.up.get(plan.id, []):
        if t.takes_up and t.parent_plan and t.parent_item:
            taken = link(f"{places[t.parent_plan.locality].name} {item_label(t.parent_item)}", page,
                         urls.plan(t.parent_plan.id), t.parent_item.anchor)
            found[t.item.anchor].append(AlignmentLine(note=labels.takes_up(t.score), links=(taken,), own=False))
        else:
            found[t.item.anchor].append(AlignmentLine(note=labels.own_task(t.score), links=(), own=True))
    for down in aligned.down.get(plan.id, []):
        takers = tuple(link(places[p.locality].name, page, urls.plan(p.id), item.anchor) for p, item, _ in down.by)
        found[down.item.anchor].append(AlignmentLine(note=labels.taken_up(down.children, len(takers)), links=takers,
                                                     own=False))
    return {anchor: tuple(lines) for anchor, lines in found.items()}


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
        peers=tuple(PeerView(plan=_plan_link(index, page, peer.plan),
                             side_by_side=_side_by_side(page, plan, peer.plan),
                             why=labels.peer_score(peer.themes, peer.matched))
                    for peer in aligned.peers.get(plan.id, [])),
        peers_heading=labels.peers_heading(),
        rule=labels.takeup_note(),
        about=link(labels.ABOUT_DUIBIAO, page, urls.ABOUT, urls.ABOUT_DUIBIAO),
        pick=PickView(label=labels.COMPARE_OTHERS, button=labels.SIDE_BY_SIDE, plan_id=plan.id,
                      action=urls.rel_public(page, urls.COMPARE_PLANS, directory_urls),
                      index=urls.search_folder_public(page, directory_urls),
                      scripts=tuple(urls.rel_public(page, s, directory_urls) for s in urls.PICK_SCRIPTS)),
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
        root=urls.root_from(path), index=urls.search_folder_from(path),
        scripts=tuple(urls.rel(path, script) for script in urls.COMPARE_SCRIPTS),
        takeup_min=alignment_rules().takeup_min, indicator_min=INDICATOR_MIN,
        rules=(labels.takeup_rule(), labels.TARGETS_RULE), part=part_note)


def pages(settings: SiteSettings) -> Iterator[ComparePlansPage]:
    yield compare_plans_page(settings.part)
