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
    toneless_pinyin: re.Pattern[str]  # one whole syllable without tone marks
    radical_variants: dict[str, str]
    page_numbers: tuple[re.Pattern[str], ...]
    wrapped_min_lines: int
    wrapped_min_width: int
    wrapped_tolerance: int
    flattened_min_chars: int


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> ImportRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        ),
        table_columns=dict(data["table_columns"]),
        radical_variants=dict(data["radical_variants"]),
        page_numbers=tuple(re.compile(p) for p in data["page_number_patterns"]),
        wrapped_min_lines=data["wrapped_min_lines"],
        wrapped_min_width=data["wrapped_min_width"],
        wrapped_tolerance=data["wrapped_tolerance"],
        flattened_min_chars=data["flattened_min_chars"],
        toneless_pinyin=re.compile("^(?:{})?(?:{})$".format("|".join(data["pinyin_initials"]),
                                                           "|".join(data["pinyin_finals"]))),
    )
