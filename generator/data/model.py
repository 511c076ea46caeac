"""The typed model: the only thing that leaves the loader.

Frozen dataclasses, built from plan data that has already passed validation.
Later stages (index, export, pages) read these and never the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator


@dataclass(frozen=True)
class Locality:
    id: str
    name: str
    level: str
    province: str | None
    parent: str | None
    aliases: tuple[str, ...] = ()
    anonymized: bool = False
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    en: str
    description: str
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inference:
    field: str
    value: str
    evidence: str


@dataclass(frozen=True)
class Source:
    file: str
    url: str | None = None
    fetched: str | None = None      # YYYY-MM-DD: the day the importer fetched url
    linked_from: str | None = None  # the notice page whose attachment the text is
    collection: str | None = None
    toc_entry: str | None = None
    conversions: tuple[str, ...] = ()
    inferred: tuple[Inference, ...] = ()
    notes: tuple[str, ...] = ()
    discarded: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskRow:
    """One row of a task-list table; it belongs to every item it names."""

    row: str
    items: tuple[str, ...]
    task: str = ""
    problem: str = ""
    policies: str = ""
    measures: str = ""
    outcomes: str = ""
    due: str = ""
    divisions: str = ""
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TaskTable:
    label: str | None
    title: str | None
    columns: tuple[tuple[str, str], ...]
    rows: tuple[TaskRow, ...]


@dataclass(frozen=True)
class PlanTable:
    """A table of the plan that names no items (a calendar, a list of schools)."""

    label: str | None
    title: str | None
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Target:
    """A quantitative commitment: 公办园在园幼儿占比 62 %, level."""

    indicator: str
    value: str
    unit: str
    kind: str  # level | amount | events
    year: int | None = None
    note: str | None = None
    series: str | None = None  # links the same indicator across plans when wording differs

    def as_data(self) -> dict:
        data = {"indicator": self.indicator, "value": self.value, "unit": self.unit, "kind": self.kind,
                "year": self.year}
        return data | {k: v for k, v in (("note", self.note), ("series", self.series)) if v}

    @property
    def number(self) -> float | None:
        """The value as a number (the lower end of a range)."""
        try:
            return float(self.value.replace("～", "-").replace("—", "-").split("-")[0].split("至")[0])
        except ValueError:
            return None


@dataclass(frozen=True)
class Correction:
    """A typo of the source, corrected in the item: what the source printed, the wording
    now in the item, and why (the original stays on record)."""

    original: str
    corrected: str
    why: str


@dataclass(frozen=True)
class Item:
    anchor: str
    number: str | None
    title: str | None
    text: str
    section: str  # e.g. "三 / （一）": the printed numbers of the sections holding it
    section_title: str
    owners: tuple[str, ...] = ()
    deadlines: tuple[str, ...] = ()
    supporting: tuple[str, ...] = ()  # 配合单位: named apart from the responsible units
    themes_override: tuple[str, ...] = ()
    outline_title: str | None = None
    outline_only: bool = False
    truncated: bool = False
    note: str | None = None
    tasks: tuple[TaskRow, ...] = ()
    targets: tuple[Target, ...] = ()
    corrections: tuple[Correction, ...] = ()

    @property
    def display_title(self) -> str:
        """The headline, or the opening of the text for items printed without one."""
        if self.title:
            return self.title
        opening = self.text.split("。", 1)[0]
        return opening if len(opening) <= 30 else opening[:30] + "…"


@dataclass(frozen=True)
class Section:
    number: str | None
    title: str
    outline_title: str | None = None
    intro: str | None = None
    sections: tuple[Section, ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    locality: str
    year: int
    issuer: str | None
    issued: str | None
    source: Source
    path: str
    subtitle: str | None = None
    notice: str | None = None
    preamble: str | None = None
    sections: tuple[Section, ...] = ()
    items: tuple[Item, ...] = ()  # plans without sections
    closing: str | None = None
    task_table: TaskTable | None = None
    tables: tuple[PlanTable, ...] = ()

    @cached_property
    def item_count(self) -> int:
        return sum(1 for _ in self.all_items())

    def all_items(self) -> Iterator[Item]:
        yield from self.items

        def walk(sections: tuple[Section, ...]) -> Iterator[Item]:
            for section in sections:
                yield from section.items
                yield from walk(section.sections)

        yield from walk(self.sections)


@dataclass(frozen=True)
class Catalog:
    plans: tuple[Plan, ...]
    localities: dict[str, Locality] = field(default_factory=dict)
    themes: tuple[Theme, ...] = ()
