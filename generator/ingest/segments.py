"""Stage 2 of the import: normalized lines to segments.

A raw file may hold a notice, a table of contents, outlines of several plans, full
texts, web-page chrome and a flattened table. :func:`split_file` cuts it into
:class:`Segment` s (one plan's title, notice, tokens and closing lines each) and
the file-level parts (table of contents, compilation title). The phrases it looks
for are data in ``rules/import.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import outline, tables
from .outline import Token
from .rules import ImportRules

# ---------------------------------------------------------------------------
# Splitting a file into segments


@dataclass
class TocEntry:
    number: int
    title: str | None
    page: str | None
    lines: list[str]


@dataclass
class Segment:
    notice: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)
    table: tables.FlatTable | None = None  # the task table
    tables: list[tables.FlatTable] = field(default_factory=list)  # tables that are not task tables
    in_closing: bool = False

    def structured(self) -> bool:
        return any(t.kind != "text" for t in self.tokens)


@dataclass
class FileParts:
    segments: list[Segment]
    toc: list[TocEntry]
    collection: str | None
    front: list[str]  # TOC headings and the like, kept for provenance


def _toc_title(rest: str, rules: ImportRules) -> tuple[str, str] | None:
    match = rules.toc_page.match(rest)
    if not match or not any(k in match["title"] for k in rules.title_keywords):
        return None
    if outline.ends_sentence(match["title"]):
        return None
    return match["title"], match["page"]


def _toc_entry(line: str, following: str | None, rules: ImportRules) -> tuple[TocEntry, bool] | None:
    """A table-of-contents line, and whether it also used the following line."""
    match = rules.toc_entry.match(line)
    if not match:
        return None
    number, rest = int(match[1]), match[2].strip()
    if rest:
        found = _toc_title(rest, rules)
        return (TocEntry(number, found[0], found[1], [line]), False) if found else None
    if following is None:
        return None
    found = _toc_title(following, rules)
    if found and not rules.toc_entry.match(following):
        return TocEntry(number, found[0], found[1], [line, following]), True
    if _toc_entry(following, None, rules):
        return TocEntry(number, None, None, [line]), False
    return None


def is_title(line: str, rules: ImportRules, plan_can_start: bool = True) -> bool:
    """A plan title: short, no sentence end, not numbered, naming a plan. The weaker
    words (行动计划) only count where a plan can start, since items use them too."""
    if len(line) > 50 or outline.ends_sentence(line) or line.startswith(rules.notice_prefixes) \
            or any(marker in line for marker in rules.notice_markers):
        return False
    if outline.classify(line, 0).kind != "text":
        return False
    keywords = rules.title_keywords + (rules.weak_title_keywords if plan_can_start else ())
    return any(k in line for k in keywords)


def _closing_start(tokens: list[Token], rules: ImportRules) -> int:
    """Where a plan's trailing signature and date lines begin (len(tokens) if none)."""
    start = len(tokens)
    while start > 0 and tokens[start - 1].kind == "text":
        line = tokens[start - 1].text
        if any(p.match(line) for p in rules.closing) or line.startswith(rules.closing_openers):
            start -= 1
        elif start < len(tokens) and len(line) <= 40 and line.endswith(rules.signature_suffixes) \
                and not outline.ends_sentence(line):
            start -= 1
        else:
            break
    return start


def _annex_label(line: str, following: str | None, rules: ImportRules) -> tuple[str, str | None] | None:
    """附件 / 附件2： alone, or 附表：caption right before a table: (label, caption)."""
    match = rules.annex_label.match(line)
    if not match or match[2] and not (following is not None and tables.is_table_line(following)):
        return None
    return (line, None) if not match[2] else (match[1], match[2])


def _title_core(line: str, rules: ImportRules) -> str:
    for pattern in rules.title_decorations:
        line = pattern.sub("", line)
    return "".join(line.split())


def _before_repeated_title(segment: Segment, line: str, rules: ImportRules) -> list[str]:
    """A second title before any heading or item: the lines so far precede this plan. The
    earlier title, when it is this one decorated ((精选), 【最新】, 篇一：), is set aside."""
    earlier, core = segment.title or "", _title_core(line, rules)
    before = segment.notice + segment.subtitle + [t.text for t in segment.tokens]
    if core and (core in _title_core(earlier, rules) or _title_core(earlier, rules) in core):
        segment.discarded.append(earlier)
    else:
        before.insert(len(segment.notice), earlier)
    segment.subtitle, segment.tokens = [], []
    return before


