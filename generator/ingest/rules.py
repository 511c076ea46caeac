"""The importer's phrase lists and thresholds, read from ``rules/import.yml``: data, not
code. Every stage of the import receives the one :class:`ImportRules` object."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import outline, tails

RULES_FILE = Path(__file__).parent / "rules" / "import.yml"


@dataclass(frozen=True)
class ImportRules:
    title_keywords: tuple[str, ...]
    weak_title_keywords: tuple[str, ...]
    collection_keywords: tuple[str, ...]
    notice_prefixes: tuple[str, ...]
    notice_markers: tuple[str, ...]
    title_decorations: tuple[re.Pattern[str], ...]
    toc_headings: tuple[str, ...]
    separator: re.Pattern[str]
    closing: tuple[re.Pattern[str], ...]
    signature_suffixes: tuple[str, ...]
    closing_openers: tuple[str, ...]
    outline_rules: outline.OutlineRules
    tails: tails.TailRules
    table_columns: dict[str, str]
    page_numbers: tuple[re.Pattern[str], ...]
    wrapped_min_lines: int
    wrapped_min_width: int
    wrapped_tolerance: int
    flattened_min_chars: int
    unwrapped_after: str  # a line ending in one of these is never wrapped
    space_between: re.Pattern[str]
    numbered_header: re.Pattern[str]
    page_chunk: re.Pattern[str]
    flattened_page_number: re.Pattern[str]
    flattened_number: re.Pattern[str]
    flattened_heading: re.Pattern[str]
    not_in_title: re.Pattern[str]
    column_piece: re.Pattern[str]
    column_gap: re.Pattern[str]
    row_start: re.Pattern[str]
    row_number: re.Pattern[str]
    toc_entry: re.Pattern[str]
    toc_page: re.Pattern[str]
    annex_label: re.Pattern[str]
    issuer_in_title: re.Pattern[str]
    signature_gap: re.Pattern[str]
    date_patterns: tuple[re.Pattern[str], ...]
    title_year: re.Pattern[str]
    preamble_year: re.Pattern[str]
    title_spacing: re.Pattern[str]


_PATTERNS = ("space_between", "numbered_header", "page_chunk", "flattened_page_number", "flattened_number",
             "flattened_heading", "not_in_title", "column_piece", "column_gap", "row_start", "row_number",
             "toc_entry", "toc_page", "annex_label", "issuer_in_title", "signature_gap", "title_year",
             "preamble_year", "title_spacing")  # the keys of import.yml holding one regular expression


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> ImportRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    labels = "|".join(map(re.escape, data["owner_labels"] + data["supporting_labels"] + data["deadline_labels"]))
    return ImportRules(
        title_keywords=tuple(data["title_keywords"]),
        weak_title_keywords=tuple(data["weak_title_keywords"]),
        collection_keywords=tuple(data["collection_keywords"]),
        notice_prefixes=tuple(data["notice_prefixes"]),
        notice_markers=tuple(data["notice_markers"]),
        title_decorations=tuple(re.compile(p) for p in data["title_decorations"]),
        toc_headings=tuple(data["toc_headings"]),
        separator=re.compile(data["separator_pattern"]),
        closing=tuple(re.compile(p) for p in data["closing_patterns"]),
        signature_suffixes=tuple(data["signature_suffixes"]),
        closing_openers=tuple(data["closing_openers"]),
        outline_rules=outline.OutlineRules(
            headline_max_chars=data["headline_max_chars"],
            headline_max_chars_with_comma=data["headline_max_chars_with_comma"],
            unnumbered_headline_max_chars=data["unnumbered_headline_max_chars"],
            continuation_openers=tuple(data["continuation_openers"]),
        ),
        tails=tails.TailRules(
            owner_labels=tuple(data["owner_labels"]),
            supporting_labels=tuple(data["supporting_labels"]),
            deadline_labels=tuple(data["deadline_labels"]),
            unit_suffixes=tuple(data["unit_suffixes"]),
            single_unit_suffixes=tuple(data["single_unit_suffixes"]),
            deadline_patterns=tuple(re.compile(p) for p in data["deadline_patterns"]),
            parenthesis=re.compile(data["tail_parenthesis"]),
            part_separator=re.compile(data["tail_part_separator"].replace("{labels}", labels)),
            unbracketed=re.compile(data["unbracketed_tail"].replace("{labels}", labels)),
            unit_separator=re.compile(data["unit_separator"]),
            unit_note=re.compile(data["unit_note"]),
            deadline_spacing=re.compile(data["deadline_spacing"]),
        ),
        table_columns=dict(data["table_columns"]),
        page_numbers=tuple(re.compile(p) for p in data["page_number_patterns"]),
        wrapped_min_lines=data["wrapped_min_lines"],
        wrapped_min_width=data["wrapped_min_width"],
        wrapped_tolerance=data["wrapped_tolerance"],
        flattened_min_chars=data["flattened_min_chars"],
        unwrapped_after=data["unwrapped_after"],
        date_patterns=tuple(re.compile(p) for p in data["date_patterns"]),
        **{key: outline.expression(data[key]) for key in _PATTERNS},
    )
