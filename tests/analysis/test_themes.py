"""Theme rules: deterministic, explainable, at most three, manual override wins."""

from __future__ import annotations

from generator.analysis import themes
from generator.data.model import Item, Theme

THEMES = (
    Theme("preschool", "学前教育", "Preschool", "d", ("学前教育", "幼儿园", "公办园")),
    Theme("digital", "教育数字化与人工智能", "Digital", "d", ("人工智能", "智慧校园", "数字化")),
    Theme("pe-health", "学校体育与学生健康", "PE", "d", ("体质健康", "近视防控", "学校体育")),
    Theme("sports", "群众体育与竞技体育", "Sports", "d", ("全民健身", "体育赛事", "体育"), exclude=("学校体育",)),
)


def item(title: str | None, text: str, override: tuple[str, ...] = ()) -> Item:
    return Item(anchor="1", number="1", title=title, text=text, section="一", section_title="",
                themes_override=override)


def test_title_words_weigh_more_than_text_words():
    result = themes.assign(item("推进学前教育普惠发展", "建设人工智能实验室。"), THEMES)
    assert result.themes == ("preschool",)  # 人工智能 alone in the text scores 1 < 2
    assert result.matches[0].words == ("学前教育",)


def test_two_text_words_are_enough_and_order_is_best_first():
    result = themes.assign(item(None, "新建幼儿园，提高公办园占比；建设智慧校园，推进数字化，普及人工智能。"), THEMES)
    assert result.themes == ("digital", "preschool")


def test_at_most_three_themes():
    text = "幼儿园公办园人工智能数字化体质健康近视防控全民健身体育赛事"
    assert len(themes.assign(item(None, text), THEMES).themes) == 3


def test_excluded_phrase_does_not_count():
    result = themes.assign(item("加强学校体育", "开展学校体育活动。"), THEMES)
    assert "sports" not in result.themes and "pe-health" in result.themes


def test_manual_override_wins():
    result = themes.assign(item("推进学前教育普惠发展", "幼儿园", override=("digital",)), THEMES)
    assert result.themes == ("digital",) and result.manual
    assert result.matches[0].theme == "preschool"  # the rule's view stays visible


def test_a_keyword_inside_a_longer_matched_keyword_counts_once():
    high = (Theme("high-school", "普通高中", "High school", "d", ("普通高中", "高中")),)
    assert themes.assign(item(None, "推进普通高中建设。"), high).themes == ()
    assert themes.assign(item(None, "推进普通高中和高中阶段建设。"), high).themes == ("high-school",)
