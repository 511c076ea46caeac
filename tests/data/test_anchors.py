"""The anchor rule: one module answers for the validator, the importer and the pages."""

from __future__ import annotations

from generator.data import anchors


def plan(*sections, items=(), numbering=None):
    data = {"items": list(items), "sections": [{"title": f"s{k}", "items": list(s)} for k, s in enumerate(sections)]}
    return data | ({"numbering": numbering} if numbering else {})


def test_printed_numbers_are_anchors_when_unique():
    data = plan([{"number": "01"}, {"number": "2"}], [{"number": "3"}])
    assert [a for _, _, a in anchors.item_anchors(data)] == ["1", "2", "3"]


def test_declared_per_section_numbering_is_qualified_by_the_top_section():
    data = plan([{"number": "1"}, {"number": "2"}], [{"number": "1"}], numbering="per-section")
    assert [a for _, _, a in anchors.item_anchors(data)] == ["1-1", "1-2", "2-1"]


def test_a_number_typed_twice_never_changes_the_other_anchors():
    """It is reported instead (validator), with both places."""
    data = plan([{"number": "1"}, {"number": "2"}], [{"number": "1"}, {"number": "3"}])
    assert [a for _, _, a in anchors.item_anchors(data)] == ["1", "2", "1", "3"]
    assert anchors.reused_numbers(data) == [(("sections", 0, "items", 0), ("sections", 1, "items", 0))]


def test_per_section_numbers_may_repeat_across_sections_but_not_within_one():
    data = plan([{"number": "1"}, {"number": "1"}], [{"number": "1"}], numbering="per-section")
    assert anchors.reused_numbers(data) == [(("sections", 0, "items", 0), ("sections", 0, "items", 1))]


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
    data = plan([{"number": "1"}], [{"number": "1"}, late], numbering="per-section")
    assert anchors.unnumbered_ids(data) == [(late, "2-1a")]


def test_section_anchors_name_positions():
    assert anchors.section_anchor((3,)) == "s3" and anchors.section_anchor((3, 2)) == "s3-2"
    assert anchors.SECTION_ANCHOR.match("s3-2") and anchors.ANCHOR_RE.match("s3-2")


def test_more_than_26_unnumbered_items_in_a_row_keep_distinct_ids():
    loose = [{"number": None} for _ in range(28)]
    ids = [new for _, new in anchors.unnumbered_ids(plan([{"number": "6"}, *loose]))]
    assert ids[:2] == ["6a", "6b"] and ids[25:] == ["6z", "6aa", "6ab"] and len(set(ids)) == 28


def numbers(*sections):
    """A plan whose sections hold items printed with these numbers (None: unnumbered)."""
    return plan(*[[{"number": n} for n in numbers] for numbers in sections])


def test_numbers_restart_when_two_sections_begin_again_at_1():
    assert anchors.numbering_restarts(numbers(["1", "2"], ["1", "2", "3"]))
    assert anchors.numbering_restarts(numbers(["（一）", "（二）"], ["（一）"]))  # tasks numbered in Chinese
    assert anchors.numbering_restarts(numbers(["01", "02"], [None, "01"]))  # an unnumbered lead paragraph first


def test_one_sequence_through_the_sections_does_not_restart():
    assert not anchors.numbering_restarts(numbers(["1", "2"], ["3", "4"], ["5"]))
    assert not anchors.numbering_restarts(numbers(["1"]))  # one section: nothing restarts


def test_a_number_printed_twice_is_a_repeat_not_a_restart():
    """Declaring per-section numbering for it would move every anchor of the plan: it gets an id instead."""
    assert not anchors.numbering_restarts(numbers(["1", "2", "2", "3"], ["4", "5"]))
    assert not anchors.numbering_restarts(numbers(["1", "2"], ["3", "1"]))  # 1 again, but not where a section begins


def test_sub_sections_count_where_their_numbering_begins():
    data = {"sections": [{"title": "一", "sections": [{"title": "（一）", "items": [{"number": "1"}, {"number": "2"}]},
                                                      {"title": "（二）", "items": [{"number": "1"}]}]}]}
    assert anchors.numbering_restarts(data)
