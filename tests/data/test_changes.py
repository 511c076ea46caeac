"""The pull-request summary of plan changes."""

from __future__ import annotations

from generator.data import changes

PLAN = """\
id: x-2024
sections:
  - number: 一
    title: 总体
    items:
      - number: '1'
        title: 甲
        text: 原文一。
      - number: '2'
        title: 乙
        text: 原文二。
"""


def test_items_added_removed_and_edited_are_counted():
    head = PLAN.replace("原文一。", "原文一（改）。").replace("      - number: '2'\n        title: 乙\n        text: 原文二。\n",
                                                         "      - number: '3'\n        title: 丙\n        text: 原文三。\n")
    out = changes.summary({"x-2024.yml": PLAN}, {"x-2024.yml": head, "y-2025.yml": PLAN})
    assert "- Added: `y-2025.yml` (2 items)" in out
    assert "| `x-2024.yml` | 1 | 1 | 1 |  |" in out


def test_a_file_that_does_not_parse_is_listed_not_fatal():
    out = changes.summary({"x-2024.yml": PLAN}, {"x-2024.yml": "id: ["})
    assert "does not parse" in out


def test_nothing_changed():
    assert "No plan file changed." in changes.summary({"x-2024.yml": PLAN}, {"x-2024.yml": PLAN})
