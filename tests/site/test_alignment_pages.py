"""上下对照 and peers as plan pages show them, from the hand-made fixtures of
tests/fixtures/alignment (a city, two of its counties, a city elsewhere): which city
task each county item takes up is read from expected.yml, written by hand."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from generator.analysis import alignment
from generator.analysis.index import build_index
from generator.data import loader
from generator.site import pages
from conftest import FIXTURES, fixture_catalog, site_settings

HERE = FIXTURES / "alignment"
EXPECTED = yaml.safe_load((HERE / "expected.yml").read_text(encoding="utf-8"))
MINIMUM = f"{alignment.rules().takeup_min:.2f}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, str | bytes]:
    catalog = fixture_catalog(HERE, tmp_path_factory.mktemp("alignment") / "plans")
    return pages.render_all(build_index(catalog), site_settings()).pages


def _lines(page: str) -> dict[str, list[str]]:
    """Each item's 对标 lines, by the item's anchor, as read (Markdown's escapes undone)."""
    found: dict[str, list[str]] = {}
    anchor = None
    for line in page.splitlines():
        heading = re.search(r"\{ #([\w-]+) \.item \}$", line)
        if heading:
            anchor = heading.group(1)
        elif line.startswith('<p class="alignment') and anchor:
            found.setdefault(anchor, []).append(re.sub(r"\\(.)", r"\1", line))
    return found


@pytest.mark.parametrize("plan_id", sorted(EXPECTED["takes_up"]))
def test_a_county_item_names_the_city_task_it_takes_up_or_is_marked_its_own(site, plan_id):
    lines = _lines(str(site[f"plans/{plan_id}.md"]))
    for anchor, city_item in EXPECTED["takes_up"][plan_id].items():
        (line,) = lines[anchor]
        if city_item is None:
            best = re.search(r"本地自有任务（上级最相近 (0\.\d\d)）", line)
            assert 'class="alignment own"' in line and best and best.group(1) < MINIMUM
        else:
            assert "承接上级任务（相似度 0." in line
            assert f"](jiacheng-2025.md#{city_item})" in line and "甲城市" in line


def test_the_city_item_counts_the_counties_taking_it_up_with_links(site):
    lines = _lines(str(site["plans/jiacheng-2025.md"]))
    names = {"yixian-2025": "乙县", "bingxian-2025": "丙县"}
    for anchor, takers in EXPECTED["taken_up_by"].items():
        (line,) = lines[anchor]
        assert f"下辖 2 个地区中 {len(takers)} 个有对应任务" in line
        for plan_id in takers:
            assert f"[{names[plan_id]}]({plan_id}.md#" in line


def test_the_plan_summarises_its_superior_and_links_the_side_by_side_view(site):
    county = str(site["plans/yixian-2025.md"])
    own = sum(v is None for v in EXPECTED["takes_up"]["yixian-2025"].values())
    assert f"本计划 5 条任务中，{5 - own} 条承接上级计划的任务，{own} 条为本地自有任务。" in county
    assert "(../compare/index.md?a=yixian-2025&b=jiacheng-2025)" in county
    city = str(site["plans/jiacheng-2025.md"])
    assert "下辖 2 个地区有 2025 年的计划" in city
    assert "(../compare/index.md?a=jiacheng-2025&b=yixian-2025)" in city


def test_peers_link_the_side_by_side_view_and_a_plan_without_family_has_no_take_ups(site):
    city = str(site["plans/jiacheng-2025.md"])
    peers = re.findall(r"^- \[(.+?)\]\((\S+?)\).*\[并排对比\]\((\S+?)\)$", city, re.M)
    assert [(p[1], p[2]) for p in peers] == [("dingcheng-2025.md", "../compare/index.md?a=jiacheng-2025&b=dingcheng-2025")]
    elsewhere = str(site["plans/dingcheng-2025.md"])
    assert not _lines(elsewhere) and "上级计划：" not in elsewhere
    pick = re.search(r'<form class="compare-pick" action="(.+?)".*?<input type="hidden" name="a" value="(.+?)">', elsewhere, re.S)
    assert pick and pick.groups() == ("../../compare/", "dingcheng-2025")  # 与其他计划对比, from every plan page
