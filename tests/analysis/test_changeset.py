"""The pull-request summary of plan changes: what a reviewer must see."""

from __future__ import annotations

from generator.analysis import changeset
from generator.analysis.changeset import Snapshot
from support import TWO_ITEMS as PLAN

THEMES = """\
themes:
  - id: preschool
    name: 学前教育
    en: Preschool
    description: 幼儿园
    keywords: [学前教育, 幼儿园]
  - id: teachers
    name: 教师
    en: Teachers
    description: 教师
    keywords: [教师]
"""


def snapshot(plan: str = PLAN, themes: str = THEMES, **more: str) -> Snapshot:
    return Snapshot({"x-2024.yml": plan, "themes.yml": themes, **more})


def test_an_edited_item_shows_its_anchor_and_a_character_diff():
    head = PLAN.replace("推进学前教育普惠发展。", "全面推进学前教育普惠优质发展。")
    out = changeset.summary(snapshot(), snapshot(head))
    assert "### `x-2024.yml` — 1 item(s) changed, 0 added, 0 removed" in out
    assert "- `#1` 发展学前教育" in out
    assert "  - 正文：<ins>全面</ins>推进学前教育普惠发展。 · 推进学前教育普惠<ins>优质</ins>发展。" in out


def test_a_removed_item_is_a_warning_about_its_url():
    head = PLAN.replace("      - number: '2'\n        title: 乙\n        text: 原文二。\n", "")
    out = changeset.summary(snapshot(), snapshot(head))
    assert "**Warning: 1 public URL(s) disappear**" in out and "> - `x-2024.yml` `#2`" in out
    assert "- `#2` removed: 乙" in out


def test_a_renumbered_item_is_a_lost_anchor_and_an_added_one():
    out = changeset.summary(snapshot(), snapshot(PLAN.replace("number: '2'", "number: '3'")))
    assert "`x-2024.yml` `#2`" in out and "- `#3` added: 乙" in out


def test_themes_gained_or_lost_by_a_text_edit():
    head = PLAN.replace("title: 乙", "title: 教师队伍")
    out = changeset.summary(snapshot(), snapshot(head))
    assert "- `#2` 教师队伍" in out and "  - 标题：<del>乙</del><ins>教师队伍</ins>" in out
    assert "  - 主题：+teachers" in out


def test_a_taxonomy_edit_lists_the_items_whose_themes_change():
    themes = THEMES.replace("keywords: [学前教育, 幼儿园]", "keywords: [幼儿园]")
    out = changeset.summary(snapshot(), snapshot(themes=themes))
    assert "- `themes.yml`: changed `preschool`\n  - `preschool` `keywords`：学前教育、幼儿园 → 幼儿园" in out
    assert "- `#1` 发展学前教育" in out and "  - 主题：−preschool" in out


def test_registry_entries_added_removed_and_changed():
    before = "localities:\n  - id: a\n    name: 甲市\n  - id: b\n    name: 乙县\n"
    after = "localities:\n  - id: a\n    name: 甲州市\n  - id: c\n    name: 丙县\n"
    out = changeset.summary(snapshot(**{"localities.yml": before}), snapshot(**{"localities.yml": after}))
    assert "- `localities.yml`: added `c`; removed `b` (its pages disappear); changed `a`" in out
    assert "  - `c` `name`：— → 丙县\n  - `a` `name`：甲市 → 甲州市" in out


def test_a_registry_edit_shows_each_field_old_and_new():
    before = "localities:\n  - id: a\n    name: 甲市\n    province: null\n    evidence: [原文写甲市。]\n"
    after = ("localities:\n  - id: a\n    name: 甲市\n    province: 山东省\n"
             "    evidence: [原文写甲市。, 原文写山东省。]\n")
    out = changeset.summary(snapshot(**{"localities.yml": before}), snapshot(**{"localities.yml": after}))
    assert "  - `a` `province`：— → 山东省\n  - `a` `evidence`：原文写甲市。 → 原文写甲市。、原文写山东省。" in out


