"""Rendering: text from plan files reaches the page as text (the Markdown of every
page kind is pinned in test_golden.py)."""

from __future__ import annotations

from html.parser import HTMLParser
import shutil
from pathlib import Path

import pytest

from generator.data import loader
from generator.site import render
from generator.site.views import plan as views
from generator.analysis.index import build_index
from conftest import FIXTURES, PLANS, site_settings
from support import markdown_like_mkdocs



HOSTILE = [
    "<script>alert(1)</script>", "**粗体** _斜体_ `代码`", "[链接](javascript:alert(1))", "{{ 7*7 }} {% raw %}",
    "# 标题", "!!! note", "{ #id .class }", "--8<-- \"mkdocs.yml\"", "| a | b |", "<img src=x onerror=alert(1)>",
    "&amp; &lt;", "\\ 反斜杠 \\*", "1. 列表", "> 引用", "***", "[[双括号]]", "<!-- 注释 -->",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_values_render_as_their_own_text(text):
    html = markdown_like_mkdocs().convert(f"段落 {render.md(text)}")
    assert "<script" not in html and "<img" not in html and "<a" not in html and "<h1" not in html
    assert "<strong" not in html and "<em" not in html and "<code" not in html and "<table" not in html
    plain = html.replace("<p>", "").replace("</p>", "")
    import html as html_module

    assert html_module.unescape(plain) == f"段落 {' '.join(text.split())}"


def test_link_targets_and_anchors_refuse_script():
    with pytest.raises(ValueError):
        render.url("javascript:alert(1)")
    with pytest.raises(ValueError):
        render.anchor("x\" onclick=\"alert(1)")
    assert render.external_url("javascript:alert(1)") is None
    assert render.external_url("https://e.com/\"><script>") is None


@pytest.fixture
def hostile_site(tmp_path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("localities.yml", "themes.yml"):
        shutil.copy(PLANS / name, plans / name)
    shutil.copy(FIXTURES / "hostile-2024.yml", plans / "hostile-2024.yml")
    return plans


def test_a_hostile_plan_validates_and_renders_literally(hostile_site):
    catalog, problems = loader.load_paths([hostile_site])
    assert catalog is not None, [p.format() for p in problems]
    index = build_index(catalog)
    page = views.plan_page(index, catalog.plans[0], site_settings(site_url=""))
    text = render.render(render.environment(), "plan.md.j2", page=page)
    html = markdown_like_mkdocs().convert(text.split("---\n", 2)[2])
    elements = Elements()
    elements.feed(html)
    assert not elements.tags & {"script", "img", "svg", "iframe", "style", "b", "object", "embed"}
    assert not [a for a in elements.attributes if a[0].startswith("on")]
    assert not [v for k, v in elements.attributes if k in ("href", "src") and v.lower().startswith(
        ("javascript:", "data:", "vbscript:", "http://example.com"))]
    assert "evil" not in {v for _, v in elements.attributes} and 'class="admonition' not in html
    assert "49" not in html  # {{ 7*7 }} was never evaluated
    for literal in ("&lt;script&gt;alert(6)&lt;/script&gt;", "{{ config.site_name }}", "{% if true %}",
                    "--8&lt;-- &quot;mkdocs.yml&quot;", "!!! danger", "&lt;b&gt;处&lt;/b&gt;", "{{ 7*7 }}",
                    "附表&lt;script&gt;alert(8)&lt;/script&gt;", "&lt;img src=x onerror=alert(9)&gt;"):
        assert literal in html, literal


class Elements(HTMLParser):
    """Every element and attribute of a rendered HTML fragment."""

    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend((k, v or "") for k, v in attrs)


def test_a_plain_table_of_an_imported_plan_is_shown_as_a_table_after_the_items(tmp_path):
    """A Word plan's 附表 (a calendar, not a task table) is the plan's table on its page,
    caption and rows as printed, and no item holds its cells."""
    from generator.ingest import importer

    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("localities.yml", "themes.yml"):
        shutil.copy(PLANS / name, plans / name)
    source = FIXTURES / "documents" / "web-copies" / "word-table.docx"
    report = importer.import_document(source, source.read_bytes(), source_file="raw/word-table.docx", locality="weihai")
    importer.write_plans(report, plans)
    catalog, problems = loader.load_paths([plans])
    assert catalog is not None, [p.format() for p in problems]
    plan = catalog.plans[0]
    assert not any("部署年度工作" in item.text for item in plan.all_items())
    page = views.plan_page(build_index(catalog), plan, site_settings(site_url=""))
    html = markdown_like_mkdocs().convert(render.render(render.environment(), "plan.md.j2", page=page).split("---\n", 2)[2])
    assert "<caption>附表：2025年教育重点工作月度安排</caption>" in html
    assert "<th>月份</th><th>重点工作</th>" in html and "<td>部署年度工作，开展寒假安全检查</td>" in html
    assert html.index("提升后勤服务水平") < html.index("<caption>附表") < html.rindex("2025年1月20日")
