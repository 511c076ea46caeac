"""Where the whole-atlas downloads live: on the site within a budget, else on the
releases, compressed; the data page says which, and nothing moves silently."""

from __future__ import annotations

import gzip

import pytest

from generator import cli
from generator.site import build as site
from generator.site import downloads, pages, urls
from conftest import PLANS, copy_project, site_settings

ON_PAGES = site_settings()  # the repository's: the downloads on the site, within 100 MB
RELEASED = site_settings(downloads=downloads.Place("releases", 100))


@pytest.fixture(scope="module")
def index():
    return site.load(PLANS)


def test_on_the_site_every_download_is_under_data(index):
    out = pages.render_all(index, ON_PAGES)
    assert all(urls.download(name) in out.pages for name in (*downloads.ATLAS, *downloads.SCHEMAS))
    assert "(eduplans.json)" in out.pages[urls.DATA] and "releases/latest" not in out.pages[urls.DATA]


def test_past_the_budget_the_build_fails_and_says_how_to_move_them(index):
    with pytest.raises(pages.BuildError) as failed:
        pages.render_all(index, site_settings(downloads=downloads.Place("pages", 0)))
    message = str(failed.value)
    assert "over the site's budget of 0 MB" in message and "where: releases" in message
    assert "data/eduplans.json" in message and "leave the site" in message


def test_on_the_releases_the_data_page_links_there_and_the_site_keeps_the_rest(index):
    out = pages.render_all(index, RELEASED)
    assert not [name for name in downloads.ATLAS if urls.download(name) in out.pages]
    assert all(urls.download(name) in out.pages for name in downloads.SCHEMAS)
    data_page = out.pages[urls.DATA]
    assert "https://github.com/eduplans/eduplans/releases/latest/download/eduplans.sqlite.gz" in data_page
    assert "GitHub Releases" in data_page


def test_on_the_releases_a_plans_data_is_in_the_atlas_files_and_its_page_says_so(index):
    on_pages = pages.render_all(index, ON_PAGES)
    out = pages.render_all(index, RELEASED)
    assert "data/plans/qingdao-2024.json" in on_pages.pages
    assert not [path for path in out.pages if path.startswith("data/plans/")]
    assert "数据：[qingdao\\-2024\\.json](../data/plans/qingdao-2024.json)（" in on_pages.pages[urls.plan("qingdao-2024")]
    assert "数据：[数据下载](../data/index.md)：本计划的条目与指标在全库数据文件中" in out.pages[urls.plan("qingdao-2024")]
    assert "`data/plans/<计划编号>.json`" in on_pages.pages[urls.DATA] and "data/plans/" not in out.pages[urls.DATA]


def test_on_the_releases_without_a_repository_the_build_says_what_is_missing(index):
    with pytest.raises(pages.BuildError, match="set repo_url in mkdocs.yml"):
        pages.render_all(index, site_settings(downloads=downloads.Place("releases", 100), repo_url=None))


def test_the_release_files_are_the_site_files_compressed_and_reproducible(index, tmp_path, monkeypatch):
    monkeypatch.chdir(copy_project(tmp_path / "project"))  # the command reads mkdocs.yml and plans/ where it runs
    assert cli.main(["downloads", "--out", str(tmp_path / "a")]) == 0
    assert cli.main(["downloads", "--out", str(tmp_path / "b")]) == 0
    out = pages.render_all(index, ON_PAGES)
    for name in downloads.ATLAS:
        packed = (tmp_path / "a" / f"{name}.gz").read_bytes()
        assert packed == (tmp_path / "b" / f"{name}.gz").read_bytes(), f"{name}.gz differs between two runs"
        on_site = out.pages[urls.download(name)]
        assert gzip.decompress(packed) == (on_site if isinstance(on_site, bytes) else on_site.encode("utf-8"))
