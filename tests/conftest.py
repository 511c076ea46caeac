from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
RAW = ROOT / "raw"


@pytest.fixture
def plans_copy(tmp_path: Path) -> Path:
    """A writable copy of plans/ (registries and plan files) to break on purpose."""
    target = tmp_path / "plans"
    shutil.copytree(PLANS, target, ignore=shutil.ignore_patterns("schema"))
    return target


@pytest.fixture
def registries(tmp_path: Path) -> Path:
    """A plans folder holding only the two registries."""
    target = tmp_path / "plans"
    target.mkdir()
    for name in ("localities.yml", "themes.yml"):
        shutil.copy(PLANS / name, target / name)
    return target
