"""The search page over a scaled atlas (every place copied 40 times as new places: 440
plans, 13,000 items): answers stay exact, candidates spread over many files are verified
as the reader pages on, and a query fetches a few files, not the index."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from browser.conftest import SCALED_COPIES, result_links, wait_for_search

COPIES = SCALED_COPIES


@pytest.fixture(scope="module")
def scaled_search(scaled_site):
    _, url = scaled_site  # the scaled atlas's real site (browser/conftest.py)
    return f"{url}search/"


def ask(page, url: str, query: str, **filters: str) -> list[str]:
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items())
    page.goto(f"{url}?{params}")
    wait_for_search(page)
    return page.inner_text(".search-status")


def marks(page) -> list[str]:
    return page.eval_on_selector_all(".search-hit-heading mark, .search-hit-text mark", "els => els.map(e => e.textContent)")


def test_a_frequent_phrase_is_exact_and_counted(page, scaled_search):
    status = ask(page, scaled_search, "上合")
    assert f"{3 * COPIES} 条任务" in status
    assert marks(page) and set(marks(page)) == {"上合"}


def test_candidates_in_many_files_are_verified_page_by_page(page, scaled_search):
    """双减工作 is three keys: items holding 双减, 减工 and 工作 apart are candidates too;
    too many to verify at once, so the count is an upper bound and every shown hit holds it."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    status = ask(page, scaled_search, "双减工作")
    assert "至多" in status
    first = len(page.locator(".search-hit").all())
    assert first >= 20 and page.locator(".search-more").is_visible()
    searched = [u for u in requests if "/search/" in u and u.endswith(".js")]
    assert len(searched) < 60, f"one query fetched {len(searched)} index files"
    links = result_links(page)
    assert len(links) == 4 * COPIES  # every candidate verified in the end: exactly the items holding it
    texts = page.eval_on_selector_all(".search-hit", "els => els.map(e => e.textContent.replace(/[“”]/g, ''))")
    assert all("双减工作" in t for t in texts)


def test_traditional_and_simplified_give_the_same_answer(page, scaled_search):
    ask(page, scaled_search, "雙減")
    traditional = result_links(page)
    ask(page, scaled_search, "双减")
    assert traditional == result_links(page) and len(traditional) == 8 * COPIES


def test_closest_matches_at_scale(page, scaled_search):
    status = ask(page, scaled_search, "近视防空")
    assert "最接近" in status
    assert "近视" in "".join(marks(page)[:5])


def test_facets_combine_at_scale(page, scaled_search):
    everything = ask(page, scaled_search, "学前教育")
    narrowed = ask(page, scaled_search, "学前教育", year="2024", province="山东省", level="区县级")
    count = lambda status: int(re.search(r"(\d+) 条任务", status).group(1))  # noqa: E731
    assert 0 < count(narrowed) < count(everything)
    assert page.locator(".search-chip").count() == 3
    wheres = page.eval_on_selector_all(".search-hit-where", "els => els.map(e => e.textContent)")
    assert wheres and all(w.endswith("2024") and ("荣成" in w or "XX区" in w or "XX县" in w) for w in wheres)
    located = ask(page, scaled_search, "学前教育", locality="qingdao-c7")
    wheres = page.eval_on_selector_all(".search-hit-where", "els => els.map(e => e.textContent)")
    assert "条任务" in located and wheres and all(w.startswith("青岛市（7）") for w in wheres)


def headings(page) -> list[str]:
    return page.eval_on_selector_all(".search-hit-heading", "els => els.map(e => e.textContent.replace(/[“”]/g, ''))")


def test_title_hits_come_first_however_many_items_hold_the_word(page, scaled_search):
    """双减 is in 8 items of each copy and in the titles of 4: the first screen holds title
    hits, and every title hit comes before every other hit, across all pages (ranked
    before paging, from the index, without loading the items' text)."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    ask(page, scaled_search, "双减")
    first = headings(page)
    assert len(first) >= 20 and all("双减" in h for h in first), first
    assert len([u for u in requests if "/search/" in u and u.endswith(".js")]) < 60
    result_links(page)
    titled = ["双减" in h for h in headings(page)]
    assert titled.count(True) == 4 * COPIES and titled == sorted(titled, reverse=True)


def test_newest_first_at_scale(page, scaled_search):
    ask(page, scaled_search, "双减", sort="new")
    years = [int(w.split()[-1]) for w in page.eval_on_selector_all(".search-hit-where", "els => els.map(e => e.textContent)")]
    assert years[0] == 2026 and years == sorted(years, reverse=True)
    assert not all("双减" in h for h in headings(page)), "newest first, not title hits first"
