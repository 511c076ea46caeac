"""The built site: links and anchors resolve, nothing external, search index shape."""

from __future__ import annotations

import html
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest


class _Quoted(HTMLParser):
    """Re-writes a page in one form whatever the minifier did (build.minify drops optional
    quotes and may reorder attributes): every value in double quotes, attributes sorted."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(f"<{tag}" + "".join(f' {k}="{html.escape(v, quote=True)}"' if v is not None else f" {k}"
                                            for k, v in sorted(attrs, key=lambda a: a[0])) + ">")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def read_page(path: Path) -> str:
    parser = _Quoted()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return "".join(parser.out)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for key in ("src",):
            if attrs.get(key):
                self.assets.append(attrs[key])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.assets.append(attrs["href"])
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, _Page]:
    parsed = {}
    for file in built_site.rglob("*.html"):
        page = _Page()
        page.feed(file.read_text(encoding="utf-8"))
        parsed[file.relative_to(built_site).as_posix()] = page
    return parsed


SITE_PREFIX = "/eduplans/"  # the path of site_url in mkdocs.yml, used by 404.html


def _target(built_site: Path, source: str, href: str) -> tuple[str, str] | None:
    """The site file and fragment an internal link points at; None for external links."""
    url = urlparse(href)
    if url.scheme or url.netloc:
        return None
    path = unquote(url.path)
    if path.startswith(SITE_PREFIX):
        resolved = path[len(SITE_PREFIX):]
    elif path.startswith("/"):
        resolved = path.lstrip("/")
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), path)) if path else source
    if resolved in (".", ""):
        resolved = "index.html"
    elif path.endswith("/") or (built_site / resolved).is_dir():
        resolved = resolved.rstrip("/") + "/index.html"
    return resolved, unquote(url.fragment)


def test_every_internal_link_and_anchor_resolves(built_site, pages):
    broken = []
    checked = 0
    for source, page in pages.items():
        for href in page.links:
            target = _target(built_site, source, href)
            if target is None:
                continue
            file, fragment = target
            checked += 1
            if not (built_site / file).exists():
                broken.append(f"{source}: {href} → missing {file}")
            elif fragment and file.endswith(".html") and fragment not in pages[file].ids:
                broken.append(f"{source}: {href} → no #{fragment} in {file}")
    assert checked > 5000
    assert not broken, "\n".join(broken[:20])


def test_no_page_loads_anything_from_another_host(pages):
    external = [(name, a) for name, page in pages.items() for a in page.assets
                if urlparse(a).scheme in ("http", "https") or a.startswith("//")]
    assert not external, external[:5]


def test_no_google_fonts_and_no_generator_tag(built_site):
    html = read_page((built_site / "index.html"))
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert "squidfunk.github.io" not in html  # extra.generator: false drops the footer link
    assert 'data-md-component="source"' not in html  # the widget that calls the GitHub API


def test_titles_say_what_each_page_is(pages):
    assert pages["plans/qingdao-2024/index.html"].title.startswith("青岛市：2024年全市教育工作要点")  # the year once
    assert pages["themes/preschool/index.html"].title.startswith("主题：学前教育")
    assert pages["localities/qingdao/index.html"].title.startswith("青岛市：历年教育工作要点")
    assert pages["years/2024/index.html"].title.startswith("2024年各地教育工作要点")


def test_every_item_has_its_anchor_on_its_plan_page(pages):
    from generator.data import loader
    from conftest import PLANS

    catalog, _ = loader.load_paths([PLANS])
    for plan in catalog.plans:
        ids = pages[f"plans/{plan.id}/index.html"].ids
        missing = [i.anchor for i in plan.all_items() if i.anchor not in ids]
        assert not missing, (plan.id, missing)


def test_search_page_and_its_index_are_in_the_site_and_no_other_search(built_site):
    html = read_page((built_site / "search" / "index.html"))
    assert 'id="eduplans-search"' in html and 'src="../assets/js/search.js"' in html
    assert (built_site / "search" / "meta.js").exists() and (built_site / "assets" / "js" / "search.js").exists()
    assert not (built_site / "search" / "search_index.json").exists(), "Material's search index is not used"
    assert "md-search" not in html, "Material's search is not used"


def test_anonymized_locality_page_says_so(built_site):
    html = read_page((built_site / "localities" / "xx-county-a" / "index.html"))
    assert "来源文件隐去了这个地方的名称" in html


def test_plan_page_links_to_neighbours_theme_and_edit(built_site):
    html = read_page((built_site / "plans" / "qingdao-2024" / "index.html"))
    assert 'href="../qingdao-2021/"' in html and 'href="../qingdao-2026/"' in html
    assert "https://github.com/eduplans/eduplans/blob/main/plans/qingdao-2024.yml" in html
    assert re.search(r'<p class="chips"[^>]*>(<a href="[^"]*">[^<]*</a> )*<a href="../../themes/double-reduction/">', html)


def test_every_plan_heading_and_search_hit_says_which_place_and_year(built_site):
    html = read_page((built_site / "plans" / "rongcheng-2024" / "index.html"))
    assert re.search(r"<h1[^>]*>荣成市：2024年全市教育和体育工作要点", html)  # a title that names its year
    html = read_page((built_site / "plans" / "qingdao-2019-ten-actions" / "index.html"))
    assert re.search(r"<h1[^>]*>青岛市 2019：青岛市教育局实施“十大行动计划”", html)  # one that does not
    html = read_page((built_site / "plans" / "qingdao-2026" / "index.html"))
    assert re.search(r"<h1[^>]*>青岛市教育局2026年工作要点", html)  # one that names both
    meta = (built_site / "search" / "meta.js").read_text(encoding="utf-8")
    assert '"label":"{locality} {year}"' in meta  # a hit is labelled with its plan's label


def test_shared_links_get_a_title_and_description_from_the_page(built_site):
    html = read_page((built_site / "plans" / "qingdao-2024" / "index.html"))
    assert '<meta content="青岛市：2024年全市教育工作要点" property="og:title">' in html
    assert re.search(r'<meta content="青岛市2024年教育工作要点全文：\d+条任务[^"]*" property="og:description">', html)
    assert '<meta content="https://eduplans.github.io/eduplans/plans/qingdao-2024/" property="og:url">' in html
    assert "og:image" not in html  # no image, so no request to another host


def test_feeds_parse_and_list_each_localitys_plans(built_site):
    import feedparser

    atlas = feedparser.parse((built_site / "feeds" / "atom.xml").read_bytes())
    assert not atlas.bozo and atlas.feed.title == "地方教育工作要点全文库：新增与更新的计划"
    assert len(atlas.entries) == 11
    qingdao = feedparser.parse((built_site / "feeds" / "qingdao.xml").read_bytes())
    assert not qingdao.bozo
    assert sorted(e.link for e in qingdao.entries) == sorted(
        f"https://eduplans.github.io/eduplans/plans/{p}/"
        for p in ("qingdao-2019-ten-actions", "qingdao-2021", "qingdao-2024", "qingdao-2026"))
    assert all(e.title.startswith("青岛市") and re.search(r"20\d\d", e.title) and e.updated_parsed
               for e in qingdao.entries)
    json_feed = json.loads((built_site / "feeds" / "qingdao.json").read_text(encoding="utf-8"))
    assert json_feed["version"] == "https://jsonfeed.org/version/1.1" and len(json_feed["items"]) == 4
    html = read_page((built_site / "localities" / "qingdao" / "index.html"))
    assert re.search(r'<link href="../../feeds/qingdao.xml" rel="alternate feed"[^>]* type="application/atom\+xml">', html)


def test_each_plan_has_its_own_json_valid_against_the_dataset_schema(built_site):
    import jsonschema

    schema = json.loads((built_site / "data" / "dataset.schema.json").read_text(encoding="utf-8"))
    whole = json.loads((built_site / "data" / "eduplans.json").read_text(encoding="utf-8"))
    jsonschema.validate(whole, schema)
    one = json.loads((built_site / "data" / "plans" / "qingdao-2024.json").read_text(encoding="utf-8"))
    jsonschema.validate(one, schema)
    assert [p["id"] for p in one["plans"]] == ["qingdao-2024"]
    assert one["items"] == [i for i in whole["items"] if i["plan"] == "qingdao-2024"]
    html = read_page((built_site / "plans" / "qingdao-2024" / "index.html"))
    assert 'href="../../data/plans/qingdao-2024.json"' in html


def test_the_sqlite_download_holds_the_dataset_and_finds_chinese_text(built_site):
    import sqlite3

    whole = json.loads((built_site / "data" / "eduplans.json").read_text(encoding="utf-8"))
    db = sqlite3.connect(built_site / "data" / "eduplans.sqlite")
    for table in ("plans", "items", "targets"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(whole[table])
    owners = db.execute("SELECT owners FROM items WHERE plan = 'rongcheng-2024' AND anchor = '1'").fetchone()[0]
    assert json.loads(owners) == next(i["owners"] for i in whole["items"]
                                      if (i["plan"], i["anchor"]) == ("rongcheng-2024", "1"))
    hits = db.execute("SELECT items.plan, items.anchor FROM items_fts JOIN items ON items.rowid = items_fts.rowid "
                      "WHERE items_fts MATCH '\"公办园在园幼儿\"'").fetchall()
    expected = {(i["plan"], i["anchor"]) for i in whole["items"] if "公办园在园幼儿" in (i["text"] or "")}
    assert set(hits) == expected and expected


def test_the_header_icons_are_white_copies_of_the_material_icons_mkdocs_yml_names(built_site, pages):
    """The logo, repository and palette icons are images fetched once (theme.logo and
    overrides/partials), not inline SVG on every page; each is the icon mkdocs.yml names."""
    import material

    from generator.site import build
    from tests.conftest import ROOT

    theme = build.mkdocs_config(ROOT / "mkdocs.yml")["theme"]
    named = [theme["icon"]["repo"], *(option["toggle"]["icon"] for option in theme["palette"])]
    assert theme["logo"].startswith("assets/icons/")
    icons = Path(material.__file__).parent / "templates" / ".icons"
    shown = {src for src in pages["plans/qingdao-2024/index.html"].assets if "/assets/icons/" in src}
    assert {posixpath.normpath(posixpath.join("plans/qingdao-2024", src)) for src in shown} == \
        {f"assets/icons/{name}.svg" for name in named} | {theme["logo"]}
    for name in named + [theme["logo"][len("assets/icons/"):-len(".svg")]]:
        copy = (built_site / "assets" / "icons" / f"{name}.svg").read_text(encoding="utf-8")
        assert copy == (icons / f"{name}.svg").read_text(encoding="utf-8").replace('2000/svg"', '2000/svg" fill="#fff"', 1)


def test_the_palette_script_is_materials_own_from_a_file(built_site):
    import material

    inline = (Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "palette.html").read_text(
        encoding="utf-8")
    script = re.search(r"<script>(.*)</script>", inline).group(1)
    assert (built_site / "assets" / "palette.js").read_text(encoding="utf-8").strip() == script
    page = read_page(built_site / "plans" / "qingdao-2024" / "index.html")
    assert 'src="../../assets/palette.js"' in page and "__palette" not in page.split("palette.js")[1]


def test_a_plan_pages_contents_lists_its_parts_not_each_item(built_site):
    """The sidebar lists a plan's parts; its items are headings on the page itself (the
    item list doubled every plan page's headings: 5 KB a page at 10,000 plans)."""
    html = read_page(built_site / "plans" / "qingdao-2024" / "index.html")
    toc = html[html.index('data-md-component="toc"'):html.index('class="md-content"')]
    assert 'href="#s1"' in toc and 'href="#s6"' in toc
    assert 'href="#1"' not in toc and 'id="1"' in html


