"""Stage 2 of the import: normalized lines to an outline tree of one plan.

A plan text is a sequence of headings (一、 / （一） / 一是), items (1. 1、 1．
01, or a number glued to the text) and paragraphs. Numbers are read in their
sequence: a number that does not continue the items may be a section whose
printed style is odd (``2、`` between 一 and 三), a glued number is only taken
as one when it is the number expected next. Every such decision is recorded as
a warning for the human who curates the import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..data.numerals import CN_NUMERAL, ascii_digits, cn_number, cn_numeral

RULES_FILE = Path(__file__).parent / "rules" / "outline.yml"


@dataclass(frozen=True)
class Patterns:
    """What a line's numbering and its end look like: ``rules/outline.yml``."""

    sentence_ends: str
    closers: str
    closing_tail: re.Pattern[str]
    part: re.Pattern[str]
    section: re.Pattern[str]
    subsection: re.Pattern[str]
    lead_in: re.Pattern[str]
    other_lead_in: re.Pattern[str]
    item: re.Pattern[str]
    glued: re.Pattern[str]
    number_only: re.Pattern[str]
    ordinal_opener: re.Pattern[str]
    measure_words: str
    not_in_bare_heading: re.Pattern[str]
    heading_in_text: re.Pattern[str]


@lru_cache(maxsize=1)
def patterns(path: Path = RULES_FILE) -> Patterns:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sets = ("sentence_ends", "closers", "measure_words")  # character sets, not expressions
    return Patterns(sentence_ends=data["sentence_ends"], closers=data["closers"], measure_words=data["measure_words"],
                    **{key: expression(data[key]) for key in Patterns.__dataclass_fields__ if key not in sets})


def expression(pattern: str) -> re.Pattern[str]:
    """A pattern of rules/*.yml compiled, {numeral} standing for the Chinese numerals and
    {sentence_ends} for the sentence ends."""
    if "{sentence_ends}" in pattern:  # never in outline.yml, which defines them
        pattern = pattern.replace("{sentence_ends}", patterns().sentence_ends)
    return re.compile(pattern.replace("{numeral}", CN_NUMERAL))


def one_of(characters: str) -> re.Pattern[str]:
    """An expression matching any one of a set of characters (a set of rules/*.yml)."""
    return re.compile("[" + re.escape(characters) + "]")


@dataclass
class Token:
    kind: str  # part sec1 sec2 sec3 item glued numonly text
    line: int
    text: str
    number: str | None = None
    value: int | None = None
    rest: str = ""
    after_gap: bool = False  # the first line after text the copy hides (a paywall)


