"""The one authority on where things live: page paths in docs/, public URLs, links
between pages, and the locations generation owns.

Every page, link, download row and test asks here (the idea of Pelican's
``url``/``save_as``): a page's docs path decides its public URL, as MkDocs publishes
it with ``use_directory_urls`` (``plans/x.md`` → ``plans/x/``). Public URLs are
permanent: changing a function here moves pages, so a test pins each form.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

# Generated files and folders directly inside docs/; everything else there is
# hand-written and committed. .gitignore, the build's staging and the tests derive
# from this list.
GENERATED = ("index.md", "contributing.md", "plans", "localities", "provinces", "years", "themes", "compare", "data",
             "feeds", "search", "js")
PROVINCES_FILE = Path(__file__).parent / "rules" / "provinces.yml"
FILE_SUFFIXES = {"data": (".json", ".csv", ".sqlite"), "feeds": (".xml", ".json"), "search": (".js",),
                 "compare": (".html",), "js": (".js",)}  # generated files other than pages

HOME = "index.md"
PLANS = "plans/index.md"
LOCALITIES = "localities/index.md"
YEARS = "years/index.md"
THEMES = "themes/index.md"
DATA = "data/index.md"
SEARCH = "search/index.md"
CONTRIBUTING = "contributing.md"
ABOUT = "about.md"  # hand-written
ABOUT_DUIBIAO = "duibiao"  # its part on 对标 (a heading's id written there)


def plan(plan_id: str) -> str:
    return f"plans/{plan_id}.md"


def locality(locality_id: str) -> str:
    return f"localities/{locality_id}.md"


def year(value: int) -> str:
    return f"years/{value}.md"


def theme(theme_id: str) -> str:
    return f"themes/{theme_id}/index.md"


def theme_year(theme_id: str, value: int) -> str:
    return f"themes/{theme_id}/{value}.md"


@lru_cache(maxsize=1)
def _slugs() -> tuple[dict[str, str], str]:
    data = yaml.safe_load(PROVINCES_FILE.read_text(encoding="utf-8"))
    return data["provinces"], data["unknown"]


def province_slug(province: str | None) -> str:
    """The URL part of a province (山东省 → shandong); the schema admits only listed names."""
    slugs, unknown = _slugs()
    return slugs[province] if province else unknown


def _paged(base: str, page: int) -> str:
    """A listing in pages: the first at base.md (its URL from before paging), page n at
    base/n.md."""
    if page < 1:
        raise ValueError(f"{base}: pages count from 1, not {page}")
    return f"{base}.md" if page == 1 else f"{base}/{page}.md"


def year_part(value: int, province_name: str | None, page: int = 1) -> str:
    """A large year page's part for one province: years/2024/shandong.md, and where the
    province has many plans, its further pages years/2024/shandong/2.md …"""
    return _paged(f"years/{value}/{province_slug(province_name)}", page)


def theme_year_part(theme_id: str, value: int, province_name: str | None, page: int = 1) -> str:
    return _paged(f"themes/{theme_id}/{value}/{province_slug(province_name)}", page)


def province(name: str | None, page: int = 1) -> str:
    return _paged(f"provinces/{province_slug(name)}", page)


def comparison(locality_id: str) -> str:
    return f"compare/{locality_id}/index.md"


def pair(locality_id: str, earlier: str, later: str) -> str:
    """Where two plans had their side-by-side page until 2026-11 (now a moved page)."""
    return f"compare/{locality_id}/{earlier}--{later}.md"


def moved_file(path: str, directory_urls: bool) -> str:
    """The file that answers at a moved page's address, written as it is served, not
    built by MkDocs: 'compare/q/a--b/index.html', or 'compare/q/a--b.html' offline."""
    address = public(path, directory_urls=directory_urls)
    return address + "index.html" if address.endswith("/") else address


def side_by_side_query(earlier: str, later: str) -> str:
    """The comparison page with two plans side by side (docs/assets/js/comparison.js reads vs)."""
    return f"?vs={earlier}--{later}#pairs"


COMPARE_PLANS = "compare/index.md"  # any two plans side by side (对标), drawn by the page script
# The script every page loads (mkdocs.yml extra_javascript): the hand-written parts in
# docs/assets/js, in this order, as one file: one tag on each page, not one a part
# (~450 bytes a page, 1.3 KB a plan at 10,000 plans).
PAGE_SCRIPT = "js/eduplans.js"
PAGE_SCRIPT_PARTS = tuple(f"assets/js/{name}.js" for name in (
    "decode",     # the page data's rows, read by their columns' names
    "dom",
    "index",      # the search index's reader: the plans a plan page's 对标 field offers
    "planpick",   # that field
    "related",    # a plan page's related items
    "comparison",  # a comparison's carried and new items, and its side by side
    "cite",       # an item's citation
    "alignment",  # a plan page's 对标: take-ups, peers, the field
    "page",       # ¶ links, access dates, opened blocks; runs each part
))
COMPARE_SCRIPTS = tuple(f"assets/js/{name}.js" for name in ("pairing", "sidebyside", "compare"))
# ^ hand-written, in load order: 对标's own parts; the search index's reader and the plan
# field are in the every-page file, which runs after them (compare.js starts when all have)


def plans_query(a: str, b: str | None = None) -> str:
    """The side-by-side page's state: ?a=qingdao-2024&b=rongcheng-2024 (docs/assets/js reads a and b)."""
    return f"?a={a}" + (f"&b={b}" if b else "")


