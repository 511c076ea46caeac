"""A reader's path through the site in Chromium, and screenshots to look at."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser.conftest import result_links, search, wait_for_search


def test_plan_to_locality_to_other_year_to_theme_to_item(page, site_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "plans/qingdao-2024/")
    assert page.title().startswith("青岛市：2024年全市教育工作要点")

    page.get_by_role("link", name="青岛市", exact=True).first.click()
    page.wait_for_url("**/localities/qingdao/")
    assert page.locator("h1").inner_text().rstrip("¶") == "青岛市"

    page.get_by_role("link", name="青岛市教育局2026年工作要点").first.click()
    page.wait_for_url("**/plans/qingdao-2026/")

    item = page.locator("[id='6']")
    item.scroll_into_view_if_needed()
    page.locator("[id='6'] ~ p.chips a", has_text="学前教育").first.click()
    page.wait_for_url("**/themes/preschool/")
    assert page.locator("h1").inner_text().rstrip("¶") == "学前教育"

    page.locator("a[href$='plans/qingdao-2026/#6']").first.click()
    page.wait_for_url("**/plans/qingdao-2026/#6")
    assert page.locator("[id='6']").is_visible()
    assert page.evaluate("() => location.hash") == "#6"

    hosts = {urlparse(u).hostname for u in requests if urlparse(u).scheme in ("http", "https")}
    assert hosts == {"127.0.0.1"}, hosts


def test_home_page_search_form_opens_the_search_page_with_results(page, site_url):
    page.goto(site_url)
    page.locator("#home-search-q").fill("集团化办学")
    page.locator("#home-search-q").press("Enter")
    page.wait_for_url("**/search/**")
    wait_for_search(page)
    assert any(link.endswith("plans/qingdao-2024/#8a") for link in result_links(page))


def test_dark_mode_toggle(page, site_url):
    page.goto(site_url)
    before = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']").first.click()
    after = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}


SHOTS = [
    ("plan", "plans/qingdao-2024/", None),
    ("theme", "themes/preschool/", None),
    ("themes-overview", "themes/", None),
    ("search", "search/", "公办园"),
    ("compare", "compare/qingdao/", None),
]


@pytest.mark.parametrize("width, label", [(1280, "desktop"), (390, "phone")])
@pytest.mark.parametrize("name, path, query", SHOTS, ids=[s[0] for s in SHOTS])
def test_screenshots(browser, site_url, screenshots, name, path, query, width, label):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + path)
    if query:
        search(page, query)
    target = screenshots / f"{name}-{label}.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000
    context.close()


def test_charts_render_in_the_browser(page, site_url):
    page.goto(site_url + "compare/qingdao/")
    bars = page.locator("svg.chart rect.chart-bar")
    assert bars.count() >= 10 and bars.first.bounding_box()["width"] > 20
    public_share = page.locator("svg.chart", has=page.locator("title", has_text="公办园在园幼儿占比"))
    assert public_share.locator("circle.chart-point").count() == 3  # 2019, 2024, 2026
    assert public_share.locator("circle.chart-point").first.bounding_box()["width"] > 4


def test_a_readers_dark_choice_holds_on_the_next_page(browser, site_url):
    """The palette script (docs/assets/palette.js, from a file) restores the choice."""
    context = browser.new_context(color_scheme="light", locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + "plans/qingdao-2024/")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "default"
    page.locator("label[for=__palette_1]").click()
    page.goto(site_url + "localities/qingdao/")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    context.close()


def test_a_pair_page_that_moved_leads_to_the_comparison_with_the_pair_chosen(page, site_url):
    """Every two plans had a side-by-side page until 2026-11: the reader lands on the
    locality's comparison, which draws the same two plans theme by theme."""
    page.goto(site_url + "compare/qingdao/qingdao-2019-ten-actions--qingdao-2026/")
    page.wait_for_url("**/compare/qingdao/?vs=qingdao-2019-ten-actions--qingdao-2026#pairs")
    assert page.locator("h1").inner_text().rstrip("¶") == "青岛市：历年对比"
    drawn = page.locator(".side-by-side-themes")
    assert drawn.locator("th").all_inner_texts()[:2] == ["2019年", "2026年"]
    drawn.get_by_role("link", name="06. 推进学前教育优质普惠发展").first.click()
    page.wait_for_url("**/plans/qingdao-2026/#6")


