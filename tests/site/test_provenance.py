"""A plan page tells in Chinese how its source was read and why a fact was inferred: the
importer's English records pass through site/rules/provenance.yml. Every record of the
test atlas and every record the importer writes for the document fixtures reads Chinese,
so a new kind of record without its pattern fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.data import loader, yamlio
from generator.ingest import importer, readers, text
from generator.site import labels
from conftest import FIXTURES, PLANS, ROOT

ENGLISH = re.compile(r"\b[A-Za-z][a-z]+(?: [a-z]+)+\b")  # as the browser test of every page kind reads English


@pytest.mark.parametrize(("record", "chinese"), [
    ("the text names 青岛市 21 times", "正文提到“青岛市”21次"),
    ("title: 2024年全市教育工作要点", "标题：2024年全市教育工作要点"),
    ("half-width punctuation in Chinese text made full-width: 6 (,×5 ;×1)", "汉字间的半角标点改为全角6处（,×5 ;×1）"),
    ("removed 15 line(s) of document-sharing chrome and a paywall marker; the copy's own text ends at line 22 "
     "(what follows is the site's) (kept in source.discarded)",
     "删去文库类网站附带的内容15行和一处付费隐藏标记；原文至第22行止，其后是网站的内容（记在 source.discarded）"),
    ("fallback, not printed in the document: the page's meta tag: 2021-03-05", "文件本身未署日期，暂取：网页元数据：2021-03-05"),
    ("原文无标题行；导语写“发布2026年工作要点”。", "原文无标题行；导语写“发布2026年工作要点”。"),  # written in Chinese: as it is
])
def test_records_read_in_chinese(record, chinese):
    assert labels.provenance(record) == chinese


def records(data: dict) -> list[str]:
    source = data.get("source") or {}
    return [i["evidence"] for i in source.get("inferred") or []] + list(source.get("conversions") or [])


def test_every_record_of_the_test_atlas_reads_chinese():
    found = [r for path in loader.plan_files([PLANS]) for r in records(yamlio.read_file(path).data)]
    assert found and not [r for r in found if ENGLISH.search(labels.provenance(r))]


def fixture_documents() -> list[Path]:
    kinds = (".txt", ".html", ".pdf", ".docx")
    return sorted(p for p in [*FIXTURES.rglob("*"), *(ROOT / "raw").iterdir()]
                  if p.suffix in kinds and not p.name.endswith(".article.txt"))


def test_every_record_the_importer_writes_for_the_fixtures_reads_chinese():
    found = []
    for path in fixture_documents():
        try:
            report = importer.import_document(path, path.read_bytes(), source_file=f"raw/{path.name}")
        except (readers.ReadError, text.DecodeError):
            continue  # a scan, a .doc: refused, nothing recorded
        found += [r for plan in report.plans for r in records(plan)]
    left = sorted({r for r in found if ENGLISH.search(labels.provenance(r))})
    assert len(found) > 50 and not left, f"records without a pattern in site/rules/provenance.yml: {left}"