def plan_data(plan_id: str) -> str:
    """One plan as data, in the downloads' format: data/plans/qingdao-2024.json (only while
    the downloads live on the site: generator/site/rules/downloads.yml)."""
    return f"data/plans/{plan_id}.json"


def feed(locality_id: str | None) -> str:
    """The Atom feed of the whole atlas (None), or of one locality's plans."""
    return f"feeds/{locality_id}.xml" if locality_id else "feeds/atom.xml"


def json_feed(atom_path: str) -> str:
    """The JSON Feed beside an Atom feed: feeds/qingdao.json."""
    return atom_path[: -len(".xml")] + ".json"


def download(name: str) -> str:
    """A file of the dataset: data/eduplans.json, data/items.csv …"""
    return f"data/{name}"


# Hand-written: the browser side of the index, one small classic script per part (modules
# would not load over file://, where the offline bundle opens pages), in the order they
# need each other.
SEARCH_SCRIPTS = tuple(f"assets/js/{name}.js" for name in ("normalise", "keys", "ranking", "shards", "render",
                                                            "search"))
# ^ decode and index (the index's reader) are in the every-page file, which runs after them


def search_file(name: str) -> str:
    """A file of the search index: search/k/12.js, search/meta.js."""
    return f"search/{name}.js"


def search_folder_public(page: str, directory_urls: bool = True) -> str:
    """The index folder as a link prefix from any page as the browser has it ('../../search/'
    from plans/x/, '../search/' from plans/x.html, '' from search/index.md): for the data of
    a page's script. An index page is published at its folder either way."""
    return rel_public(page, search_file("meta"), directory_urls)[: -len("meta.js")]


def root_from(page: str) -> str:
    """The site's root as a link prefix from an index page ('../' from search/index.md),
    which is published at its folder both with and without directory URLs."""
    if not page.endswith("index.md"):
        raise ValueError(f"{page}: only an index page is published at its own folder")
    return "../" * page.count("/")


def file_link(source: str, target: str) -> str:
    """Link to an index page's own file (search/index.html), which every host and file://
    serve alike: a form's action, which no builder rewrites."""
    if not target.endswith("index.md"):
        raise ValueError(f"{target}: only an index page is published as its folder's index.html")
    return rel(source, target)[: -len(".md")] + ".html"


def release_asset(repo_url: str, name: str) -> str:
    """A file attached to the repository's latest release (GitHub's stable link to it)."""
    return f"{repo_url.rstrip('/')}/releases/latest/download/{name}"


def rel(source: str, target: str, anchor: str = "") -> str:
    """Link from one docs page to another, as MkDocs resolves Markdown links. Both are
    docs paths without '..', so the common folders are counted directly (posixpath.relpath
    asks the file system for the working folder on every call: a tenth of a large render)."""
    folders, parts = source.split("/")[:-1], target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    path = "/".join([".."] * (len(folders) - common) + parts[common:])
    return f"{path}#{anchor}" if anchor else path


def rel_public(source: str, target: str, directory_urls: bool) -> str:
    """A link from one page to another as the browser follows it: for links that MkDocs
    does not rewrite, as in the data of a page's script ('plans/x/' or 'plans/x.html')."""
    return rel(public(source, directory_urls=directory_urls), public(target, directory_urls=directory_urls))


def public(path: str, anchor: str = "", base: str = "", directory_urls: bool = True) -> str:
    """The published URL of a docs path: 'plans/x.md' → 'plans/x/', 'index.md' → ''; in
    the offline bundle (no directory URLs) 'plans/x.md' → 'plans/x.html'."""
    if path.endswith(".md") and not directory_urls:
        path = path[: -len(".md")] + ".html"
    elif path.endswith(".md"):
        stem = path[: -len(".md")]
        path = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else f"{stem}/"
    return f"{base}{path}" + (f"#{anchor}" if anchor else "")


def plan_url(plan_id: str, base: str = "") -> str:
    return public(plan(plan_id), base=base)


def item_url(plan_id: str, anchor: str, base: str = "") -> str:
    """The stable address of an item: cite this."""
    return public(plan(plan_id), anchor, base)
