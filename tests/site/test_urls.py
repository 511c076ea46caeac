"""Public URLs are permanent: each form is pinned here, and the generated locations
are listed once (urls.GENERATED) and kept in step with .gitignore and mkdocs.yml."""

from __future__ import annotations

import yaml

from generator.site import build, urls
from conftest import ROOT


def test_every_page_kind_keeps_its_public_url():
    assert urls.public(urls.HOME) == ""
    assert urls.public(urls.plan("qingdao-2024")) == "plans/qingdao-2024/"
    assert urls.item_url("qingdao-2024", "8a", "https://e.org/") == "https://e.org/plans/qingdao-2024/#8a"
    assert urls.plan_url("qingdao-2024", "https://e.org/") == "https://e.org/plans/qingdao-2024/"
    assert urls.public(urls.locality("qingdao")) == "localities/qingdao/"
    assert urls.public(urls.year(2024)) == "years/2024/"
    assert urls.public(urls.theme("preschool")) == "themes/preschool/"
    assert urls.public(urls.theme_year("preschool", 2024)) == "themes/preschool/2024/"
    assert urls.public(urls.comparison("qingdao")) == "compare/qingdao/"
    assert urls.public(urls.pair("qingdao", "qingdao-2021", "qingdao-2024")) == \
        "compare/qingdao/qingdao-2021--qingdao-2024/"
    assert [urls.public(p) for p in (urls.PLANS, urls.LOCALITIES, urls.YEARS, urls.THEMES, urls.DATA)] == \
        ["plans/", "localities/", "years/", "themes/", "data/"]
    assert urls.public(urls.download("items.csv")) == "data/items.csv"


def test_links_are_relative_to_the_linking_page():
    assert urls.rel(urls.plan("a-2024"), urls.theme("preschool")) == "../themes/preschool/index.md"
    assert urls.rel(urls.theme_year("t", 2024), urls.plan("a-2024"), "3") == "../../plans/a-2024.md#3"


def test_generated_locations_are_ignored_by_git_and_nothing_else_is():
    ignored = {line.strip().rstrip("/") for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
               if line.startswith("docs/")}
    assert ignored == {f"docs/{name}" for name in urls.GENERATED}


def test_no_generated_page_is_committed():
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    assert not [t for t in tracked if t.split("/")[1] in urls.GENERATED]


def test_mkdocs_lists_the_live_hook_that_the_build_leaves_out():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0])
    assert build.LIVE_HOOK in config["hooks"]


def test_the_site_name_has_one_home():
    from generator.site import labels

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0])
    assert config["site_name"] == labels.SITE_NAME


def test_feeds_and_plan_data_keep_their_urls():
    assert urls.public(urls.feed(None)) == "feeds/atom.xml"
    assert urls.public(urls.feed("qingdao")) == "feeds/qingdao.xml"
    assert urls.json_feed(urls.feed("qingdao")) == "feeds/qingdao.json"
    assert urls.public(urls.plan_data("qingdao-2024")) == "data/plans/qingdao-2024.json"
    assert urls.public(urls.year_part(2024, "山东省")) == "years/2024/shandong/"
    assert urls.public(urls.theme_year_part("preschool", 2024, None)) == "themes/preschool/2024/unknown/"
    assert urls.public(urls.province("山东省")) == "provinces/shandong/"


def test_links_match_what_posixpath_computes_for_every_page_pair():
    import itertools
    import posixpath

    paths = [urls.HOME, urls.plan("a-2024"), urls.theme("t"), urls.theme_year("t", 2024),
             urls.theme_year_part("t", 2024, "山东省"), urls.year(2024), urls.year_part(2024, None), urls.DATA,
             urls.pair("q", "a", "b"), urls.feed("q"), urls.plan_data("a-2024"), urls.province("山东省")]
    for source, target in itertools.product(paths, repeat=2):
        assert urls.rel(source, target) == posixpath.relpath(target, posixpath.dirname(source) or "."), (source, target)


def test_every_hand_written_script_is_loaded_by_a_page_and_every_page_loads_one_file():
    """docs/assets/js: each part runs on every page (in the one file urls.PAGE_SCRIPT), on the
    search page or on the side-by-side page; mkdocs.yml loads the one file, which holds the
    parts in their order."""
    from generator.site import pages

    written = {f"assets/js/{p.name}" for p in (ROOT / "docs" / "assets" / "js").glob("*.js")}
    assert written == set(urls.PAGE_SCRIPT_PARTS) | set(urls.SEARCH_SCRIPTS) | set(urls.COMPARE_SCRIPTS)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["extra_javascript"] == [urls.PAGE_SCRIPT]
    script = pages.page_script()
    starts = [script.index(f"/* {part} */\n") for part in urls.PAGE_SCRIPT_PARTS]
    assert starts == sorted(starts) and starts[0] == 0