def test_theme_chips_carry_the_keywords_they_were_decided_by(built_site):
    html = read_page(built_site / "plans" / "qingdao-2024" / "index.html")
    assert re.search(r'<p class="chips" title="[^"]*双减与课后服务（[^"）]*双减[^"]*">', html)
    assert "鼠标悬停可见所依据的关键词" in html  # what the hover shows, said once on the page, not on every item


def test_a_pair_page_moved_to_the_comparison_which_chooses_the_pair(built_site):
    """Every two plans had a side-by-side page until 2026-11; their addresses stay as small
    pages that send the reader to the comparison with the pair chosen (?vs=), written as
    served: not pages of the sitemap."""
    assert "--qingdao-" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for earlier, later in (("qingdao-2019-ten-actions", "qingdao-2026"), ("qingdao-2024", "qingdao-2026")):
        moved = built_site / "compare" / "qingdao" / f"{earlier}--{later}" / "index.html"
        html = read_page(moved)
        assert f'<meta content="0; url=../?vs={earlier}--{later}#pairs" http-equiv="refresh">' in html
        assert '<link href="https://eduplans.github.io/eduplans/compare/qingdao/" rel="canonical">' in html
        assert f'<a href="../?vs={earlier}--{later}#pairs">青岛市历年对比</a>' in html and "md-header" not in html
        assert moved.stat().st_size < 1000
    comparison = read_page(built_site / "compare" / "qingdao" / "index.html")
    assert re.search(r'<select name="earlier">.*<option selected[^>]* value="qingdao-2024">2024年</option>.*</select>',
                     comparison)


