"""Checks that hold a plan's fields against each other, its text and the registry:
what the schema and the cross-references cannot see, because each value is well
formed on its own.

- The year against the years its title names (``2024年``, ``２０２４年``, ``二〇二四年``,
  ``2023—2024学年``): a contradiction is an error, since the year files the plan on the
  site. Its ``issued`` date more than a year before the plan year, or after it, is a
  warning: a human must judge a late or early issue.
- The locality against the places its text names: a plan whose text names another
  registered place (not one above it) more often than its own is a warning (a copy
  filed under the wrong place, or ``--locality`` mistyped at import).
- A locality registered with ``province: null`` whose evidence names a province is a
  warning: the province was probably left out.

Warnings do not fail ``validate``; errors do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from . import anchors, numerals
from .validate import Problem, field_name, schema
from .yamlio import Document, FieldPath

_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_YEAR = re.compile(r"((?:19|20)\d\d|[二][〇○零][〇○零一二三四五六七八九]{2})(?=\s*(?:[—–\-－~～至到]\s*"
                   r"(?:(?:19|20)\d\d|[二][〇○零][〇○零一二三四五六七八九]{2})\s*)?(?:年|学年))")
_RANGE_END = re.compile(r"[—–\-－~～至到]\s*((?:19|20)\d\d|[二][〇○零][〇○零一二三四五六七八九]{2})\s*(?:年|学年)")


def title_years(title: str) -> set[int]:
    """The years a title names: 2024年, ２０２４年, 二〇二四年, both ends of 2023—2024学年."""
    text = numerals.ascii_digits(title)
    found = {m.group(1) for m in _YEAR.finditer(text)} | {m.group(1) for m in _RANGE_END.finditer(text)}
    return {int(y.translate(_CN_YEAR_DIGITS)) for y in found}


def issued_in_time(issued: str, year: int) -> bool:
    """A plan is issued in its year or the year before (YYYY-MM-DD)."""
    return int(issued[:4]) in (year - 1, year)


Add = Callable[[FieldPath, str, str, str], None]


def check_plan(doc: Document, places: Places) -> list[Problem]:
    """The plan's year, issue date and locality against its title, text and registry."""
    problems: list[Problem] = []

    def add(at: FieldPath, message: str, hint: str, severity: str) -> None:
        problems.append(Problem(doc.path, doc.mark(at), message, hint, field_name(at), severity))

    _check_year(doc.data, add)
    _check_locality(doc.data, places, add)
    return problems


def _check_year(data: dict[str, Any], add: Add) -> None:
    year, years = data["year"], title_years(data["title"])
    if years and year not in years:
        named = "、".join(str(y) for y in sorted(years))
        add(("year",), f"year {year} contradicts the title, which names {named}",
            "correct the year (for a new plan, its id and file name too), or the title if it was misread", "error")
    issued = str(data.get("issued") or "")
    if re.fullmatch(r"\d{4}-\d\d-\d\d", issued) and not issued_in_time(issued, year):
        add(("issued",), f"issued {issued} is not in {year} or the year before",
            "check the date against the document's closing; a web page's upload date is not the issue date",
            "warning")


def _texts(data: dict[str, Any]) -> Iterator[str]:
    for key in ("title", "subtitle", "issuer", "notice", "preamble", "closing"):
        if isinstance(data.get(key), str):
            yield data[key]
    for _, item, _ in anchors.item_anchors(data):
        yield item.get("title") or ""
        yield item.get("text") or ""
    sections = list(data.get("sections") or [])
    while sections:
        section = sections.pop()
        yield section.get("title") or ""
        yield section.get("intro") or ""
        sections += section.get("sections") or []


def names(entry: dict[str, Any]) -> tuple[str, ...]:
    return tuple(n for n in (entry.get("name"), *(entry.get("aliases") or ())) if isinstance(n, str) and n)


def named_in(text: str, entry: dict[str, Any]) -> list[str]:
    """Each mention of the place in the text, as printed: its names longest first, so that
    威海市 counts once, not also as 威海."""
    found = names(entry)
    return _mentions(found).findall(text) if found else []


