"""PDF text layers, read with pdfplumber: lines by position, page furniture removed,
wrapped lines joined by geometry, tables extracted as tables.

- Furniture: a line in the top or bottom band of a page that is a page number
  (— 3 —, - 3 -, 第3页, 3/12) or repeats (digits aside) on at least half of the pages
  is a running header or footer; it is recorded, not kept.
- Wrapping: a line that reaches the right edge of the text block continues on the next
  line (on the next page too), unless the next line opens a heading or an item, or is
  indented as a new paragraph.
- Tables found by pdfplumber become flattened tables (a tab opens a cell).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from ..outline import classify, patterns
from ..rules import load_rules
from . import Reading, ReadError

BAND = 0.08  # top and bottom share of a page where headers and footers live
MIN_TEXT_CHARS = 20  # fewer over the whole file: a scan without a text layer


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    size: float


def _lines(page, number: int, tables: list) -> list[Line]:
    inside = [t.bbox for t in tables]
    found = []
    for raw in page.extract_text_lines(return_chars=True):
        middle = ((raw["x0"] + raw["x1"]) / 2, (raw["top"] + raw["bottom"]) / 2)
        if any(x0 <= middle[0] <= x1 and top <= middle[1] <= bottom for x0, top, x1, bottom in inside):
            continue
        sizes = [c.get("size", 0) for c in raw.get("chars", [])] or [raw["bottom"] - raw["top"]]
        found.append(Line(raw["text"].strip(), raw["x0"], raw["x1"], raw["top"], raw["bottom"], number,
                          sorted(sizes)[len(sizes) // 2]))
    return [line for line in found if line.text]


def _furniture(pages: list[list[Line]], heights: list[float]) -> set[int]:
    """ids of lines that are running headers, footers or page numbers."""
    def in_band(line: Line) -> bool:
        height = heights[line.page]
        return line.top < BAND * height or line.bottom > (1 - BAND) * height

    page_numbers = load_rules().page_numbers  # as in text pasted from a PDF (— 3 —, 第3页, 3/12)
    shape = lambda text: re.sub(r"\d+", "#", "".join(text.split()))  # noqa: E731
    banded = [line for page in pages for line in page if in_band(line)]
    repeats = Counter(shape(line.text) for line in banded)
    enough = max(2, (len(pages) + 1) // 2)
    def page_number(line: Line) -> bool:
        text = "".join(line.text.split())
        bare = text.isdecimal() and len(text) <= 4  # a page number only where footers are: a bare 2024 is text
        return (bare and in_band(line)) or any(p.match(text) for p in page_numbers)

    return {id(line) for page in pages for line in page
            if page_number(line) or in_band(line) and repeats[shape(line.text)] >= enough}


def _starts_block(text: str) -> bool:
    """A heading, an item or an annex label alone (附件2：) opens a paragraph of its own."""
    annex = load_rules().annex_label.match(text)
    return classify(text, 0).kind != "text" or bool(annex and not annex[2])


def _join(body: list[Line]) -> tuple[list[str], int]:
    """Paragraph lines: a line that reaches the right edge continues on the next one."""
    if not body:
        return [], 0
    right = sorted(line.x1 for line in body)[int(0.9 * (len(body) - 1))]
    left = Counter(round(line.x0) for line in body).most_common(1)[0][0]
    rules = load_rules()
    stops = patterns().sentence_ends + rules.unwrapped_after  # a line ending a sentence or at a colon is whole
    out: list[str] = []
    joined = 0
    previous: Line | None = None
    for line in body:
        char = line.size or 10
        continues = (previous is not None and previous.x1 >= right - 1.5 * char
                     and line.x0 <= left + 0.8 * char and not _starts_block(line.text)
                     and previous.text[-1:] not in stops)
        if continues:
            glue = " " if rules.space_between.match(out[-1][-1:] + line.text[:1]) else ""
            out[-1] += glue + line.text
            joined += 1
        else:
            out.append(line.text)
        previous = line
    return out, joined


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.extract():
        for cell in row:
            parts = (cell or "").split("\n")
            lines.append("\t" + parts[0].strip())
            lines.extend(p.strip() for p in parts[1:] if p.strip())
    return lines


def read(data: bytes) -> Reading:
    import logging

    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-metric warnings say nothing about the text

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        with pdf:
            tables = [page.find_tables() for page in pdf.pages]
            pages = [_lines(page, n, tables[n]) for n, page in enumerate(pdf.pages)]
            heights = [page.height for page in pdf.pages]
            count = len(pdf.pages)
    except (PDFSyntaxError, ValueError, pdfplumber.utils.exceptions.PdfminerException) as exc:
        raise ReadError(f"not a readable PDF ({exc}): a damaged or password-protected file? Save it again "
                        "without a password, or import its text") from exc
    if sum(len(line.text) for page in pages for line in page) < MIN_TEXT_CHARS:
        raise ReadError(f"the PDF has no text layer ({count} page(s) of images: a scan?). The importer does not do "
                        "OCR: run OCR first (e.g. `ocrmypdf --language chi_sim in.pdf out.pdf`) or type the text, "
                        "check it against the scan, and import that")
    furniture = _furniture(pages, heights)
    dropped = [line.text for page in pages for line in page if id(line) in furniture]
    body = [line for page in pages for line in page if id(line) not in furniture]
    lines, joined = _join(body)
    for page_tables in tables:
        for table in page_tables:
            lines += _table_lines(table)
    notes = [f"PDF, {count} page(s): removed {len(dropped)} line(s) of page furniture (page numbers, running "
             f"headers and footers); joined {joined} wrapped line(s) by their position"]
    found = sum(len(t) for t in tables)
    if found:
        notes.append(f"extracted {found} table(s) as tables")
    return Reading("\n".join(lines), "pdf", notes=notes, discarded=dropped)
