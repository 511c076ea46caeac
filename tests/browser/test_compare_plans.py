"""对标 in Chromium: any two plans side by side at compare/?a=…&b=… (online here; from
disk in test_offline.py), reached from a plan page, loading only the two plans' items.
Which items of 青岛 2024 and 荣成 2024 correspond is what pairing.js computes (held equal
to Python in tests/site/test_pairing_script.py); the page's rows are checked against
Python's side_by_side of the same two plans."""

from __future__ import annotations

import re

import pytest

from generator.analysis import alignment
from generator.analysis.index import build_index
from generator.data import loader
from generator.site import search
from conftest import PLANS, site_settings


def wait_for_compare(page) -> None:
    page.wait_for_selector("#compare-plans[data-state=done], #compare-plans[data-state=error]", timeout=20000)
    assert page.get_attribute("#compare-plans", "data-state") == "done", page.inner_text(".compare-status")


@pytest.fixture(scope="module")
def atlas():
    catalog, _ = loader.load_paths([PLANS])
    return build_index(catalog)


def _files_of(index, *plan_ids: str) -> set[str]:
    """The item files holding these plans' items (items are numbered in plan_order)."""
    chunk, first, files = site_settings().search.items_per_file, 0, set()
    for plan in search.plan_order(index):
        if plan.id in plan_ids:
            files |= {f"d/{n // chunk}.js" for n in range(first, first + plan.item_count)}
        first += plan.item_count
    return files


def test_two_places_side_by_side_theme_by_theme(page, site_url, atlas):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + "compare/?a=qingdao-2024&b=rongcheng-2024")
    wait_for_compare(page)
    assert page.inner_text(".compare-result h2") == "青岛市 2024 与 荣成市 2024"
    assert page.input_value("#compare-a") == "青岛市 2024" and page.input_value("#compare-b") == "荣成市 2024"
    plans = {p.id: p for p in atlas.catalog.plans}
    expected = alignment.side_by_side(plans["qingdao-2024"], plans["rongcheng-2024"])
    minimum = alignment.rules().takeup_min
    pairs = {(a.anchor, b.anchor) for a, b, s in expected.pairs if b is not None and s >= minimum}
    shown = set()
    for row in page.locator(".compare-table:not(.compare-targets) tbody tr").all():
        links = [a.get_attribute("href") for a in row.locator("a").all()]
        if len(links) == 2:
            (left,), (right,) = re.findall(r"qingdao-2024/#(\w+)$", links[0]), re.findall(r"rongcheng-2024/#(\w+)$", links[1])
            shown.add((left, right))
    assert shown == pairs and pairs  # matched items, under each of their themes
    only_b = {i.anchor for i in expected.only_b}
    alone = {re.search(r"#(\w+)$", a.get_attribute("href")).group(1)
             for a in page.locator("ul.compare-only-b a").all()}
    assert alone == only_b  # under each of their themes
    only_a = {re.search(r"#(\w+)$", a.get_attribute("href")).group(1) for a in page.locator("ul.compare-only-a a").all()}
    assert only_a == {i.anchor for i in expected.only_a}
    assert page.locator(".compare-result h3", has_text="党的建设").count() == 1
    matched = sum(1 for _, b, score in expected.pairs if b is not None and score >= minimum)
    assert page.inner_text(".compare-status") == (
        f"青岛市 2024：{len(expected.pairs)} 条任务，{matched} 条在荣成市 2024中有对应任务；"
        f"荣成市 2024：{plans['rongcheng-2024'].item_count} 条任务，{len(only_b)} 条为其独有。")
    loaded = {u.split("/search/")[1] for u in requests if "/search/" in u}
    assert loaded == {"meta.js"} | _files_of(atlas, "qingdao-2024", "rongcheng-2024")  # only the two plans' items
    assert not errors, errors


def test_picked_on_a_plan_page_as_the_reader_types_and_shareable(page, site_url):
    page.goto(site_url + "plans/qingdao-2024/")
    field = page.locator("form.compare-pick input[name=b]")
    field.focus()  # the list of plans loads on first use
    page.wait_for_function("document.querySelectorAll('#compare-pick-list option').length === 11")
    options = page.eval_on_selector_all("#compare-pick-list option", "os => os.map(o => o.value)")
    assert "荣成市 2024" in options and "青岛市 2019" in options
    field.fill("荣成市 2024")
    page.locator("form.compare-pick .compare-go").click()
    page.wait_for_url("**/compare/?a=qingdao-2024&b=rongcheng-2024")
    wait_for_compare(page)
    page.fill("#compare-b", "青岛市 2026")  # the side-by-side page's own fields
    page.locator(".compare-go").click()
    page.wait_for_url("**/compare/?a=qingdao-2024&b=qingdao-2026")
    wait_for_compare(page)
    page.locator(".compare-swap").click()
    page.wait_for_url("**/compare/?a=qingdao-2026&b=qingdao-2024")
    wait_for_compare(page)
    assert page.inner_text(".compare-result h2") == "青岛市 2026 与 青岛市 2024"
    page.go_back()
    page.wait_for_function("document.querySelector('.compare-result h2').textContent.endsWith('青岛市 2026')")


def test_a_plan_named_as_typed_without_the_field_s_script(page, site_url):
    """A plan page's form sends what was typed when its script did not run: the page reads a name."""
    page.goto(site_url + "compare/?a=qingdao-2024&b=" + "荣成市 2024")
    wait_for_compare(page)
    assert page.inner_text(".compare-result h2") == "青岛市 2024 与 荣成市 2024"
    page.goto(site_url + "compare/?a=qingdao-2024")
    page.wait_for_function("document.querySelector('.compare-status').textContent.includes('请选择两份计划')")
    assert page.evaluate("document.activeElement.id") == "compare-b"  # the reader picks the other plan


def test_a_plan_not_in_the_atlas_is_named(page, site_url):
    page.goto(site_url + "compare/?a=qingdao-2024&b=nowhere-2024")
    page.wait_for_function("document.querySelector('.compare-status').textContent.includes('不在')")
    assert "“nowhere-2024”不在本站收录的计划中" in page.inner_text(".compare-status")
    assert page.locator(".compare-result *").count() == 0
    page.fill("#compare-b", "青岛 2025")  # not a plan of the list
    page.locator(".compare-go").click()
    assert "找不到计划“青岛 2025”" in page.inner_text(".compare-status")
