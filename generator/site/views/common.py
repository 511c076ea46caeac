"""Pieces every page family uses: links, item labels, excerpts, count tables, plan rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

from ...analysis.index import Index
from ...data.model import Item, Plan
from .. import urls

EXCERPT_CHARS = 80
LIST_LIMIT = 100  # a list longer than this is collapsed, a theme-year longer is only linked


class PageView(Protocol):
    """What pages.render_all asks of a view: where the page goes and which template
    shows it (given the view as ``page``)."""

    template: ClassVar[str]

    @property
    def path(self) -> str: ...


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


def pages_of(weights: dict[str, int], budget: int) -> tuple[tuple[str, ...], ...]:
    """The keys in their order, cut into pages that hold at most ``budget`` together;
    a key is never split (one heavier than the budget gets a page of its own), so that a
    locality's items stay on one page and a link to them names that page."""
    pages: list[list[str]] = []
    held = 0
    for key, weight in weights.items():
        if not pages or held + weight > budget:
            pages.append([])
            held = 0
        pages[-1].append(key)
        held += weight
    return tuple(tuple(page) for page in pages) or ((),)


def page_suffix(number: int) -> str:
    """'（第2页）' after the heading and title of a listing's further pages."""
    return f"（第{number}页）" if number > 1 else ""


@dataclass(frozen=True, kw_only=True)
class Pager:
    """Where a page of a paged listing stands: every page, labelled by the places it
    holds (青岛市 … 荣成市), the current one without a link."""

    number: int
    pages: tuple[Link, ...]  # href "" for the current page
    previous: Link | None
    next: Link | None


def span(names: list[str]) -> str:
    """A page's label by the places it holds: '青岛市 … 荣成市', or the one place."""
    return names[0] + (f" … {names[-1]}" if len(names) > 1 else "")


def pager(page: str, number: int, paths: list[str], labels: list[str]) -> Pager | None:
    """The pager of page ``number`` (from 1) among ``paths``; None for a single page."""
    if len(paths) < 2:
        return None
    here = number - 1
    pages = tuple(Link(label=f"{n + 1}：{label}", href="" if n == here else urls.rel(page, path))
                  for n, (path, label) in enumerate(zip(paths, labels)))
    return Pager(number=number, pages=pages,
                 previous=link("上一页", page, paths[here - 1]) if here > 0 else None,
                 next=link("下一页", page, paths[here + 1]) if here + 1 < len(paths) else None)


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
