"""Tables flattened to text: each cell starts on a line beginning with a tab, and a
cell's further lines follow without one. The first cells up to the first row
number are the header, which fixes the column count. A reader that knows the rows
(Word, HTML) opens each with a ROW line and closes the table with an END line, so that
a table without row numbers keeps its rows and the text after it is read again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .rules import load_rules


@dataclass
class FlatTable:
    label: str | None  # 附件2
    title: str | None
    header: list[str]
    rows: list[list[str]]
    line: int
    warnings: list[str] = field(default_factory=list)


ROW = "\t\t"    # a reader's mark: a row of the table starts here
END = "\t\t\t"  # a reader's mark: the table ends here


def _is_row_number(cell: str) -> bool:
    """12, or 12、13 for a row serving two items (rules/import.yml row_number)."""
    return bool(load_rules().row_number.match(cell))


def is_table_line(raw: str) -> bool:
    return raw.startswith("\t")


def is_task_table(table: FlatTable) -> bool:
    """A task table names the items its rows belong to: every row starts with a row number."""
    return bool(table.rows) and all(_is_row_number(row[0] or "") for row in table.rows)


def cells_of(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Group raw lines into cells: a tab opens a cell, other lines continue it."""
    cells: list[tuple[int, list[str]]] = []
    for line_no, raw in lines:
        if raw in (ROW, END):
            continue
        if raw.startswith("\t"):
            cells.append((line_no, [raw[1:].strip()]))
        elif raw.strip() and cells:
            cells[-1][1].append(raw.strip())
    return [(line_no, "\n".join(p for p in parts if p)) for line_no, parts in cells]


def parse_table(lines: list[tuple[int, str]], label: str | None, title: str | None) -> FlatTable:
    """Rows of a flattened table; a row that does not start with a row number is reported."""
    if any(raw == ROW for _, raw in lines):
        return _marked_rows(lines, label, title)
    cells = cells_of(lines)
    header_len = next((i for i, (_, text) in enumerate(cells) if _is_row_number(text)), len(cells))
    header = [text for _, text in cells[:header_len]]
    table = FlatTable(label, title, header, [], cells[0][0] if cells else 0)
    width = len(header) or 1
    body = cells[header_len:]
    for start in range(0, len(body), width):
        chunk = body[start : start + width]
        line_no, first = chunk[0]
        if not _is_row_number(first):
            table.warnings.append(f"line {line_no}: table row does not start with a row number: {first[:20]!r}")
        if len(chunk) < width:
            table.warnings.append(f"line {line_no}: last table row has {len(chunk)} of {width} cells")
            chunk = chunk + [(line_no, "")] * (width - len(chunk))
        table.rows.append([text for _, text in chunk])
    return table


def row_numbers(cell: str) -> list[str]:
    """'30、31' → ['30', '31']."""
    return re.findall(r"\d+", cell)


def _marked_rows(lines: list[tuple[int, str]], label: str | None, title: str | None) -> FlatTable:
    """A table whose reader marked its rows: the first row is the header."""
    rows: list[list[tuple[int, str]]] = []
    for line_no, raw in lines:
        if raw == ROW:
            rows.append([])
        elif rows:
            rows[-1].append((line_no, raw))
    cells = [[text for _, text in cells_of(row)] for row in rows]
    header, body = (cells[0], cells[1:]) if cells else ([], [])
    width = len(header)
    return FlatTable(label, title, header, [(row + [""] * width)[:width] for row in body],
                     lines[0][0] if lines else 0)
