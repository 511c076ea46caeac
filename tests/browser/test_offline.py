"""The offline bundle opened from disk (file://): navigation and search, no network."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import copy_project
from browser.conftest import result_links, search, wait_for_search


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
        assert "eduplans-offline/search/index.html" in names and "eduplans-offline/search/meta.js" in names
        zipped.extractall(target)
    print(f"\noffline bundle: {archive.stat().st_size / 1e6:.1f} MB zipped")
    return target / "eduplans-offline"


def test_bundle_refers_to_no_other_host(unzipped):
    for page in unzipped.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "fonts.googleapis" not in html, page
        assert not re.search(r"""\bsrc=["']?(https?:)?//""", html), page  # quoted or not (the pages are minified)


def test_navigation_and_search_from_disk(page, unzipped):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto((unzipped / "plans" / "qingdao-2024.html").as_uri())
    assert page.title().startswith("青岛市：2024年全市教育工作要点")
    page.locator("[id='22'] ~ p.chips a", has_text="双减与课后服务").first.click()
    page.wait_for_url("**/themes/double-reduction/index.html")
    page.go_back()
    page.wait_for_url("**/plans/qingdao-2024.html")
    related = page.locator("details.related a").all()
    assert related and all(re.match(r"[a-z0-9-]+\.html#", a.get_attribute("href")) for a in related)

    page.locator(".md-tabs a", has_text="搜索").click()
    page.wait_for_url("**/search/index.html")
    search(page, "雙減")
    links = result_links(page)
    assert any(link.endswith("plans/qingdao-2024.html#22") for link in links), links[:5]
    page.locator(".search-facet a", has_text="2026").first.click()
    wait_for_search(page)
    assert page.url.startswith("file://") and "year=2026" in page.url
    assert result_links(page) and all("qingdao-2026.html#" in link for link in result_links(page))
    page.locator(".search-hit-link").first.click()
    page.wait_for_url("**/plans/qingdao-2026.html#*")
    page.goto((unzipped / "compare" / "qingdao" / "index.html").as_uri())
    assert page.locator("svg.chart rect.chart-bar").count() >= 10
    page.select_option("select[name=earlier]", "qingdao-2019-ten-actions")
    assert page.url.endswith("compare/qingdao/index.html?vs=qingdao-2019-ten-actions--qingdao-2026#pairs")
    page.locator(".side-by-side-themes a", has_text="06. 推进学前教育优质普惠发展").first.click()
    page.wait_for_url("**/plans/qingdao-2026.html#6")
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in requests), \
        [u for u in requests if not u.startswith("file://")][:5]
    assert not errors, errors


def test_two_plans_side_by_side_from_disk(page, unzipped):
    """对标 from the bundle: the plans' items come from the index's script files, and a plan
    page's links to the side-by-side view keep their query over file://."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((unzipped / "plans" / "qingdao-2024.html").as_uri())
    page.locator("#duibiao ~ ul a", has_text="并排对比").first.click()
    page.wait_for_url("**/compare/index.html?a=qingdao-2024&b=*")
    page.goto((unzipped / "compare" / "index.html").as_uri() + "?a=qingdao-2024&b=rongcheng-2024")
    page.wait_for_selector("#compare-plans[data-state=done]", timeout=20000)
    assert page.inner_text(".compare-result h2") == "青岛市 2024 与 荣成市 2024"
    links = [a.get_attribute("href") for a in page.locator(".compare-result a").all()]
    assert links and all(re.match(r"\.\./plans/(qingdao|rongcheng)-2024\.html(#\w+)?$", h) for h in links), links[:3]
    page.locator(".compare-table a").first.click()
    page.wait_for_url("**/plans/qingdao-2024.html#*")
    assert not errors, errors
