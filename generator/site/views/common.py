"""Pieces every page family uses: links, item labels, excerpts, count tables, plan rows."""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis.index import Index
from ...data.model import Item, Plan
from .. import urls

EXCERPT_CHARS = 80
LIST_LIMIT = 100  # a list longer than this is collapsed, a theme-year longer is only linked


@dataclass(frozen=True, kw_only=True)
class Link:
    label: str
    href: str


def link(label: str, source: str, target: str, anchor: str = "") -> Link:
    """A link from the page at ``source`` to the page at ``target``."""
    return Link(label=label, href=urls.rel(source, target, anchor))


def item_label(item: Item) -> str:
    """'8. 高标准完成……' — printed number, then the headline (or the text's opening)."""
    return (f"{item.number}. " if item.number else "") + item.display_title


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(line for line in (text or "").split("\n") if line.strip())


@dataclass(frozen=True, kw_only=True)
class Cell:
    count: int
    href: str | None
    level: int  # 0..5, for shading


@dataclass(frozen=True, kw_only=True)
class CountTable:
    """Counts with a link each (theme × year, theme × locality), shaded by size."""

    corner: str
    columns: tuple[Link, ...]
    rows: tuple[tuple[Link, tuple[Cell, ...]], ...]


def heat_level(count: int, maximum: int) -> int:
    if count == 0 or maximum == 0:
        return 0
    return max(1, round(5 * count / maximum))


def count_table(corner: str, columns: list[Link], rows: list[tuple[Link, list[tuple[int, str]]]]) -> CountTable:
    maximum = max((c for _, cells in rows for c, _ in cells), default=0)
    return CountTable(corner=corner, columns=tuple(columns), rows=tuple(
        (label, tuple(Cell(count=c, href=href if c else None, level=heat_level(c, maximum)) for c, href in cells))
        for label, cells in rows
    ))


@dataclass(frozen=True, kw_only=True)
class PlanRow:
    link: Link
    locality: Link
    year: Link
    items: int


def plan_row(index: Index, plan: Plan, page: str) -> PlanRow:
    locality = index.catalog.localities[plan.locality]
    return PlanRow(
        link=link(plan.title, page, urls.plan(plan.id)),
        locality=link(locality.name, page, urls.locality(locality.id)),
        year=link(str(plan.year), page, urls.year(plan.year)),
        items=plan.item_count,
    )
