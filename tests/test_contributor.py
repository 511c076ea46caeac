"""The contributor's round trip of CONTRIBUTING.md, on a copy of the repository and
through the commands it shows: add a plan from a Word file and one from a text file with
a new locality, check them, fix a stray space and a printed typo (with its correction),
read the review summary, build the site, run the per-plan source checks; then drop a
sentence and see the checks name it. The fixtures (tests/fixtures/contributor/) are
written for this test; what each step must print was read off them by hand."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from generator.data import loader, yamlio
from conftest import FIXTURES, ROOT, copy_project

HERE = FIXTURES / "contributor"


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=repo, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(repo)})


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A clone as a contributor has it: the site's parts, the tests, one commit."""
    target = copy_project(tmp_path_factory.mktemp("contributor") / "eduplans")
    before_the_trip(target)
    shutil.copytree(ROOT / "tests", target / "tests", ignore=shutil.ignore_patterns("__pycache__", "golden"))
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    git(target, "init", "-q")
    git(target, "add", ".")
    git(target, "commit", "-qm", "main")
    return target


def before_the_trip(target: Path) -> None:
    """The copy as it stood before this trip, whatever plans/ holds now: the copied plans
    (the test atlas) with only their raw files, and no registry entry for the place the
    trip registers (a contributor may have added Pingdu as CONTRIBUTING's example does)."""
    plans = target / "plans"
    cited = {yamlio.read_file(p).data["source"]["file"] for p in loader.plan_files([plans])}
    for raw in (target / "raw").iterdir():
        if f"raw/{raw.name}" not in cited:
            raw.unlink()
    registry = plans / "localities.yml"
    data = yamlio.read_file(registry, yamlio.MAX_REGISTRY_BYTES).data
    data["localities"] = [e for e in data["localities"] if e["id"] != "pingdu"]
    registry.write_text(yamlio.dump(data), encoding="utf-8")


def word_file(text: Path, target: Path) -> None:
    """A Word file of the text's lines, one paragraph each, as a bureau's .docx holds them."""
    document = docx.Document()
    for line in text.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(target))


@pytest.fixture(scope="module")
def imported(repo: Path) -> Path:
    shutil.copy(HERE / "pingdu-2025.txt", repo / "raw" / "pingdu-2025.txt")
    word_file(HERE / "qingdao-2025.article.txt", repo / "raw" / "qingdao-2025.docx")
    done = run(repo, "-m", "generator", "import", "raw/pingdu-2025.txt", "--out-dir", "plans", "--locality", "pingdu",
               "--new-locality", "平度市", "--level", "县级市", "--parent", "qingdao", "--province", "山东省")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "registered pingdu (平度市, 县级市) in plans/localities.yml" in done.stderr
    assert "Plan pingdu-2025: 2025年全市教育工作要点 — 8 items" in done.stdout
    done = run(repo, "-m", "generator", "import", "raw/qingdao-2025.docx", "--out-dir", "plans", "--locality", "qingdao")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Plan qingdao-2025: 2025年全市教育工作要点 — 7 items" in done.stdout
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Add the 2025 plans of Pingdu and Qingdao")
    return repo


def test_the_new_plans_validate_against_the_registries_and_their_sources(imported):
    for extra in ([], ["--sources"]):
        done = run(imported, "-m", "generator", "validate", *extra)
        assert done.returncode == 0 and "13 plan(s) valid" in done.stderr, done.stderr


@pytest.fixture(scope="module")
def fixed(imported: Path) -> Path:
    """The contributor deletes a stray space and corrects a printed typo, recording it."""
    plan = imported / "plans" / "pingdu-2025.yml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("新增学位1200 个") == 1 and text.count("开展师德师峰专题教育") == 1
    text = text.replace("新增学位1200 个", "新增学位1200个")
    line = next(l for l in text.splitlines() if "开展师德师峰专题教育" in l)
    indent = line[:len(line) - len(line.lstrip())]
    record = (f"{indent}corrections:\n{indent}  - from: 师德师峰\n{indent}    to: 师德师风\n"
              f"{indent}    why: 原文“峰”为“风”之误，本条标题作“师德师风”。\n")
    text = text.replace(line + "\n", line.replace("师德师峰", "师德师风") + "\n" + record)
    plan.write_text(text, encoding="utf-8")
    return imported


def test_the_fixes_pass_the_source_checks_and_the_summary_shows_them(fixed):
    done = run(fixed, "-m", "generator", "validate", "--sources", "plans/pingdu-2025.yml")
    assert done.returncode == 0, done.stderr
    summary = run(fixed, "-m", "generator", "changes", "--base", "HEAD")
    assert summary.returncode == 0, summary.stderr
    out = summary.stdout
    assert "### `pingdu-2025.yml` — 2 item(s) changed, 0 added, 0 removed" in out
    assert "  - 正文：…园4所，新增学位1200<del>␣</del>个，公办园在园幼儿占比稳…" in out
    assert "  - 正文：开展师德师<del>峰</del><ins>风</ins>专题教育，落实师德失范行…" in out
    assert "  - 勘误（新增）：原文“师德师峰” → 改为“师德师风”（理由：原文“峰”为“风”之误，本条标题作“师德师风”。）" in out


def test_the_per_plan_checks_of_the_test_command_pass(fixed):
    done = run(fixed, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_sources.py")
    assert done.returncode == 0, done.stdout[-3000:]
    assert "pingdu-2025" in run(fixed, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                                "tests/test_sources.py").stdout


def test_the_site_builds_with_the_new_plans(fixed):
    done = run(fixed, "-m", "generator", "build")
    assert done.returncode == 0, done.stderr[-3000:]
    stages = re.search(r"site built in .*/site/: (.*)", done.stderr).group(1)  # what a maintainer sees at the end
    assert re.match(r"load and validate plans [\d.]+ s \(13\) · index [\d.]+ s · render pages [\d.]+ s \(\d+\) · MkDocs", stages)
    page = (fixed / "site" / "plans" / "pingdu-2025" / "index.html").read_text(encoding="utf-8")
    assert "开展师德师风专题教育" in page and "师德师峰" in page  # the text corrected, the source's wording on record
    assert (fixed / "site" / "localities" / "pingdu" / "index.html").is_file()
    assert (fixed / "site" / "plans" / "qingdao-2025" / "index.html").is_file()


def test_a_dropped_sentence_is_named_with_its_source_line(fixed):
    plan = fixed / "plans" / "pingdu-2025.yml"
    kept = plan.read_text(encoding="utf-8")
    plan.write_text(kept.replace("开展幼儿园与小学科学衔接实验区建设，组织保教质量评估。", ""), encoding="utf-8")
    try:
        done = run(fixed, "-m", "generator", "validate", "--sources")
        assert done.returncode == 1
        assert ("raw/pingdu-2025.txt:13:10: error: sentence in no plan file (pingdu-2025): "
                "“开展幼儿园与小学科学衔接实验区建设，组织保教质量评估”") in done.stderr
        tests = run(fixed, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_sources.py")
        assert tests.returncode == 1
        assert re.search(r"FAILED .*test_the_plans_keep_every_sentence_of_their_source\[pingdu-2025\]", tests.stdout)
        assert "raw/pingdu-2025.txt:13:10" in tests.stdout and "开展幼儿园与小学科学衔接实验区建设" in tests.stdout
    finally:
        plan.write_text(kept, encoding="utf-8")
