"""The offline bundle opened from disk (file://): navigation and search, no network."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import copy_project
from browser.conftest import result_links, search


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory) -> Path:
    from generator.site import build as site

    root = copy_project(tmp_path_factory.mktemp("bundle") / "eduplans")
    archive = site.bundle(root, root / "dist", "2026-01-01")
    assert archive.name == "eduplans-offline-2026-01-01.zip"
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert "eduplans-offline/index.html" in names
        assert "eduplans-offline/search/search_index.js" in names
        assert "eduplans-offline/assets/vendor/iframe-worker/shim.js" in names
        zipped.extractall(target)
    print(f"\noffline bundle: {archive.stat().st_size / 1e6:.1f} MB zipped")
    return target / "eduplans-offline"


def test_bundle_refers_to_no_other_host(unzipped):
    for page in unzipped.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "fonts.googleapis" not in html, page
        assert 'src="http' not in html, page


def test_navigation_and_search_from_disk(page, unzipped):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto((unzipped / "plans" / "qingdao-2024.html").as_uri())
    assert page.title().startswith("青岛市 2024")
    page.locator("[id='22'] ~ p.chips a.chip", has_text="双减与课后服务").first.click()
    page.wait_for_url("**/themes/double-reduction/index.html")
    page.go_back()
    page.wait_for_url("**/plans/qingdao-2024.html")

    assert page.locator("input.md-search__input").is_visible(), "search box hidden: the worker shim failed"
    search(page, "双减")
    links = result_links(page)
    assert any(l.endswith("plans/qingdao-2024.html?h=%E5%8F%8C%E5%87%8F#22") or
               ("qingdao-2024.html" in l and l.endswith("#22")) for l in links), links[:5]
    page.goto((unzipped / "compare" / "qingdao" / "index.html").as_uri())
    assert page.locator("svg.chart rect.chart-bar").count() >= 10
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in requests), \
        [u for u in requests if not u.startswith("file://")][:5]
    assert not errors, errors
