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


def wait_for_search(page) -> None:
    """Until the search page has shown its answer (the script marks it done)."""
    page.wait_for_selector("#eduplans-search[data-state=done], #eduplans-search[data-state=error]", timeout=20000)
    assert page.get_attribute("#eduplans-search", "data-state") == "done", page.inner_text(".search-status")


def search(page, query: str) -> None:
    """Type a query into the search page the way a person does (the page is already open)."""
    page.wait_for_selector("#eduplans-search[data-ready=true]")
    box = page.locator("#search-q")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=query.strip())
    wait_for_search(page)


def result_links(page) -> list[str]:
    """Every hit's link, after asking for more until there is no more."""
    for _ in range(100):
        more = page.locator(".search-more")
        if not more.is_visible():
            break
        count = page.locator(".search-hit").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.search-hit').length > n", arg=count)
    return page.eval_on_selector_all(".search-hit-link", "els => els.map(e => e.href)")


SCALED_COPIES = 40  # every bundled place copied 40 times as new places: 440 plans, 13,000 items


@pytest.fixture(scope="session")
def scaled_site(tmp_path_factory):
    """The real site of a scaled atlas (the benchmark's copies), served over HTTP. Its
    page budgets are lowered so that 440 plans are paged as 10,000 would be (a province's
    theme-year in pages of 60 items, its year in pages of 20 plans, its localities in
    pages of 50): the pages, pagers and links are the same code at every size."""
    import functools
    import http.server
    import threading

    from conftest import ROOT, _QuietHandler, configured
    from generator.site import build

    sys.path.insert(0, str(ROOT / "scripts"))
    from benchmark import scaled_project

    root = scaled_project(tmp_path_factory.mktemp("scaled") / "eduplans", SCALED_COPIES)
    with configured(root, page_items=60, page_plans=20, page_localities=50):
        site = build.build(root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
