"""View models of the comparison pages: one locality across its plans, with the data
from which the page script draws any two of them side by side; and the small pages left
at the addresses of the pair pages it replaced."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ...analysis.related import Insight, Match, PairComparison, Series, theme_shift
from ...analysis.index import Index
from ...data.model import Item, Locality, Plan
from ...data.numerals import cn_numeral
from .. import charts, labels, urls
from ..settings import SiteSettings
from .common import Link, PageView, item_label, link

PROFILE_THEMES = 15  # themes in the profile chart, most items first


@dataclass(frozen=True, kw_only=True)
class ThemeRow:
    theme: Link
    counts: tuple[int, ...]  # newest plan first
    change: str  # 新出现 / 再次出现 / 不再出现 / ↑ / ↓ / =


@dataclass(frozen=True, kw_only=True)
class PairView:
    """Two adjacent plans: how many of the later one's items carry on an earlier item, how
    many are new; the lists are drawn from the page's data (ComparisonData.pairs)."""
    number: int  # the pair's place in the page's data
    anchor: str
    earlier: Link
    later: Link
    carried: int
    new: int


@dataclass(frozen=True, kw_only=True)
class SeriesRow:
    year: str  # the plan's year, and the year its target aims for when that is another: 2019（到2022年）
    item: Link
    value: str
    change: str  # from the previous value, empty when units differ


@dataclass(frozen=True, kw_only=True)
class SeriesView:
    anchor: str
    name: str
    unit: str
    rows: tuple[SeriesRow, ...]
    chart: str


@dataclass(frozen=True, kw_only=True)
class ComparisonPage:
    template: ClassVar[str] = "comparison.md.j2"
    path: str
    locality: Locality
    locality_link: Link
    plans: tuple[Link, ...]
    columns: tuple[str, ...]  # the plans' short labels, newest first
    themes: tuple[ThemeRow, ...]
    profile_chart: str
    profile_caption: str
    carried_rule: str
    pairs: tuple[PairView, ...]
    side_by_side: SideBySide
    data: ComparisonData
    series: tuple[SeriesView, ...]
    title: str
    description: str
    toc_levels: int = 2  # the contents list the page's parts, not each target's series (up to ~100 a place)


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
    found = {}
    for plan in plans:
        seen[plan.year] = seen.get(plan.year, 0) + 1
        found[plan.id] = f"{plan.year}年" + (f"（{seen[plan.year]}）" if seen[plan.year] > 1 else "")
    return found


def _item_link(plan: Plan, item: Item, page: str) -> Link:
    return link(f"{plan.year}年 {item_label(item)}", page, urls.plan(plan.id), item.anchor)


def _pair_view(number: int, pair: PairComparison, page: str, short: dict[str, str]) -> PairView:
    earlier, later = pair.earlier.id, pair.later.id
    return PairView(number=number, anchor=f"{earlier}-to-{later}", earlier=link(short[earlier], page, urls.plan(earlier)),
                    later=link(short[later], page, urls.plan(later)), carried=len(pair.carried), new=len(pair.new))


def _series_anchor(series: Series) -> str:
    key = next((p.target.series for p in series.points if p.target.series), None)
    first = series.points[0]
    anchor = f"series-{key}" if key else f"series-{first.plan.id}-{first.item.anchor}-{first.target.value}"
    return re.sub(r"[^a-z0-9-]", "-", anchor.lower()).strip("-")


CHART_FROM_YEARS = 3  # two years' targets are read in the table's change column; a line of two points adds 1.5 KB


def _series_view(series: Series, page: str, chart_id: str) -> SeriesView:
    name = max((p.target.indicator for p in series.points), key=len)
    rows: list[SeriesRow] = []
    previous: float | None = None
    previous_unit: str | None = None
    for point in series.points:
        value = point.target.number
        change = "" if previous is None or value is None else f"{value - previous:+g}"
        same_unit = previous_unit in (None, point.target.unit)
        rows.append(SeriesRow(year=labels.target_year(point.plan.year, point.target.year), item=_item_link(point.plan, point.item, page),
                              value=f"{point.target.value} {point.target.unit}", change=change if same_unit else ""))
        previous_unit = point.target.unit
        previous = value if value is not None else previous
    units = {p.target.unit for p in series.points}
    # each target at the year it aims for, with the plan's year beneath when that is another
    plotted = sorted((p.target.year or p.plan.year, p.target.number, f"{p.target.value}{p.target.unit}",
                      labels.set_in(p.plan.year) if p.target.year and p.target.year != p.plan.year else "")
                     for p in series.points if p.target.number is not None)
    chart = charts.line_chart(chart_id, f"{name}（{series.unit}）各年目标", series.unit, plotted) \
        if len({p[0] for p in plotted}) >= CHART_FROM_YEARS and len(units) == 1 else ""
    return SeriesView(anchor=_series_anchor(series), name=name, unit="、".join(sorted(units)), rows=tuple(rows),
                      chart=chart)


