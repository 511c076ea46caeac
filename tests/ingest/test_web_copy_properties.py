"""Properties of the importer on web copies (issue 23), whatever the site puts where:
chrome of any family between any two lines loses no sentence and never lands in an item;
a text that lost its line breaks, with page numbers and running headers anywhere and
numbers inside its sentences (3.5万元, 2.0版, “1+N”, 4.6分), keeps its items' numbers
exactly as the outline prints them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data import anchors
from generator.ingest import chrome, importer
from conftest import FIXTURES
from support import blob, sentences

FOLDER = FIXTURES / "documents" / "web-copies"
ARTICLE = (FOLDER / "page-markers.article.txt").read_text(encoding="utf-8").splitlines()
NUMBERS = [str(n) for n in range(1, 8)]  # the article's items, as printed
RULES = chrome.load_rules()
EXAMPLES = [line for family in RULES.families for line in family.examples] + list(RULES.common_examples)
# the chrome that ends a copy (preview ended, related news) takes the rest of the page with it
MIDDLE = [line for line in EXAMPLES if not any(p.match(line) for f in RULES.families for p in f.ends)]
IN_SENTENCES = ["投入3.5万元", "推进2.0版建设", "构建“1+N”体系", "满意度达到4.6分", "完成12.5%"]


def items(report) -> list[dict]:
    return [item for plan in report.plans for _, item, _ in anchors.item_anchors(plan)]


def run(text: str) -> importer.ImportReport:
    return importer.import_text(text.encode("utf-8"), source_file="raw/copy.txt", locality="qingdao")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(1, len(ARTICLE)), st.sampled_from(MIDDLE)), max_size=8))
def test_chrome_anywhere_between_lines_never_lands_in_an_item(inserted):
    lines = list(ARTICLE)
    for at, line in sorted(inserted, reverse=True):
        lines.insert(at, line)
    report = run("\n".join(lines) + "\n")
    assert [s for s in sentences(ARTICLE) if s not in blob(*report.plans)] == []
    got = items(report)
    assert [i["number"] for i in got] == NUMBERS
    texts = [f"{i.get('title') or ''}\n{i.get('text') or ''}" for i in got]
    assert [line for line, _ in [(c, 0) for c in MIDDLE] for text in texts if line in text] == []
    assert [part for text in texts for part in text.split("\n") if chrome.is_chrome(part)] == []


def flattened(article: list[str], breaks: list[int], style: str, glue: str, extra: list[tuple[int, str]]) -> str:
    """The article as a PDF viewer copies it: one line, page numbers and the running header
    (the title) wherever a page ended, phrases with numbers added inside sentences."""
    body = []
    for index, line in enumerate(article):
        for at, phrase in extra:
            head, _, rest = line.partition("。")
            if index == at % len(article) and index > 0 and rest:  # inside a sentence, after the headline
                line = f"{head}。{phrase}，{rest}"
        body.append(line)
    text = glue.join(body)
    title = article[0]
    places = sorted({len(title) + 1 + at % (len(text) - len(title) - 1) for at in breaks}, reverse=True)
    for page, at in zip(range(len(places), 0, -1), places):
        if text[at - 1:at + 1].strip() == text[at - 1:at + 1]:  # not where the copy has a space already
            text = f"{text[:at]} {style.format(page)} {title} {text[at:]}"
    return text + "\n"


@settings(max_examples=40, deadline=None)
@given(breaks=st.lists(st.integers(0, 10_000), max_size=4), style=st.sampled_from(["- {} -", "— {} —", "-{}-"]),
       glue=st.sampled_from([" ", "", "  "]),
       extra=st.lists(st.tuples(st.integers(0, 50), st.sampled_from(IN_SENTENCES)), max_size=5))
def test_a_text_without_line_breaks_keeps_its_outline_numbers(breaks, style, glue, extra):
    report = run(flattened(ARTICLE, breaks, style, glue, extra))
    got = items(report)
    assert [i["number"] for i in got] == NUMBERS
    assert [i["title"] for i in got] == [re.match(r"^\d+．([^。]+)。", line)[1] for line in ARTICLE
                                         if re.match(r"^\d+．", line)]
    everything = blob(*report.plans)
    assert [s for s in sentences(ARTICLE) if s not in everything] == []
    assert not [n for i in got for n in range(1, 6) if style.format(n) in (i.get("text") or "")]
