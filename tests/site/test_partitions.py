"""Listings that would grow with the atlas are split by province, with stable URLs and
counts on the page above, once they pass a size (eduplans.yml's listings: partition_at;
here lowered so that the small fixture atlas splits)."""

from __future__ import annotations

import shutil

import pytest

from generator.analysis.index import build_index
from generator.data import loader
from generator.data.model import Catalog
from generator.site import pages, urls
from conftest import FIXTURES, site_settings


def rendered(catalog: Catalog, **limits: int) -> dict[str, str | bytes]:
    """The pages of catalog with these listing limits (partition_at 0 unless given: every listing split)."""
    settings = site_settings({"partition_at": 0, **limits}, repo_url=None, site_url="https://e.org/")
    return pages.render_all(build_index(catalog), settings).pages


@pytest.fixture
def split() -> dict[str, str | bytes]:
    catalog, problems = loader.load_paths([FIXTURES / "site"])
    assert catalog is not None, problems
    return rendered(catalog)


def test_a_large_year_lists_provinces_and_each_province_has_its_page(split):
    year = split[urls.year(2024)]
    assert "## 各省份" in year and "## 本年计划" not in year
    assert "[2024年 山东省](2024/shandong.md) | 2 |" in year
    part = split[urls.year_part(2024, "山东省")]
    assert part.startswith("---\ntitle: \"2024年山东省各地教育工作要点\"")
    assert "[← 2024年各省份](../2024.md)" in part and "](../../plans/qingdao-2024.md)" in part
    assert "](../../plans/rongcheng-2024.md)" in part


def test_a_large_theme_year_lists_provinces_and_each_province_has_its_items(split):
    theme_year = split[urls.theme_year("preschool", 2024)]
    assert "按省份分页" in theme_year and "](2024/shandong.md)" in theme_year
    part = split[urls.theme_year_part("preschool", 2024, "山东省")]
    assert "(../../../plans/qingdao-2024.md#8)" in part


def test_localities_and_plans_indexes_point_to_provinces_and_years(split):
    localities = split[urls.LOCALITIES]
    assert "| [山东省](../provinces/shandong.md) | 2 |" in localities  # 威海 has no plan of its own
    province = split[urls.province("山东省")]
    assert "[青岛市](../localities/qingdao.md)" in province and "[荣成市](../localities/rongcheng.md)" in province
    plans = split[urls.PLANS]
    assert "按年份浏览" in plans and "](../years/2024.md)" in plans and "](qingdao-2024.md)" not in plans


def test_the_theme_page_counts_by_province(split):
    theme = split[urls.theme("preschool")]
    assert "## 各省份" in theme and "## 各地区" not in theme and "| 山东省 |" in theme


def test_every_province_the_schema_admits_has_a_stable_url():
    import json

    schema = json.loads((FIXTURES.parent.parent / "plans" / "schema" / "localities.schema.json").read_text())
    names = [n for n in schema["properties"]["localities"]["items"]["properties"]["province"]["enum"] if n]
    slugs = [urls.province_slug(n) for n in names]
    assert len(set(slugs)) == len(slugs) and all(s.isascii() and s.isalpha() for s in slugs)
    assert urls.province_slug(None) == "unknown"


def test_a_province_with_many_localities_shows_theme_totals_and_long_lists_drop_excerpts():
    catalog, _ = loader.load_paths([FIXTURES / "site"])
    out = rendered(catalog, locality_table_up_to=1, excerpts_up_to=0)
    part = out[urls.year_part(2024, "山东省")]
    assert "## 各主题" in part and "## 主题 × 地区" not in part
    assert "| [学前教育](../../themes/preschool/index.md) | [2](../../themes/preschool/2024/shandong.md)" in part
    items = out[urls.theme_year_part("preschool", 2024, "山东省")]
    assert "- [8\\. 高标准完成基础教育优质资源倍增三年行动计划](../../../plans/qingdao-2024.md#8)\n" in items


def test_pages_hold_whole_localities_within_the_budget():
    from generator.site.views.common import pages_of

    assert pages_of({"a": 2, "b": 1, "c": 3, "d": 1}, 3) == (("a", "b"), ("c",), ("d",))
    assert pages_of({"big": 5, "small": 1}, 3) == (("big",), ("small",))  # never split, never merged past it
    assert pages_of({}, 3) == ((),)


def test_a_province_with_many_plans_is_read_in_pages():
    catalog, _ = loader.load_paths([FIXTURES / "site"])
    out = rendered(catalog, page_plans=1)
    assert "| [2024年 山东省](2024/shandong.md) | 2 | 2 |" in out[urls.year(2024)]
    first, second = out[urls.year_part(2024, "山东省")], out[urls.year_part(2024, "山东省", 2)]
    assert urls.year_part(2024, "山东省", 2) == "years/2024/shandong/2.md"
    assert "](../../plans/qingdao-2024.md)" in first and "rongcheng-2024.md)" not in first
    assert "](../../../plans/rongcheng-2024.md)" in second and "qingdao-2024.md)" not in second
    assert "第 1 页，共 2 页 · [下一页 →](shandong/2.md)" in first
    assert "- **1：青岛市**（本页）\n- [2：荣成市](shandong/2.md)" in first
    assert "# 2024年 山东省（第2页）" in second and "[← 上一页](../shandong.md)" in second
    assert "title: \"2024年山东省各地教育工作要点（第2页）\"" in second


