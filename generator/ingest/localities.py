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

from ..data import yamlio

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EVIDENCE_CONTEXT = 20  # characters quoted on each side of the name


class LocalityError(ValueError):
    """A locality the importer cannot use, with what to do about it."""


def infer(haystack: str, localities: list[dict[str, Any]]) -> tuple[str | None, str]:
    """The registered locality the text names most; a child beats its parent, because a
    county's plan names its city far more often than a city's plan names one county."""
    counts: dict[str, tuple[int, str]] = {}
    for entry in localities:
        if entry.get("anonymized"):
            continue
        names = sorted({n for n in [entry.get("name"), *entry.get("aliases", [])] if n}, key=len, reverse=True)
        found = re.findall("|".join(map(re.escape, names)), haystack) if names else []  # 威海市 once, not also as 威海
        if found:
            name = max(set(found), key=found.count)
            counts[entry["id"]] = (len(found), name if found.count(name) == len(found) else " / ".join(sorted(set(found))))
    parents = {e.get("parent") for e in localities if e["id"] in counts}
    candidates = {k: v for k, v in counts.items() if k not in parents} or counts
    if not candidates:
        return None, ""
    best = max(candidates, key=lambda k: candidates[k][0])
    count, name = candidates[best]
    return best, f"the text names {name} {count} times"


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
        at = named[1].find(name)
        quote = named[1][max(0, at - EVIDENCE_CONTEXT):at + len(name) + EVIDENCE_CONTEXT].strip()
        evidence = f"原文第{named[0]}行写“{quote}”。"
    else:
        evidence = f"名称由导入时的 --new-locality 给出，原文没有写出“{name}”。"
    return {"id": locality_id, "name": name, "level": level, "province": province, "parent": parent,
            "evidence": [evidence]}


def append_entry(registry: Path, entry: dict[str, Any]) -> None:
    """Add an entry at the end of the registry file, keeping its comments and layout."""
    block = yamlio.dump([entry])
    indented = "".join(f"  {line}" if line.strip() else line for line in block.splitlines(keepends=True))
    text = registry.read_text(encoding="utf-8")
    partial = registry.with_suffix(".yml.tmp")
    partial.write_text(text.rstrip("\n") + "\n\n" + indented, encoding="utf-8")
    partial.replace(registry)