@lru_cache(maxsize=None)
def _mentions(found: tuple[str, ...]) -> re.Pattern[str]:
    """A place's names as one expression, longest first, compiled once per place."""
    return re.compile("|".join(map(re.escape, sorted(set(found), key=len, reverse=True))))


class Places:
    """The registered places, indexed by the first two characters of each name, so that
    finding the places a text names costs the text's length, not the registry's size (a
    plan is held against some 3,000 places; validate checks 10,000 plans)."""

    def __init__(self, entries: Iterable[dict[str, Any]]) -> None:
        self.entries = {e["id"]: e for e in entries}
        self.by_start: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entry in self.entries.values():
            if not entry.get("anonymized"):  # a hidden name is never named
                for start in {n[:2] for n in names(entry)}:
                    self.by_start[start].append(entry)

    def named(self, text: str) -> list[tuple[dict[str, Any], list[str]]]:
        """The places the text names, each with its mentions."""
        starts = {text[i:i + 2] for i in range(len(text) - 1)} & self.by_start.keys()
        candidates = {e["id"]: e for start in starts for e in self.by_start[start]}
        return [(e, found) for e in candidates.values() if (found := named_in(text, e))]

    def most_named(self, text: str) -> tuple[dict[str, Any], list[str]] | None:
        """The place the text names most, with its mentions; a child beats its parent,
        because a county's plan names its city far more often than a city's plan names
        one county."""
        named = self.named(text)
        parents = {e.get("parent") for e, _ in named}
        candidates = [(e, f) for e, f in named if e["id"] not in parents] or named
        return max(candidates, key=lambda c: (len(c[1]), c[0]["id"])) if candidates else None

    def is_above(self, entry: dict[str, Any], below: dict[str, Any]) -> bool:
        """Whether entry is a parent, grandparent … of below."""
        parent = below.get("parent")
        while parent and parent in self.entries:
            if parent == entry["id"]:
                return True
            parent = self.entries[parent].get("parent")
        return False


def _check_locality(data: dict[str, Any], places: Places, add: Add) -> None:
    """A county's plan may name its city more often than itself: only a place that is
    not above the plan's own counts against it."""
    own = places.entries.get(data["locality"])
    if own is None or own.get("anonymized"):
        return
    text = "\n".join(_texts(data))
    best = places.most_named(text)
    count = len(named_in(text, own))
    if best is None or best[0] is own or len(best[1]) <= count or places.is_above(best[0], own):
        return
    other, found = best
    add(("locality",), f"the text names {max(set(found), key=found.count)} {len(found)} time(s) ({other['id']}) "
        f"and {own['name']} ({own['id']}) {count}", f"check the locality: if the plan is {other['name']}'s, set "
        f"locality: {other['id']} (and rename the file); if it is {own['name']}'s, add the name its text uses to "
        "the locality's aliases", "warning")


@lru_cache(maxsize=1)
def provinces() -> tuple[str, ...]:
    """The province names of the locality schema, longest first."""
    enum: Iterable[Any] = schema("localities")["properties"]["localities"]["items"]["properties"]["province"]["enum"]
    return tuple(sorted((p for p in enum if p), key=len, reverse=True))


def province_named(lines: Iterable[str]) -> tuple[int, str] | None:
    """The first (line number, province) a text names, counting from 1."""
    for number, line in enumerate(lines, 1):
        for province in provinces():
            if province in line:
                return number, province
    return None


def check_registry(doc: Document) -> list[Problem]:
    """Localities with no province whose evidence names one."""
    problems = []
    for i, entry in enumerate(doc.data.get("localities") or []):
        if entry.get("province") is not None:
            continue
        named = province_named(entry.get("evidence") or ())
        if named:
            at = ("localities", i, "province")
            problems.append(Problem(doc.path, doc.mark(at), f"{entry['id']} has no province, but its evidence names "
                                    f"{named[1]}", f"set province: {named[1]} if the place lies there; if the "
                                    "evidence names it for another reason, say so in the evidence", field_name(at),
                                    "warning"))
    return problems