def classify(text: str, line: int) -> Token:
    """What a stripped, non-empty line looks like on its own, before context. Item
    numbers are stored in ASCII digits whatever digits the source printed."""
    p = patterns()
    if (m := p.part.match(text)) and cn_number(m[1]) is not None:
        return Token("part", line, text, f"第{m[1]}部分", cn_number(m[1]), m[2].strip())
    if m := p.subsection.match(text):
        return Token("sec2", line, text, f"（{m[1]}）", cn_number(m[1]), m[2].strip())
    if m := p.section.match(text):
        if cn_number(m[1]) is not None:
            return Token("sec1", line, text, m[1], cn_number(m[1]), m[2].strip())
    if (m := p.lead_in.match(text)) and cn_number(m[1]) is not None and not p.other_lead_in.search(m[2]):
        return Token("sec3", line, text, f"{m[1]}是", cn_number(m[1]), m[2].strip())
    if m := p.number_only.match(text):
        return Token("numonly", line, text, ascii_digits(m[1]), int(m[1]))
    if m := p.item.match(text):
        return Token("item", line, text, ascii_digits(m[1]), int(m[1]), m[2].strip())
    if m := p.glued.match(text):
        return Token("glued", line, text, ascii_digits(m[1]), int(m[1]), m[2].strip())
    return Token("text", line, text)


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence: a sentence end last, or right before the tail closing
    the line (推进课改。（责任单位：基教科）)."""
    ends = patterns().sentence_ends
    tail = patterns().closing_tail.search(text)
    before_tail = text[tail.start() - 1:tail.start()] if tail else ""
    return bool(text) and (text[-1] in ends or bool(before_tail) and before_tail in ends)


def stops_mid_sentence(text: str) -> bool:
    """Whether a text breaks off: its last character neither ends a sentence nor closes one
    (a bracket or a quotation mark: …（责任单位：基教科） is whole)."""
    return bool(text) and text[-1] not in patterns().sentence_ends + patterns().closers


def is_quantity(rest: str) -> bool:
    """Whether the text glued to a number makes it a quantity (2所学校), not an item number."""
    return rest[:1] in patterns().measure_words


@dataclass
class OutlineItem:
    number: str | None
    value: int | None
    line: int
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    outline_only: bool = False
    truncated: bool = False
    outline_title: str | None = None
    awaiting_title: bool = False
    notes: list[str] = field(default_factory=list)  # what the importer could not read in it

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class OutlineSection:
    level: int
    number: str | None
    value: int | None
    title: str
    line: int
    intro: list[str] = field(default_factory=list)
    sections: list[OutlineSection] = field(default_factory=list)
    items: list[OutlineItem] = field(default_factory=list)
    outline_title: str | None = None

    def all_items(self) -> list[OutlineItem]:
        """Items of this section and its sub-sections, in reading order."""
        return self.items + [i for section in self.sections for i in section.all_items()]


@dataclass
class Outline:
    """The tree of one plan: preamble, sections (or top-level items), warnings."""

    preamble: list[str] = field(default_factory=list)
    sections: list[OutlineSection] = field(default_factory=list)
    items: list[OutlineItem] = field(default_factory=list)  # plans without sections
    warnings: list[str] = field(default_factory=list)

    def all_items(self) -> list[OutlineItem]:
        return self.items + [i for section in self.sections for i in section.all_items()]

    def has_bodies(self) -> bool:
        """Whether any text beyond headings is present (an outline has none)."""

        def intros(sections: list[OutlineSection]) -> bool:
            return any(s.intro or intros(s.sections) for s in sections)

        return bool(self.preamble) or intros(self.sections) or any(i.paragraphs for i in self.all_items())


@dataclass(frozen=True)
class OutlineRules:
    headline_max_chars: int = 40
    headline_max_chars_with_comma: int = 30
    unnumbered_headline_max_chars: int = 25
    continuation_openers: tuple[str, ...] = ()


def split_headline(rest: str, rules: OutlineRules) -> tuple[str | None, str]:
    """'加强党建。推进…' → ('加强党建', '推进…'); a long first sentence is body, not title."""
    rest = rest.strip()
    if "。" not in rest:
        if is_title_like(rest, rules):
            return rest, ""
        return None, rest
    first, _, remainder = rest.partition("。")
    if _headline_ok(first, rules.headline_max_chars, rules):
        return first, remainder.strip()
    return None, rest


def _headline_ok(first: str, limit: int, rules: OutlineRules) -> bool:
    if not first or len(first) > limit:
        return False
    has_comma = "，" in first or "；" in first
    return not has_comma or len(first) <= rules.headline_max_chars_with_comma


def is_title_like(text: str, rules: OutlineRules) -> bool:
    return bool(text) and not ends_sentence(text) and len(text) <= rules.headline_max_chars


class OutlineParser:
    """Builds an :class:`Outline` from the tokens of one plan."""

    def __init__(self, rules: OutlineRules):
        self.rules = rules
        self.out = Outline()
        self.stack: list[OutlineSection] = []
        self.item: OutlineItem | None = None
        self.last_item_value: int | None = None
        self.last_top_value = 0
        self.last_part_value = 0
        self.after_part = False  # sections may restart at 一 inside a new part
        self.complete = True  # did the previous line end a sentence or a heading?
        self.last_lead_in = 0  # the value of the last 一是 … lead-in read as a sub-heading

    # -- helpers ---------------------------------------------------------
    def warn(self, line: int, message: str) -> None:
        self.out.warnings.append(f"line {line}: {message}")

    def _container_items(self) -> list[OutlineItem]:
        return self.stack[-1].items if self.stack else self.out.items

    def _open_section(self, level: int, number: str | None, value: int | None, title: str, line: int) -> None:
        self.item = None
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        section = OutlineSection(level, number, value, title, line)
        parent = self.stack[-1].sections if self.stack else self.out.sections
        if level == 0:
            if value is not None and value != self.last_part_value + 1:
                self.warn(line, f"part numbering jumps to {number}")
            self.last_part_value = value or self.last_part_value + 1
            self.after_part = True
        elif level == 1:
            expected = self.last_top_value + 1
            restarts = self.after_part and value == 1
            if value is not None and value != expected and not restarts:
                self.warn(line, f"section numbering jumps from {cn_numeral(self.last_top_value)} to {number}")
            self.last_top_value = value if value is not None else expected
            self.after_part = False
        elif parent:
            previous = parent[-1]
            if value is not None and previous.value is not None and value != previous.value + 1:
                self.warn(line, f"sub-section numbering jumps from {previous.number} to {number}")
        parent.append(section)
        self.stack.append(section)

    def _new_item(self, number: str | None, value: int | None, line: int) -> OutlineItem:
        item = OutlineItem(number, value, line)
        self._container_items().append(item)
        self.item = item
        if value is not None:
            expected = (self.last_item_value or 0) + 1
            fresh_section = bool(self.stack) and len(self.stack[-1].items) == 1
            if value == 1 and self.last_item_value and fresh_section:
                self.warn(line, f"item numbering restarts at 1 (after {self.last_item_value})")
            elif value == self.last_item_value:
                self.warn(line, f"item number {number} repeated (printed twice): kept as its own item, which "
                          "gets an explicit id")
            elif value != expected:
                self.warn(line, f"item numbering gap: expected {expected}, found {value}")
            self.last_item_value = value
        return item

    def _expected_item(self) -> int:
        return (self.last_item_value or 0) + 1

    def _fits_item(self, value: int) -> bool:
        section_has_no_items = bool(self.stack) and not self.stack[-1].items
        return value == self._expected_item() or (value == 1 and section_has_no_items)

    def _continue_line(self, token: Token) -> None:
        """A line that starts with a number but carries on an unfinished sentence."""
        self.warn(token.line, f"'{token.text[:8]}…' continues the line before it, which does not end a "
                  "sentence: kept as text, not as a numbered item")
        target = self.item.paragraphs if self.item else self.stack[-1].intro if self.stack else self.out.preamble
        target.append(token.text)

    def _unnumbered_headline(self, first: str) -> bool:
        """A short first sentence without a comma that does not continue the paragraph before."""
        return (0 < len(first) <= self.rules.unnumbered_headline_max_chars and "，" not in first
                and not first.startswith(self.rules.continuation_openers)
                and not patterns().ordinal_opener.match(first))

    @staticmethod
    def _ends_line(token: Token, rules: OutlineRules) -> bool:
        if token.kind in ("sec1", "sec2", "sec3", "numonly"):
            return True
        text = token.rest if token.kind in ("item", "glued") else token.text
        return ends_sentence(text) or is_title_like(text, rules)

    # -- tokens -------------------------------------------------------------
    def feed(self, tokens: list[Token]) -> Outline:
        for index, token in enumerate(tokens):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if token.after_gap:
                self._gap(token)
            getattr(self, f"_on_{token.kind}")(token, following)
            self.complete = self._ends_line(token, self.rules)
        for item in self.out.all_items():
            if item.awaiting_title:
                self.warn(item.line, f"item {item.number} has a number but no title or text")
        return self.out

    def _gap(self, token: Token) -> None:
        """Text hidden by the copy (a paywall) ends here: the item before breaks off, and the
        items the numbering skips are missing from this copy, not misnumbered."""
        if self.item and not ends_sentence(self.item.text or self.item.title or ""):
            self.item.truncated = True
            self.warn(self.item.line, f"item {self.item.number} breaks off where the copy hides text: marked truncated")
        self.complete = True
        if token.kind in ("item", "glued", "numonly") and token.value and token.value > self._expected_item():
            first, last = self._expected_item(), token.value - 1
            missing = f"items {first}–{last} are" if last > first else f"item {first} is"
            self.warn(token.line, f"the copy hides text here (a paywall): the text resumes at item {token.value} — "
                      f"{missing} missing from this copy")
            self.last_item_value = last

    def _on_part(self, token: Token, following: Token | None) -> None:
        self._open_section(0, token.number, token.value, token.rest, token.line)

    def _on_sec1(self, token: Token, following: Token | None) -> None:
        self._open_section(1, token.number, token.value, token.rest, token.line)

    def _on_sec2(self, token: Token, following: Token | None) -> None:
        self._open_section(2, token.number, token.value, token.rest, token.line)

    def _on_sec3(self, token: Token, following: Token | None) -> None:
        # 二是 is a sub-heading only after a 一是 sub-heading: after a page break inside an item's
        # 一是…；二是… it goes on the item's text
        in_sequence = token.value == 1 or token.value == self.last_lead_in + 1
        if following is None or following.kind not in ("item", "numonly", "glued") or not in_sequence:
            self._on_text(Token("text", token.line, token.text), following)  # 一是… inside a paragraph
            return
        depth = max((s.level for s in self.stack if s.level < 3), default=0)
        self._open_section(depth + 1 if depth < 2 else 3, token.number, token.value, token.rest, token.line)
        self.last_lead_in = token.value or 0
        self.warn(token.line, f"'{token.number}' lead-in treated as a sub-heading grouping the items after it")

    def _on_numonly(self, token: Token, following: Token | None) -> None:
        item = self._new_item(token.number, token.value, token.line)
        item.awaiting_title = True

    def _on_item(self, token: Token, following: Token | None) -> None:
        value = token.value or 0
        if not self._fits_item(value) and not self.complete:
            self._continue_line(token)
            return
        odd_section = (
            not self._fits_item(value)
            and self.out.sections
            and value == self.last_top_value + 1
            and "。" not in token.rest
        )
        if odd_section:
            number = token.number or ""
            self.warn(token.line, f"'{number}{token.text[len(number)]}' does not continue the items "
                      f"(expected {self._expected_item()}) but continues the sections: read as section "
                      f"{cn_numeral(value)} printed in the wrong style")
            self._open_section(1, token.number, value, token.rest, token.line)
            return
        item = self._new_item(token.number, token.value, token.line)
        item.title, body = split_headline(token.rest, self.rules)
        if body:
            item.paragraphs.append(body)

    def _on_glued(self, token: Token, following: Token | None) -> None:
        quantity = is_quantity(token.rest)
        if token.value is not None and self._fits_item(token.value) and self.complete and not quantity:
            self.warn(token.line, f"item number {token.number} is glued to its text")
            self._on_item(token, following)
        else:
            self._on_text(Token("text", token.line, token.text), following)

    def _on_text(self, token: Token, following: Token | None) -> None:
        text = token.text
        if self.item and self.item.awaiting_title:
            self.item.awaiting_title = False
            if is_title_like(text, self.rules):
                self.item.title = text
            else:
                self.item.paragraphs.append(text)
            return
        followed_by_item = following is not None and following.kind in ("item", "numonly")
        if (
            self.out.sections
            and self.complete
            and is_title_like(text, self.rules)
            and not text[:1].isdigit()
            and followed_by_item
            and (self.item is not None or not self.stack)
        ):
            expected = cn_numeral(self.last_top_value + 1)
            self.warn(token.line, f"heading '{text}' has no section number (expected {expected}): "
                      "kept as a section with number null")
            self._open_section(1, None, None, text, token.line)
            return
        if self.item is None:
            target = self.stack[-1].intro if self.stack else self.out.preamble
            target.append(text)
            return
        first, _, remainder = text.partition("。")
        if self.item.paragraphs and remainder.strip() and self._unnumbered_headline(first):
            anchor = self.item.number or "?"
            self.warn(token.line, f"unnumbered headline paragraph '{first}' after item {anchor}: "
                      "kept as its own item with number null")
            item = self._new_item(None, None, token.line)
            item.title, item.paragraphs = first, [remainder.strip()]
            return
        self.item.paragraphs.append(text)


def parse_outline(tokens: list[Token], rules: OutlineRules) -> Outline:
    runin = runin_as_items(tokens, rules)
    tasks = None if runin else tasks_as_items(tokens)
    outline = OutlineParser(rules).feed(runin or tasks or tokens)
    if runin:
        outline.warnings.insert(0, "run-in headlines: the 一、 paragraphs (headline。text) hold no numbered items, so "
                                   "they are read as the items; an unnumbered heading after them (保障措施) opens a "
                                   "part whose 一、 paragraphs are its sections")
    if tasks:
        outline.warnings.insert(0, "no arabic item numbers: the （一）（二） headings under 一、 are read as the tasks "
                                   "(items), and 一是…二是… stay in their text")
    if any(ascii_digits(t.text[:1]) != t.text[:1] for t in tokens if t.kind in ("item", "numonly", "glued")):
        outline.warnings.insert(0, "item numbers printed in full-width digits (１．): stored in ASCII digits")
    return outline


def tasks_as_items(tokens: list[Token]) -> list[Token] | None:
    """A plan without arabic item numbers whose tasks are the （一） headings under 一、:
    those headings become the items (number as printed), or None for any other plan."""
    if any(t.kind in ("item", "numonly", "glued") for t in tokens) or not any(t.kind == "sec2" for t in tokens):
        return None
    return [Token("item", t.line, t.text, t.number, t.value, t.rest) if t.kind == "sec2" else t for t in tokens]


def _runin(token: Token, rules: OutlineRules) -> tuple[str, str] | None:
    """(headline, text) of a 一、 paragraph whose first sentence is its headline."""
    first, _, rest = token.rest.partition("。")
    return (first, rest.strip()) if rest.strip() and _headline_ok(first, rules.headline_max_chars, rules) else None


def bare_heading(token: Token, following: Token | None) -> bool:
    """An unnumbered short heading (保障措施) right before a 一、 that starts again."""
    return (token.kind == "text" and following is not None and following.kind == "sec1" and following.value == 1
            and len(token.text) <= 12 and not ends_sentence(token.text)
            and not patterns().not_in_bare_heading.search(token.text))


def runin_as_items(tokens: list[Token], rules: OutlineRules) -> list[Token] | None:
    """A plan whose tasks are run-in 一、 paragraphs (一、扎实推进义务教育优质均衡。组建……) with
    no numbered items or （一） tasks anywhere: those paragraphs become the items (number as
    printed). After an unnumbered heading whose 一、 starts again (保障措施), the paragraphs
    are that part's sections, their text the sections' introductions. None for other plans."""
    if any(t.kind in ("item", "numonly", "glued", "sec2", "part") for t in tokens):
        return None
    sections = [t for t in tokens if t.kind == "sec1"]
    if len(sections) < 2 or not all(_runin(t, rules) for t in sections[:2]):
        return None
    out: list[Token] = []
    in_part = False
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if out and bare_heading(token, following):
            out.append(Token("part", token.line, token.text, None, None, token.text))
            in_part = True
            continue
        split = _runin(token, rules) if token.kind == "sec1" else None
        if split and in_part:
            out.append(Token("sec1", token.line, token.text, token.number, token.value, split[0]))
            out.append(Token("text", token.line, split[1]))
        elif split:
            out.append(Token("item", token.line, token.text, token.number, token.value, token.rest))
        else:
            out.append(token)
    return out
