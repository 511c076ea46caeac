"""Comparison across plans: related items, what a locality carried over or added,
and targets whose indicator recurs. Built once per build from the index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial

from .index import Entry, Index
from ..data.model import Item, Plan, Target
from .parallel import map_spans
from .similarity import Corpus, score

RELATED = 3          # related items shown per item (each ~50 bytes of its plan page's data)
RELATED_MIN = 0.15   # below this cosine, texts share little more than boilerplate
CARRIED_MIN = 0.20   # an item this similar to one in the earlier plan is carried over
INDICATOR_MIN = 0.45  # indicators this similar (same unit) are the same indicator


@dataclass(frozen=True)
class Match:
    plan: Plan
    item: Item
    score: float


@dataclass
class PairComparison:
    earlier: Plan
    later: Plan
    carried: list[tuple[Item, Match]] = field(default_factory=list)  # later item, its best earlier match
    new: list[tuple[Item, Match | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Point:
    plan: Plan
    item: Item
    target: Target


@dataclass
class Series:
    """One indicator across a locality's plans."""

    indicator: str
    unit: str
    points: list[Point]


@dataclass
class Insight:
    related: dict[tuple[str, str], list[Match]]
    pairs: dict[str, list[PairComparison]]   # locality → consecutive pairs
    series: dict[str, list[Series]]          # locality → recurring targets


def item_text(item: Item) -> str:
    """Title twice: a headline says what an item is about more densely than its body."""
    title = " ".join(filter(None, (item.title, item.outline_title)))
    return " ".join(filter(None, (title, title, item.text)))


def entry_corpus(index: Index) -> tuple[Corpus, dict[tuple[str, str], int]]:
    """Every item of the atlas in one corpus, and each (plan id, anchor)'s row in it."""
    entries = [Entry(plan, item) for plan in index.catalog.plans for item in plan.all_items()]
    return Corpus.build([item_text(e.item) for e in entries]), {(e.plan.id, e.item.anchor): i for i, e in enumerate(entries)}


def build_insight(index: Index, corpus: Corpus | None = None,
                  position: dict[tuple[str, str], int] | None = None, forks: int | None = None) -> Insight:
    """Related items, pairs and series; corpus and position: entry_corpus(index), when built
    already. Related items are found on every core (parallel.map_spans; forks: so many processes)."""
    entries = [Entry(plan, item) for plan in index.catalog.plans for item in plan.all_items()]
    if corpus is None or position is None:
        corpus, position = entry_corpus(index)
    found = map_spans(partial(_related, corpus, entries), len(entries), forks)  # each item's (score, row)
    related = {(entry.plan.id, entry.item.anchor): [Match(entries[j].plan, entries[j].item, s) for s, j in matches]
               for entry, matches in zip(entries, found)}
    pairs: dict[str, list[PairComparison]] = {}
    series: dict[str, list[Series]] = {}
    for locality, plans in index.by_locality.items():
        if len(plans) < 2:
            continue
        pairs[locality] = [_compare(corpus, position, a, b) for a, b in zip(plans, plans[1:])]
        series[locality] = recurring_targets(plans)
    return Insight(related, pairs, series)


def _related(corpus: Corpus, entries: list[Entry], span: range) -> list[list[tuple[float, int]]]:
    """For each item of span, its closest items of other plans: (score, row), best first."""
    found = []
    for i in span:
        others = [j for j in corpus.candidates(i) if entries[j].plan.id != entries[i].plan.id]
        scored = sorted(zip(corpus.scores(i, others), others),
                        key=lambda sj: (-sj[0], entries[sj[1]].plan.id, entries[sj[1]].item.anchor))
        found.append([(s, j) for s, j in scored[:RELATED] if s >= RELATED_MIN])
    return found


def _compare(corpus: Corpus, position: dict, earlier: Plan, later: Plan) -> PairComparison:
    result = PairComparison(earlier, later)
    old = [(position[(earlier.id, i.anchor)], i) for i in earlier.all_items()]
    for item in later.all_items():
        here = position[(later.id, item.anchor)]
        best = max(zip(corpus.scores(here, [k for k, _ in old]), (i for _, i in old)), key=lambda si: si[0],
                   default=None)
        match = Match(earlier, best[1], best[0]) if best else None
        if match and match.score >= CARRIED_MIN:
            result.carried.append((item, match))
        else:
            result.new.append((item, match))
    return result


def recurring_targets(plans: list[Plan]) -> list[Series]:
    """Targets whose indicator appears in two or more plans: same unit and similar
    wording, or linked by a curator with the same ``series`` key (for wording that
    differs too much to match)."""
    groups: list[Series] = []
    keyed: dict[str, Series] = {}
    for point in (Point(p, i, t) for p in plans for i in p.all_items() for t in i.targets):
        target = point.target
        group = keyed.get(target.series) if target.series else None
        if group is None:
            group = next((g for g in groups if g.unit == target.unit
                          and same_indicator(g.indicator, target.indicator)), None)
        if group is None:
            group = Series(target.indicator, target.unit, [])
            groups.append(group)
        if target.series:
            keyed.setdefault(target.series, group)
        group.points.append(point)
    recurring = [g for g in groups if len({p.plan.id for p in g.points}) >= 2]
    return sorted(recurring, key=lambda g: (-len({p.plan.id for p in g.points}), g.indicator))


def same_indicator(a: str, b: str) -> bool:
    """公办园 and 公办园在园幼儿占比 name one indicator, and so do close rewordings; a bare
    rate (达标率, 覆盖率) says too little to be matched by containment alone."""
    short, long = sorted((a, b), key=len)
    if short in long and len(short) >= 3 and not short.endswith("率"):
        return True
    return score(a, b) >= INDICATOR_MIN


def theme_shift(index: Index, plans: list[Plan]) -> dict[str, list[int]]:
    """Theme → item counts per plan, in plan order."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(plans))
    for k, plan in enumerate(plans):
        for theme, n in index.theme_counts([plan]).items():
            counts[theme][k] = n
    return dict(counts)
