"""Real Chromium driven by Playwright: the first browser found of $EDUPLANS_CHROMIUM,
Debian's chromium, Google Chrome (GitHub's runner image has it), Playwright's own
download, or one Playwright downloads now where the network allows.

Nothing here skips: without a browser the browser tests fail with one line saying what
to install, because a browser check that did not run must not be reported as passing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
INSTALL_HINT = ("no Chromium for the browser tests: install Debian's (apt-get install chromium fonts-noto-cjk), "
                "or run .venv/bin/playwright install chromium, or set EDUPLANS_CHROMIUM=/path/to/chrome")


def find_chromium(playwright) -> str | None:
    """The browser to drive: a path, or None for Playwright's own download."""
    explicit = os.environ.get("EDUPLANS_CHROMIUM")
    if explicit:
        if not Path(explicit).exists():
            pytest.fail(f"EDUPLANS_CHROMIUM={explicit} does not exist", pytrace=False)
        return explicit
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    if Path(playwright.chromium.executable_path).exists():
        return None
    installed = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], capture_output=True,
                               timeout=600)
    if installed.returncode == 0 and Path(playwright.chromium.executable_path).exists():
        return None
    pytest.fail(INSTALL_HINT, pytrace=False)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = find_chromium(playwright)
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
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
