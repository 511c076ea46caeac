"""上下对照 as a reader sees it, on a site built from the hand-made fixtures of
tests/fixtures/alignment: under each county item the city task it takes up (or that it
is the county's own), under each city item how many of its two counties take it up,
with links; peers with their side-by-side view; the field that picks another plan.
Which task each county item takes up is expected.yml's, written by hand."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest
import yaml

from conftest import FIXTURES, _QuietHandler, copy_project

HERE = FIXTURES / "alignment"
EXPECTED = yaml.safe_load((HERE / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    from generator.site import build as site

    root = copy_project(tmp_path_factory.mktemp("alignment") / "eduplans")
    for plan in (root / "plans").glob("*.yml"):
        if plan.name != "themes.yml":
            plan.unlink()
    for path in HERE.glob("*.yml"):
        if path.name != "expected.yml":
            shutil.copy(path, root / "plans" / path.name)
    shutil.rmtree(root / "raw")  # the fixtures cite no raw file
    (root / "raw").mkdir()
    built = site.build(root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _lines(page) -> dict[str, list[tuple[str, list[str]]]]:
    """Each item's 对标 lines as drawn: its text and its links' targets."""
    return page.evaluate("""() => {
      const found = {};
      for (const p of document.querySelectorAll('p.alignment')) {
        let h = p.previousElementSibling;
        while (!h.matches('.item[id]')) h = h.previousElementSibling;
        (found[h.id] ??= []).push([p.textContent, [...p.querySelectorAll('a')].map(a => a.getAttribute('href'))]);
      }
      return found;
    }""")


@pytest.mark.parametrize("plan_id", sorted(EXPECTED["takes_up"]))
def test_each_county_item_shows_the_city_task_it_takes_up_or_that_it_is_its_own(page, fixture_site, plan_id):
    page.goto(f"{fixture_site}plans/{plan_id}/")
    page.wait_for_selector("p.alignment")
    lines = _lines(page)
    for anchor, city_item in EXPECTED["takes_up"][plan_id].items():
        ((text, links),) = lines[anchor]
        if city_item is None:
            assert text == "本地自有任务" and links == []
        else:
            assert text.startswith("承接上级任务（相似度 0.") and f"甲城市 {city_item}. " in text
            assert links == [f"../jiacheng-2025/#{city_item}"]
    page.locator("p.alignment a").first.click()
    page.wait_for_url("**/plans/jiacheng-2025/#*")


def test_each_city_item_counts_the_counties_taking_it_up(page, fixture_site):
    page.goto(f"{fixture_site}plans/jiacheng-2025/")
    page.wait_for_selector("p.alignment")
    lines = _lines(page)
    names = {"yixian-2025": "乙县", "bingxian-2025": "丙县"}
    for anchor, takers in EXPECTED["taken_up_by"].items():
        ((text, links),) = lines[anchor]
        assert text.startswith(f"下辖 2 个地区中 {len(takers)} 个有对应任务")
        assert sorted(link.split("#")[0] for link in links) == sorted(f"../{t}/" for t in takers)
        assert all(names[t] in text for t in takers)
    peers = page.locator("#duibiao ~ ul.peers li")
    assert peers.count() == 1 and peers.first.locator("a").first.inner_text() == "丁城市 2025"
    peers.first.locator("a", has_text="并排对比").click()
    page.wait_for_url("**/compare/?a=jiacheng-2025&b=dingcheng-2025")
    page.wait_for_selector("#compare-plans[data-state=done]")


def test_the_field_picks_another_plan_as_the_reader_types(page, fixture_site):
    page.goto(f"{fixture_site}plans/yixian-2025/")
    field = page.locator("form.compare-pick input[name=b]")
    field.focus()  # the list of plans loads on first use
    page.wait_for_function("document.querySelectorAll('#compare-pick-list option').length === 5")
    field.fill("丁城市 2025")
    page.locator("form.compare-pick .compare-go").click()
    page.wait_for_url("**/compare/?a=yixian-2025&b=dingcheng-2025")
    page.wait_for_selector("#compare-plans[data-state=done]")