def test_whitespace_edits_are_visible():
    """A deleted space once showed as an empty <del></del>: the reviewer saw nothing."""
    spaced = PLAN.replace("推进学前教育普惠发展。", "推进学前教育 普惠发展。")
    out = changeset.summary(snapshot(spaced), snapshot())
    assert "  - 正文：推进学前教育<del>␣</del>普惠发展。" in out
    wrapped = PLAN.replace("        text: 推进学前教育普惠发展。", "        text: \"推进学前教育\\n普惠发展。\"")
    assert "推进学前教育<ins>↵</ins>普惠发展。" in changeset.summary(snapshot(), snapshot(wrapped))
    assert "<del></del>" not in out


def test_a_correction_shows_what_the_source_prints_what_the_plan_says_and_why():
    fixed = PLAN.replace("        text: 原文二。\n", "        text: 原文二。\n        corrections:\n"
                         "          - from: 原文贰\n            to: 原文二\n            why: 原文“贰”为错字。\n")
    out = changeset.summary(snapshot(), snapshot(fixed))
    assert "- `#2` 乙\n  - 勘误（新增）：原文“原文贰” → 改为“原文二”（理由：原文“贰”为错字。）" in out
    assert "其他字段" not in out


def test_other_item_and_plan_fields_show_old_and_new_values():
    head = (PLAN.replace("id: x-2024\n", "id: x-2024\nissued: '2024-02-20'\n")
            .replace("        text: 原文二。\n", "        text: 原文二。\n        owners: [基教科, 人事科]\n"))
    base = PLAN.replace("id: x-2024\n", "id: x-2024\nissued: '2024-02-02'\n")
    out = changeset.summary(snapshot(base), snapshot(head))
    assert "  - `owners`：— → 基教科、人事科" in out
    assert "- 计划字段 `issued`：2024-02-02 → 2024-02-20" in out


def test_added_and_removed_plans():
    out = changeset.summary(snapshot(), snapshot(**{"y-2025.yml": PLAN.replace("x-2024", "y-2025")}))
    assert "- Added: `y-2025.yml` (2 items)" in out
    out = changeset.summary(snapshot(**{"y-2025.yml": PLAN}), snapshot())
    assert "- Removed: `y-2025.yml` (2 items)" in out and "`y-2025.yml` (the whole plan)" in out


def test_plan_text_cannot_inject_markup_into_the_summary():
    head = PLAN.replace("原文二。", "原文二<script>x</script>**粗**")
    out = changeset.summary(snapshot(), snapshot(head))
    assert "<script>" not in out and "&lt;script&gt;" in out and "\\*\\*粗\\*\\*" in out


def test_a_file_that_does_not_parse_is_listed_not_fatal():
    out = changeset.summary(snapshot(), snapshot("id: ["))
    assert "does not parse" in out


def test_nothing_changed():
    assert "No plan file changed." in changeset.summary(snapshot(), snapshot())


def test_a_file_that_is_not_a_mapping_does_not_stop_the_summary():
    out = changeset.summary(snapshot(), snapshot("- a\n- b\n", themes="- x\n"))
    assert "does not parse" in out


def test_names_and_theme_ids_from_a_plan_cannot_inject_markup():
    head = PLAN.replace("        title: 乙\n", "        title: 乙\n        themes: ['<a href=\"https://evil\">x</a>']\n")
    out = changeset.summary(snapshot(), snapshot(head))
    assert "  - 主题：+&lt;a href=\"https://evil\"&gt;x&lt;/a&gt;" in out and "<a href" not in out
    out = changeset.summary(snapshot(), snapshot(PLAN.replace("number: '2'", "number: '2`<b>'")))
    assert "- `#2'<b>` added: 乙" in out  # a backtick cannot close the code span, so <b> stays text


def test_the_localities_a_change_touches_for_the_preview():
    plan = PLAN.replace("id: x-2024\n", "id: x-2024\nlocality: qingdao\n")
    other = PLAN.replace("id: x-2024\n", "id: y-2024\nlocality: weihai\n")
    registry = "localities:\n  - id: rongcheng\n    name: 荣成市\n"
    base = snapshot(plan, **{"y-2024.yml": other, "localities.yml": registry})
    head = snapshot(plan.replace("原文二。", "原文二改。"), **{"y-2024.yml": other,
                                                              "localities.yml": registry.replace("荣成市", "荣成")})
    assert changeset.changed_localities(base, head) == ["qingdao", "rongcheng"]
    assert changeset.changed_localities(base, base) == []
