"""Page furniture and hard line breaks in pasted text: normalized lines enter; the
lines of the document (each with the number of the source line it starts on), what
was removed, and the report of why, leave.

Text copied out of a PDF carries page numbers on their own lines, a running header
repeating the title on every page, and a line break every 28–40 characters in
mid-sentence. The rules (``rules/import.yml``) are conservative: a file whose lines
do not run to a common width is left as it is, and nothing removed is lost — it goes
to ``source.discarded``. Web chrome is left to the segment rules, which record it too.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .outline import classify, ends_sentence
from .rules import ImportRules

OPEN_ENDINGS = "。；！？：）”』」"  # a line ending in one of these does not continue


@dataclass
class Cleaned:
    lines: list[str]
    numbers: list[int]  # the source line each line starts on
    notes: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)
    after_table: list[str] = field(default_factory=list)  # lines after a spaced table: the closing


def _is_page_number(line: str, rules: ImportRules) -> bool:
    return any(p.match(line.strip()) for p in rules.page_numbers)


def _running_headers(lines: list[str], page_numbers: set[int]) -> set[str]:
    """Short lines that are no sentence and come back page after page: running headers,
    the line right after a page number (page_numbers: their indexes) when it appears
    elsewhere too (the title). A repeated line elsewhere (a tail such as 责任单位：基础教育科)
    is text."""
    numbered = [(at, line.strip()) for at, line in enumerate(lines) if line.strip()]
    counts = Counter(text for _, text in numbered)
    after_page = {following for (at, _), (_, following) in zip(numbered, numbered[1:]) if at in page_numbers}

    def header_like(text: str) -> bool:
        return len(text) <= 40 and not ends_sentence(text) and classify(text, 0).kind == "text"

    return {text for text, n in counts.items() if header_like(text) and n >= 2 and text in after_page}


def _wrap_width(lines: list[str], rules: ImportRules) -> int | None:
    """The width lines are broken at, when the file is hard-wrapped: many plain-text lines
    of nearly one length, each stopping mid-sentence before another plain-text line."""
    texts = [line.strip() for line in lines if line.strip()]
    open_lines = [len(line) for line, following in zip(texts, texts[1:])
                  if len(line) >= rules.wrapped_min_width and line[-1] not in OPEN_ENDINGS
                  and classify(line, 0).kind == "text" and classify(following, 0).kind in ("text", "glued")]
    if len(open_lines) < rules.wrapped_min_lines:
        return None
    width, _ = Counter(open_lines).most_common(1)[0]
    near = [n for n in open_lines if abs(n - width) <= rules.wrapped_tolerance]
    return width if len(near) >= rules.wrapped_min_lines and len(near) >= 0.5 * len(open_lines) else None


def _continues(previous: str, line: str, width: int, rules: ImportRules) -> bool:
    if not previous or not line or len(previous) < width - rules.wrapped_tolerance:
        return False
    if ends_sentence(previous) or line.startswith("\t"):  # a full line ending in ） or ” is still wrapped
        return False
    return classify(line, 0).kind in ("text", "glued")


_GAP = re.compile(r"\s{2,}|\t+")


def _width(text: str) -> int:
    """Display columns: a Chinese character takes two, as in the editor that aligned it."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pieces(line: str) -> list[tuple[int, str]]:
    """(display column, text) of the pieces of a line separated by runs of spaces."""
    found, at = [], 0
    for match in re.finditer(r"\S+(?: \S+)*", line):
        found.append((_width(line[:match.start()]), match.group(0)))
        at = match.end()
    return found


def _table_header(line: str, rules: ImportRules) -> list[tuple[int, str]] | None:
    pieces = _pieces(line)
    known = sum(1 for _, text in pieces if text in rules.table_columns)
    return pieces if len(pieces) >= 3 and known >= 2 and _GAP.search(line.strip()) else None


def _spaced_table(lines: list[str], start: int, header: list[tuple[int, str]]) -> tuple[list[str], list[str]]:
    """A table aligned with runs of spaces, from its header line on, as flattened lines
    (a tab opens a cell; a wrapped cell is joined to its start), and the lines after it:
    it ends at a blank line followed by a line that is no row (a signature, a date)."""
    starts = [column for column, _ in header]
    rows: list[list[str]] = []
    blank = False
    for at, line in enumerate(lines[start + 1:], start=start + 1):
        pieces = _pieces(line)
        if not pieces:
            blank = True
            continue
        if blank and rows and not line[:1].isspace() and not re.match(r"^\d{1,3}\s", line):
            return _flattened(header, rows), lines[at:]
        blank = False
        cells = [""] * len(starts)
        for column, text in pieces:
            index = max([k for k, s in enumerate(starts) if s <= column + 1] or [0])
            cells[index] += text
        if re.match(r"^\d{1,3}(?:\s*[、，,]\s*\d{1,3})*$", cells[0]) or not rows:
            rows.append(cells)
        else:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells)]
    return _flattened(header, rows), []


def _flattened(header: list[tuple[int, str]], rows: list[list[str]]) -> list[str]:
    out = ["\t" + text for _, text in header]
    for row in rows:
        out += ["\t" + cell for cell in row]
    return out


def clean(lines: list[str], rules: ImportRules) -> Cleaned:
    page_numbers = {at for at, line in enumerate(lines) if line.strip() and _is_page_number(line, rules)}
    headers = _running_headers(lines, page_numbers) if page_numbers else set()  # running headers come with pages
    seen_header: set[str] = set()
    kept: list[tuple[int, str]] = []
    removed_numbers = removed_headers = 0
    discarded: list[str] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if number - 1 in page_numbers:
            removed_numbers += 1
            discarded.append(text)
            continue
        if text in headers:
            if text in seen_header:
                removed_headers += 1
                discarded.append(text)
                continue
            seen_header.add(text)
        kept.append((number, line))
    width = _wrap_width([line for _, line in kept], rules)
    out: list[tuple[int, str]] = []
    joined = 0
    previous = ""  # the last physical line, not the paragraph joined so far
    for number, line in kept:
        if width and line.strip() and _continues(previous.strip(), line.strip(), width, rules):
            while out and not out[-1][1].strip():
                out.pop()  # blank lines left where a page break was
            glue = " " if re.search(r"[A-Za-z0-9]$", out[-1][1]) and re.match(r"[A-Za-z0-9]", line.strip()) else ""
            out[-1] = (out[-1][0], out[-1][1].rstrip() + glue + line.strip())
            joined += 1
        else:
            out.append((number, line))
        previous = line if line.strip() else previous
    notes = []
    trailing: list[str] = []
    header_at = next((k for k, (_, line) in enumerate(out) if _table_header(line, rules)), None)
    if header_at is not None:
        header = _table_header(out[header_at][1], rules) or []
        flattened, after = _spaced_table([line for _, line in out], header_at, header)
        number = out[header_at][0]
        out = out[:header_at] + [(number, line) for line in flattened]
        trailing = [line.strip() for line in after if line.strip()]
        notes.append(f"read the table aligned with spaces (line {number}, columns "
                     f"{'、'.join(text for _, text in header)}) as a table")
    if removed_numbers or removed_headers:
        notes.append(f"removed {removed_numbers} page number(s) and {removed_headers} running header line(s) "
                     "(kept in source.discarded)")
    if joined:
        notes.append(f"joined {joined} wrapped line(s): the text was broken every ~{width} characters")
    return Cleaned([text for _, text in out], [n for n, _ in out], notes, discarded, trailing)
