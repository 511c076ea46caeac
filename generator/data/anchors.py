"""Anchors: the part of a public URL after '#', for items and sections of a plan page.

The one rule, asked by the validator (unique, well-formed), the importer (which items
need an explicit id), the loader (every item's anchor) and the pages (section anchors,
the renderer's last check): the printed number (``01`` → ``1``), qualified by the top-level section's position
(``2-1``) when the plan declares ``numbering: per-section``, and an explicit ``id``
wherever the plan file gives one (required for unnumbered items: ``6a`` follows item
6). The numbering scheme is declared, never guessed from the numbers, so that a number
typed twice cannot silently move every anchor of a plan; the importer writes the
declaration where two sections begin again at 1 (:func:`numbering_restarts`). Sections are ``s1``, ``s1-2`` by position.
Anchors never depend on text, so editing a title or a typo never breaks a link.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from .numerals import cn_number
from .yamlio import FieldPath

ANCHOR_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # every anchor a page may carry
SECTION_ANCHOR = re.compile(r"^s\d+(-\d+)*$")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def number_key(number: str) -> str:
    """'01' → '1', '１２' → '12', '（三）' → '3' (tasks numbered in Chinese numerals);
    anything else unchanged but lower-cased."""
    digits = number.strip()
    if digits.isdigit():
        return str(int(digits))
    value = cn_number(digits.strip("（）()"))
    return str(value) if value is not None else digits.lower()


PER_SECTION = "per-section"  # the value of a plan's ``numbering`` key when numbers restart


def numbering_restarts(data: dict[str, Any]) -> bool:
    """Whether a plan's item numbers restart in each section (the importer's cue to declare
    ``numbering: per-section``): at least two sections, at any depth, whose first numbered
    item is 1. A number merely printed twice (1 2 2 3) is a repeat, not a restart: it gets
    an id instead, and every other anchor stays where it was."""
    def firsts(sections: list[dict[str, Any]]) -> Iterator[str]:
        for section in sections:
            numbered = [item["number"] for item in section.get("items") or [] if item.get("number")]
            yield from numbered[:1]
            yield from firsts(section.get("sections") or [])

    return [number_key(n) for n in firsts(data.get("sections") or [])].count("1") >= 2


def per_section(data: dict[str, Any]) -> bool:
    return data.get("numbering") == PER_SECTION


def default_anchor(number: str, top_section_position: int, restarts: bool) -> str:
    key = number_key(number)
    return f"{top_section_position}-{key}" if restarts else key


def section_anchor(positions: tuple[int, ...]) -> str:
    """(3, 2) → 's3-2': the second sub-section of the third section."""
    return "s" + "-".join(str(p) for p in positions)


def iter_items(data: dict[str, Any]) -> Iterator[tuple[FieldPath, dict[str, Any], int]]:
    """(field path, item data, position of its top-level section, 0 for none) for every
    item of plan data, in reading order: a section's items before its sub-sections."""
    for i, item in enumerate(data.get("items") or []):
        yield ("items", i), item, 0

    def walk(sections: list[dict[str, Any]], prefix: FieldPath, top: int | None) -> Iterator:
        for s, section in enumerate(sections):
            position = top if top is not None else s + 1
            here = (*prefix, s)
            for i, item in enumerate(section.get("items") or []):
                yield (*here, "items", i), item, position
            yield from walk(section.get("sections") or [], (*here, "sections"), position)

    yield from walk(data.get("sections") or [], ("sections",), None)


def item_anchors(data: dict[str, Any]) -> list[tuple[FieldPath, dict[str, Any], str | None]]:
    """Every item with its anchor (None when it has neither number nor id)."""
    items = list(iter_items(data))
    restarts = per_section(data)
    found: list[tuple[FieldPath, dict[str, Any], str | None]] = []
    for field_path, item, position in items:
        if item.get("id"):
            anchor = item["id"]
        elif item.get("number"):
            anchor = default_anchor(item["number"], position, restarts)
        else:
            anchor = None
        found.append((field_path, item, anchor))
    return found


def reused_numbers(data: dict[str, Any]) -> list[tuple[FieldPath, FieldPath]]:
    """(first, later) field paths of items whose printed number repeats where their
    anchors would collide: anywhere in a plan numbered as one sequence, within one
    top-level section under per-section numbering. Items with an explicit id are free."""
    seen: dict[tuple[int, str], FieldPath] = {}
    found = []
    for field_path, item, position in iter_items(data):
        if item.get("id") or not item.get("number"):
            continue
        key = (position if per_section(data) else 0, number_key(item["number"]))
        if key in seen:
            found.append((seen[key], field_path))
        else:
            seen[key] = field_path
    return found


def unnumbered_ids(data: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """Ids for the items that need one and have none: printed without a number, or with
    a number printed again ('6a', '6b' after item 6; '0a' before the first item)."""
    repeats = {id(value_at(data, later)) for _, later in reused_numbers(data)}
    ids = []
    previous, suffix = "0", 0
    for _, item, anchor in item_anchors(data):
        if (item.get("number") and id(item) not in repeats) or item.get("id"):
            previous, suffix = anchor or previous, 0
            continue
        suffix += 1
        ids.append((item, f"{previous}{_letters(suffix)}"))
    return ids


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa: the suffix of the n-th unnumbered item after a number."""
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = _LETTERS[rest] + out
    return out


def value_at(data: Any, field_path: FieldPath) -> Any:
    """The value at a field path of plan data."""
    for part in field_path:
        data = data[part]
    return data
