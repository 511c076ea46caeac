"""WCAG 2.1 AA as axe-core checks it, on one page of every kind, in light and dark mode,
with the search results open too; and the keyboard: every control on a plan page is
reached by Tab and shows where the focus is."""

from __future__ import annotations

import pytest

from browser.conftest import search

PAGE_KINDS = {
    "home": "", "plan": "plans/qingdao-2024/", "locality": "localities/qingdao/", "year": "years/2024/",
    "theme": "themes/preschool/", "theme-year": "themes/preschool/2024/", "comparison": "compare/qingdao/",
    "pair": "compare/qingdao/?vs=qingdao-2021--qingdao-2024#pairs", "data": "data/", "plans": "plans/",
    "localities": "localities/", "years": "years/", "themes": "themes/", "search": "search/",
}


def serious(page) -> list[tuple[str, str, int]]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result.response["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.fixture(params=["light", "dark"])
def schemed(request, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN",
                                  color_scheme=request.param)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_serious_or_critical_axe_violation(schemed, site_url, kind):
    schemed.goto(site_url + PAGE_KINDS[kind])
    assert serious(schemed) == []


def test_no_serious_violation_with_search_results_open(schemed, site_url):
    schemed.goto(site_url + "search/")
    search(schemed, "学前教育")
    schemed.wait_for_timeout(600)  # let Material's colour transitions finish: axe reads computed colours
    assert serious(schemed) == []


def test_every_control_is_reached_by_tab_and_shows_focus(page, site_url):
    page.goto(site_url + "plans/qingdao-2024/")
    seen, unmarked = set(), []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            let el = document.activeElement;
            const box = el.getBoundingClientRect();
            // a visually hidden input shows its focus on the label beside it (Material's toggles)
            const label = el.nextElementSibling?.tagName === 'LABEL' ? el.nextElementSibling
                : el.id && document.querySelector(`label[for="${el.id}"]`);
            if (label && (box.width <= 1 || box.height <= 1 || getComputedStyle(el).opacity === '0')) el = label;
            const style = getComputedStyle(el);
            const marked = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                || style.boxShadow !== 'none' || style.textDecorationLine.includes('underline');
            return [el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || '').trim().slice(0, 20), marked];
        }""")
        seen.add(focused[0])
        if not focused[1]:
            unmarked.append(focused[0])
    assert len(seen) > 20  # the header, the plan's links and its items' controls are all reachable
    assert unmarked == []
