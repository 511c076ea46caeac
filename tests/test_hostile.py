"""Hostile plan files: each ends in a located error and exit 1, never a traceback.

The cases that load (markup in text fields) are rendered in test_render.py and in
the browser (browser/test_hostile_page.py), where the text must show literally.
"""

from __future__ import annotations

import re

import pytest

from generator import cli
from test_validate import GOOD

BIG = "教" * 100_001


def replace(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


# case → (file content as bytes, expected line, words of the message)
CASES: dict[str, tuple[bytes, int, str]] = {
    "malformed yaml": (replace("sections:\n", "sections: [\n").encode(), 13, "YAML syntax error"),
    "tab indentation": (replace("  file: raw", "\tfile: raw").encode(), 9, "YAML syntax error"),
    "alias bomb": (replace("preamble: 2024", "x: &a [lol, lol]\ny: &b [*a, *a]\npreamble: 2024").encode(), 12,
                   "aliases"),
    "merge key": (replace("source:\n", "source:\n  <<: {file: raw/x.txt}\n").encode(), 9, "merge keys"),
    "deep nesting": (replace("preamble: 2024年全市教育工作的总体思路是：办好人民满意的教育。",
                             "preamble: " + "[" * 40 + "]" * 40).encode(), 11, "nesting"),
    "huge string": (replace("text: 深入推进党风廉政建设。", f"text: {BIG}").encode(), 22, "too long"),
    "invalid utf-8": (replace("title: 2024年全市教育工作要点", "title: 2024年\udcff").encode("utf-8", "surrogateescape"),
                      3, "invalid UTF-8"),
    "utf-16": (GOOD.encode("utf-16"), 1, "UTF-16"),
    "nul character": (replace("title: 2024年", "title: 2\x00024年").encode(), 3, "not allowed"),
    "escape character": (replace("title: 2024年", "title: 2\x1b024年").encode(), 3, "not allowed"),
    "duplicate key": (replace("year: 2024\n", "year: 2024\nyear: 2024\n").encode(), 6, "duplicate key 'year'"),
    "python tag": (replace("title: 2024年全市教育工作要点", "title: !!python/object/apply:os.system [ls]").encode(), 3,
                   "unsupported tag"),
    "list instead of mapping": (b"- id: x\n", 1, "must be a YAML mapping"),
    "text is a number": (replace("text: 深入推进党风廉政建设。", "text: 42").encode(), 22, "must be text"),
    "items is a mapping": (replace("    items:\n", "    items: {a: 1}\n    x_items:\n").encode(), 15,
                           "must be a list"),
    "owners not a list": (replace("themes: [party-building]", "owners: 基教处").encode(), 19, "must be a list"),
    "id with ../": (replace("id: sample-2024", "id: ../../etc/passwd").encode(), 2, "has the wrong form"),
    "absolute id": (replace("id: sample-2024", "id: /tmp/evil").encode(), 2, "has the wrong form"),
    "windows separator id": (replace("id: sample-2024", "id: plans\\\\evil").encode(), 2, "has the wrong form"),
    "reserved id": (replace("id: sample-2024", "id: nul").encode(), 2, "reserved name"),
    "upper-case id": (replace("id: sample-2024", "id: Sample-2024").encode(), 2, "has the wrong form"),
    "item id with path": (replace("number: '2'", "number: '2'\n        id: ../x").encode(), 21, "has the wrong form"),
    "anchors collide": (replace("number: '2'", "number: '2'\n        id: '1'").encode(), 21, "duplicate item anchor"),
    "raw file outside raw/": (replace("file: raw/000_5cadd956fa6f3c15.txt", "file: ../secret.txt").encode(), 9,
                              "has the wrong form"),
    "javascript url": (replace("url: null", "url: javascript:alert(1)").encode(), 10, "has the wrong form"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_hostile_file_gives_a_located_error(case, registries, capsys):
    content, line, words = CASES[case]
    path = registries / "sample-2024.yml"
    path.write_bytes(content)
    before = sorted(p.name for p in registries.iterdir())
    status = cli.main(["validate", str(path)])  # an exception here fails the test
    err = capsys.readouterr().err
    assert status == 1, err
    found = re.findall(rf"{re.escape(str(path))}:(\d+):(\d+): error: (.*)", err)
    assert any(int(l) == line and words in m for l, _, m in found), err
    assert sorted(p.name for p in registries.iterdir()) == before


def test_random_yaml_like_text_never_raises(registries, capsys):
    """Text that gets past decoding and into the YAML parser and the schema checks."""
    import random

    rng = random.Random(7)
    alphabet = "abc:-[]{}&*!|>'\"#\n  \t教育,?%@`~\x00\x1b" + "\u3000\ufeff"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(120)))
        (registries / "sample-2024.yml").write_text(GOOD[: rng.randrange(len(GOOD))] + text, encoding="utf-8")
        assert cli.main(["validate", str(registries / "sample-2024.yml")]) in (0, 1)
    capsys.readouterr()


@pytest.mark.parametrize("case", ["alias bomb", "invalid utf-8", "python tag"])
def test_the_real_command_prints_no_traceback(case, registries):
    """The same through the command a contributor runs, in its own process."""
    import subprocess
    import sys

    from conftest import ROOT

    path = registries / "sample-2024.yml"
    path.write_bytes(CASES[case][0])
    run = subprocess.run([sys.executable, "-m", "generator", "validate", str(path)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr and f"{path}:" in run.stderr


def test_raw_text_too_large_to_import(tmp_path, capsys):
    raw = tmp_path / "big.txt"
    raw.write_bytes("教育".encode() * 1_000_000)
    assert cli.main(["import", str(raw), "--out-dir", str(tmp_path / "out")]) == 1
    assert "more than the limit" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_lone_cr_line_endings_are_lines(registries, capsys):
    path = registries / "sample-2024.yml"
    path.write_bytes(GOOD.replace("\n", "\r").encode())
    assert cli.main(["validate", str(path)]) == 0, capsys.readouterr().err
