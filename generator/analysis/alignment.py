"""对标: a place's plan beside its superior's plan of the same year (上下对照), beside
any other plan, and beside its peers elsewhere.

- **Take-up**: each item of a plan whose locality has a parent with a plan of the same
  year is matched with the parent's closest item; it takes that item up when their
  cosine reaches ``takeup_min``, else it is the place's own. Each parent item then knows
  which of its children's plans of that year take it up, out of how many.
- **Side by side**: any two plans, each item of one with its closest item of the other,
  by the same rule and threshold.
- **Peers**: the plans of the same year elsewhere (not the plan's parent nor its
  children) closest by theme profile and by text.

Take-ups and the side-by-side view score two plans by themselves
(``similarity.pair_cosines``: TF-IDF over the two plans' items, each plan counted once), so that the page script,
which loads only the two plans, finds the same matches for any pair; peers are ranked
over the atlas's item corpus, which finds related items. The thresholds are data in
``rules/alignment.yml``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

import numpy as np
import yaml

from ..data.model import Item, Plan
from .index import Index
from .related import item_text
from .similarity import Corpus, Counted, Vocabulary, counted_cosines

RULES_FILE = Path(__file__).parent / "rules" / "alignment.yml"


@dataclass(frozen=True)
class AlignmentRules:
    takeup_min: float
    peers: int
    peer_min: float
    peer_candidates: int


@lru_cache(maxsize=1)
def rules() -> AlignmentRules:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return AlignmentRules(float(data["takeup_min"]), int(data["peers"]), float(data["peer_min"]),
                          int(data["peer_candidates"]))


@dataclass(frozen=True)
class Takeup:
    """A child's item and the parent's closest item; ``takes_up`` when close enough."""

    item: Item
    parent_plan: Plan | None
    parent_item: Item | None
    score: float

    @property
    def takes_up(self) -> bool:
        return self.parent_item is not None and self.score >= rules().takeup_min


@dataclass(frozen=True)
class TakenUp:
    """A parent's item and the children's plans of its year that take it up."""

    item: Item
    by: tuple[tuple[Plan, Item, float], ...]  # a child place's plan, its item, the score (once a place)
    children: int  # the child places with a plan of the year, taking it up or not


@dataclass(frozen=True)
class Peer:
    plan: Plan
    score: float  # mean of the theme-profile cosine and the share of matched items
    themes: float
    matched: float


@dataclass(frozen=True)
class SideBySide:
    """Two plans of any places and years, item by item: each item of ``a`` with its
    closest item of ``b`` (matched when the cosine reaches takeup_min), and the items of
    ``b`` no item of ``a`` is matched with."""

    a: Plan
    b: Plan
    pairs: tuple[tuple[Item, Item | None, float], ...]
    only_b: tuple[Item, ...]

    @property
    def only_a(self) -> tuple[Item, ...]:
        return tuple(item for item, match, score in self.pairs if match is None or score < rules().takeup_min)


def side_by_side(a: Plan, b: Plan) -> SideBySide:
    pairs = tuple((item, *rest[1:]) for item, rest in zip(a.all_items(), closest(a, [b])))
    matched = {match.anchor for _, match, score in pairs if match is not None and score >= rules().takeup_min}
    return SideBySide(a, b, pairs, tuple(i for i in b.all_items() if i.anchor not in matched))


class Counts:
    """Each plan's items counted once (similarity.Counted), over one vocabulary: a city's
    plan is compared with every one of its counties' plans of the year."""

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()
        self.plans: dict[str, tuple[list[Item], Counted]] = {}

    def of(self, plan: Plan) -> tuple[list[Item], Counted]:
        if plan.id not in self.plans:
            items = list(plan.all_items())
            self.plans[plan.id] = items, self.vocabulary.count([item_text(i) for i in items])
        return self.plans[plan.id]


def closest(plan: Plan, pool: list[Plan], counts: Counts | None = None) -> list[tuple[Plan | None, Item | None, float]]:
    """For each item of the plan, the closest item of the pool's plans (each pair of plans
    scored by itself; ties: the earlier plan, then the earlier item). counts: the plans
    counted already (a build's), else they are counted here."""
    counts = counts or Counts()
    mine, counted = counts.of(plan)
    found: list[tuple[Plan | None, Item | None, float]] = [(None, None, 0.0)] * len(mine)
    for other in pool:
        theirs, their_counts = counts.of(other)
        if not theirs or not mine:
            continue
        cosines = counted_cosines(counted, their_counts)
        for row, best in enumerate(cosines.argmax(axis=1)):  # argmax: the first of equal scores
            score = float(cosines[row, best])
            if found[row][1] is None or score > found[row][2]:
                found[row] = (other, theirs[best], score)
    return found


@dataclass
class Alignment:
    up: dict[str, list[Takeup]]  # child plan id → its items, each with the parent's closest item
    down: dict[str, list[TakenUp]]  # parent plan id → its items, each with who takes it up
    children: dict[str, list[Plan]]  # parent plan id → the child places' plans of its year
    peers: dict[str, list[Peer]]  # plan id → its closest plans of the year elsewhere


