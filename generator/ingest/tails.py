"""Responsible units and deadline marks found in item text.

All are copies: the item text keeps them verbatim, these lists make them searchable
and comparable. A tail is a parenthesis such as （责任单位：基础教育科；完成时间：2025年
9月前） or （牵头单位：基教科；配合单位：财务科、人事科）, a bare list （思政处、基教处）,
a deadline （年底前）, or an unbracketed 责任单位：教研室、电教馆。 closing the text.
Each part of a labelled tail is read by its label: responsible (lead) units, supporting
units, or a deadline; a part that fits none is reported, never dropped silently. The
labels and patterns are rules in ``rules/import.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

@dataclass(frozen=True)
class TailRules:
    owner_labels: tuple[str, ...]
    supporting_labels: tuple[str, ...]
    deadline_labels: tuple[str, ...]
    unit_suffixes: tuple[str, ...]
    single_unit_suffixes: tuple[str, ...]
    deadline_patterns: tuple[re.Pattern[str], ...]
    parenthesis: re.Pattern[str]
    part_separator: re.Pattern[str]
    unbracketed: re.Pattern[str]
    unit_separator: re.Pattern[str]
    unit_note: re.Pattern[str]
    deadline_spacing: re.Pattern[str]


@dataclass
class Tails:
    owners: list[str] = field(default_factory=list)
    supporting: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # parts of a labelled tail that fit no label


def _units(listing: str, rules: TailRules, join_broken: bool = True) -> list[str]:
    """Unit names of a list; with join_broken, a piece that a stray space broke off a name
    (人 事科) is joined to the next one."""
    names: list[str] = []
    for group in rules.unit_separator.split(listing):
        current = ""
        for piece in group.split():
            piece = piece.strip("。. ")
            if current and join_broken and not _is_unit(current, rules):
                current += piece
                continue
            names += [current] if current else []
            current = piece
        names += [current] if current else []
    return names


def _is_unit(name: str, rules: TailRules) -> bool:
    bare = rules.unit_note.sub("", name)
    return bool(bare) and len(bare) <= 14 and bare.endswith(rules.unit_suffixes)


def _is_deadline(phrase: str, rules: TailRules) -> bool:
    return any(p.search(phrase) for p in rules.deadline_patterns)


def _labelled(inner: str, rules: TailRules, found: Tails) -> bool:
    """Read a tail whose parts carry labels; False when no part does."""
    known = rules.owner_labels + rules.supporting_labels + rules.deadline_labels
    parts = [p.strip() for p in rules.part_separator.split(inner) if p and p.strip()]
    labelled = [p.partition("：") for p in parts]
    if not any(sep and label.strip() in known for label, sep, _ in labelled):
        return False
    for part, (label, sep, value) in zip(parts, labelled):
        label = label.strip()
        if sep and label in rules.owner_labels:
            found.owners += _units(value, rules)
        elif sep and label in rules.supporting_labels:
            found.supporting += _units(value, rules)
        elif sep and label in rules.deadline_labels:
            found.deadlines.append(rules.deadline_spacing.sub("", value.strip("。 ")))
        elif not sep and _is_deadline(part, rules):
            found.deadlines.append(part)
        else:
            found.unread.append(part)
    return True


def _bare_units(text: str, matches: list[re.Match[str]], rules: TailRules) -> list[str]:
    """A closing parenthesis that only lists units: （思政处、基教处、教科院）."""
    if not matches:
        return []
    last = matches[-1]
    if text[last.end():].strip("。 \n"):
        return []
    names = _units(last.group(1), rules, join_broken=False)
    lone_ok = len(names) > 1 or (names and rules.unit_note.sub("", names[0]).endswith(rules.single_unit_suffixes))
    return names if lone_ok and all(_is_unit(n, rules) for n in names) else []


def read(text: str, rules: TailRules) -> Tails:
    """The owners, supporting units and deadlines an item's text states, in order."""
    found = Tails()
    matches = list(rules.parenthesis.finditer(text))
    for match in matches:
        inner = match.group(1).strip()
        if not _labelled(inner, rules, found) and _is_deadline(inner, rules):
            found.deadlines.append(inner)
    tail = rules.unbracketed.search(text.rstrip())
    if tail:  # 责任单位：教研室、电教馆。 closing the text, without brackets
        _labelled(tail.group(1), rules, found)
    if not found.owners:
        found.owners = _bare_units(text, matches, rules)
    found.owners = list(dict.fromkeys(found.owners))
    found.supporting = list(dict.fromkeys(found.supporting))
    found.deadlines = list(dict.fromkeys(found.deadlines))
    return found
