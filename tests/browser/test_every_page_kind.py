"""Every page kind as a reader sees it: on a 390 px phone and a 1280 px desk, in light and
dark mode. Each view is saved as a full-page screenshot (tests/screenshots/pages/, the
path is printed) to look at, and checked for what reads badly without looking: a page
that scrolls sideways on a phone, a table whose last columns (the newest years, the
counts, the changes) hide off the phone's screen, "None", "undefined" or "NaN" shown as
text, an English sentence on a reader's page, and a plan that opens with more than one
and a half phone screens before its first heading."""

from __future__ import annotations

import re

import pytest

from browser.conftest import search

PAGE_KINDS = {
    "home": "", "plan": "plans/qingdao-2024/", "plan-outline": "plans/xx-county-a-2024/",
    "plan-task-table": "plans/qingdao-2019-ten-actions/",
    "locality": "localities/qingdao/", "year": "years/2024/", "theme": "themes/preschool/",
    "theme-year": "themes/preschool/2024/", "comparison": "compare/qingdao/", "data": "data/", "plans": "plans/",
    "localities": "localities/", "years": "years/", "themes": "themes/", "search": "search/", "about": "about/",
    "contributing": "contributing/", "compare-plans": "compare/?a=qingdao-2024&b=rongcheng-2024",
}
SEARCHED = {"search": "公办园"}
DRAWN = {"compare-plans": "#compare-plans[data-state=done]"}  # drawn by the page script
# Pages for contributors and reusers, where field names and commands are the subject.
DEVELOPER_PAGES = {"data", "contributing"}
PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}
FIRST_HEADING_SCREENS = 1.5

READ = """() => {
  const main = document.querySelector('.md-content');
  const plan = main.querySelector('.plan-facts') ? main.querySelector('h2') : null;
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    width: innerWidth,
    text: document.body.innerText,
    prose: (() => {  // the visible text of the page's body, commands and code aside (and closed blocks)
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT), words = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent.closest('pre, code, svg, script, style, details:not([open]) > :not(summary)')
            || !parent.getClientRects().length) continue;
        words.push(node.textContent);
      }
      return words.join(' ');
    })(),
    // tables Material scrolls in their box, except a count table of a place or year per column
    // (its row labels stay in sight): the right edge of each other one
    tables: [...main.querySelectorAll('table')].filter(t => !t.querySelector('.heat') && t.offsetParent)
      .map(t => [t.rows[0].innerText.replace(/\\s+/g, ' ').slice(0, 40), t.getBoundingClientRect().right]),
    firstHeading: plan ? plan.getBoundingClientRect().top + scrollY : null,
  };
}"""


@pytest.fixture(scope="module", params=[("phone", PHONE, "light"), ("phone", PHONE, "dark"),
                                        ("desk", DESK, "light"), ("desk", DESK, "dark")],
                ids=["phone-light", "phone-dark", "desk-light", "desk-dark"])
def view(request, browser):
    name, viewport, scheme = request.param
    context = browser.new_context(viewport=viewport, locale="zh-CN", color_scheme=scheme)
    yield name, scheme, context.new_page()
    context.close()


@pytest.fixture(scope="module")
def shots(screenshots):
    folder = screenshots / "pages"
    folder.mkdir(exist_ok=True)
    print(f"\nscreenshots of every page kind: {folder}")
    return folder


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_reads_well_at_both_widths_in_both_schemes(view, shots, site_url, kind):
    device, scheme, page = view
    page.goto(site_url + PAGE_KINDS[kind])
    if kind in SEARCHED:
        search(page, SEARCHED[kind])
    if kind in DRAWN:
        page.wait_for_selector(DRAWN[kind])
    page.wait_for_timeout(300)  # Material's colour transitions
    page.screenshot(path=str(shots / f"{kind}-{device}-{scheme}.png"), full_page=True)
    seen = page.evaluate(READ)

    shown = re.findall(r"\b(?:None|undefined|NaN)\b", seen["text"])
    assert not shown, f"{kind}: the page shows {shown}"
    if kind not in DEVELOPER_PAGES:
        # words in English, not a name or an abbreviation: "Preschool education", "after school";
        # in the closed blocks too (a plan's provenance, its citation), as a reader who opens them sees them
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        english = re.findall(r"\b[A-Za-z][a-z]+(?: [a-z]+)+\b", page.evaluate(READ)["prose"])
        assert not english, f"{kind}: English on a reader's page: {english}"
    if device == "phone":
        assert seen["scrollWidth"] <= seen["width"], f"{kind} scrolls sideways: {seen['scrollWidth']} px"
        hidden = [head for head, right in seen["tables"] if right > seen["width"] + 1]
        assert not hidden, f"{kind}: columns off the phone's screen in the tables {hidden}"
    if seen["firstHeading"] is not None and device == "phone":
        assert seen["firstHeading"] < FIRST_HEADING_SCREENS * PHONE["height"], \
            f"{kind}: the plan's first heading is {seen['firstHeading']:.0f} px down"


def test_a_plan_leads_with_its_facts_themes_and_one_row_of_links(page, site_url):
    """Citation, data, provenance and editing are links in one row, their blocks at the foot;
    an item's related items and citation are small text links, not boxes."""
    page.goto(site_url + "plans/qingdao-2024/")
    facts = page.locator(".plan-facts").inner_text()
    assert facts.startswith("青岛市（地级市，山东省） · 2024年 · 中共青岛市委教育工作委员会、青岛市教育局 · 2024年2月2日 · ")
    assert facts.endswith(" 条任务")
    chips = page.locator(".plan-themes a")
    assert 1 <= chips.count() <= 8
    chips.first.click()
    page.wait_for_url("**/themes/*/")
    page.go_back()
    links = page.locator(".plan-links a").all_inner_texts()
    assert links[-4:] == ["引用", "数据", "来源与处理说明", "纠错"] and "历年对比" in links
    page.locator(".plan-links a", has_text="引用").click()
    assert page.locator("details#cite").evaluate("d => d.open")
    assert page.locator("details#cite").evaluate("d => d.closest('.plan-about') !== null")
    extras = page.locator("[id='22'] ~ details:is(.related, .cite-item)").first
    box = extras.evaluate("d => { const s = getComputedStyle(d); return [s.borderTopStyle, s.display]; }")
    icon = extras.locator("summary").evaluate("s => getComputedStyle(s, '::before').content")
    assert box == ["none", "inline-block"] and icon in ("none", "normal")
