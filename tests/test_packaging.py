"""What the repository says of itself holds: pyproject.toml's dependencies are the ones
requirements.txt pins (the same names), and the checkout-only package reads its
templates and schema through the one module that says where they are."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ;]", r.strip(), maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_pyproject_names_the_dependencies_requirements_txt_pins():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pinned = [line.split("#")[0] for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    assert names(declared) == names([p for p in pinned if p.strip()])


def test_no_module_finds_the_checkout_on_its_own():
    """templates/, plans/schema/ and CONTRIBUTING.md are located in generator/data/checkout.py only."""
    found = [p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py")
             if "parents[2]" in p.read_text(encoding="utf-8")]
    hooks = ["generator/site/live.py", "generator/site/progress_hook.py", "generator/site/shard_hook.py"]  # MkDocs loads hooks by path: sys.path
    assert sorted(found) == ["generator/data/checkout.py", *hooks]
