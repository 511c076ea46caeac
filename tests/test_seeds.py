"""The plans against their raw texts: valid, faithful, re-importable. Every check reads
the plan files and raw/, so a new plan with its raw file is checked with no test edit;
the hand counts of the eleven seed plans guard those plans only."""

from __future__ import annotations

import re

import opencc
import pytest

from generator.data import loader, yamlio
from generator.ingest import importer, text
from support import blob, plan_items, sentences
from conftest import PLANS, RAW, ROOT

RAW_FILES = sorted(p for p in RAW.iterdir() if p.is_file())  # text, web pages, PDF, Word
DOCS = [yamlio.read_file(p).data for p in loader.plan_files([PLANS])]


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = loader.load_paths([PLANS])
    assert catalog is not None, "\n".join(p.format() for p in problems)
    return catalog


def plan_docs(raw_name: str) -> list[dict]:
    return [d for d in DOCS if d["source"]["file"] == f"raw/{raw_name}"]


def corrections(docs: list[dict]) -> list[dict]:
    return [c for d in docs for item in plan_items(d) for c in item.get("corrections", [])]


def corrected_lines(raw) -> list[str]:
    """The normalized raw lines with the recorded typo corrections of its plans applied."""
    lines = importer.document_lines(raw, raw.read_bytes())
    for correction in corrections(plan_docs(raw.name)):
        lines = [line.replace(correction["from"], correction["to"]) for line in lines]
    return lines


def test_every_plan_cites_a_raw_text_in_the_repository():
    missing = {d["id"]: d["source"]["file"] for d in DOCS if not (ROOT / d["source"]["file"]).is_file()}
    assert not missing


@pytest.mark.parametrize("raw", RAW_FILES, ids=lambda p: p.stem[:12])
def test_every_raw_text_is_the_source_of_a_plan(raw):
    assert plan_docs(raw.name), f"no plan cites raw/{raw.name}: import it, or remove the file"


@pytest.mark.parametrize("raw", RAW_FILES, ids=lambda p: p.stem[:12])
def test_corrections_record_what_the_source_prints(raw):
    lines = importer.document_lines(raw, raw.read_bytes())
    source = "\n".join(lines)
    unknown = [c["from"] for c in corrections(plan_docs(raw.name)) if c["from"] not in source]
    assert not unknown, f"corrections whose original wording is not in raw/{raw.name}: {unknown}"


@pytest.mark.parametrize("raw", RAW_FILES, ids=lambda p: p.stem[:12])
def test_no_sentence_of_the_raw_text_is_lost(raw):
    """Every sentence of the source is in a plan file, as printed or with a recorded correction."""
    everything = blob(*plan_docs(raw.name))
    missing = [s for s in sentences(corrected_lines(raw)) if s not in everything]
    assert not missing, f"{len(missing)} sentences of {raw.name} are in no plan file, e.g. {missing[:3]}"


@pytest.mark.parametrize("raw", [p for p in RAW_FILES if p.suffix == ".txt"], ids=lambda p: p.stem[:12])
def test_normalization_keeps_the_lines_of_the_source(raw):
    lines, _ = text.normalize(raw.read_bytes())
    assert len(lines) == raw.read_bytes().replace(b"\r\n", b"\n").count(b"\n") + 1


def _pieces(data: dict) -> list[str]:
    """Titles and text paragraphs of a plan, each of which must lie within one source line."""
    inferred = {i["field"] for i in data["source"].get("inferred", [])}
    found = [] if "title" in inferred else [data["title"]]  # a composed title cites its evidence instead
    for item in plan_items(data):
        found += [item.get("title") or "", *(item.get("text") or "").split("\n")]

    def walk(sections):
        for section in sections:
            found.extend([section["title"], *(section.get("intro") or "").split("\n")])
            walk(section.get("sections", []))

    walk(data.get("sections", []))
    return [p for p in found if p]


@pytest.mark.parametrize("raw", RAW_FILES, ids=lambda p: p.stem[:12])
def test_every_title_and_paragraph_lies_within_one_source_line(raw):
    """Catches text joined across lines or moved between items, which sentence coverage cannot."""
    source = [" ".join(line.split()) for line in corrected_lines(raw)]
    for data in plan_docs(raw.name):
        stray = [p for p in _pieces(data) if not any(" ".join(p.split()) in line for line in source)]
        assert not stray, f"{data['id']}: {stray[:3]}"


