"""What readers take away from a plan page: a citation for the plan and for each item
with the reader's access date, and a clean printout (A4, no navigation, the source at
the foot of the page)."""

from __future__ import annotations

import datetime
import json


def test_item_citation_has_the_item_url_and_todays_date(page, site_url):
    page.goto(site_url + "plans/qingdao-2024/")
    item = page.locator("[id='22'] ~ details.cite-item").first
    item.locator("summary").click()
    texts = item.locator("pre.cite-text").all_inner_texts()
    today = datetime.date.today().isoformat()
    url = "https://eduplans.github.io/eduplans/plans/qingdao-2024/#22"
    gbt, bibtex, csl = texts
    assert gbt == (f"中共青岛市委教育工作委员会, 青岛市教育局. 2024年全市教育工作要点：22. 巩固扩大“双减”成果[EB/OL]. "
                   f"(2024-02-02)[{today}]. {url}.")
    assert "author = {{中共青岛市委教育工作委员会} and {青岛市教育局}}" in bibtex
    assert "@misc{eduplans-qingdao-2024-22," in bibtex and f"url = {{{url}}}" in bibtex
    assert f"urldate = {{{today}}}" in bibtex
    data = json.loads(csl)
    assert (data["URL"], data["accessed"], data["issued"]) == (url, {"raw": today}, {"date-parts": [[2024, 2, 2]]})
    assert data["author"] == [{"literal": "中共青岛市委教育工作委员会"}, {"literal": "青岛市教育局"}]
    assert data["title"] == "2024年全市教育工作要点：22. 巩固扩大“双减”成果"


def test_every_heading_with_an_anchor_has_its_permanent_link(page, site_url):
    for path in ("compare/qingdao/", "plans/qingdao-2024/"):
        page.goto(site_url + path)
        headings = page.locator(".md-typeset :is(h1, h2, h3)[id]")
        assert headings.count() > 5
        for heading in headings.all():
            link = heading.locator("a.headerlink")
            assert link.count() == 1 and link.get_attribute("href") == "#" + heading.get_attribute("id")
    item = page.locator("[id='22'] a.headerlink")
    assert item.get_attribute("title") == "本处的永久链接" and item.inner_text() == "¶"


def test_plan_citation_is_on_the_page(page, site_url):
    page.goto(site_url + "plans/qingdao-2024/")
    plan = page.locator("details.cite-plan")
    plan.locator("summary").click()
    gbt = plan.locator("pre.cite-text").first.inner_text()
    assert gbt.startswith("中共青岛市委教育工作委员会, 青岛市教育局. 2024年全市教育工作要点[EB/OL]. (2024-02-02)[")
    assert gbt.endswith("https://eduplans.github.io/eduplans/plans/qingdao-2024/.")


