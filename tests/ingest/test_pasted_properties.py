"""Property: text pasted out of a PDF — any wrap width, any page length, any page-number
style — loses no sentence of the article, and keeps no page furniture in plan text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data import anchors
from generator.ingest import importer
from conftest import FIXTURES
from support import blob, sentences

ARTICLE = (FIXTURES / "documents" / "pasted-from-pdf.article.txt").read_text(encoding="utf-8").splitlines()
PAGE_NUMBERS = ["— {} —", "- {} -", "第{}页", "{}/9"]


def pasted(width: int, page_lines: int, style: str) -> str:
    """The article as a PDF viewer copies it: hard breaks, page numbers, a running header."""
    title, lines = ARTICLE[0], []
    for paragraph in ARTICLE:
        lines += [paragraph[k:k + width] for k in range(0, len(paragraph), width)] or [""]
    out, page = [], 1
    for k in range(0, len(lines), page_lines):
        if k:
            out += ["", style.format(page), "", title]
            page += 1
        out += lines[k:k + page_lines]
    return "\n".join(out + ["", style.format(page)]) + "\n"


@settings(max_examples=25, deadline=None)
@given(width=st.integers(28, 40), page_lines=st.integers(12, 40), style=st.sampled_from(PAGE_NUMBERS))
def test_no_sentence_is_lost_and_no_page_number_is_kept(width, page_lines, style):
    data = pasted(width, page_lines, style).encode("utf-8")
    report = importer.import_text(data, source_file="raw/pasted.txt", locality="qingdao")
    everything = blob(*report.plans)
    assert not [s for s in sentences(ARTICLE) if s not in everything]
    texts = [item.get("text") or "" for plan in report.plans for _, item, _ in anchors.item_anchors(plan)]
    assert not [t for t in texts for n in range(1, 10) if style.format(n) in t]