def test_no_content_tabs_so_their_script_is_left_out():
    """overrides/partials/javascripts/content.html drops Material's script that opens a
    linked content tab: adding pymdownx.tabbed needs that script back."""
    from generator.site import build
    from tests.conftest import ROOT

    for config in ("mkdocs.yml", "mkdocs-offline.yml"):
        extensions = build.mkdocs_config(ROOT / config)["markdown_extensions"]
        assert "toc" in extensions and not any("tabbed" in str(e) for e in extensions), config


def test_a_comparisons_contents_lists_its_parts_not_each_target(built_site):
    html = read_page(built_site / "compare" / "qingdao" / "index.html")
    toc = html[html.index('data-md-component="toc"'):html.index('class="md-content"')]
    assert 'href="#targets"' in toc and 'href="#series-' not in toc and 'id="series-' in html


def test_a_page_that_hides_its_contents_does_not_carry_them(built_site):
    """Material writes the table of contents into the hidden sidebar all the same; a
    theme-year page's headings (one a place) weighed 9 KB there at 1,000 plans."""
    html = read_page(built_site / "themes" / "double-reduction" / "2024" / "index.html")
    sidebar = html[html.index('data-md-type="toc"'):html.index('class="md-content"')]
    assert "hidden" in sidebar.split(">")[0] and "md-nav__link" not in sidebar
    assert html.count("<h2 id=") >= 3
    plan = read_page(built_site / "plans" / "qingdao-2024" / "index.html")
    assert 'data-md-component="toc"' in plan
