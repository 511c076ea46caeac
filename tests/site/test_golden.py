"""Golden files: the Markdown (and downloads) of every page kind, rendered from small
real excerpts (tests/fixtures/site: four plans of Qingdao and Rongcheng, three
localities, five themes) and compared with tests/golden/site/.

After an intended change, refresh the expected files and review the diff:

    UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/site/test_golden.py
"""

from __future__ import annotations

import json
import os
import re

import pytest

from generator.analysis.index import build_index
from generator.data import loader
from generator.site import pages, search, urls
from conftest import FIXTURES, GOLDEN, site_settings
from support import markdown_like_mkdocs

SITE_FIXTURES = FIXTURES / "site"
EXPECTED = GOLDEN / "site"
# verbatim copies of repository files (the page script: tests/site/test_urls.py), the binary
# database (tests/site/test_site.py queries it) and OpenCC's table (tests/site/test_search.py checks it)
COPIES = {urls.CONTRIBUTING, urls.download("plan.schema.json"), urls.download("dataset.schema.json"),
          urls.download("eduplans.sqlite"), urls.search_file("t2s"), urls.PAGE_SCRIPT}


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    catalog, problems = loader.load_paths([SITE_FIXTURES])
    assert catalog is not None, [p.format() for p in problems]
    out = pages.render_all(build_index(catalog), site_settings())
    found = {path: readable(path, text) for path, text in out.pages.items() if path not in COPIES}
    if os.environ.get("UPDATE_GOLDENS"):
        for old in EXPECTED.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, text in found.items():
            (EXPECTED / path).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / path).write_text(text, encoding="utf-8")
    return found


def readable(path: str, text: str | bytes) -> str | bytes:
    """A search item file with its items as JSON, not as the gzip in base64 the page
    inflates: a diff to review, and the same on any zlib."""
    if not path.startswith("search/d/"):
        return text
    name, packed = re.fullmatch(r'eduplansSearch\.put\(("[^"]+"),"([^"]+)"\);\n', str(text)).groups()
    return f"eduplansSearch.put({name},{json.dumps(search.unpacked(packed), ensure_ascii=False)});  // packed\n"


def expected_files() -> list[str]:
    return sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file())


def test_every_page_kind_has_golden_files(rendered):
    kinds = {
        "plan": urls.plan("qingdao-2024"), "plan with a task table": urls.plan("qingdao-2019-ten-actions"),
        "locality": urls.locality("qingdao"), "locality without plans": urls.locality("weihai"),
        "year": urls.year(2024), "theme": urls.theme("preschool"), "theme without items": urls.theme("teachers"),
        "theme-year": urls.theme_year("preschool", 2024), "comparison": urls.comparison("qingdao"),
        "moved pair": urls.moved_file(urls.pair("qingdao", "qingdao-2019-ten-actions", "qingdao-2026"), True), "home": urls.HOME, "plans": urls.PLANS,
        "localities": urls.LOCALITIES, "years": urls.YEARS, "themes": urls.THEMES, "data": urls.DATA,
        "dataset": urls.download("eduplans.json"), "items": urls.download("items.csv"),
        "search": urls.SEARCH, "search index": urls.search_file("meta"), "search shard": urls.search_file("k/0"),
        "search items": urls.search_file("d/0"),
    }
    missing = {kind: path for kind, path in kinds.items() if path not in expected_files()}
    assert not missing


def test_the_same_pages_are_generated(rendered):
    assert sorted(rendered) == expected_files()


@pytest.mark.parametrize("path", expected_files())
def test_page_matches_its_golden_file(rendered, path):
    assert rendered[path] == (EXPECTED / path).read_text(encoding="utf-8"), \
        f"{path} differs from tests/golden/site/{path}; if the change is intended, refresh (see this module)"


@pytest.mark.parametrize("path", [p for p in expected_files() if p.endswith(".md")])
def test_no_table_row_renders_as_text(rendered, path):
    """A Markdown table interrupted by a paragraph shows its later rows as literal pipes."""
    html = markdown_like_mkdocs().convert(rendered[path].split("---\n", 2)[2])
    paragraphs = re.findall(r"<p>(.*?)</p>", html, re.S)
    stray = [line for p in paragraphs for line in p.split("\n") if line.startswith("|")]
    assert not stray, stray