class _Scores:
    """Cosines between whole plans' items, from the atlas's corpus (peers)."""

    def __init__(self, corpus: Corpus, position: dict[tuple[str, str], int]) -> None:
        self.corpus, self.position = corpus, position
        self.rows: dict[str, list[int]] = {}

    def rows_of(self, plan: Plan) -> list[int]:
        """The plan's items' rows in the corpus (looked up once a build)."""
        if plan.id not in self.rows:
            self.rows[plan.id] = [self.position[(plan.id, i.anchor)] for i in plan.all_items()]
        return self.rows[plan.id]

    def matched(self, plan: Plan, others: list[Plan], minimum: float) -> list[float]:
        """For each other plan, the share of the plan's items whose closest item there
        scores at least minimum: one sparse product for the plan against all the others."""
        mine = self.rows_of(plan)
        theirs = [self.rows_of(p) for p in others]
        columns = [c for group in theirs for c in group]
        if not mine or not columns:
            return [0.0] * len(others)
        cosines = self.corpus.block(mine, columns)
        starts = np.cumsum([0, *(len(g) for g in theirs[:-1])])
        best = np.maximum.reduceat(cosines, starts, axis=1)  # each item's closest in each other plan
        best[:, [k for k, g in enumerate(theirs) if not g]] = 0.0
        return [float(v) for v in (best >= minimum).mean(axis=0)]


def build_alignment(index: Index, corpus: Corpus, position: dict[tuple[str, str], int]) -> Alignment:
    scores = _Scores(corpus, position)
    localities = index.catalog.localities
    counts = Counts()
    up: dict[str, list[Takeup]] = {}
    for plan in index.catalog.plans:
        parent = localities[plan.locality].parent
        pool = [p for p in index.by_locality.get(parent or "", []) if p.year == plan.year]
        if pool:
            up[plan.id] = [Takeup(item, *found) for item, found in zip(plan.all_items(), closest(plan, pool, counts))]
    children: dict[str, list[Plan]] = defaultdict(list)
    plans = {p.id: p for p in index.catalog.plans}
    for child_id, items in up.items():
        for parent_id in sorted({t.parent_plan.id for t in items if t.parent_plan}):
            children[parent_id].append(plans[child_id])
    return Alignment(up, _down(plans, up, children), dict(children), _peers(index, scores))


def _down(plans: dict[str, Plan], up: dict[str, list[Takeup]],
          children: dict[str, list[Plan]]) -> dict[str, list[TakenUp]]:
    takers: dict[tuple[str, str], list[tuple[Plan, Item, float]]] = {}
    for child_id, items in up.items():
        for t in items:
            if t.takes_up and t.parent_plan and t.parent_item:
                takers.setdefault((t.parent_plan.id, t.parent_item.anchor), []).append((plans[child_id], t.item,
                                                                                        t.score))
    return {pid: [TakenUp(item, tuple(_once_per_place(takers.get((pid, item.anchor), []))),
                          len({p.locality for p in kids}))
                  for item in plans[pid].all_items()] for pid, kids in children.items()}


def _once_per_place(found: list[tuple[Plan, Item, float]]) -> list[tuple[Plan, Item, float]]:
    """A child place counted once per parent item: its closest item stands for it."""
    best: dict[str, tuple[Plan, Item, float]] = {}
    for plan, item, score in found:
        if plan.locality not in best or score > best[plan.locality][2]:
            best[plan.locality] = (plan, item, score)
    return sorted(best.values(), key=lambda f: f[0].id)


def _profiles(index: Index, plans: list[Plan], themes: list[str]) -> np.ndarray:
    """Each plan's items per theme, as unit rows: their products are the profiles' cosines."""
    matrix = np.zeros((len(plans), len(themes)))
    column = {t: k for k, t in enumerate(themes)}
    for row, plan in enumerate(plans):
        for theme, count in index.theme_counts([plan]).items():
            matrix[row, column[theme]] = count
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def _peers(index: Index, scores: _Scores) -> dict[str, list[Peer]]:
    r = rules()
    localities = index.catalog.localities
    themes = [t.id for t in index.catalog.themes]
    found: dict[str, list[Peer]] = {}
    children: dict[str, set[str]] = defaultdict(set)
    for locality in localities.values():
        if locality.parent:
            children[locality.parent].add(locality.id)
    for plans in index.by_year.values():
        profiles = _profiles(index, plans, themes)
        cosines = profiles @ profiles.T
        for row, plan in enumerate(plans):
            family = {plan.locality, localities[plan.locality].parent, *children[plan.locality]}
            order = list(islice((k for k in np.argsort(-cosines[row], kind="stable")
                                 if plans[k].locality not in family), r.peer_candidates))
            candidates = [plans[k] for k in order]
            matched = scores.matched(plan, candidates, r.takeup_min)
            peers = [Peer(other, round((float(cosines[row, k]) + share) / 2, 3), round(float(cosines[row, k]), 3),
                          round(share, 3)) for k, other, share in zip(order, candidates, matched)]
            found[plan.id] = sorted((p for p in peers if p.score >= r.peer_min),
                                    key=lambda p: (-p.score, p.plan.id))[:r.peers]
    return found
