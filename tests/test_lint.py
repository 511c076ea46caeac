"""The linters: Ruff over the Python (pyproject.toml, [tool.ruff]: lint only) and Biome
over the page scripts and their tests (biome.json: lint and format). Both come from
requirements-dev.txt; a missing one fails, saying what to install."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALL = "install the dev requirements: .venv/bin/pip install -r requirements-dev.txt"


def tool(name: str) -> str:
    """The tool beside this Python (the venv's), else on PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is missing: {INSTALL}"
    return found


def run(*command: str) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout[-8000:]}\n{done.stderr[-4000:]}"


def test_python_passes_ruff():
    run(tool("ruff"), "check", ".")


def test_page_scripts_pass_biome():
    run(tool("biome"), "check", "docs/assets/js", "tests/js")
