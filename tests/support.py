"""Helpers shared by tests: sentences of a text, every string in plan data, and
Markdown converted as MkDocs converts it."""

from __future__ import annotations

import re
from typing import Any, Iterable

import markdown
import yaml

from generator.ingest import fidelity

from conftest import ROOT


def sentences(lines: Iterable[str]) -> list[str]:
    """Sentences of the raw lines as the fidelity check takes them (outline markers
    stripped, split at 。！？；, whitespace removed): one rule, generator/ingest/fidelity.py."""
    return [s for _, _, s in fidelity.sentences(list(lines))]


def strings(data: Any) -> Iterable[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


def blob(*documents: Any) -> str:
    return "\u0001".join(re.sub(r"\s+", "", s) for d in documents for s in strings(d))


def plan_items(plan: dict) -> list[dict]:
    """Every item of plan data, in order, however deeply its sections nest."""
    found = list(plan.get("items", []))

    def walk(sections):
        for section in sections:
            found.extend(section.get("items", []))
            walk(section.get("sections", []))

    walk(plan.get("sections", []))
    return found


def markdown_like_mkdocs() -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml lists."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
                            .replace("!!python", "#"))
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    return markdown.Markdown(extensions=extensions)
