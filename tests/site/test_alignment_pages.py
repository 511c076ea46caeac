"""上下对照 and peers as plan pages carry them, from the hand-made fixtures of
tests/fixtures/alignment (a city, two of its counties, a city elsewhere): which city
task each county item takes up is read from expected.yml, written by hand. The items'
lines and the peers are page data the script draws (tests/browser/test_alignment.py
looks at them drawn); the summary and the links to the side-by-side page are in the page."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from generator.analysis import alignment
from generator.analysis.index import build_index
from generator.site import pages
from conftest import FIXTURES, fixture_catalog, site_settings

HERE = FIXTURES / "alignment"
EXPECTED = yaml.safe_load((HERE / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, str | bytes]:
    catalog = fixture_catalog(HERE, tmp_path_factory.mktemp("alignment") / "plans")
    return pages.render_all(build_index(catalog), site_settings()).pages


def _data(page: str | bytes) -> dict:
    found = re.search(r'<script type="application/json" class="alignment-data">(.*?)</script>', str(page))
    assert found, "the plan page carries no 对标 data"
    return json.loads(found.group(1))


def _row(data: dict, part: str, row: list) -> dict:
    return dict(zip(data["columns"][part], row))


@pytest.mark.parametrize("plan_id", sorted(EXPECTED["takes_up"]))
def test_a_county_item_names_the_city_task_it_takes_up_or_is_its_own(site, plan_id):
    data = _data(site[f"plans/{plan_id}.md"])
    minimum = alignment.rules().takeup_min
    for anchor, city_item in EXPECTED["takes_up"][plan_id].items():
        assert data["superior"]
        if city_item is None:
            assert anchor not in data["up"]  # the county's own
        else:
            row = _row(data, "up", data["up"][anchor])
            plan = data["plans"][row["plan"]]
            assert (plan["id"], row["anchor"]) == ("jiacheng-2025", city_item) and row["score"] >= minimum
            assert plan["label"] == "甲城市" and data["url"].replace("{id}", plan["id"]) == "../jiacheng-2025/"
            assert plan["items"][city_item].startswith(f"{city_item}. ")  # the task's label, to link it by name


def test_the_city_item_knows_the_counties_taking_it_up(site):
    data = _data(site["plans/jiacheng-2025.md"])
    assert data["children"] == 2
    got = {anchor: sorted(data["plans"][_row(data, "down", r)["plan"]]["id"] for r in data["down"].get(anchor, []))
           for anchor in EXPECTED["taken_up_by"]}
    assert got == EXPECTED["taken_up_by"]


def test_the_plan_summarises_its_superior_and_links_the_side_by_side_view(site):
    county = str(site["plans/yixian-2025.md"])
    own = sum(v is None for v in EXPECTED["takes_up"]["yixian-2025"].values())
    assert f"本计划 5 条任务中，{5 - own} 条承接上级计划的任务，{own} 条为本地自有任务。" in county
    assert "(../compare/index.md?a=yixian-2025&b=jiacheng-2025)" in county
    city = str(site["plans/jiacheng-2025.md"])
    assert "下辖 2 个地区有 2025 年的计划" in city
    assert "(../compare/index.md?a=jiacheng-2025&b=yixian-2025)" in city
    assert f"相似度不低于 {alignment.rules().takeup_min:.2f} 的任务算作对应任务".replace(".", "\\.") in city  # its own number


def test_peers_and_a_plan_without_family(site):
    data = _data(site["plans/jiacheng-2025.md"])
    assert [data["plans"][_row(data, "peers", r)["plan"]]["id"] for r in data["peers"]] == \
        EXPECTED["peers"]["jiacheng-2025"]
    elsewhere = str(site["plans/dingcheng-2025.md"])
    lone = _data(elsewhere)
    assert not lone["up"] and not lone["superior"] and not lone["down"] and lone["children"] == 0
    assert "上级计划：" not in elsewhere
    assert "[与其他计划对比](../compare/index.md?a=dingcheng-2025)" in elsewhere  # from every plan page
    assert (lone["compare"], lone["index"], lone["plan"]) == ("../../compare/", "../../search/", "dingcheng-2025")