def comparison_page(index: Index, insight: Insight, locality: Locality,
                    directory_urls: bool) -> ComparisonPage:
    page = urls.comparison(locality.id)
    plans = index.by_locality[locality.id]
    short = short_labels(plans)
    names = {t.id: t.name for t in index.catalog.themes}
    shift = theme_shift(index, plans)
    totals = sorted(((names[t], sum(c)) for t, c in shift.items()), key=lambda tc: -tc[1])[:PROFILE_THEMES]
    return ComparisonPage(
        path=page,
        locality=locality,
        locality_link=link(locality.name, page, urls.locality(locality.id)),
        plans=tuple(link(f"{short[p.id]}：{p.title}", page, urls.plan(p.id)) for p in plans),
        columns=tuple(short[p.id] for p in reversed(plans)),  # newest first: what a phone shows without scrolling
        themes=tuple(ThemeRow(theme=link(names[t], page, urls.theme(t)), counts=tuple(reversed(shift[t])),
                              change=_change(shift[t])) for t in names if t in shift),
        profile_chart=charts.bar_chart("profile", f"{locality.name}各主题任务数（全部年份）", totals),
        profile_caption=f"各主题任务数（全部年份合计，前{cn_numeral(PROFILE_THEMES)}个主题）；数字与上表一致。",
        carried_rule=labels.CARRIED_RULE,
        pairs=tuple(_pair_view(k, p, page, short) for k, p in enumerate(insight.pairs[locality.id])),
        side_by_side=_side_by_side(plans, short),
        data=_data(index, plans, insight.pairs[locality.id], page, short, directory_urls),
        series=tuple(_series_view(s, page, f"series-{k}") for k, s in enumerate(insight.series[locality.id], 1)),
        title=f"{locality.name}：历年教育工作要点对比",
        description=f"{locality.name}{len(plans)}份计划的主题变化、新增与延续的任务，以及各年目标值的对比。",
    )


@dataclass(frozen=True, kw_only=True)
class SideBySide:
    """The choice of two plans to see side by side, theme by theme (drawn from the page's data)."""
    choices: tuple[tuple[str, str], ...]  # (plan id, label), oldest first
    earlier: str  # the pair shown first: the latest two plans
    later: str


def _side_by_side(plans: list[Plan], short: dict[str, str]) -> SideBySide:
    return SideBySide(choices=tuple((plan.id, short[plan.id]) for plan in plans), earlier=plans[-2].id, later=plans[-1].id)


Row = tuple[int, int, str]  # an item of the later plan, its closest in the earlier (-1: none), their similarity
ItemRow = tuple[str, str, tuple[int, ...]]  # an item's anchor, its label, its themes' numbers
# the names of a Row's and an ItemRow's columns, which the page script reads them by
COLUMNS: dict[str, tuple[str, ...]] = {"row": ("item", "closest", "score"), "item": ("anchor", "label", "themes")}


@dataclass(frozen=True, kw_only=True)
class ThemeData:
    id: str
    name: str
    href: str


@dataclass(frozen=True, kw_only=True)
class PlanData:
    id: str
    label: str
    href: str
    items: tuple[ItemRow, ...]


@dataclass(frozen=True, kw_only=True)
class PairData:
    earlier: int  # plans' numbers
    later: int
    carried: tuple[Row, ...]
    new: tuple[Row, ...]


@dataclass(frozen=True, kw_only=True)
class ComparisonData:
    """What the page script draws on a comparison (docs/assets/js/comparison.js): any two
    plans side by side, and each adjacent pair's carried and new items. A place's items
    are listed once (2 KB a plan) as rows read by the names in columns, and referred to
    by number, where the pages and lists they replace weighed 26 KB a pair page and 18 KB
    a place."""
    themes: tuple[ThemeData, ...]
    columns: dict[str, tuple[str, ...]]
    plans: tuple[PlanData, ...]
    pairs: tuple[PairData, ...]


