"""Site chrome: the lines a web copy of a plan carries that are not the plan's — a
government site's 信息公开 block and info line, a document-sharing (文库) site's offers,
ratings and paywall, a news portal's bylines, a WeChat article's account line and buttons.

Normalized lines enter; the lines that stay (with their source line numbers), the lines
removed, the site family recognised, where a paywall hid text and the page's own facts
(its date, its source) leave. The patterns are data, by family, in ``rules/chrome.yml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .text import iso_date

CHROME_FILE = Path(__file__).parent / "rules" / "chrome.yml"


@dataclass(frozen=True)
class Family:
    name: str
    lines: tuple[re.Pattern[str], ...]
    paywall: tuple[re.Pattern[str], ...] = ()
    ends: tuple[re.Pattern[str], ...] = ()
    page_date: tuple[re.Pattern[str], ...] = ()
    document_date: tuple[re.Pattern[str], ...] = ()
    source: tuple[re.Pattern[str], ...] = ()
    issued_fallback: bool = False  # the page is the issuer's own: its date and source may stand in
    examples: tuple[str, ...] = ()  # lines of this family's chrome as sites print them (for the tests)


@dataclass(frozen=True)
class ChromeRules:
    common: tuple[re.Pattern[str], ...]
    families: tuple[Family, ...]
    piece_separator: re.Pattern[str]  # between the pieces of a line (【打印本页】    【关闭窗口】)
    fact_date: re.Pattern[str]  # a date a page fact gives, in any of the sites' spellings
    common_examples: tuple[str, ...] = ()
    any_line: re.Pattern[str] = re.compile("(?!)")  # every line pattern at once
    stop: re.Pattern[str] = re.compile("(?!)")  # every paywall and end pattern at once


def _alternation(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """Several patterns in one expression: most lines are text, rejected at once."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)")


def _compiled(patterns: list[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns or ())


@lru_cache(maxsize=1)
def load_rules(path: Path = CHROME_FILE) -> ChromeRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    families = tuple(
        Family(name, _compiled(spec.get("lines")), _compiled(spec.get("paywall")), _compiled(spec.get("ends")),
               _compiled(spec.get("page_date")), _compiled(spec.get("document_date")), _compiled(spec.get("source")),
               bool(spec.get("issued_fallback")), tuple(spec.get("examples") or ()))
        for name, spec in data["families"].items())
    common = _compiled(data["common"]["lines"])
    return ChromeRules(common, families, re.compile(data["piece_separator"]), re.compile(data["fact_date"]),
                       tuple(data["common"].get("examples") or ()),
                       _alternation(common + tuple(p for f in families for p in f.lines)),
                       _alternation(tuple(p for f in families for p in f.ends + f.paywall)))


@dataclass
class Chrome:
    """What the chrome stage removed from one document, and what the page itself said."""

    removed: list[str] = field(default_factory=list)
    at: dict[int, str] = field(default_factory=dict)  # source line → what removed it (a family, 'paywall', …)
    counts: Counter = field(default_factory=Counter)  # removed lines by family ('' for common chrome)
    seen: Counter = field(default_factory=Counter)  # chrome lines by family elsewhere on the page (recognition only)
    paywalls: list[int] = field(default_factory=list)  # source lines where a paywall hid text
    ended: int | None = None  # source line where the copy's own text ends (preview ended …)
    facts: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, family, line): dates, sources

    @property
    def family(self) -> Family | None:
        """The site family most of the removed lines belong to (the first listed on a tie)."""
        families, counts = load_rules().families, self.counts + self.seen
        best = max(families, key=lambda f: counts[f.name])  # max keeps the first of equals
        return best if counts[best.name] else None

    def fact(self, kind: str, stand_in: bool = False) -> tuple[str, str] | None:
        """(value, line) of the first page fact of a kind ('page_date', 'document_date',
        'source') of the recognised family; stand_in: only where the family's page is the
        issuer's own (its date and source may stand in for the document's)."""
        family = self.family
        if family is None or (stand_in and not family.issued_fallback):
            return None
        for found_kind, name, line in self.facts:
            if found_kind == kind and name == family.name:
                value = next(m for p in getattr(family, kind) if (m := p.search(line)))[1]
                if kind.endswith("date"):
                    match = load_rules().fact_date.search(value)
                    if not match:
                        continue
                    value = iso_date(match)
                return value, line
        return None

    def recognise(self, page_lines: list[str]) -> None:
        """Recognise the site also by the chrome of the whole page (a reader such as
        trafilatura leaves most of it out of the text)."""
        self.seen = strip(page_lines, list(range(1, len(page_lines) + 1)))[1].counts

    def summary(self) -> str | None:
        """'removed 9 lines of document-sharing site chrome and a paywall marker'."""
        family = self.family
        if not self.removed:
            return f"the page is a {family.name}'s (by its chrome outside the text)" if family else None
        kind = f"{family.name} chrome" if family else "web-page chrome"
        text = f"removed {len(self.removed)} line(s) of {kind}"
        if self.paywalls:
            text += f" and {'a paywall marker' if len(self.paywalls) == 1 else f'{len(self.paywalls)} paywall markers'}"
        if self.ended is not None:
            text += f"; the copy's own text ends at line {self.ended} (what follows is the site's)"
        return text + " (kept in source.discarded)"


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    if any(p.match(line) for p in patterns):
        return True
    pieces = [p for p in load_rules().piece_separator.split(line) if p]
    return len(pieces) > 1 and all(any(p.match(piece) for p in patterns) for piece in pieces)


def is_chrome(line: str) -> bool:
    """Whether a line is chrome of any family (a line, or every spaced piece of it)."""
    return _matches((load_rules().any_line,), line.strip())


def strip(lines: list[str], numbers: list[int]) -> tuple[list[tuple[int, str]], Chrome]:
    """The lines that are the document's (with their source line numbers), and the chrome."""
    rules = load_rules()
    chrome = Chrome()
    kept: list[tuple[int, str]] = []
    for number, line in zip(numbers, lines):
        text = line.strip()
        if not text or line.startswith("\t"):  # table cells are no chrome
            if chrome.ended is None:
                kept.append((number, line))
            continue
        if chrome.ended is not None:
            chrome.removed.append(text)
            chrome.at[number] = "after the end of the copy's text"
            continue
        family = _classify(text, rules, chrome, number)
        if family is None:
            kept.append((number, line))
            continue
        chrome.removed.append(text)
        chrome.counts[family] += 1
        kind = "paywall" if chrome.paywalls[-1:] == [number] else "end of the copy" if chrome.ended == number else ""
        chrome.at[number] = " ".join(k for k in (family or "common", kind) if k)
    return kept, chrome


def _classify(text: str, rules: ChromeRules, chrome: Chrome, number: int) -> str | None:
    """The family whose chrome a line is ('' for common chrome), or None for document text."""
    for family in rules.families if rules.stop.match(text) else ():
        if any(p.match(text) for p in family.ends):
            chrome.ended = number
            return family.name
        if any(p.match(text) for p in family.paywall):
            chrome.paywalls.append(number)
            return family.name
    if not _matches((rules.any_line,), text):  # every pattern at once: most lines are text, rejected here
        return None
    pieces = [text] + [p for p in rules.piece_separator.split(text) if p]
    for family in rules.families:
        if any(p.match(piece) for p in family.lines for piece in pieces):
            for kind in ("page_date", "document_date", "source"):
                if any(p.search(text) for p in getattr(family, kind)):
                    chrome.facts.append((kind, family.name, text))
            return family.name
    return ""
