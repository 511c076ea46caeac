"""Listings of a scaled atlas read in pages: from the year to a province's part and on
through its pages, from a locality's table to the page that holds its items, and no
page over the size a phone should load."""

from __future__ import annotations

import re

from browser.conftest import SCALED_COPIES

PAGE_LIMIT = 500_000  # bytes of HTML, as issue 13 asks at any corpus size


def test_no_page_of_the_scaled_site_is_over_the_limit(scaled_site):
    site, _ = scaled_site
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    assert len(sizes) > 1000
    over = {k: v for k, v in sizes.items() if v > PAGE_LIMIT}
    assert not over, over
    paged = [k for k in sizes if re.fullmatch(r"(themes/[a-z-]+/|years/)\d{4}/[a-z]+/\d+/index\.html", k)]
    assert len(paged) > 20  # the budgets did page the parts: the check above covers paged pages


def test_a_reader_goes_from_the_year_to_a_province_and_through_its_pages(page, scaled_site):
    _, url = scaled_site
    page.goto(f"{url}years/2024/")
    row = page.locator("table tr", has=page.locator("a", has_text="2024年 山东省"))
    assert row.locator("td").nth(2).inner_text().strip() not in ("", "1")  # the number of pages is shown
    row.locator("a").first.click()
    assert page.url.endswith("/years/2024/shandong/")
    assert page.locator("h1").inner_text().startswith("2024年 山东省")
    pager = page.locator("nav.pager").first
    assert re.search(r"第 1 页，共 \d+ 页", pager.inner_text())
    pager.get_by_role("link", name="下一页 →").click()
    assert page.url.endswith("/years/2024/shandong/2/")
    assert "（第2页）" in page.locator("h1").inner_text()
    assert page.locator("article table a[href*='/plans/']").count() > 0
    page.locator("nav.pager summary").first.click()
    current = page.locator("nav.pager details li", has=page.locator("strong")).first
    assert current.inner_text().startswith("2：") and current.locator("a").count() == 0


def test_a_locality_table_leads_to_the_page_holding_its_items(page, scaled_site):
    _, url = scaled_site
    last = f"rongcheng-c{SCALED_COPIES - 1}"
    page.goto(f"{url}localities/{last}/")
    cell = page.locator("table a[href*='/2024/shandong/']").first
    href = cell.get_attribute("href")
    assert re.search(r"/2024/shandong/\d+/#" + last + "$", href), href  # not the part's first page
    cell.click()
    page.wait_for_url(f"**/2024/shandong/*/#{last}")  # the click's navigation, not the page before it
    group = page.locator(f"[id='{last}']")
    assert group.count() == 1 and group.is_visible()
    assert "（第" in page.locator("h1").inner_text()
    links = page.locator(f"[id='{last}'] ~ ul a[href*='/plans/{last}-2024/']")
    assert links.count() > 0
