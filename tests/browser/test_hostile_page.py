"""A plan full of markup, built into the real site and opened in Chromium: every
piece shows as text and nothing runs."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from conftest import FIXTURES, _QuietHandler, copy_project


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    from generator.site import build as site

    root = copy_project(tmp_path_factory.mktemp("hostile") / "eduplans")
    shutil.copy(FIXTURES / "hostile-2024.yml", root / "plans" / "hostile-2024.yml")
    built = site.build(root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("path", ["plans/hostile-2024/", "localities/qingdao/", "years/2024/", "plans/",
                                  "compare/qingdao/", "compare/qingdao/?vs=hostile-2024--qingdao-2026#pairs", "data/"])
def test_markup_from_a_plan_file_never_runs(page, hostile_url, path):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_url + path)
    page.wait_for_timeout(300)
    assert not dialogs
    assert page.locator("script:not([src]):not([type='application/json'])").evaluate_all(
        "els => els.filter(e => e.textContent.includes('alert')).length") == 0
    assert page.locator("script[type='application/json']").evaluate_all(  # data for the page script, never closed early
        "els => els.filter(e => /[<>&]/.test(e.textContent) || e.children.length).length") == 0
    assert page.locator("[onerror], [onload], [onclick], [onmouseover]").count() == 0


def test_the_text_shows_literally(page, hostile_url):
    page.goto(hostile_url + "plans/hostile-2024/")
    body = page.locator("article").inner_text()
    for literal in ("<script>alert(6)</script>", "{{ config.site_name }}", "!!! danger", "--8<--",
                    "<svg onload=alert(5)> | 表格 | 单元格 |", "{ #evil .evil onclick=alert(4) }"):
        assert literal in body, literal
    assert page.title().startswith("青岛市 2024：<script>")


def test_the_side_by_side_keeps_the_titles_as_text(page, hostile_url):
    """The comparison's page data carries the item titles into a script element; the
    page script puts them into the page as text. (The hostile items have no theme: the
    page is served with each item under the first theme, so that all are drawn.)"""
    import json
    import re

    def every_item_themed(route):
        html = route.fetch().text()
        found = re.search(r'(<script class=comparison-data type=application/json>)(.*?)(</script>)', html)
        data = json.loads(found.group(2))
        themes = data["columns"]["item"].index("themes")
        for plan in data["plans"]:
            for item in plan["items"]:
                item[themes] = [0]
        escaped = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
        route.fulfill(body=html[:found.start(2)] + escaped + html[found.end(2):], content_type="text/html")

    page.route("**/compare/qingdao/?vs=*", every_item_themed)
    page.goto(hostile_url + "compare/qingdao/?vs=hostile-2024--qingdao-2026#pairs")
    assert "1. <svg onload=alert(5)> | 表格 | 单元格 |" in page.locator(".side-by-side-themes").inner_text()
    assert page.locator(".side-by-side-themes svg, .side-by-side-themes script, .side-by-side-themes img").count() == 0
