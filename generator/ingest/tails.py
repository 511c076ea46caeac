"""Responsible units and deadline marks found in item text.

Both are copies: the item text keeps them verbatim, these lists make them
searchable and comparable. The phrases that introduce them are rules in
``rules/import.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAREN_RE = re.compile(r"（((?:[^（）]|（[^（）]*）)*)）")
_SPLIT_RE = re.compile(r"[、，,；;\s]+")


@dataclass(frozen=True)
class TailRules:
    owner_labels: tuple[str, ...]
    unit_suffixes: tuple[str, ...]
    single_unit_suffixes: tuple[str, ...]
    deadline_patterns: tuple[re.Pattern[str], ...]


def _units(listing: str) -> list[str]:
    return [part.strip("。. ") for part in _SPLIT_RE.split(listing) if part.strip("。. ")]


def _is_unit(name: str, rules: TailRules) -> bool:
    bare = re.sub(r"（[^（）]*）$", "", name)
    return bool(bare) and len(bare) <= 14 and bare.endswith(rules.unit_suffixes)


def owners(text: str, rules: TailRules) -> list[str]:
    """（责任处室：基教处、法规处） anywhere, or a bare （思政处、基教处） at the end."""
    found: list[str] = []
    matches = list(_PAREN_RE.finditer(text))
    for match in matches:
        inner = match.group(1)
        label, sep, listing = inner.partition("：")
        if sep and label.strip() in rules.owner_labels:
            found.extend(_units(listing))
    if not found and matches:
        last = matches[-1]
        tail = text[last.end():].strip("。 \n")
        names = _units(last.group(1))
        lone_ok = len(names) > 1 or (names and re.sub(r"（[^（）]*）$", "", names[0]).endswith(
            rules.single_unit_suffixes))
        if not tail and lone_ok and all(_is_unit(n, rules) for n in names):
            found.extend(names)
    return list(dict.fromkeys(found))


def deadlines(text: str, rules: TailRules) -> list[str]:
    """（6月底前完成）, （贯穿全年）… in order of appearance, each once."""
    found = [
        m.group(1).strip()
        for m in _PAREN_RE.finditer(text)
        if any(p.search(m.group(1).strip()) for p in rules.deadline_patterns)
    ]
    return list(dict.fromkeys(found))
