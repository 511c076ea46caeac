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

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from . import chrome
from ..data.numerals import cn_number
from .outline import classify, ends_sentence, is_quantity, patterns, stops_mid_sentence
from .rules import ImportRules


@dataclass
class Cleaned:
    lines: list[str]
    numbers: list[int]  # the source line each line starts on
    notes: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)
    after_table: list[str] = field(default_factory=list)  # lines after a spaced table: the closing
    chrome: chrome.Chrome = field(default_factory=chrome.Chrome)
    gaps: set[int] = field(default_factory=set)  # the lines where the text resumes after a paywall
    furniture_at: set[int] = field(default_factory=set)  # source lines removed as page numbers or headers
    joined_at: dict[int, int] = field(default_factory=dict)  # source line → the line it was joined to
    flattened_at: set[int] = field(default_factory=set)  # source lines that held a whole text
    source: list[str] = field(default_factory=list)  # the normalized lines before cleaning, line n at n - 1


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
                  if len(line) >= rules.wrapped_min_width and _open(line, rules)
                  and classify(line, 0).kind == "text" and classify(following, 0).kind in ("text", "glued")]
    if len(open_lines) < rules.wrapped_min_lines:
        return None
    width, _ = Counter(open_lines).most_common(1)[0]
    near = [n for n in open_lines if abs(n - width) <= rules.wrapped_tolerance]
    return width if len(near) >= rules.wrapped_min_lines and len(near) >= 0.5 * len(open_lines) else None


def _open(line: str, rules: ImportRules) -> bool:
    """A line that may go on in the next one: it stops mid-sentence and not at a colon."""
    return stops_mid_sentence(line) and line[-1] not in rules.unwrapped_after


def _continues(previous: str, line: str, width: int, rules: ImportRules) -> bool:
    if not previous or not line or len(previous) < width - rules.wrapped_tolerance:
        return False
    if ends_sentence(previous) or line.startswith("\t"):  # a full line ending in ） or ” is still wrapped
        return False
    return classify(line, 0).kind in ("text", "glued")