def _data(index: Index, plans: list[Plan], pairs: list[PairComparison], page: str, short: dict[str, str],
          directory_urls: bool) -> ComparisonData:
    used = {t for plan in plans for item in plan.all_items() for t in index.themes_of(plan, item)}
    themes = [t for t in index.catalog.themes if t.id in used]
    number = {t.id: k for k, t in enumerate(themes)}
    plan_number = {plan.id: k for k, plan in enumerate(plans)}
    item_number = {(plan.id, item.anchor): k for plan in plans for k, item in enumerate(plan.all_items())}

    def row(plan: Plan, item: Item, earlier: Plan, match: Match | None) -> Row:
        return (item_number[(plan.id, item.anchor)], item_number[(earlier.id, match.item.anchor)] if match else -1,
                labels.score(match.score) if match else "")

    return ComparisonData(
        themes=tuple(ThemeData(id=t.id, name=t.name, href=urls.rel_public(page, urls.theme(t.id), directory_urls))
                     for t in themes),
        columns=COLUMNS,
        plans=tuple(PlanData(id=plan.id, label=short[plan.id], href=urls.rel_public(page, urls.plan(plan.id), directory_urls),
                             items=tuple((item.anchor, item_label(item),
                                          tuple(sorted(number[t] for t in index.themes_of(plan, item))))
                                         for item in plan.all_items()))
                    for plan in plans),
        pairs=tuple(PairData(earlier=plan_number[p.earlier.id], later=plan_number[p.later.id],
                             carried=tuple(row(p.later, i, p.earlier, m) for i, m in p.carried),
                             new=tuple(row(p.later, i, p.earlier, m) for i, m in p.new)) for p in pairs))


def pair_title(locality: Locality, earlier: Plan, later: Plan) -> str:
    """A pair page's title, which its moved page keeps."""
    return f"{locality.name} {earlier.year} 与 {later.year}：逐主题对照"


def moved_pairs_of(plans: list[Plan]) -> list[tuple[Plan, Plan]]:
    """Every two of a locality's plans, earlier first. Each pair had a page until 2026-11
    (from then the comparison draws any two side by side): their addresses stay, as pages
    that lead to the comparison with the pair chosen."""
    return [(a, b) for k, a in enumerate(plans) for b in plans[k + 1:]]


@dataclass(frozen=True, kw_only=True)
class MovedPage:
    """A page whose address stays after its content moved: a few hundred bytes written as
    served (templates/moved.html.j2), which the browser leaves at once for ``to``; search
    engines are told that page is the one (``canonical``) and kept out (noindex)."""

    template: ClassVar[str] = "moved.html.j2"
    path: str  # the file written: urls.moved_file
    to: Link  # the page that now answers, as the browser follows the link
    canonical: str  # its public URL, empty without a site_url
    title: str
    note: str


def moved_pair_page(locality: Locality, earlier: Plan, later: Plan, site_url: str,
                    directory_urls: bool) -> MovedPage:
    old, target = urls.pair(locality.id, earlier.id, later.id), urls.comparison(locality.id)
    href = urls.rel_public(old, target, directory_urls) + urls.side_by_side_query(earlier.id, later.id)
    return MovedPage(path=urls.moved_file(old, directory_urls), to=Link(label=f"{locality.name}历年对比", href=href),
                     canonical=urls.public(target, base=site_url) if site_url else "",
                     title=pair_title(locality, earlier, later),
                     note=f"{earlier.year}年与{later.year}年的逐主题对照现在在")


def pages(index: Index, settings: SiteSettings, insight: Insight) -> Iterator[PageView]:
    """The comparison of every place with two plans or more, and the pages left at the
    addresses of its former pair pages."""
    for locality_id in insight.pairs:
        locality = index.catalog.localities[locality_id]
        yield comparison_page(index, insight, locality, settings.directory_urls)
        for earlier, later in moved_pairs_of(index.by_locality[locality_id]):
            yield moved_pair_page(locality, earlier, later, settings.site_url, settings.directory_urls)
