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


Add = Callable[[FieldPath, str, str, str], None]


def check_plan(doc: Document, localities: dict[str, dict[str, Any]]) -> list[Problem]:
    """The plan's year, issue date and locality against its title, text and registry."""
    problems: list[Problem] = []

    def add(at: FieldPath, message: str, hint: str, severity: str) -> None:
        problems.append(Problem(doc.path, doc.mark(at), message, hint, field_name(at), severity))

    _check_year(doc.data, add)
    _check_locality(doc.data, localities, add)
    return problems


def _check_year(data: dict[str, Any], add: Add) -> None:
    year, years = data["year"], title_years(data["title"])
    if years and year not in years:
        named = "、".join(str(y) for y in sorted(years))
        add(("year",), f"year {year} contradicts the title, which names {named}",
            "correct the year (for a new plan, its id and file name too), or the title if it was misread", "error")
    issued = str(data.get("issued") or "")
    if re.fullmatch(r"\d{4}-\d\d-\d\d", issued) and int(issued[:4]) not in (year - 1, year):
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


def mentions(text: str, entry: dict[str, Any]) -> int:
    """How often the text names the place: its shortest name counts every longer one
    that contains it (青岛 in 青岛市), so no mention is counted twice."""
    found = names(entry)
    shortest = [n for n in found if not any(m != n and m in n for m in found)]
    return sum(text.count(n) for n in shortest)


def most_named(text: str, localities: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], int] | None:
    """The registered place the text names most, and how often; a child beats its parent,
    because a county's plan names its city far more often than a city's plan names one
    county. Anonymized places are never named (their names say so)."""
    counts = [(e, mentions(text, e)) for e in localities if not e.get("anonymized")]
    named = [(e, n) for e, n in counts if n]
    parents = {e.get("parent") for e, _ in named}
    candidates = [(e, n) for e, n in named if e["id"] not in parents] or named
    return max(candidates, key=lambda c: c[1]) if candidates else None


def _check_locality(data: dict[str, Any], localities: dict[str, dict[str, Any]], add: Add) -> None:
    own = localities.get(data["locality"])
    if own is None or own.get("anonymized"):
        return
    text = "\n".join(_texts(data))
    best = most_named(text, localities.values())
    count = mentions(text, own)
    if best is None or best[0] is own or best[1] <= count or _is_above(best[0], own, localities):
        return
    other, times = best
    add(("locality",), f"the text names {names(other)[-1]} {times} time(s) ({other['id']}) and {own['name']} "
        f"({own['id']}) {count}", f"check the locality: if the plan is {other['name']}'s, set locality: "
        f"{other['id']} (and rename the file); if it is {own['name']}'s, add the name its text uses to the "
        "locality's aliases", "warning")


def _is_above(entry: dict[str, Any], below: dict[str, Any], localities: dict[str, dict[str, Any]]) -> bool:
    """Whether entry is a parent, grandparent … of below: a county's plan may name its city more than itself."""
    parent = below.get("parent")
    while parent and parent in localities:
        if parent == entry["id"]:
            return True
        parent = localities[parent].get("parent")
    return False


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
