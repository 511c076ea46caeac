"""Word .docx files, read with python-docx: paragraphs in order with their automatic
numbering rendered (1. 2. …, 一、 二、 …, as Word shows it), real tables as flattened
tables (a tab opens a cell); page headers and footers are separate parts of the file
and stay out of the text.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any, Callable

from ...data.numerals import cn_numeral
from ..tables import END, ROW
from . import Reading, ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FORMATS: dict[str, Callable[[int], str]] = {"decimal": str, "chineseCounting": cn_numeral, "chineseCountingThousand": cn_numeral,
           "ideographTraditional": cn_numeral, "japaneseCounting": cn_numeral, "decimalFullWidth": str,
           "decimalEnclosedParen": lambda v: f"（{v}）"}


class Numbering:
    """Word's automatic numbering: (numId, level) → format, text pattern and counters."""

    def __init__(self, document: Any):
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[str, int]] = defaultdict(dict)
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(f"{W}abstractNumId"): a for a in root.iter(f"{W}abstractNum")}
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            definition = abstract.get(ref.get(f"{W}val")) if ref is not None else None
            for level in definition.iter(f"{W}lvl") if definition is not None else ():
                fmt, text, start = (level.find(f"{W}{k}") for k in ("numFmt", "lvlText", "start"))
                self.levels[(num.get(f"{W}numId"), level.get(f"{W}ilvl"))] = (
                    fmt.get(f"{W}val") if fmt is not None else "decimal",
                    text.get(f"{W}val") if text is not None else "",
                    int(start.get(f"{W}val")) if start is not None else 1)

    def label(self, paragraph: Any) -> str:
        """The number Word shows before this paragraph, or ''."""
        props = paragraph._p.pPr
        num_pr = props.numPr if props is not None else None
        if num_pr is None and paragraph.style is not None and paragraph.style.element.pPr is not None:
            num_pr = paragraph.style.element.pPr.numPr
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id, level = str(num_pr.numId.val), str(num_pr.ilvl.val if num_pr.ilvl is not None else 0)
        if (num_id, level) not in self.levels:
            return ""
        fmt, pattern, start = self.levels[(num_id, level)]
        counters = self.counters[num_id]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if int(k) > int(level)]:
            del counters[deeper]  # a new parent restarts its children
        render = FORMATS.get(fmt, str)
        label = pattern
        for k, value in counters.items():
            label = label.replace(f"%{int(k) + 1}", render(value))
        return label


def _table_lines(table: Any) -> list[str]:
    lines = []
    for row in table.rows:
        lines.append(ROW)
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                continue
            seen.add(id(cell._tc))
            parts = [p.text.strip() for p in cell.paragraphs if p.text.strip()] or [""]
            lines.append("\t" + parts[0])
            lines.extend(parts[1:])
    return lines + [END]


def _blocks(parent: Any) -> Any:
    """Paragraphs and tables in reading order, inside content controls (w:sdt) too."""
    for child in parent.iterchildren():
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (f"{W}p", f"{W}tbl"):
            yield child


def read(data: bytes) -> Reading:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    import zipfile

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ReadError(f"not a readable .docx file ({exc}): open it in Word or WPS and save it again") from exc
    numbering = Numbering(document)
    lines: list[str] = []
    numbered = tables = 0
    for child in _blocks(document.element.body):
        if child.tag == f"{W}p":
            paragraph = Paragraph(child, document)
            label = numbering.label(paragraph)
            numbered += bool(label)
            text = paragraph.text.strip()
            if text or label:
                lines.append(f"{label}{text}")
        elif child.tag == f"{W}tbl":
            tables += 1
            lines += _table_lines(Table(child, document))
    headers = sum(1 for section in document.sections for part in (section.header, section.footer)
                  if not part.is_linked_to_previous and any(p.text.strip() for p in part.paragraphs))
    written = sum(1 for line in lines if line not in (ROW, END))  # the marks of a table's rows are no lines
    notes = [f"Word document: {written} paragraph line(s); page headers and footers ({headers}) left out"]
    if numbered:
        notes.append(f"rendered Word's automatic numbering on {numbered} paragraph(s)")
    if tables:
        notes.append(f"read {tables} Word table(s) as tables")
    return Reading("\n".join(lines), "docx", notes=notes)