def test_a_locality_links_to_the_page_of_a_part_that_holds_its_items(tmp_path):
    """With one item per page, 青岛's two 2024 preschool items still share one page (a
    locality is never split); where 威海 has a copy of 荣成's plan, the theme has two pages
    and each place's table links to the page that holds its items."""
    shutil.copytree(FIXTURES / "site", tmp_path / "plans")
    rongcheng = (tmp_path / "plans" / "rongcheng-2024.yml").read_text(encoding="utf-8")
    (tmp_path / "plans" / "weihai-2024.yml").write_text(
        rongcheng.replace("id: rongcheng-2024", "id: weihai-2024").replace("locality: rongcheng", "locality: weihai"),
        encoding="utf-8")
    catalog, problems = loader.load_paths([tmp_path / "plans"])
    assert catalog is not None, problems
    out = rendered(catalog, page_items=1)
    assert urls.theme_year_part("preschool", 2024, "山东省", 2) not in out
    part = out[urls.theme_year_part("preschool", 2024, "山东省")]
    assert part.count("(../../../plans/qingdao-2024.md#") == 2 and "第 1 页" not in part
    first = out["themes/party-building/2024/shandong.md"]
    second = out["themes/party-building/2024/shandong/2.md"]
    assert "## [荣成市](../../../plans/rongcheng-2024.md) { #rongcheng }" in first and "威海" not in first.split("<nav")[0]
    assert "# 党的建设：2024年 山东省（第2页）" in second and "## [威海市](../../../../plans/weihai-2024.md) { #weihai }" in second
    assert "第 2 页，共 2 页 · [← 上一页](../shandong.md)" in second
    assert "| [党的建设：2024年 山东省](2024/shandong.md) | 6 | 2 |" in out[urls.theme_year("party-building", 2024)]
    assert "(../themes/party-building/2024/shandong/2.md#weihai)" in out[urls.locality("weihai")]
    assert "(../themes/party-building/2024/shandong.md#rongcheng)" in out[urls.locality("rongcheng")]


def test_a_province_with_many_localities_lists_them_in_pages():
    catalog, _ = loader.load_paths([FIXTURES / "site"])
    out = rendered(catalog, page_localities=1)
    first, second = out[urls.province("山东省")], out[urls.province("山东省", 2)]
    assert urls.province("山东省", 2) == "provinces/shandong/2.md"
    assert "[青岛市](../localities/qingdao.md)" in first and "荣成市](" not in first.split("<nav")[1].split("</nav>")[1]
    assert "# 山东省（第2页）" in second and "[荣成市](../../localities/rongcheng.md)" in second
    assert "- [1：青岛市](../shandong.md)\n- **2：荣成市**（本页）" in second


@pytest.mark.parametrize("partition_at", [0, 1, 2, 3, 5, 8])
def test_every_link_leads_to_a_page_whatever_is_split(partition_at):
    """A year can be split by its plans while a rare theme's items of that year are not:
    its province cells must then link to the theme-year page, not to a part never written
    (found on a benchmark atlas where years 2025 linked to themes/lifelong/2025/hebei)."""
    import posixpath
    import re

    catalog, _ = loader.load_paths([FIXTURES / "site"])
    out = rendered(catalog, partition_at=partition_at)
    missing = sorted({(page, target) for page, text in out.items() if page.endswith(".md")
                      for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text)
                      if posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) not in out
                      and not target.startswith("http")})
    assert not [m for m in missing if "about.md" not in m[1]], missing[:5]


def test_a_place_with_two_plans_in_a_year_is_headed_by_the_place_and_lists_both(tmp_path):
    """A place's heading on a year's listing leads to its plan of the year; with two plans
    that year it leads to the place, and both plans are named under it."""
    shutil.copytree(FIXTURES / "site", tmp_path / "plans")
    rongcheng = (tmp_path / "plans" / "rongcheng-2024.yml").read_text(encoding="utf-8")
    (tmp_path / "plans" / "rongcheng-2024-b.yml").write_text(
        rongcheng.replace("id: rongcheng-2024", "id: rongcheng-2024-b"), encoding="utf-8")
    catalog, problems = loader.load_paths([tmp_path / "plans"])
    assert catalog is not None, problems
    out = pages.render_all(build_index(catalog), site_settings(repo_url=None, site_url="https://e.org/")).pages
    page = out[urls.theme_year("party-building", 2024)]
    heading = page.index("## [荣成市](../../localities/rongcheng.md) { #rongcheng }")
    plans = page[heading:].split("\n\n")[1]
    assert "(../../plans/rongcheng-2024.md)" in plans and "(../../plans/rongcheng-2024-b.md)" in plans
