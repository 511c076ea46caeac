"""A scaled atlas (every place copied as new places, 66 plans) built with a small
partition size: a reader goes from a year to a province's part to a plan, and from the
localities index to a province; every page is small and links resolve (strict build)."""

from __future__ import annotations

import functools
import http.server
import sys
import threading

import pytest

from conftest import ROOT, _QuietHandler, configured


@pytest.fixture(scope="module")
def scaled_url(tmp_path_factory):
    from generator.site import build as site

    sys.path.insert(0, str(ROOT / "scripts"))
    from benchmark import scaled_project  # the benchmark's scaled atlas: new places, same years

    root = scaled_project(tmp_path_factory.mktemp("scaled") / "eduplans", 6)
    with configured(root, partition_at=10):
        built = site.build(root)
    largest = max(p.stat().st_size for p in built.rglob("*.html"))
    assert largest < 500_000
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_year_to_province_to_plan(page, scaled_url):
    page.goto(scaled_url + "years/2024/")
    assert page.locator("h2", has_text="各省份").count() == 1
    page.get_by_role("link", name="2024年 山东省").first.click()
    page.wait_for_url("**/years/2024/shandong/")
    assert page.locator("h1").inner_text().rstrip("¶") == "2024年 山东省"
    page.get_by_role("link", name="2024年全市教育和体育工作要点").first.click()
    page.wait_for_url("**/plans/rongcheng*-2024/")


def test_localities_index_to_a_province(page, scaled_url):
    page.goto(scaled_url + "localities/")
    page.get_by_role("link", name="山东省").first.click()
    page.wait_for_url("**/provinces/shandong/")
    assert page.get_by_role("link", name="青岛市（3）").count() == 1
