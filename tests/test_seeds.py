"""The eleven seed plans of the test atlas: their hand counts and the particular
structures of their sources (restarting numbers, unnumbered headlines, task tables, a
compilation's outline), and a re-import that finds the same items. Every plan of
plans/, seeds or not, is held against its source in test_sources.py."""

from __future__ import annotations

import re

import opencc
import pytest

from generator.data import loader, yamlio
from generator.ingest import importer
from support import blob, plan_items
from conftest import PLANS, RAW

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


# Counts read off the sources of the eleven seed plans by hand: numbered items plus
# unnumbered headline paragraphs. They guard these plans; every plan is checked against
# its source by test_sources.py.
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