# Counts read off the sources of the eleven seed plans by hand: numbered items plus
# unnumbered headline paragraphs. They guard these plans; plans added later are checked
# by the fidelity tests above.
SEED_ITEMS = {
    "qingdao-2024": 26,  # 1–23, plus three unnumbered headline paragraphs
    "qingdao-2021": 19,  # 3 + 3 + 4 + 5 + 4, numbering restarts per section
    "qingdao-2026": 25,  # 01–25
    "qingdao-2019-ten-actions": 34,  # 1–34 in 附件1
    "daxinganling-2024": 31,
    "rongcheng-2024": 39,
    "xx-district-shandong-2024": 30,
    "xx-city-hebei-2024": 53,  # outline 1–53 (27 missing there) and text 1–36
    "xx-county-a-2024": 22,
    "xx-county-b-2024": 25,
    "xx-county-c-2024": 24,
}


def test_seed_item_counts_match_the_sources(catalog):
    counts = {p.id: len(list(p.all_items())) for p in catalog.plans if p.id in SEED_ITEMS}
    assert counts == SEED_ITEMS


def test_qingdao_2021_has_no_traditional_script_or_pinyin():
    data = yamlio.read_file(PLANS / "qingdao-2021.yml").data
    t2s = opencc.OpenCC("t2s")
    body = "".join(s for s in blob(data["sections"], data["preamble"]))
    assert t2s.convert(body) == body
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)", body)
    assert "工业互联网（人工智能）学院" in body  # a real parenthesis survives


def test_restarting_numbers_get_section_qualified_anchors(catalog):
    plan = next(p for p in catalog.plans if p.id == "qingdao-2021")
    anchors = [i.anchor for i in plan.all_items()]
    assert anchors[:4] == ["1-1", "1-2", "1-3", "2-1"]
    assert len(set(anchors)) == len(anchors)


def test_unnumbered_headline_paragraphs_and_missing_section_number(catalog):
    plan = next(p for p in catalog.plans if p.id == "qingdao-2024")
    unnumbered = [(i.anchor, i.title) for i in plan.all_items() if i.number is None]
    assert unnumbered == [("6a", "提升学生身心健康水平"), ("8a", "加快新优质学校和教育新高地建设"),
                          ("21a", "推动食堂管理和营养健康提质升级")]
    assert [s.number for s in plan.sections] == ["一", "二", None, "四", "五", "六"]


def test_task_table_rows_attach_to_every_item_they_name(catalog):
    plan = next(p for p in catalog.plans if p.id == "qingdao-2019-ten-actions")
    items = {i.number: i for i in plan.all_items()}
    assert [t.row for t in items["1"].tasks] == ["1、2"] == [t.row for t in items["2"].tasks]
    assert [t.problem[:6] for t in items["15"].tasks] == ["进一步推进中", "进一步推进各"]
    assert [t.row for t in items["31"].tasks] == ["30、31"]
    # 34 items; rows "1、2" and "30、31" name two items each; row 15 is printed twice
    assert len(plan.task_table.rows) == 34 - 2 + 1
    assert items["17"].owners == ("思政处", "基教处", "教科院")


def test_compilation_outline_fills_truncated_text(catalog):
    plan = next(p for p in catalog.plans if p.id == "xx-city-hebei-2024")
    items = {i.number: i for i in plan.all_items()}
    assert items["36"].truncated and items["36"].text.endswith("校园无线网络覆")
    assert items["37"].title == "提升师生信息技术应用水平" and items["37"].text == ""
    assert items["27"].text.startswith("实施新时代基础教育扩优提质行动")  # in the text, not in the outline
    assert all(items[str(n)].outline_only for n in range(37, 54))
    assert not any(items[str(n)].outline_only for n in range(1, 37))


SEED_RAWS = sorted({RAW / d["source"]["file"].removeprefix("raw/") for d in DOCS if d["id"] in SEED_ITEMS})


@pytest.mark.parametrize("raw", SEED_RAWS, ids=lambda p: p.stem[:12])
def test_reimport_finds_the_same_items(raw):
    """A regression guard for the seed sources: an importer change that alters the numbers
    or titles it finds shows up here, against the curated files (recorded typo
    corrections applied to what the importer reads)."""
    report = importer.import_text(raw.read_bytes(), source_file=f"raw/{raw.name}")
    fixes = corrections(plan_docs(raw.name))

    def corrected(title):
        for fix in fixes:
            title = title.replace(fix["from"], fix["to"]) if title else title
        return title

    imported = sorted(
        [(i.get("number"), corrected(i.get("title"))) for i in plan_items(plan)] for plan in report.plans
    )
    curated = sorted([(i.get("number"), i.get("title")) for i in plan_items(d)] for d in plan_docs(raw.name))
    assert imported == curated
