"""The anchor rule: one module answers for the validator, the importer and the pages."""

from __future__ import annotations

from generator.data import anchors


def plan(*sections, items=()):
    return {"items": list(items), "sections": [{"title": f"s{k}", "items": list(s)} for k, s in enumerate(sections)]}


def test_printed_numbers_are_anchors_when_unique():
    data = plan([{"number": "01"}, {"number": "2"}], [{"number": "3"}])
    assert [a for _, _, a in anchors.item_anchors(data)] == ["1", "2", "3"]


def test_numbering_that_restarts_is_qualified_by_the_top_section():
    data = plan([{"number": "1"}, {"number": "2"}], [{"number": "1"}])
    assert [a for _, _, a in anchors.item_anchors(data)] == ["1-1", "1-2", "2-1"]


def test_an_explicit_id_wins():
    data = plan([{"number": "1", "id": "intro"}, {"number": "2"}])
    assert [a for _, _, a in anchors.item_anchors(data)] == ["intro", "2"]


def test_unnumbered_items_get_the_id_after_the_item_before_them():
    first, second, before = {"number": None}, {"number": None}, {"number": None}
    data = plan([before, {"number": "6"}, first, second], [{"number": "7"}])
    assert [(item is before, item is first, item is second, new) for item, new in anchors.unnumbered_ids(data)] == \
        [(True, False, False, "0a"), (False, True, False, "6a"), (False, False, True, "6b")]


def test_unnumbered_items_before_the_sections_are_not_forgotten():
    lead = {"number": None}
    data = plan([{"number": "1"}], items=[lead])
    assert anchors.unnumbered_ids(data) == [(lead, "0a")]


def test_ids_follow_the_qualified_anchor_where_numbering_restarts():
    late = {"number": None}
    data = plan([{"number": "1"}], [{"number": "1"}, late])
    assert anchors.unnumbered_ids(data) == [(late, "2-1a")]


def test_section_anchors_name_positions():
    assert anchors.section_anchor((3,)) == "s3" and anchors.section_anchor((3, 2)) == "s3-2"
    assert anchors.SECTION_ANCHOR.match("s3-2") and anchors.ANCHOR_RE.match("s3-2")