def test_a_plan_prints_without_navigation_and_with_its_source(page, site_url, screenshots):
    page.goto(site_url + "plans/qingdao-2024/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer', 'details.cite-plan',
        '.related', '.chips'].map(s => [s, [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none')])""")
    assert all(ok for _, ok in hidden), hidden
    footer = page.locator(".print-footer")
    assert footer.is_visible()
    assert footer.inner_text() == ("地方教育工作要点全文库 · https://eduplans.github.io/eduplans/plans/qingdao-2024/ · "
                                   "原始文本：raw/000_5cadd956fa6f3c15.txt")
    assert page.locator("[id='22']").is_visible()  # item headings keep their numbers
    after = page.evaluate("() => getComputedStyle(document.getElementById('22'), '::after').content")
    assert "#" in after  # and print their anchors
    page.screenshot(path=str(screenshots / "plan-print.png"), full_page=False)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_light_and_dark_screenshots(browser, site_url, screenshots):
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", color_scheme=scheme)
        view = context.new_page()
        view.goto(site_url + "plans/qingdao-2024/#22")
        view.screenshot(path=str(screenshots / f"plan-{scheme}.png"))
        context.close()
    assert (screenshots / "plan-light.png").stat().st_size > 10_000


def test_without_script_an_item_shows_no_empty_citation_and_keeps_its_anchor(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + "plans/qingdao-2024/#22")
    assert page.locator("h3.item").count() > 20
    assert not any(block.is_visible() for block in page.locator("details.cite-item").all())  # the script writes them
    assert page.locator("[id='22']").is_visible() and page.locator("a.headerlink").count() == 0  # the script adds the ¶
    assert page.locator("details.cite-plan pre.cite-text").count() == 3  # the plan's own, written in the page
    context.close()


def test_every_item_citation_the_script_writes_is_the_one_cite_py_forms(page, site_url):
    """The page carries only the plan's citation and the forms of an item's key, title and
    URL; what the script writes for each item must be cite.py's own citation of it."""
    from generator.data import loader
    from generator.site import build, cite, urls
    from tests.conftest import PLANS, ROOT

    catalog, _ = loader.load_paths([PLANS])
    base = build.mkdocs_config(ROOT / "mkdocs.yml")["site_url"]
    today = datetime.date.today().isoformat()
    for plan_id in ("xx-city-hebei-2024", "qingdao-2019-ten-actions"):
        plan = next(p for p in catalog.plans if p.id == plan_id)
        page.goto(site_url + f"plans/{plan_id}/")
        written = page.evaluate("""() => [...document.querySelectorAll('details.cite-item')].map(
            block => [...block.querySelectorAll('pre.cite-text')].map(pre => pre.textContent))""")
        expected = [cite.citation(plan, catalog.localities[plan.locality], urls.item_url(plan.id, item.anchor, base), item)
                    for item in plan.all_items()]
        assert len(expected) > 20
        assert sorted(written) == sorted([t.replace(cite.ACCESSED, today) for t in (c.gbt, c.bibtex, c.csl)]
                                         for c in expected)


def test_an_item_title_that_bibtex_and_json_escape_is_cited_as_cite_py_escapes_it(page):
    """Braces, per cents, underscores and quotes in an item's title: the item's block carries
    the escaped titles, and the script's citation is still cite.py's."""
    import dataclasses
    import html

    from generator.data import loader
    from generator.site import cite, pages
    from tests.conftest import PLANS

    catalog, _ = loader.load_paths([PLANS])
    plan = next(p for p in catalog.plans if p.id == "qingdao-2024")
    item = dataclasses.replace(next(plan.all_items()), title='“{50%}” of "A_B" \\ #1 & $2')
    locality, url = catalog.localities[plan.locality], "https://example.org/plans/qingdao-2024/"
    whole, one = cite.citation(plan, locality, url), cite.citation(plan, locality, url + "#1", item)
    assert {name for name, _ in one.data} == {"title-bibtex", "title-json"}

    def block(citation, kind, inner=""):
        data = "".join(f' data-cite-{name}="{html.escape(value)}"' for name, value in citation.data)
        return f'<details class="cite cite-{kind}"{data}>{inner}</details>'

    plan_texts = "".join(f'<pre class="cite-text" data-cite="{k}">{html.escape(t)}</pre>'
                         for k, t in (("gbt", whole.gbt), ("bibtex", whole.bibtex), ("csl", whole.csl)))
    page.set_content(f'<article class="md-typeset">{block(whole, "plan", "<summary>引用本计划</summary>" + plan_texts)}'
                     f'<h3 class="item" id="1">{html.escape(item.number + ". " + item.title)}'
                     f'<a class="headerlink" href="#1">¶</a></h3><p>正文</p>{block(one, "item")}<p class="chips">主题</p>'
                     '<h3 class="item" id="2">2. 另一条<a class="headerlink" href="#2">¶</a></h3><p id="text-2">正文</p>'
                     '<p class="chips" id="chips-2">主题</p></article>')
    page.add_script_tag(content=pages.page_script())  # the page script, as every page loads it
    page.evaluate("() => document.dispatchEvent(new Event('DOMContentLoaded'))")
    assert page.locator("details.cite-item").count() == 2  # the page's block for the escaped title, one added
    written = page.locator("[id='1'] ~ details.cite-item").first.locator("pre.cite-text").all_text_contents()
    today = datetime.date.today().isoformat()
    assert written == [t.replace(cite.ACCESSED, today) for t in (one.gbt, one.bibtex, one.csl)]
    assert page.evaluate("() => document.getElementById('text-2').nextElementSibling.matches('details.cite-item')"
                         " && document.getElementById('chips-2').previousElementSibling.matches('details.cite-item')")
    assert page.locator("details.cite-item summary").all_text_contents() == ["引用此条", "引用此条"]
    assert json.loads(written[2])["title"] == f'2024年全市教育工作要点：{item.number}. {item.title}'


def test_each_item_lists_its_closest_items_in_other_plans(page, site_url):
    """Drawn by the page script from the page's data, after the item's text and targets and
    before its citation and theme chips; the same matches the analysis finds."""
    from generator.analysis.related import build_insight
    from generator.analysis.index import build_index
    from generator.data import loader
    from tests.conftest import PLANS

    catalog, _ = loader.load_paths([PLANS])
    related = build_insight(build_index(catalog)).related
    expected = {anchor: [(f"../{m.plan.id}/#{m.item.anchor}",
                          f"{m.item.display_title}（{catalog.localities[m.plan.locality].name} {m.plan.year}，{m.score:.2f}）")
                         for m in matches]
                for (plan_id, anchor), matches in related.items() if plan_id == "qingdao-2024" and matches}
    assert len(expected) >= 5
    page.goto(site_url + "plans/qingdao-2024/")
    drawn = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('details.related')].map(block => {
        let heading = block.previousElementSibling;
        while (!heading.matches('h3.item')) heading = heading.previousElementSibling;
        return [heading.id, [...block.querySelectorAll('li')].map(li => [li.querySelector('a').getAttribute('href'), li.textContent])];
      }))""")
    assert drawn == {anchor: [list(pair) for pair in pairs] for anchor, pairs in expected.items()}
    assert page.locator("details.related summary").first.inner_text() == "其他计划中的相近条目"
    assert page.evaluate("""() => [...document.querySelectorAll('details.related')].every(block => {
        let next = block.nextElementSibling;
        return next.matches('details.cite-item') && next.nextElementSibling.matches('p.chips, h2, h3, h4, .plan-closing');
      })""")
    page.locator("details.related summary").first.click()
    page.locator("details.related a").first.click()
    page.wait_for_url("**/plans/*/#*")
