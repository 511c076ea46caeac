"""Real-style documents in every supported format import to the plans a careful reader
sees: right sections, items, owners and deadlines, every sentence of the article kept,
nothing of the page furniture or web chrome in the text. The expected results in
tests/fixtures/documents/expected.yml were written by hand before the importer ran."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from generator.data import anchors
from generator.ingest import importer, readers
from conftest import FIXTURES
from support import blob, sentences

DOCUMENTS = FIXTURES / "documents"
CASES = yaml.safe_load((DOCUMENTS / "expected.yml").read_text(encoding="utf-8"))["cases"]


def nfkc(text):
    return unicodedata.normalize("NFKC", text) if isinstance(text, str) else text


def imported(case):
    path = DOCUMENTS / case["file"]
    return importer.import_document(path, path.read_bytes(), source_file=f"raw/{path.name}", url=case.get("url"))


def plan_text(plan) -> str:
    """Every title, section and item text of a plan (not its provenance)."""
    parts = [plan.get("title") or "", plan.get("preamble") or "", plan.get("closing") or ""]

    def walk(sections):
        for section in sections:
            parts.extend([section.get("title") or "", section.get("intro") or ""])
            walk(section.get("sections") or [])

    walk(plan.get("sections") or [])
    for _, item, _ in anchors.item_anchors(plan):
        parts.extend([item.get("title") or "", item.get("text") or ""])
    return "\n".join(parts)


@pytest.mark.parametrize("case", [c for c in CASES if c.get("error")], ids=lambda c: c["file"])
def test_unreadable_documents_say_what_to_do(case):
    path = DOCUMENTS / case["file"]
    with pytest.raises(readers.ReadError, match=re.escape(case["error"])):
        importer.import_document(path, path.read_bytes(), source_file=f"raw/{path.name}")


READABLE = [c for c in CASES if not c.get("error")]


@pytest.mark.parametrize("case", READABLE, ids=lambda c: c["file"])
def test_the_plans_sections_and_items_are_found(case):
    report = imported(case)
    assert len(report.plans) == len(case["plans"]), [p.get("title") for p in report.plans]
    for plan, expected in zip(report.plans, case["plans"]):
        assert nfkc(plan["title"]) == nfkc(expected["title"])
        assert plan["year"] == expected["year"]
        if "issued" in expected:
            assert plan["issued"] == expected["issued"]
        assert [s.get("number") for s in plan.get("sections") or []] == expected["sections"]
        got = [(anchors.number_key(i["number"]) if i.get("number") else None, nfkc(i.get("title")))
               for _, i, _ in anchors.item_anchors(plan)]
        assert got == [(i["number"], nfkc(i["title"])) for i in expected["items"]]
        rows = len((plan.get("task_table") or {}).get("rows", []))
        assert rows == expected.get("task_table_rows", 0)


@pytest.mark.parametrize("case", READABLE, ids=lambda c: c["file"])
def test_owners_supporting_units_and_deadlines(case):
    report = imported(case)
    for plan, expected in zip(report.plans, case["plans"]):
        got = [(i.get("owners", []), i.get("supporting", []), i.get("deadlines", []))
               for _, i, _ in anchors.item_anchors(plan)]
        assert got == [(i["owners"], i["supporting"], i["deadlines"]) for i in expected["items"]]


@pytest.mark.parametrize("case", READABLE, ids=lambda c: c["file"])
def test_no_sentence_of_the_article_is_lost(case):
    report = imported(case)
    article = (DOCUMENTS / case["article"]).read_text(encoding="utf-8").splitlines()
    everything = nfkc(blob(*report.plans))
    missing = [s for s in sentences(article) if nfkc(s) not in everything]
    assert not missing


@pytest.mark.parametrize("case", READABLE, ids=lambda c: c["file"])
def test_no_page_furniture_or_web_chrome_in_the_plan_text(case):
    report = imported(case)
    text = "\n".join(plan_text(p) for p in report.plans)
    assert not [s for s in case.get("absent", []) if s in text]


@pytest.mark.parametrize("case", [c for c in READABLE if c.get("report_includes")], ids=lambda c: c["file"])
def test_the_report_names_causes(case):
    text = importer.format_report(imported(case))
    assert not [s for s in case["report_includes"] if s not in text], text


def test_a_batch_goes_on_past_a_bad_file_and_ends_with_a_table(tmp_path, capsys):
    from generator import cli

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("legacy.doc", "fullwidth.txt", "scanned.pdf", "word.docx"):
        (folder / name).write_bytes((DOCUMENTS / name).read_bytes())
    out = tmp_path / "plans"
    assert cli.main(["import", str(folder), "--out-dir", str(out), "--locality", "qingdao"]) == 1
    captured = capsys.readouterr()
    assert "file | plans | items | warnings | written | problem" in captured.out
    assert f"{folder / 'legacy.doc'}:1:1: a Word 97–2003 (.doc)" in captured.err
    assert "no text layer" in captured.err
    written = sorted(p.name for p in out.iterdir())
    assert written == ["qingdao-2024.yml"]  # fullwidth.txt first; word.docx has the same id and is kept apart
    assert "kept" in captured.out and not list(out.glob("*.tmp"))