def _width(text: str) -> int:
    """Display columns: a Chinese character takes two, as in the editor that aligned it."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pieces(line: str, rules: ImportRules) -> list[tuple[int, str]]:
    """(display column, text) of the pieces of a line separated by runs of spaces."""
    found = []
    for match in rules.column_piece.finditer(line):
        found.append((_width(line[:match.start()]), match.group(0)))
    return found


def _table_header(line: str, rules: ImportRules) -> list[tuple[int, str]] | None:
    pieces = _pieces(line, rules)
    known = sum(1 for _, text in pieces if text in rules.table_columns)
    return pieces if len(pieces) >= 3 and known >= 2 and rules.column_gap.search(line.strip()) else None


def _spaced_table(lines: list[str], start: int, header: list[tuple[int, str]],
                  rules: ImportRules) -> tuple[list[str], list[str]]:
    """A table aligned with runs of spaces, from its header line on, as flattened lines
    (a tab opens a cell; a wrapped cell is joined to its start), and the lines after it:
    it ends at a blank line followed by a line that is no row (a signature, a date)."""
    starts = [column for column, _ in header]
    rows: list[list[str]] = []
    blank = False
    for at, line in enumerate(lines[start + 1:], start=start + 1):
        pieces = _pieces(line, rules)
        if not pieces:
            blank = True
            continue
        if blank and rows and not line[:1].isspace() and not rules.row_start.match(line):
            return _flattened(header, rows), lines[at:]
        blank = False
        cells = [""] * len(starts)
        for column, text in pieces:
            index = max([k for k, s in enumerate(starts) if s <= column + 1] or [0])
            cells[index] += text
        if rules.row_number.match(cells[0]) or not rows:
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
    source = list(lines)
    kept_chrome, found = chrome.strip(lines, list(range(1, len(lines) + 1)))
    numbers, lines = [n for n, _ in kept_chrome], [line for _, line in kept_chrome]
    summary = found.summary()
    notes = [summary] if summary else []
    discarded = list(found.removed)
    numbers, lines = _join_pages(numbers, lines, rules, notes, discarded)
    numbers, lines, flat = _unflatten(numbers, lines, rules, notes, discarded)
    page_numbers = {at for at, line in enumerate(lines) if line.strip() and _is_page_number(line, rules)}
    page_numbers |= _stray_numbers(lines)
    headers = _running_headers(lines, page_numbers) if page_numbers or flat else set()  # headers come with pages
    glued = _numbered_headers(lines, rules)
    glued = glued if page_numbers or len(glued) >= 2 else set()  # running headers come with pages (not a TOC line)
    seen_header: set[str] = set()
    kept: list[tuple[int, str]] = []
    removed_numbers = removed_headers = 0
    furniture: set[int] = set()
    for at, (number, line) in enumerate(zip(numbers, lines)):
        text = line.strip()
        if at in page_numbers or at in glued or text in headers and text in seen_header:
            removed_numbers += at in page_numbers
            removed_headers += at not in page_numbers
            discarded.append(text)
            furniture.add(number)
            continue
        if text in headers:
            seen_header.add(text)
        kept.append((number, line))
    width = _wrap_width([line for _, line in kept], rules)
    out: list[tuple[int, str]] = []
    joined = 0
    joined_at: dict[int, int] = {}
    previous = ""  # the last physical line, not the paragraph joined so far
    for number, line in kept:
        if width and line.strip() and _continues(previous.strip(), line.strip(), width, rules):
            while out and not out[-1][1].strip():
                out.pop()  # blank lines left where a page break was
            glue = " " if rules.space_between.match(out[-1][1][-1:] + line.strip()[:1]) else ""
            out[-1] = (out[-1][0], out[-1][1].rstrip() + glue + line.strip())
            joined_at[number] = out[-1][0]
            joined += 1
        else:
            out.append((number, line))
        previous = line if line.strip() else previous
    out, tails_joined = _join_broken_tails(out, rules, joined_at)
    trailing: list[str] = []
    header_at = next((k for k, (_, line) in enumerate(out) if _table_header(line, rules)), None)
    if header_at is not None:
        header = _table_header(out[header_at][1], rules) or []
        flattened, after = _spaced_table([line for _, line in out], header_at, header, rules)
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
    if tails_joined:
        notes.append(f"joined {tails_joined} line(s) of a unit or deadline tail to the item they close")
    return Cleaned([text for _, text in out], [n for n, _ in out], notes, discarded, trailing, found,
                   {next((n for n, line in out if n > at and line.strip()), 0) for at in found.paywalls},
                   furniture, joined_at, flat, source)


def _stray_numbers(lines: list[str]) -> set[int]:
    """Bare numbers on their own line that do not continue the items: page numbers
    (a PDF text layer prints them where the page ends, even mid-sentence)."""
    found: set[int] = set()
    last_item, after_heading = 0, False
    for at, line in enumerate(lines):
        text = line.strip()
        if not text or line.startswith("\t"):
            continue
        token = classify(text, 0)
        if token.kind == "numonly" and text.isdigit():  # a bare number, not 3. or 3、
            value = token.value or 0
            if last_item < value <= last_item + 2 or (value == 1 and after_heading):  # one item may lack its number
                last_item = value
            else:
                found.add(at)
                continue
        elif token.kind == "item" or (token.kind == "glued" and token.value == last_item + 1
                                      and not is_quantity(token.rest)):
            last_item = token.value or last_item
        after_heading = token.kind in ("part", "sec1", "sec2")
    return found


def _numbered_headers(lines: list[str], rules: ImportRules) -> set[int]:
    """A running header with its page number glued on (东山区2025年教育工作要点2): a short
    line that is another line of the file plus a number."""
    texts = {line.strip() for line in lines if line.strip()}
    found = set()
    for at, line in enumerate(lines):
        match = rules.numbered_header.fullmatch(line.strip())
        if match and match[1] in texts and not ends_sentence(match[1]) and classify(match[1], 0).kind == "text":
            found.add(at)
    return found


def _is_tail(text: str, rules: ImportRules) -> bool:
    labels = rules.tails.owner_labels + rules.tails.supporting_labels + rules.tails.deadline_labels
    return text.startswith("（") and text.endswith("）") and any(f"{label}：" in text for label in labels)


def _join_broken_tails(out: list[tuple[int, str]], rules: ImportRules,
                       joined_at: dict[int, int]) -> tuple[list[tuple[int, str]], int]:
    """A unit/deadline tail on a line of its own (（牵头单位：…）) belongs to the item before
    it; a line that leaves a parenthesis open (（责任科室：人) goes on in the next one."""
    joined = 0
    result: list[tuple[int, str]] = []
    last: int | None = None  # the last non-blank line kept
    for number, line in out:
        text = line.strip()
        before = result[last][1].strip() if last is not None else ""
        if last is not None and text and before and not line.startswith("\t") and not before.startswith("\t") \
                and _continues_tail(before, text, rules):
            del result[last + 1:]  # blank lines where a page broke
            result[last] = (result[last][0], before + text)
            joined_at[number] = result[last][0]
            joined += 1
            continue
        result.append((number, line))
        last = len(result) - 1 if text else last
    return result, joined


def _continues_tail(before: str, text: str, rules: ImportRules) -> bool:
    if text[0] == "（" and _is_tail(text, rules):
        return classify(before, 0).kind not in ("part", "sec1", "sec2")
    opened = before.count("（") > before.count("）")
    return opened and text.count("）") > text.count("（") and classify(text, 0).kind == "text"


# ---------------------------------------------------------------------------
# Text that lost its line breaks (copied out of a PDF viewer)

PAGE_CHUNK_MIN_CHARS = 120  # a page of text; an item printed "1、…" seldom runs this long without ending its sentence


def _page_number(line: str, rules: ImportRules) -> int | None:
    found = rules.page_chunk.match(line)
    return int(found[1]) if found else None


def _join_pages(numbers: list[int], lines: list[str], rules: ImportRules, notes: list[str],
                discarded: list[str]) -> tuple[list[int], list[str]]:
    """A document-sharing preview prints each page as one long line opened by the page's
    number (1、 2、 3、) and broken wherever the page ends, inside a word too: such a run of
    pages becomes one line again, without the numbers, for _unflatten to split at its
    outline. A list of items numbered 1、 2、 is no run of pages: its lines end their
    sentences, and a page run has at least one that does not."""
    opened = [(at, _page_number(line, rules)) for at, line in enumerate(lines) if _page_number(line, rules)]
    run = [at for k, (at, page) in enumerate(opened) if page == k + 1]
    run = run[:next((k for k in range(1, len(run)) if run[k] != run[k - 1] + 1), len(run))]
    pages = [lines[at] for at in run]
    if (len(run) < 2 or len(run) != len(opened) or any(len(page) < PAGE_CHUNK_MIN_CHARS for page in pages[:-1])
            or not any(stops_mid_sentence(page.rstrip()) for page in pages[:-1])):
        return numbers, lines
    discarded.extend(f"{_page_number(page, rules)}、" for page in pages)
    joined = "".join(rules.page_chunk.sub("", page, count=1).strip() for page in pages)
    notes.append(f"lines {numbers[run[0]]}–{numbers[run[-1]]} were {len(run)} pages of one text, each opened by "
                 "its page number: joined into one line, the page numbers removed")
    first, last = run[0], run[-1]
    return numbers[:first + 1] + numbers[last + 1:], lines[:first] + [joined] + lines[last + 1:]


def _unflatten(numbers: list[int], lines: list[str], rules: ImportRules, notes: list[str],
               discarded: list[str]) -> tuple[list[int], list[str], set[int]]:
    """Split a line holding a whole plan (sections, items and tails run together) at its
    outline numbers, taken only in their sequence (2.0版 or 3.5万元 is never item 2 or 3);
    page numbers (- 2 -) and the running header after them are removed from the stream."""
    out_numbers: list[int] = []
    out_lines: list[str] = []
    flat: set[int] = set()
    for number, line in zip(numbers, lines):
        if len(line) < rules.flattened_min_chars or line.startswith("\t"):
            out_numbers.append(number)
            out_lines.append(line)
            continue
        text, pages, headers = _without_page_marks(line.strip(), rules, discarded)
        cuts = _outline_cuts(text, rules)
        if len(cuts) < 3:
            out_numbers.append(number)
            out_lines.append(line)
            continue
        flat.add(number)
        pieces = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
        head = pieces.pop(0) if pieces and cuts[0] > 0 else ""
        if head:
            pieces[:0] = _title_and_rest(head, rules)
        kept = [p for p in pieces if p]
        out_numbers += [number] * len(kept)
        out_lines += kept
        notes.append(f"line {number} held the whole text on one line ({len(line)} characters): split into "
                     f"{len(kept)} lines at its outline numbers; {pages} page number(s) and {headers} running "
                     "header(s) removed from it")
    return out_numbers, out_lines, flat


def _title_and_rest(head: str, rules: ImportRules) -> list[str]:
    """The title at the start of a flattened text, set apart from the preamble after it: up
    to the first space, or up to the title word (工作要点) when no space follows it."""
    title, space, rest = head.partition(" ")
    if space and len(title) <= 50 and not rules.not_in_title.search(title):
        return [title, rest]
    ends = [head.find(word) + len(word) for word in rules.title_keywords if 0 <= head.find(word) <= 50]
    return [head[:min(ends)], head[min(ends):]] if ends else [head]


def _without_page_marks(text: str, rules: ImportRules, discarded: list[str]) -> tuple[str, int, int]:
    """The text without its `- 2 -` page numbers and the running header after each."""
    pages = headers = 0
    while match := rules.flattened_page_number.search(text):
        discarded.append(match.group(0).strip())
        pages += 1
        rest = text[match.end():].lstrip()
        header = rest.split(" ", 1)[0] if " " in rest else ""
        if header and len(header) <= 40 and not ends_sentence(header) and text.count(header) >= 2:
            discarded.append(header)
            headers += 1
            rest = rest[len(header):].lstrip()
        text = text[:match.start()].rstrip() + rest  # a page may break a word: nothing stood there
    return text, pages, headers


def _outline_cuts(text: str, rules: ImportRules) -> list[int]:
    """Where parts, sections, tasks and items begin, each number the one expected next. A
    number glued to a character (…基础教育1．推进) is taken only right after a heading's title,
    or right after the document's title word (…工作要点一、加强…, as previews run them on)."""
    cuts: list[int] = []
    last = {"part": 0, "sec1": 0, "sec2": 0, "item": 0}
    for match in rules.flattened_number.finditer(text):
        part, sec1, sec2, item = match.groups()
        kind, value = next((k, v) for k, v in zip(("part", "sec1", "sec2", "item"), (part, sec1, sec2, item))
                           if v is not None)
        number = int(value) if kind == "item" else cn_number(value)
        at = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        after_heading = bool(cuts) and bool(rules.flattened_heading.match(text, cuts[-1])) \
            and not any(ch in patterns().sentence_ends for ch in text[cuts[-1]:at])
        glued = at > 0 and "\u4e00" <= text[at - 1] <= "\u9fff"
        after_title = not cuts and text[:at].endswith(rules.title_keywords)
        if number is None or glued and not (kind == "item" and after_heading) and not after_title:
            continue
        if number != last[kind] + 1 and not (number == 1 and kind == "sec2"):
            if not (kind == "item" and number == 1 and after_heading):
                continue
        last[kind] = number
        if kind in ("part", "sec1"):
            last["sec2"] = 0
        cuts.append(at)
    return cuts
