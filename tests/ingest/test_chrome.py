"""Site chrome by family (generator/ingest/rules/chrome.yml): each family's lines are removed
and recognised as that family, the page's own facts are read only where they may stand in
for the document's, and no line of a plan is ever taken for chrome."""

from __future__ import annotations

import pytest

from generator.ingest import chrome
from conftest import FIXTURES

RULES = chrome.load_rules()
ARTICLES = sorted((FIXTURES / "documents").rglob("*.article.txt"))


@pytest.mark.parametrize("family", RULES.families, ids=lambda f: f.name)
def test_each_familys_chrome_is_removed_and_recognised(family):
    assert family.examples, f"{family.name}: give examples in rules/chrome.yml"
    lines = ["2025年全市教育工作要点", *family.examples[:-1], "一、总体要求", "1.加强党建。推进组织建设。",
             family.examples[-1]]
    kept, found = chrome.strip(lines, list(range(1, len(lines) + 1)))
    assert [line for _, line in kept] == ["2025年全市教育工作要点", "一、总体要求", "1.加强党建。推进组织建设。"]
    assert found.family is not None and found.family.name == family.name
    assert family.name in (found.summary() or "")


def test_chrome_every_site_prints_names_no_family():
    kept, found = chrome.strip(list(RULES.common_examples), list(range(1, len(RULES.common_examples) + 1)))
    assert kept == [] and found.family is None
    assert "web-page chrome" in (found.summary() or "")


def test_a_page_date_stands_in_only_on_the_issuers_own_site():
    government = ["发布时间：2025-02-01 10:00  来源：某市教育局  浏览次数：356"]
    news = ["2025-03-26 10:12:35　来源：南湖日报　作者：记者 周明", "责任编辑：陈晓"]
    _, found = chrome.strip(government, [1])
    assert found.fact("page_date", stand_in=True) == ("2025-02-01", government[0])
    assert found.fact("source", stand_in=True) == ("某市教育局", government[0])
    _, found = chrome.strip(news, [1, 2])
    assert found.family.name == "news portal"
    assert found.fact("page_date") == ("2025-03-26", news[0])
    assert found.fact("page_date", stand_in=True) is None and found.fact("source", stand_in=True) is None


def test_a_paywall_is_recorded_where_it_hides_text_and_an_end_marker_ends_the_copy():
    lines = ["1.推进改革。深化课程建设，全面开展", "此处隐藏 2367 字……下载后查看完整内容", "7.规范办学。严禁违规补课。",
             "预览已结束，剩余 3 页可下载查看", "2025年学校德育工作计划(精选5篇)"]
    kept, found = chrome.strip(lines, [1, 2, 3, 4, 5])
    assert [n for n, _ in kept] == [1, 3]
    assert found.paywalls == [2] and found.ended == 4
    assert "a paywall marker" in (found.summary() or "")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_no_line_of_a_plan_is_chrome(article):
    assert [line for line in article.read_text(encoding="utf-8").splitlines() if chrome.is_chrome(line)] == []