def side_by_side(page) -> dict[str, list[tuple[str, str]]]:
    """What the page drew: each theme's rows as (left href, right href), '' for an empty cell."""
    return page.evaluate("""() => {
      const drawn = {};
      document.querySelectorAll('.side-by-side-themes h3').forEach(h => {
        const rows = [...h.nextElementSibling.querySelectorAll('tbody tr')];
        drawn[h.textContent] = rows.map(r => [...r.cells].map(c => c.querySelector('a') ? c.querySelector('a').getAttribute('href') : ''));
      });
      return drawn;
    }""")


def expected_side_by_side(earlier: str, later: str) -> dict[str, list[list[str]]]:
    """The same, from the themes the analysis gives each item (not from the page's data)."""
    from itertools import zip_longest

    from generator.analysis.index import build_index
    from generator.data import loader
    from tests.conftest import PLANS

    catalog, _ = loader.load_paths([PLANS])
    index = build_index(catalog)
    plans = {p.id: p for p in catalog.plans}
    expected = {}
    for theme in catalog.themes:
        columns = [[f"../../plans/{plan_id}/#{item.anchor}" for item in plans[plan_id].all_items()
                    if theme.id in index.themes_of(plans[plan_id], item)] for plan_id in (earlier, later)]
        if any(columns):
            expected[theme.name] = [[a or "", b or ""] for a, b in zip_longest(*columns)]
    return expected


def test_the_comparison_draws_any_two_plans_theme_by_theme(page, site_url):
    page.goto(site_url + "compare/qingdao/")
    assert side_by_side(page) == expected_side_by_side("qingdao-2024", "qingdao-2026")  # the latest two
    page.select_option("select[name=earlier]", "qingdao-2019-ten-actions")
    page.select_option("select[name=later]", "qingdao-2021")
    assert side_by_side(page) == expected_side_by_side("qingdao-2019-ten-actions", "qingdao-2021")
    assert page.url.endswith("compare/qingdao/?vs=qingdao-2019-ten-actions--qingdao-2021#pairs")
    page.reload()
    assert side_by_side(page) == expected_side_by_side("qingdao-2019-ten-actions", "qingdao-2021")
    assert page.locator(".side-by-side-themes a", has_text="主题“学前教育”的全部任务").first.get_attribute("href") == \
        "../../themes/preschool/"


def test_the_comparison_lists_each_adjacent_pairs_carried_and_new_items(page, site_url):
    """Drawn from the page's data; the same pairs the analysis makes, with their similarity."""
    from generator.analysis.related import build_insight
    from generator.analysis.index import build_index
    from generator.data import loader
    from generator.site.views.common import item_label
    from tests.conftest import PLANS

    catalog, _ = loader.load_paths([PLANS])
    pairs = build_insight(build_index(catalog)).pairs["qingdao"]

    def named(plan, item):
        return f"{plan.year}年 {item_label(item)}"

    expected = []
    for pair in pairs:
        expected.append([f"{named(pair.later, i)} ← {named(pair.earlier, m.item)}（相似度 {m.score:.2f}）"
                         for i, m in pair.carried])
        expected.append([named(pair.later, i) + (f"：最接近的是 {named(pair.earlier, m.item)}（相似度 {m.score:.2f}）"
                                                 if m else "") for i, m in pair.new])
    assert sum(map(len, expected)) >= 10 and any(expected[0::2])
    page.goto(site_url + "compare/qingdao/")
    groups = page.locator("#carried ~ details.pair-group")
    assert [g.locator("li").all_text_contents() for g in groups.all()] == expected
    assert groups.first.locator("summary").inner_text() == f"延续的任务（{len(pairs[0].carried)} 条）"
    groups.nth(1).locator("summary").click()
    groups.nth(1).locator("a").first.click()
    page.wait_for_url(f"**/plans/{pairs[0].later.id}/#{pairs[0].new[0][0].anchor}")
