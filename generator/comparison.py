"""View models of the comparison pages: one locality across its plans, and two of
its plans side by side, theme by theme."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import zip_longest

from . import charts
from .index import Index
from .insight import Insight, PairComparison, Series, theme_shift
from .model import Locality, Plan
from .views import Link, Pages, item_label, rel


@dataclass
class ThemeRow:
    theme: Link
    counts: list[int]
    change: str  # 新出现 / 不再出现 / ↑ / ↓ / =


@dataclass
class ItemLink:
    link: Link
    match: Link | None
    score: float | None


@dataclass
class PairView:
    anchor: str
    earlier: Link
    later: Link
    page: Link
    carried: list[ItemLink]
    new: list[ItemLink]


@dataclass
class SeriesView:
    anchor: str
    name: str
    unit: str
    rows: list[tuple[int, Link, str, str]]  # year, item link, value, change from the previous value
    chart: str


@dataclass
class ComparisonPage:
    path: str
    locality: Locality
    locality_link: Link
    plans: list[Link]
    columns: list[str]
    themes: list[ThemeRow]
    profile_chart: str
    pairs: list[PairView]
    matrix: list[tuple[Link, list[Link | None]]]
    series: list[SeriesView]
    title: str
    description: str


def _change(counts: list[int]) -> str:
    """How the latest plan differs from the one before it, for one theme."""
    earlier, before, after = counts[:-2], counts[-2], counts[-1]
    if before == 0 and after > 0:
        return "再次出现" if any(earlier) else "新出现"
    if before > 0 and after == 0:
        return "不再出现"
    return "↑" if after > before else "↓" if after < before else "="


def short_labels(plans: list[Plan]) -> dict[str, str]:
    """2024年, or 2024年（2） when a locality has two plans in one year."""
    seen: dict[int, int] = {}
    labels = {}
    for plan in plans:
        seen[plan.year] = seen.get(plan.year, 0) + 1
        labels[plan.id] = f"{plan.year}年" + (f"（{seen[plan.year]}）" if seen[plan.year] > 1 else "")
    return labels


def _item_link(plan: Plan, item, page: str) -> Link:
    return Link(f"{plan.year}年 {item_label(item)}", rel(page, Pages.plan(plan.id), item.anchor))


def _pair_view(pair: PairComparison, locality: str, page: str, labels: dict[str, str]) -> PairView:
    def entry(item, match):
        return ItemLink(_item_link(pair.later, item, page),
                        _item_link(pair.earlier, match.item, page) if match else None,
                        match.score if match else None)

    return PairView(
        anchor=f"{pair.earlier.id}-to-{pair.later.id}",
        earlier=Link(labels[pair.earlier.id], rel(page, Pages.plan(pair.earlier.id))),
        later=Link(labels[pair.later.id], rel(page, Pages.plan(pair.later.id))),
        page=Link(f"{labels[pair.earlier.id]} 与 {labels[pair.later.id]} 逐主题对照",
                  rel(page, Pages.pair(locality, pair.earlier.id, pair.later.id))),
        carried=[entry(i, m) for i, m in pair.carried],
        new=[entry(i, m) for i, m in pair.new],
    )


def _series_view(series: Series, page: str, chart_id: str) -> SeriesView:
    name = max((p.target.indicator for p in series.points), key=len)
    key = next((p.target.series for p in series.points if p.target.series), None)
    first = series.points[0]
    anchor = f"series-{key}" if key else f"series-{first.plan.id}-{first.item.anchor}-{first.target.value}"
    rows, previous, previous_unit = [], None, None
    for point in series.points:
        value = point.target.number
        change = "" if previous is None or value is None else f"{value - previous:+g}"
        same_unit = previous_unit in (None, point.target.unit)
        change = change if same_unit else ""
        rows.append((point.plan.year, _item_link(point.plan, point.item, page),
                     f"{point.target.value} {point.target.unit}", change))
        previous_unit = point.target.unit
        previous = value if value is not None else previous
    units = {p.target.unit for p in series.points}
    plotted = [(p.plan.year, p.target.number, f"{p.target.value}{p.target.unit}") for p in series.points
               if p.target.number is not None]
    chart = charts.line_chart(chart_id, f"{name}（{series.unit}）各年目标", series.unit, plotted) \
        if len({y for y, _, _ in plotted}) > 1 and len(units) == 1 else ""
    return SeriesView(re.sub(r"[^a-z0-9-]", "-", anchor.lower()).strip("-"), name, "、".join(sorted(units)),
                      rows, chart)


def comparison_page(index: Index, insight: Insight, locality: Locality) -> ComparisonPage:
    page = Pages.comparison(locality.id)
    plans = index.by_locality[locality.id]
    labels = short_labels(plans)
    names = {t.id: t.name for t in index.catalog.themes}
    shift = theme_shift(index, plans)
    themes = [ThemeRow(Link(names[t], rel(page, Pages.theme(t))), shift[t], _change(shift[t]))
              for t in names if t in shift]
    totals = sorted(((names[t], sum(c)) for t, c in shift.items()), key=lambda tc: -tc[1])[:15]
    plan_links = [Link(f"{labels[p.id]}：{p.title}", rel(page, Pages.plan(p.id))) for p in plans]
    paired = {(a.id, b.id) for a, b in pairs_of(plans)}
    matrix = [(Link(labels[a.id], rel(page, Pages.plan(a.id))),
               [Link(f"{labels[a.id]}↔{labels[b.id]}", rel(page, Pages.pair(locality.id, a.id, b.id)))
                if (a.id, b.id) in paired else None for b in plans]) for a in plans]
    return ComparisonPage(
        path=page,
        locality=locality,
        locality_link=Link(locality.name, rel(page, Pages.locality(locality.id))),
        plans=plan_links,
        columns=[labels[p.id] for p in plans],
        themes=themes,
        profile_chart=charts.bar_chart("profile", f"{locality.name}各主题任务数（全部年份）", totals),
        pairs=[_pair_view(p, locality.id, page, labels) for p in insight.pairs[locality.id]],
        matrix=matrix,
        series=[_series_view(s, page, f"series-{k}") for k, s in enumerate(insight.series[locality.id], 1)],
        title=f"{locality.name}：历年教育工作要点对比",
        description=f"{locality.name}{len(plans)}份计划的主题变化、新增与延续的任务，以及各年目标值的对比。",
    )


@dataclass
class ThemeColumns:
    anchor: str
    theme: Link
    rows: list[tuple[Link | None, Link | None]]


@dataclass
class PairPage:
    path: str
    locality: Link
    comparison: Link
    earlier: Link
    later: Link
    columns: tuple[str, str]
    themes: list[ThemeColumns]
    title: str
    description: str


def pair_page(index: Index, locality: Locality, earlier: Plan, later: Plan) -> PairPage:
    page = Pages.pair(locality.id, earlier.id, later.id)
    labels = short_labels(index.by_locality[locality.id])
    themes = []
    for theme in index.catalog.themes:
        left = [_item_link(earlier, i, page) for i in earlier.all_items() if theme.id in index.themes_of(earlier, i)]
        right = [_item_link(later, i, page) for i in later.all_items() if theme.id in index.themes_of(later, i)]
        if left or right:
            themes.append(ThemeColumns(theme.id, Link(theme.name, rel(page, Pages.theme(theme.id))),
                                       list(zip_longest(left, right))))
    return PairPage(
        path=page,
        locality=Link(locality.name, rel(page, Pages.locality(locality.id))),
        comparison=Link(f"{locality.name}历年对比", rel(page, Pages.comparison(locality.id))),
        earlier=Link(f"{labels[earlier.id]}：{earlier.title}", rel(page, Pages.plan(earlier.id))),
        later=Link(f"{labels[later.id]}：{later.title}", rel(page, Pages.plan(later.id))),
        columns=(labels[earlier.id], labels[later.id]),
        themes=themes,
        title=f"{locality.name} {earlier.year} 与 {later.year}：逐主题对照",
        description=f"{locality.name}{earlier.year}年与{later.year}年教育工作要点在各主题上的任务，左右对照。",
    )


ALL_PAIRS_UP_TO = 8  # plans per locality; beyond, pair pages grow as n²/2


def pairs_of(plans: list[Plan]) -> list[tuple[Plan, Plan]]:
    """The pairs of a locality's plans that get a side-by-side page, earlier first: all
    of them for up to ALL_PAIRS_UP_TO plans, else each plan with the next and the latest."""
    if len(plans) <= ALL_PAIRS_UP_TO:
        return [(a, b) for k, a in enumerate(plans) for b in plans[k + 1:]]
    wanted = {(a.id, b.id) for a, b in zip(plans, plans[1:])} | {(a.id, plans[-1].id) for a in plans[:-1]}
    return [(a, b) for k, a in enumerate(plans) for b in plans[k + 1:] if (a.id, b.id) in wanted]
