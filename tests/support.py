"""Helpers shared by tests: sentences of a text, every string in plan data, and
Markdown converted as MkDocs converts it."""

from __future__ import annotations

from typing import Iterable

import markdown
import yaml

from generator.ingest import fidelity

from conftest import ROOT


def sentences(lines: Iterable[str]) -> list[str]:
    """Sentences of the raw lines as the fidelity check takes them (outline markers
    stripped, split at 。！？；, whitespace removed): one rule, generator/ingest/fidelity.py."""
    return [s for _, _, s in fidelity.sentences(list(lines))]


# A small plan file of two items, for the summary of what a change does and its revisions.
TWO_ITEMS = """\
id: x-2024
sections:
  - number: 一
    title: 总体
    items:
      - number: '1'
        title: 发展学前教育
        text: 推进学前教育普惠发展。
      - number: '2'
        title: 乙
        text: 原文二。
"""

strings, blob = fidelity.strings, fidelity.blob  # every string of plan data; all of them, whitespace removed


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
