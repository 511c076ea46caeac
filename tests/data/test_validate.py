"""Bad plan files give located errors (path:line:col, field, hint) and a non-zero exit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import cli
from generator.data import loader
from conftest import PLANS

GOOD = """\
# yaml-language-server: $schema=schema/plan.schema.json
id: sample-2024
title: 2024年全市教育工作要点
locality: qingdao
year: 2024
issuer: 青岛市教育局
issued: 2024-02-02
source:
  file: raw/000_5cadd956fa6f3c15.txt
  url: null
preamble: 2024年全市教育工作的总体思路是：办好人民满意的教育。
sections:
  - number: 一
    title: 夯实党建基础，加强党的全面领导
    items:
      - number: '1'
        title: 加强教育系统党的建设
        text: 推进中小学党组织标准化、规范化建设。
        themes: [party-building]
      - number: '2'
        title: 纵深推进全面从严治党
        text: 深入推进党风廉政建设。
"""


SECOND_SECTION = """\
  - number: 二
    title: 推进教育高质量发展
    items:
      - number: '3'
        title: 学前教育
        text: 扩大普惠性学前教育资源。
"""

CORRECTION = """\
        corrections:
          - from: 标准华
            to: 标准化
            why: 原文笔误，与上下文对照可知。
"""


def write(folder: Path, text: str, name: str = "sample-2024.yml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run_validate(capsys, *paths: Path, fmt: str = "text") -> tuple[int, list[str]]:
    status = cli.main(["validate", "--format", fmt, *map(str, paths)])
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    return status, lines


def located(lines: list[str], path: Path) -> list[tuple[int, int, str]]:
    found = []
    for line in lines:
        m = re.match(rf"^{re.escape(str(path))}:(\d+):(\d+): error: (.*)$", line)
        if m:
            found.append((int(m[1]), int(m[2]), m[3]))
    return found


def test_a_good_file_passes(registries, capsys):
    path = write(registries, GOOD)
    status, lines = run_validate(capsys, path)
    assert status == 0, lines


ADDRESS = "https://www.example.gov.cn/jyj/2024/plan.docx"
CASES = {
    "broken yaml": (GOOD.replace("title: 夯实党建基础", "title: [夯实党建基础"), 15, "YAML syntax error"),
    "wrong type": (GOOD.replace("year: 2024", "year: 二〇二四"), 5, "year must be a whole number, not text"),
    "year out of range": (GOOD.replace("year: 2024", "year: 3024"), 5, "year 3024 is out of range"),
    "unknown theme": (GOOD.replace("[party-building]", "[party-buildng]"), 19, "unknown theme 'party-buildng'"),
    "unknown locality": (GOOD.replace("locality: qingdao", "locality: atlantis"), 4, "unknown locality 'atlantis'"),
    "number typed twice": (GOOD.replace("number: '2'", "number: '1'"), 20,
                           "item number '1' is used again (first at sections[0].items[0])"),
    "number reused in another section": (GOOD + SECOND_SECTION.replace("number: '3'", "number: '2'"), 26,
                                         "item number '2' is used again (first at sections[0].items[1])"),
    "per-section number twice in a section": (
        GOOD.replace("issued: 2024-02-02\n", "issued: 2024-02-02\nnumbering: per-section\n")
        .replace("number: '2'", "number: '1'"), 21, "item number '1' is used again"),
    "id collides with a number": (GOOD.replace("      - number: '1'\n", "      - number: null\n        id: '2'\n"),
                                  21, "duplicate item anchor '2'"),
    "year contradicts the id": (GOOD.replace("year: 2024", "year: 2023"), 5,
                                "year 2023 contradicts the plan id 'sample-2024'"),
    "correction not in the text": (GOOD.replace("        themes: [party-building]\n", CORRECTION.replace(
        "to: 标准化", "to: 标准话")), 21, "corrected wording '标准话' is not in the item's title or text"),
    "correction without a reason": (GOOD.replace("        themes: [party-building]\n",
                                                 CORRECTION.replace("            why: 原文笔误，与上下文对照可知。\n", "")),
                                    20, "missing required key 'why'"),
    "missing key": (GOOD.replace("issuer: 青岛市教育局\n", ""), 2, "missing required key 'issuer'"),
    "unknown key": (GOOD.replace("    title: 夯实", "    titel: 夯实"), 14, "unknown key 'titel'"),
    "duplicate key": (GOOD.replace("year: 2024\n", "year: 2024\nyear: 2025\n"), 6, "duplicate key 'year'"),
    "empty text": (GOOD.replace("text: 深入推进党风廉政建设。", "text: ''"), 22, "is empty"),
    "missing text": (GOOD.replace("        text: 深入推进党风廉政建设。\n", ""), 20, "item has no text"),
    "unnumbered without id": (GOOD.replace("number: '2'", "number: null"), 20, "no number and no id"),
    "alias": (GOOD.replace("title: 纵深推进全面从严治党", "title: *x").replace(
        "title: 加强教育系统党的建设", "title: &x 加强教育系统党的建设"), 21, "aliases"),
    "id differs from file": (GOOD.replace("id: sample-2024", "id: other-2024"), 2, "differs from the file name"),
    "impossible date": (GOOD.replace("issued: 2024-02-02", "issued: 2024-13-45"), 7, "is not a real date"),
    "item id like a section anchor": (GOOD.replace("number: '2'", "number: '2'\n        id: s1"), 21,
                                      "has the form of a section anchor"),
    "reserved plan id": (GOOD.replace("id: sample-2024", "id: con"), 2, "reserved name"),
    "impossible fetch day": (GOOD.replace("  url: null\n", f"  url: {ADDRESS}\n  fetched: 2024-02-30\n"), 11,
                             "fetched '2024-02-30' is not a real date"),
    "fetch day in another form": (GOOD.replace("  url: null\n", f"  url: {ADDRESS}\n  fetched: 2024-2-3\n"), 11,
                                  "source.fetched '2024-2-3' has the wrong form"),
    "fetch day in the future": (GOOD.replace("  url: null\n", f"  url: {ADDRESS}\n  fetched: 2999-01-01\n"), 11,
                                "fetched 2999-01-01 is in the future"),
    "fetch day without an address": (GOOD.replace("  url: null\n", "  url: null\n  fetched: 2024-02-03\n"), 11,
                                     "source.fetched without source.url"),
    "notice page not an address": (GOOD.replace("  url: null\n", f"  url: {ADDRESS}\n  linked_from: javascript:x\n"),
                                   11, "source.linked_from 'javascript:x' has the wrong form"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_file_gives_a_located_error(case, registries, capsys):
    text, line, message = CASES[case]
    path = write(registries, text)
    before = sorted(p.name for p in registries.iterdir())
    status, lines = run_validate(capsys, path)
    assert status == 1
    errors = located(lines, path)
    assert any(l == line and message in m for l, _, m in errors), lines
    assert any("hint:" in l for l in lines), "every error carries a fix hint"
    assert sorted(p.name for p in registries.iterdir()) == before, "validation writes nothing"


def test_column_points_at_the_offending_value(registries, capsys):
    path = write(registries, GOOD.replace("year: 2024", "year: 3024"))
    _, lines = run_validate(capsys, path)
    assert located(lines, path)[0][:2] == (5, 7)


def test_all_problems_are_reported_at_once(registries, capsys):
    one = write(registries, GOOD.replace("year: 2024", "year: 3024").replace("    titel", "    title").replace(
        "        title: 纵深推进全面从严治党", "        title: [纵深推进全面从严治党]"))
    two = write(registries, GOOD.replace("id: sample-2024", "id: second-2024").replace(
        "[party-building]", "[nope]"), "second-2024.yml")
    _, lines = run_validate(capsys, registries)
    assert [(l, c) for l, c, _ in located(lines, one)] == [(5, 7), (21, 16)]
    assert [m for _, _, m in located(lines, two)][0].startswith("unknown theme 'nope'")


def test_duplicate_plan_id_across_files(registries, capsys):
    write(registries, GOOD)
    other = write(registries, GOOD, "copy.yml")
    status, lines = run_validate(capsys, registries)
    assert status == 1
    assert any("duplicate plan id 'sample-2024'" in l for l in lines)
    assert any(str(other) in l and "differs from the file name" in l for l in lines)


def test_github_annotations_name_file_and_line(registries, capsys):
    path = write(registries, GOOD.replace("[party-building]", "[party-buildng]"))
    status, lines = run_validate(capsys, path, fmt="github")
    assert status == 1
    assert f"::error file={path},line=19,col=" in "\n".join(lines)


def test_registry_errors_are_located(plans_copy, capsys):
    registry = plans_copy / "localities.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("parent: weihai", "parent: nowhere"),
                        encoding="utf-8")
    status, lines = run_validate(capsys, plans_copy)
    assert status == 1
    assert any(re.match(rf"{re.escape(str(registry))}:\d+:\d+: error: unknown parent 'nowhere'", l) for l in lines)


def test_the_bundled_plans_are_valid(capsys):
    status, lines = run_validate(capsys, PLANS)
    assert status == 0, lines


def test_loader_returns_no_model_when_any_file_is_bad(registries):
    write(registries, GOOD.replace("year: 2024", "year: 3024"))
    catalog, problems = loader.load_paths([registries])
    assert catalog is None and problems


@pytest.mark.parametrize("name, hint", [("sample-2024.yaml", "rename it to sample-2024.yml"),
                                        ("notes.txt", "move it out of this folder")])
def test_a_file_the_site_would_skip_is_an_error(registries, capsys, name, hint):
    write(registries, GOOD, name)
    status, lines = run_validate(capsys, registries)
    assert status == 1
    assert f"{registries / name}:1:1: error: not read: plan files end in .yml" in lines
    assert any(hint in line for line in lines)


def test_tab_indentation_gets_its_hint_with_the_libyaml_parser(registries, capsys):
    from generator.data import yamlio

    assert yamlio.SafeLoader.__name__ == "CSafeLoader"  # the parser whose message omits the tab
    path = write(registries, GOOD.replace("  file: raw", "\tfile: raw"))
    status, lines = run_validate(capsys, path)
    assert status == 1 and "    hint: indent with spaces, not tabs" in lines


def test_a_pull_request_validates_the_registries_and_the_plans_it_changes(tmp_path, monkeypatch, capsys):
    """validate --changed BASE reads what changed since BASE (a new file too), so that its
    cost does not grow with the atlas; a registry change makes it read every plan."""
    import shutil
    import subprocess

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=tmp_path, check=True,
                       capture_output=True)

    shutil.copytree(PLANS, tmp_path / "plans")
    old = tmp_path / "plans" / "xx-county-a-2024.yml"
    old.write_text(old.read_text(encoding="utf-8").replace("year: 2024", "year: twenty"), encoding="utf-8")
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "base, with one broken plan nobody touches")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["validate", "--changed", "HEAD"]) == 0
    assert "0 plan(s) valid" in capsys.readouterr().err
    edited = tmp_path / "plans" / "qingdao-2024.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("year: 2024", "year: 2042"), encoding="utf-8")
    (tmp_path / "plans" / "notes.txt").write_text("x", encoding="utf-8")
    assert cli.main(["validate", "--changed", "HEAD"]) == 1
    err = capsys.readouterr().err
    assert "plans/qingdao-2024.yml:" in err and "plans/notes.txt:1:1" in err and "xx-county-a-2024" not in err
    registry = tmp_path / "plans" / "themes.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cli.main(["validate", "--changed", "HEAD"]) == 1
    assert "plans/xx-county-a-2024.yml:" in capsys.readouterr().err
