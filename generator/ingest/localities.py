"""Which registered locality a raw text belongs to, and a new registry entry when the
text is the first from a place (``import --new-locality``).

The registry (``plans/localities.yml``) is the source of truth for localities; the
importer never writes a plan for a locality it does not hold, and a new entry carries
the line of the text that names the place as its evidence.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..data import consistency, yamlio

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EVIDENCE_CONTEXT = 20  # characters quoted on each side of the name


class LocalityError(ValueError):
    """A locality the importer cannot use, with what to do about it."""


def infer(haystack: str, registered: consistency.Places) -> tuple[str | None, str]:
    """The registered locality the text names most (data.consistency's rule, which validate
    applies to the plan files too), with its evidence: the name as the text prints it."""
    best = registered.most_named(haystack)
    if best is None:
        return None, ""
    entry, found = best
    name = max(set(found), key=found.count)
    shown = name if found.count(name) == len(found) else " / ".join(sorted(set(found)))
    return entry["id"], f"the text names {shown} {len(found)} times"


def register_command(locality_id: str) -> str:
    return (f"--locality {locality_id} --new-locality 名称 --level 县级市 [--province 省份] [--parent 上级id]")


def check_known(locality_id: str, localities: list[dict[str, Any]], registry: Path) -> None:
    if not any(e["id"] == locality_id for e in localities):
        raise LocalityError(
            f"unknown locality '{locality_id}': it is not in {registry}. Add its entry there first, or let the "
            f"importer add it: {register_command(locality_id)}")


def new_entry(locality_id: str, name: str, level: str, province: str | None, parent: str | None,
              lines: list[str], localities: list[dict[str, Any]]) -> dict[str, Any]:
    """The registry entry for a place not yet registered, with the text's evidence."""
    if not ID_RE.match(locality_id):
        raise LocalityError(f"locality id '{locality_id}' has the wrong form: lowercase letters, digits and hyphens, "
                            "e.g. rongcheng")
    if any(e["id"] == locality_id for e in localities):
        raise LocalityError(f"locality '{locality_id}' is registered already: drop --new-locality")
    if parent and not any(e["id"] == parent for e in localities):
        raise LocalityError(f"unknown parent '{parent}': register it first, or leave --parent out")
    named = next(((n, line) for n, line in enumerate(lines, 1) if name in line), None)
    if named:
        evidence = f"原文第{named[0]}行写“{_quote(named[1], name)}”。"
    else:
        evidence = f"名称由导入时的 --new-locality 给出，原文没有写出“{name}”。"
    return {"id": locality_id, "name": name, "level": level, "province": province, "parent": parent,
            "evidence": [evidence, *([] if province else _province_evidence(lines))]}


def _province_evidence(lines: list[str]) -> list[str]:
    """The first line naming a province, quoted, when --province was not given: validate
    then warns that the evidence names a province the entry leaves out."""
    named = consistency.province_named(lines)
    if named is None:
        return []
    return [f"原文第{named[0]}行写“{_quote(lines[named[0] - 1], named[1])}”（省份未由 --province 给出，请核对）。"]


def _quote(line: str, name: str) -> str:
    """The words around a name in a line: the evidence quoted in the registry."""
    at = line.find(name)
    return line[max(0, at - EVIDENCE_CONTEXT):at + len(name) + EVIDENCE_CONTEXT].strip()


def append_entry(registry: Path, entry: dict[str, Any]) -> None:
    """Add an entry at the end of the registry file, keeping its comments and layout."""
    block = yamlio.dump([entry])
    indented = "".join(f"  {line}" if line.strip() else line for line in block.splitlines(keepends=True))
    text = registry.read_text(encoding="utf-8")
    partial = registry.with_suffix(".yml.tmp")
    partial.write_text(text.rstrip("\n") + "\n\n" + indented, encoding="utf-8")
    partial.replace(registry)
