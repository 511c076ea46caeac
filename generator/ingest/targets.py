"""Quantitative targets (指标) in item text: a starting point for the plan files.

A target is a number with a unit tied to an indicator phrase: a level to reach
(公办园在园幼儿占比 62%), an amount to build or hold (人工智能实验室 200 间), or a
count of events (科普宣教 500 场), with the year when the text sets one (到2022年).
The extractor reads one clause at a time (text between ，；。 and, where a clause
lists several numbers, between 、); its phrase lists are ``rules/targets.yml``.
Extracted targets are written into the plan files, where people correct them; the
site and the dataset read the plan files, never the extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..data.model import Target
from . import outline

RULES_FILE = Path(__file__).parent / "rules" / "targets.yml"


@dataclass(frozen=True)
class TargetRules:
    number: re.Pattern[str]
    clause_ends: re.Pattern[str]
    year: re.Pattern[str]
    year_prefix: re.Pattern[str]
    names: re.Pattern[str]
    list_separator: re.Pattern[str]
    thing_separator: re.Pattern[str]
    leading_note: re.Pattern[str]
    level_verbs: tuple[str, ...]
    level_units: tuple[str, ...]
    rate_words: tuple[str, ...]
    event_units: tuple[str, ...]
    change_verbs: tuple[str, ...]
    not_after: tuple[str, ...]
    qualifiers: tuple[str, ...]
    amount_verbs: tuple[str, ...]


@lru_cache(maxsize=1)
def rules(path: Path = RULES_FILE) -> TargetRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    units = "|".join(re.escape(u) for u in sorted(data["units"], key=len, reverse=True))
    return TargetRules(
        number=re.compile(data["number"].replace("{units}", units)),
        clause_ends=outline.one_of(outline.patterns().sentence_ends + data["clause_ends"]),
        **{key: re.compile(data[key]) for key in ("year", "year_prefix", "names", "list_separator",
                                                   "thing_separator", "leading_note")},
        level_verbs=tuple(sorted(data["level_verbs"], key=len, reverse=True)),
        level_units=tuple(data["level_units"]),
        rate_words=tuple(data["rate_words"]),
        event_units=tuple(data["event_units"]),
        change_verbs=tuple(data["change_verbs"]),
        not_after=tuple(data["not_after"]),
        qualifiers=tuple(sorted(data["qualifiers"], key=len, reverse=True)),
        amount_verbs=tuple(data["amount_verbs"]),
    )


def _masked(clause: str, r: TargetRules) -> str:
    """Numbers inside book titles, quotes and parentheses are names, not targets."""
    return r.names.sub(lambda m: "\0" * len(m.group(0)), clause)


def _parts(clause: str, r: TargetRules) -> list[str]:
    """A clause listing several numbers (培养100位……、40位……, 20所……和10所……) splits
    at 、 and 和 so that each number keeps its own words."""
    if len(r.number.findall(_masked(clause, r))) > 1:
        return [p for p in r.list_separator.split(clause) if p]
    return [clause]


def _clean(phrase: str, r: TargetRules) -> str:
    phrase = r.year_prefix.sub("", phrase.strip(" 、，"))
    changed = True
    while changed:
        changed = False
        for q in r.qualifiers:
            if phrase.endswith(q) or phrase.startswith(q):
                phrase = phrase[len(q):] if phrase.startswith(q) else phrase[: -len(q)]
                changed = True
    return phrase.strip(" 、，")


def _strip_verb(before: str, r: TargetRules) -> str:
    """特色学校达到 250所 → 特色学校: a level verb ends the phrase, it does not name it."""
    for verb in r.level_verbs:
        if before.rstrip().endswith(verb) and len(before.rstrip()) > len(verb):
            return before.rstrip()[: -len(verb)]
    return before


def _kind(before: str, unit: str, r: TargetRules) -> str:
    if unit in r.level_units:
        return "level"
    if any(v in before for v in r.level_verbs) and any(w in before for w in r.rate_words):
        return "level"
    if unit in r.event_units:
        return "events"
    return "amount"


def _indicator(before: str, after: str, kind: str, r: TargetRules) -> str:
    """The phrase naming what is measured: for a level, the words before its verb
    (占比提升至62% → 占比); else the clause around the number (开展……500场 → 开展……,
    培养100位数字化校长 → 培养数字化校长)."""
    if kind == "level":
        for verb in r.level_verbs:
            at = before.rfind(verb)
            if at > 0:
                keep = verb if verb in r.change_verbs else ""  # 近视率降低 1% is a change, not a level
                return _clean(before[:at] + keep, r)
    before = _strip_verb(before, r)
    head = _clean(before, r)
    thing = r.thing_separator.split(r.leading_note.sub("", after), maxsplit=1)[0][:20]
    if len(head) <= 4 or head.endswith(r.amount_verbs):  # the thing counted follows the number
        return _clean(head + thing, r)
    return _clean(before + (after if len(after) <= 12 else ""), r)


def extract(text: str) -> list[Target]:
    """Targets in an item's text, in order, each (indicator, value, unit) once."""
    r = rules()
    found: list[Target] = []
    year_in_text = None
    for clause in r.clause_ends.split(text.replace("。", "。\0")):
        if clause.startswith("\0"):  # a new sentence: a year set earlier no longer applies
            year_in_text, clause = None, clause[1:]
        if m := r.year.search(clause):
            year_in_text = int(m.group(1) or m.group(2))
        for part in _parts(clause, r):
            masked = _masked(part, r)
            for match in r.number.finditer(masked):
                start = match.start()
                if start and masked[start - 1] in r.not_after or start and masked[start - 1].isdigit():
                    continue
                value = "".join(match.group("value").split())
                unit = "%" if match.group("unit") == "％" else match.group("unit")
                before = part[:start]
                after = part[match.end():]
                kind = _kind(before, unit, r)
                indicator = _indicator(before, after, kind, r)
                if not indicator or len(indicator) < 2:
                    continue
                target = Target(indicator, value, unit, kind, year_in_text)
                if all((t.indicator, t.value, t.unit) != (target.indicator, value, unit) for t in found):
                    found.append(target)
    return found
