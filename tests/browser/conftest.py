"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Nothing here skips: without Chromium the browser tests fail, because a browser
check that did not run must not be reported as passing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def search(page, query: str) -> None:
    """Type a query the way a person does: Material reads it on keyup."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__meta", state="visible")
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('正在')", timeout=20000
    )


def result_links(page) -> list[str]:
    """Every result link, after scrolling Material's lazily rendered list to the end."""
    previous = -1
    links: list[str] = []
    for _ in range(50):
        links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
        if len(links) == previous:
            break
        previous = len(links)
        page.eval_on_selector(".md-search__scrollwrap", "el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(150)
    return links
