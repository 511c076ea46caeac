"""Plan files at git revisions: what a pull request changes, read from git, and its
review summary (``analysis.changeset`` writes it from two snapshots). The one module that
runs git on plans/; ``cli`` uses it for ``validate --changed`` and ``changes``."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .analysis.changeset import Snapshot, summary
from .data.loader import REGISTRIES

WORKING_TREE = None


def at_revision(revision: str, folder: str = "plans", only: set[str] | None = None) -> Snapshot:
    """The .yml files of folder in a git revision (only: these names, where they exist)."""
    names = [n for n in _git("ls-tree", "--name-only", f"{revision}:{folder}").split()
             if n.endswith(".yml") and (only is None or n in only)]
    return Snapshot({n: _git("show", f"{revision}:{folder}/{n}") for n in names})


def working_tree(folder: Path = Path("plans"), only: set[str] | None = None) -> Snapshot:
    return Snapshot({p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))
                     if only is None or p.name in only})


def changed_names(base: str, head: str | None = WORKING_TREE, folder: Path = Path("plans")) -> set[str] | None:
    """The .yml files of folder that differ between base and head (with the working tree:
    untracked ones too), or None when a registry differs: then every plan may read
    differently (its locality, its themes) and all are compared. A pull request's checks
    so read the files it changes, not the whole atlas."""
    spec = folder.as_posix()
    revisions = [base] if head is None else [base, head]
    names = {Path(n).name for n in _git("diff", "--name-only", *revisions, "--", spec).split()}
    if head is None:
        names |= {Path(n).name for n in _git("ls-files", "--others", "--exclude-standard", "--", spec).split()}
    names = {n for n in names if n.endswith(".yml")}
    return None if names & set(REGISTRIES) else names | set(REGISTRIES)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def snapshots(base: str, head: str | None = WORKING_TREE, folder: Path = Path("plans")) -> tuple[Snapshot, Snapshot]:
    """plans/ at revision base and at revision head (default: the working tree): the
    files that differ and the registries, or every file when a registry differs."""
    only = changed_names(base, head, folder)
    after = working_tree(folder, only) if head is None else at_revision(head, folder.as_posix(), only)
    return at_revision(base, folder.as_posix(), only), after


def summary_between(base: str, head: str | None = WORKING_TREE, folder: Path = Path("plans")) -> str:
    """The summary from revision base to revision head (default: the working tree)."""
    return summary(*snapshots(base, head, folder))
