"""The index stage: everything that needs all plans at once.

Themes of every item, plans by locality and by year, items by theme. Built once
from the catalog after loading, before any page is rendered (listings form a
graph, so they can only be rendered when every plan is known).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import themes
from ..data.model import Catalog, Item, Plan


@dataclass(frozen=True)
class Entry:
    """An item together with its plan: what listings are made of."""

    plan: Plan
    item: Item


@dataclass(eq=False)  # one index is one build: compared and hashed by identity (the site caches layouts per index)
class Index:
    catalog: Catalog
    assignments: dict[tuple[str, str], themes.Assignment]
    by_locality: dict[str, list[Plan]] = field(default_factory=dict)
    by_year: dict[int, list[Plan]] = field(default_factory=dict)
    by_theme: dict[str, list[Entry]] = field(default_factory=dict)
    theme_year_counts: dict[tuple[str, int], int] = field(default_factory=dict)  # items of a theme in a year

    def themes_of(self, plan: Plan, item: Item) -> tuple[str, ...]:
        return self.assignments[(plan.id, item.anchor)].themes

    def neighbours(self, plan: Plan) -> tuple[Plan | None, Plan | None]:
        """The same locality's previous and next plan."""
        plans = self.by_locality[plan.locality]
        at = plans.index(plan)
        return (plans[at - 1] if at > 0 else None, plans[at + 1] if at + 1 < len(plans) else None)

    def theme_counts(self, plans: list[Plan]) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for plan in plans:
            for item in plan.all_items():
                for theme in self.themes_of(plan, item):
                    counts[theme] += 1
        return counts


def build_index(catalog: Catalog) -> Index:
    index = Index(catalog, themes.assign_all(catalog))
    by_locality: dict[str, list[Plan]] = defaultdict(list)
    by_year: dict[int, list[Plan]] = defaultdict(list)
    by_theme: dict[str, list[Entry]] = {t.id: [] for t in catalog.themes}
    for plan in catalog.plans:
        by_locality[plan.locality].append(plan)
        by_year[plan.year].append(plan)
        for item in plan.all_items():
            for theme in index.themes_of(plan, item):
                by_theme[theme].append(Entry(plan, item))
    order = lambda p: (p.year, p.id)  # noqa: E731 - a sort key
    index.by_locality = {k: sorted(v, key=order) for k, v in sorted(by_locality.items())}
    index.by_year = {k: sorted(v, key=lambda p: (p.locality, p.id)) for k, v in sorted(by_year.items())}
    index.by_theme = by_theme
    for theme, entries in by_theme.items():
        for entry in entries:
            key = (theme, entry.plan.year)
            index.theme_year_counts[key] = index.theme_year_counts.get(key, 0) + 1
    return index
