"""The page scripts' parts (docs/assets/js/) on their own: their unit tests (tests/js/)
run by Node's built-in test runner, no site built and no browser (the browser tests
drive the whole page)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_page_scripts_unit_tests_pass():
    node = shutil.which("node")
    assert node, "Node.js 20 or later is needed for tests/js: apt-get install nodejs (or see README, Tests)"
    done = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, check=False)
    summary = [line for line in done.stdout.splitlines() if line.startswith(("# tests", "# pass"))]
    assert done.returncode == 0, f"node --test tests/js/ failed:\n{done.stdout[-6000:]}\n{done.stderr[-2000:]}"
    assert summary and summary[0] != "# tests 0", f"node --test found no tests:\n{done.stdout[-2000:]}"