def _sections_restart(tokens: list[Token]) -> bool:
    """A section 一 after other sections starts a new plan, unless a part heading
    (第二部分) came since the last section: numbering restarts inside parts."""
    for token in reversed(tokens):
        if token.kind == "part":
            return False
        if token.kind == "sec1":
            return True
    return False


def split_file(lines: list[str], rules: ImportRules, numbers: list[int] | None = None,
               gaps: set[int] | None = None) -> FileParts:
    """Segments of a file's lines; numbers are the source lines they start on (default 1, 2, …);
    gaps: the source lines where the text resumes after a part the copy hides."""
    parts = FileParts([Segment()], [], None, [])
    segment = parts.segments[0]
    pending_label: str | None = None
    pending_title: str | None = None
    pre: list[Token] = []  # text before a title or a structure: notice or preamble
    index = 0
    numbered = [(n, raw, raw.strip()) for n, raw in zip(numbers or range(1, len(lines) + 1), lines)]

    def next_nonblank(start: int) -> tuple[int, str, str] | None:
        return next((entry for entry in numbered[start:] if entry[2]), None)

    def start_segment() -> Segment:
        nonlocal pre
        fresh = Segment()
        parts.segments.append(fresh)
        pre = []
        return fresh

    while index < len(numbered):
        line_no, raw, line = numbered[index]
        index += 1
        if tables.is_table_line(raw) and raw != tables.END:
            end = next((k for k in range(index, len(numbered)) if numbered[k][1] == tables.END), len(numbered))
            table = tables.parse_table([(n, r) for n, r, _ in numbered[index - 1:end]], pending_label, pending_title)
            if segment.table is None and tables.is_task_table(table) or end == len(numbered) and not segment.tables:
                segment.table = table
            else:  # a plain table (a calendar, a list of schools): the plan's, never an item's
                segment.tables.append(table)
            pending_label = pending_title = None
            index = end + 1
            continue
        if not line:
            continue
        if rules.separator.match(line):
            segment.discarded.append(line)
            segment.in_closing = True
            continue
        following = next_nonblank(index)
        toc = _toc_entry(line, following[2] if following else None, rules)
        if toc and (parts.toc or (following and _toc_entry(following[2], None, rules))) or (
            toc and toc[1]
        ):
            parts.toc.append(toc[0])
            if toc[1] and following:
                index = numbered.index(following) + 1
            continue
        if line in rules.toc_headings:
            parts.front.append(line)
            continue
        if label := _annex_label(line, following[1] if following else None, rules):
            pending_label, pending_title = label
            continue
        if pending_label and following and tables.is_table_line(following[1]):
            pending_title = line  # the table's caption, between 附件 and the table
            continue
        after_number = bool(segment.tokens) and segment.tokens[-1].kind == "numonly"
        plan_can_start = not segment.structured() or pending_label is not None
        if is_title(line, rules) and any(k in line for k in rules.collection_keywords):
            parts.collection = line
            continue
        if not after_number and is_title(line, rules, plan_can_start):
            if following and tables.is_table_line(following[1]):
                pending_title = line
                continue
            notice = ([pending_label] if pending_label else []) + [t.text for t in pre]
            if segment.structured() or segment.table:
                segment = start_segment()
            elif segment.title:  # the same document titled again: a page heading, 篇一：, the title after its notice
                notice = _before_repeated_title(segment, line, rules) + notice
            segment.title = line
            segment.notice = notice
            pending_label, pre = None, []
            continue
        token = outline.classify(line, line_no)
        token.after_gap = line_no in (gaps or ())
        if token.kind == "sec1" and token.value == 1 and _sections_restart(segment.tokens) \
                and not (segment.tokens and outline.bare_heading(segment.tokens[-1], token)):
            segment = start_segment()
        if segment.in_closing:
            segment.closing.append(line)
            continue
        if segment.title and not segment.tokens and token.kind == "text" and outline.is_title_like(
            line, rules.outline_rules
        ):
            segment.subtitle.append(line)
            continue
        if not segment.title and not segment.structured() and token.kind == "text":
            pre.append(token)
            continue
        if pre:
            segment.tokens.extend(pre)
            pre = []
        segment.tokens.append(token)
    if pre:
        segment.tokens.extend(pre)
    for part in parts.segments:
        start = _closing_start(part.tokens, rules)
        if start < len(part.tokens) and any(t.kind != "text" for t in part.tokens[:start]):
            part.closing = [t.text for t in part.tokens[start:]] + part.closing
            del part.tokens[start:]
    parts.segments = [s for s in parts.segments if s.tokens or s.title or s.table or s.tables]
    return parts
