"""What a pull request changes in the plans, as Markdown for the job summary.

Compares the plan files of a git revision (the pull request's base) with the
working tree: plans added and removed, and per changed plan the items added,
removed and edited, by anchor. Files that do not parse are listed, not fatal:
the validator reports them with their line and column.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from . import anchors, yamlio

REGISTRIES = {"localities.yml", "themes.yml"}


def _items(data: Any) -> dict[str, dict]:
    if not isinstance(data, dict):
        return {}
    try:
        return {anchor: item for _, item, anchor in anchors.item_anchors(data) if anchor}
    except (TypeError, AttributeError, KeyError):
        return {}


def _plans_at(revision: str, folder: str = "plans") -> dict[str, str]:
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{revision}:{folder}"], capture_output=True,
                           text=True, check=True).stdout.split()
    found = {}
    for name in names:
        if name.endswith(".yml") and name not in REGISTRIES:
            found[name] = subprocess.run(["git", "show", f"{revision}:{folder}/{name}"], capture_output=True,
                                         text=True, check=True).stdout
    return found


def _parse(text: str, name: str) -> Any:
    try:
        return yamlio.parse(text, name).data
    except yamlio.YamlError:
        return None


def summary(base: dict[str, str], head: dict[str, str]) -> str:
    """Markdown comparing two {file name: text} sets of plan files."""
    added = sorted(set(head) - set(base))
    removed = sorted(set(base) - set(head))
    rows = []
    for name in sorted(set(base) & set(head)):
        if base[name] == head[name]:
            continue
        old, new = _items(_parse(base[name], name)), _items(_parse(head[name], name))
        edited = [a for a in set(old) & set(new) if old[a] != new[a]]
        rows.append((name, len(set(new) - set(old)), len(set(old) - set(new)), len(edited),
                     "" if _parse(head[name], name) is not None else "does not parse"))
    lines = ["## Plan changes", ""]
    if not (added or removed or rows):
        return "\n".join(lines + ["No plan file changed.", ""])
    for label, names in (("Added", added), ("Removed", removed)):
        for name in names:
            count = len(_items(_parse((head if label == "Added" else base)[name], name)))
            lines.append(f"- {label}: `{name}` ({count} items)")
    if rows:
        lines += ([""] if lines[-1] else []) + ["| plan file | items added | items removed | items edited | note |", "|---|---:|---:|---:|---|"]
        lines += [f"| `{n}` | {a} | {r} | {e} | {note} |" for n, a, r, e, note in rows]
    return "\n".join(lines + [""])


def compare(revision: str, plans_dir: Path = Path("plans")) -> str:
    head = {p.name: p.read_text(encoding="utf-8") for p in sorted(plans_dir.glob("*.yml"))
            if p.name not in REGISTRIES}
    return summary(_plans_at(revision, plans_dir.as_posix()), head)
