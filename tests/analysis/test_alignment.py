"""上下对照 and peers judged on hand-made plans (tests/fixtures/alignment/): a city's plan,
two of its counties' plans that take up some of its tasks in their own words and add
their own, a city elsewhere and the city's plan of another year. The expectations in
expected.yml were read off the fixtures by hand."""

from __future__ import annotations


import pytest
import yaml

from generator.analysis import alignment
from generator.analysis.related import entry_corpus
from generator.analysis.index import build_index
from conftest import FIXTURES, fixture_catalog

HERE = FIXTURES / "alignment"
EXPECTED = yaml.safe_load((HERE / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def aligned(tmp_path_factory):
    index = build_index(fixture_catalog(HERE, tmp_path_factory.mktemp("alignment") / "plans"))
    corpus, position = entry_corpus(index)
    return alignment.build_alignment(index, corpus, position)


@pytest.mark.parametrize("plan_id", sorted(EXPECTED["takes_up"]))
def test_each_county_item_takes_up_the_city_task_read_by_hand(aligned, plan_id):
    got = {t.item.anchor: (t.parent_item.anchor if t.takes_up and t.parent_item else None) for t in aligned.up[plan_id]}
    assert got == EXPECTED["takes_up"][plan_id]
    assert {t.parent_plan.id for t in aligned.up[plan_id] if t.parent_plan} == {"jiacheng-2025"}  # same year only


def test_each_city_item_knows_which_county_plans_take_it_up(aligned):
    down = aligned.down["jiacheng-2025"]
    assert {t.item.anchor: [p.id for p, _, _ in t.by] for t in down} == EXPECTED["taken_up_by"]
    assert {t.children for t in down} == {2}
    assert "jiacheng-2024" not in aligned.down  # no county has a 2024 plan


def test_a_plan_without_a_superiors_plan_of_its_year_is_not_aligned(aligned):
    assert set(aligned.up) == set(EXPECTED["takes_up"])


def test_peers_are_of_the_same_year_elsewhere_never_the_plans_own_family(aligned):
    assert [p.plan.id for p in aligned.peers["jiacheng-2025"]] == EXPECTED["peers"]["jiacheng-2025"]
    for plan_id, peers in aligned.peers.items():
        assert all(p.plan.year == int(plan_id[-4:]) for p in peers)
    assert not {"jiacheng-2025"} & {p.plan.id for p in aligned.peers["yixian-2025"]}  # its superior
    assert not {"yixian-2025", "bingxian-2025"} & {p.plan.id for p in aligned.peers["jiacheng-2025"]}


def test_the_threshold_is_the_rule_stated_in_the_rules_file(aligned):
    minimum = alignment.rules().takeup_min
    for items in aligned.up.values():
        assert all(t.takes_up == (t.score >= minimum) for t in items if t.parent_item)


def test_two_plans_of_different_places_side_by_side(tmp_path_factory):
    """甲城市 2025 beside 丁城市 2025 (read by hand): 1, 2, 4, 6 have their counterpart
    there; 3 (双减), 5 (名师名校长) and 7 (校园安全) are 甲城市's alone, and every item of
    丁城市 is some 甲城市 item's counterpart."""
    catalog = fixture_catalog(HERE, tmp_path_factory.mktemp("pair") / "plans")
    plans = {p.id: p for p in catalog.plans}
    view = alignment.side_by_side(plans["jiacheng-2025"], plans["dingcheng-2025"])
    matched = {item.anchor: match.anchor for item, match, score in view.pairs
               if match and score >= alignment.rules().takeup_min}
    assert matched == {"1": "1", "2": "2", "4": "3", "6": "4"}
    assert [i.anchor for i in view.only_a] == ["3", "5", "7"]
    assert view.only_b == ()
