"""The second builder: Zensical (it reads the same mkdocs.yml; Material for MkDocs reaches
end of life on May 5, 2027) builds the generated docs/ into a site whose plan pages,
item anchors and search work as MkDocs + Material's do. The README's builder stays
MkDocs + Material (see README, Scaling); this keeps the way out open and tested."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from browser.conftest import result_links, wait_for_search
from conftest import PLANS, copy_project
from generator.data import loader
from generator.site import build as site

ZENSICAL = Path(sys.executable).parent / "zensical"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("zensical") / "eduplans")
    site.generate(root)
    done = subprocess.run([str(ZENSICAL), "build", "-f", "mkdocs.yml"], cwd=root, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No issues found" in done.stdout + done.stderr, done.stdout + done.stderr
    return root / "site"


def test_every_plan_page_and_item_anchor_is_built(zensical_site):
    catalog, _ = loader.load_paths([PLANS])
    assert catalog is not None
    for plan in catalog.plans:
        html = (zensical_site / "plans" / plan.id / "index.html").read_text(encoding="utf-8")
        missing = [i.anchor for i in plan.all_items() if f'id="{i.anchor}"' not in html]
        assert not missing, (plan.id, missing[:5])


def test_the_search_page_and_its_index_are_built(zensical_site):
    html = (zensical_site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'id="eduplans-search"' in html and 'src="../assets/js/search.js"' in html
    assert (zensical_site / "search" / "meta.js").exists() and (zensical_site / "assets" / "js" / "search.js").exists()


def test_search_works_in_the_zensical_site(page, zensical_site):
    """Opened from disk: the index loads as scripts, so no server is needed."""
    page.goto((zensical_site / "search" / "index.html").as_uri() + "?q=%E9%9B%99%E6%B8%9B")  # 雙減
    wait_for_search(page)
    assert any(link.endswith("plans/qingdao-2024/#22") for link in result_links(page))
