"""The search page in a real browser, scored against the query set.

Relevance comes from the plan data (tests/search_judge.py), never from the engine.
Each query is typed into the search page; every hit is collected (asking for more
until there is no more) and scored: precision of the first five (p@5) and recall
against the judged set. The report goes to tests/screenshots/search-report.txt.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import pytest
import yaml

from browser.conftest import result_links, search, wait_for_search
from conftest import PLANS, TESTS
from generator.data import loader
from search_judge import relevant, titled

QUERIES = yaml.safe_load((TESTS / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
NEAR = {"typo", "not-verbatim"}  # no item holds the query: the answers are closest matches
REPORT: dict[str, dict] = {}
RANKED = [q for q in QUERIES if "titled" in q]  # common words whose title hits must come first
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture(scope="module")
def catalog():
    found, problems = loader.load_paths([PLANS])
    assert found is not None, problems
    return found


def parse(link: str) -> tuple[str, str] | None:
    url = urlparse(link)
    parts = [p for p in url.path.split("/") if p]
    if len(parts) == 2 and parts[0] == "plans" and url.fragment:
        return parts[1], unquote(url.fragment)
    return None


def open_search(page, site_url: str, query: str = "", **filters: str) -> None:
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{site_url}search/" + (f"?{params}" if params else ""))
    wait_for_search(page)


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query(case, page, site_url, catalog):
    wanted = relevant(case, catalog)
    open_search(page, site_url)
    search(page, case["query"])
    status = page.inner_text(".search-status")
    links = result_links(page)
    hits = [parse(link) for link in links]
    assert None not in hits, f"a hit links somewhere other than an item: {links}"
    marked_closest = page.locator("#eduplans-search.search-closest").count() == 1
    top = hits[:5]
    p5 = sum(h in wanted for h in top) / len(top) if top else (1.0 if not wanted else 0.0)
    recall = len(wanted & set(hits)) / len(wanted) if wanted else 1.0
    REPORT[case["query"]] = {"kind": case["kind"], "relevant": len(wanted), "results": len(hits), "p@5": round(p5, 3),
                             "recall": round(recall, 3), "closest": marked_closest,
                             "missed": sorted("#".join(k) for k in wanted - set(hits))[:5],
                             "wrong": sorted("#".join(h) for h in top if h not in wanted)}
    for expected in case.get("expect", []):
        assert tuple(expected.split("#")) in hits, f"{expected} should be found by {case['query']}"
    if "titled" in case:  # title hits first: the first k places are the k items titled with the words
        first = titled(case, catalog)
        REPORT[case["query"]]["title share"] = round(title_share(hits, first), 3)
        assert set(hits[:len(first)]) == first, f"title hits must come first: {hits[:len(first)]}"
    if case["kind"] == "no-answer":
        assert not hits and "没有找到" in status, status
        return
    assert hits, f"{case['query']} has answers but the page shows none: {status}"
    assert marked_closest == (case["kind"] in NEAR), f"closest matches must be marked as such, and only they: {status}"
    if case["kind"] not in NEAR:
        assert set(hits) <= wanted, f"exact results must all hold the phrase: {REPORT[case['query']]['wrong']}"
        assert recall == 1.0, REPORT[case["query"]]
    else:
        assert p5 >= 0.6 and recall >= 0.8, REPORT[case["query"]]


def title_share(hits: list, first: set) -> float:
    """The share of the first min(k, 5) places held by the k items titled with the query."""
    top = hits[:min(len(first), 5)]
    return sum(h in first for h in top) / len(top) if top else 0.0


def test_common_words_lead_with_their_title_hits(page, site_url, catalog):
    """The first screen of a common word: over five words, at least 90 % of the first
    min(k, 5) places go to the k items whose titles hold the word. The first five hits
    of each (place, year, heading) go to tests/screenshots/search-ranking.txt."""
    shares, lines = {}, []
    for case in RANKED:
        open_search(page, site_url, case["query"])
        hits = [parse(link) for link in page.eval_on_selector_all(".search-hit-link", "els => els.map(e => e.href)")]
        shares[case["query"]] = title_share(hits, titled(case, catalog))
        shown = page.eval_on_selector_all(".search-hit-link", "els => els.slice(0, 5).map(e => "
                                          "e.querySelector('.search-hit-where').textContent + ' · ' + "
                                          "e.querySelector('.search-hit-heading').textContent)")
        lines.append(f"{case['query']}: title share {shares[case['query']]:.2f}")
        lines += [f"  {n}. {hit}" for n, hit in enumerate(shown, 1)]
    mean = sum(shares.values()) / len(shares)
    lines.append(f"mean title share over {len(shares)} words: {mean:.3f}")
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "search-ranking.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(shares) >= 5 and mean >= 0.9, "\n".join(lines)


def wheres(page) -> list[str]:
    return page.eval_on_selector_all(".search-hit-where", "els => els.map(e => e.textContent)")


def test_newest_first_is_a_choice_kept_in_the_url(page, site_url):
    open_search(page, site_url, "双减")
    best = result_links(page)
    assert page.locator(".search-sort [aria-current]").inner_text() == "相关度优先"
    page.locator(".search-sort a", has_text="最新优先").click()
    wait_for_search(page)
    assert "sort=new" in page.url and "q=" in page.url
    newest = result_links(page)
    years = [int(w.split()[-1]) for w in wheres(page)]
    assert sorted(newest) == sorted(best) and newest != best, "the same hits in another order"
    assert years == sorted(years, reverse=True) and years[0] == 2026
    page.goto("about:blank")
    page.goto(f"{site_url}search/?q={quote('双减')}&sort=new")
    wait_for_search(page)
    assert result_links(page) == newest, "a shared newest-first search shows the same order"
    page.locator(".search-facet a", has_text="2024").first.click()
    wait_for_search(page)
    assert "sort=new" in page.url and "year=2024" in page.url, "a filter keeps the order"
    page.locator(".search-sort a", has_text="相关度优先").click()
    wait_for_search(page)
    assert "sort=" not in page.url and "year=2024" in page.url


@pytest.mark.parametrize("query", ["双减", "安全", "教师", "持续推进"])
def test_every_hit_shows_a_snippet(page, site_url, query):
    """Items printed with a title only (xx-city-hebei-2024, xx-county-*) show the section
    they are in; no hit shows an empty line under its heading."""
    open_search(page, site_url, query)
    result_links(page)
    texts = page.eval_on_selector_all(".search-hit-text", "els => els.map(e => e.textContent.trim())")
    assert texts and all(texts), [w for w, t in zip(wheres(page), texts) if not t]
    if query == "安全":
        assert "所在部分：（八） 教育数字化赋能工程" in texts


def test_traditional_query_finds_what_its_simplified_form_finds(page, site_url):
    found = {}
    for query in ("雙減", "双减"):
        open_search(page, site_url, query)
        found[query] = result_links(page)
    assert found["雙減"] == found["双减"] and found["双减"]


def test_phrase_precision_on_a_phrase_whose_characters_are_everywhere(page, site_url, catalog):
    """上合 is a place-name phrase; 上 and 合 appear apart in almost every plan."""
    open_search(page, site_url, "上合")
    hits = [parse(link) for link in result_links(page)]
    assert len(hits) == len(relevant({"query": "上合", "kind": "word"}, catalog)) == 3
    assert all(mark == "上合" for mark in page.eval_on_selector_all(".search-hit mark", "els => els.map(e => e.textContent)"))


def test_number_is_matched_with_its_unit_and_never_inside_a_longer_number(page, site_url):
    open_search(page, site_url, "50所")
    texts = page.eval_on_selector_all(".search-hit-text", "els => els.map(e => e.textContent)")
    assert texts and all("50所" in t for t in texts)
    marks = page.eval_on_selector_all(".search-hit mark", "els => els.map(e => e.previousSibling && e.previousSibling.textContent.slice(-1))")
    assert not any(m and m.isdigit() for m in marks), "a mark starts inside a longer number (250所)"


def test_facets_narrow_combine_and_live_in_the_url(page, site_url):
    open_search(page, site_url, "学前教育")
    everything = len(result_links(page))
    page.locator(".search-facet a", has_text="2024").first.click()
    wait_for_search(page)
    assert "year=2024" in page.url
    in_2024 = result_links(page)
    assert 0 < len(in_2024) < everything
    assert all("2024" in w for w in page.eval_on_selector_all(".search-hit-where", "els => els.map(e => e.textContent)"))
    page.locator(".search-facet a", has_text="山东省").first.click()
    wait_for_search(page)
    assert "province=" in page.url and "year=2024" in page.url
    both = result_links(page)
    assert 0 < len(both) < len(in_2024)
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    wait_for_search(page)
    assert result_links(page) == both, "a shared filtered search must show the same results"
    page.locator(".search-chip", has_text="年份").click()
    wait_for_search(page)
    assert "year=" not in page.url and len(result_links(page)) > len(both)


@pytest.mark.parametrize("facet, value, check", [
    ("level", "区县级", lambda where: "XX" in where or "荣成" in where),
    ("locality", "qingdao", lambda where: where.startswith("青岛市")),
    ("theme", "preschool", None),
])
def test_each_facet_filters(page, site_url, facet, value, check):
    open_search(page, site_url, "教师", **{facet: value})
    links = result_links(page)
    assert links, page.inner_text(".search-status")
    if check:
        assert all(check(w) for w in page.eval_on_selector_all(".search-hit-where", "els => els.map(e => e.textContent)"))
    assert page.locator(".search-chip").count() == 1


def test_a_place_beside_a_word_narrows_to_that_place(page, site_url):
    open_search(page, site_url, "青岛 双减")
    wheres = page.eval_on_selector_all(".search-hit-where", "els => els.map(e => e.textContent)")
    assert wheres and all(w.startswith("青岛市") for w in wheres)
    assert page.locator(".search-places a", has_text="青岛市").count() == 1


def test_closest_matches_are_marked_and_explained(page, site_url):
    open_search(page, site_url, "近视防空")
    assert "最接近" in page.inner_text(".search-status")
    assert page.locator("#eduplans-search.search-closest").count() == 1


def test_hit_says_place_year_and_item_and_opens_the_item(page, site_url):
    open_search(page, site_url, "集团化办学")
    first = page.locator(".search-hit").first
    where = first.locator(".search-hit-where").inner_text()
    heading = first.locator(".search-hit-heading").inner_text()
    assert where[:2] in {"青岛", "荣成", "大兴", "XX"} and where[-4:].isdigit()
    assert heading.split(".")[0].strip() or heading
    first.locator("a").click()
    page.wait_for_load_state()
    anchor = unquote(urlparse(page.url).fragment)
    assert anchor and page.locator(f"[id='{anchor}']").count() == 1


def test_plan_text_reaches_the_page_as_text(page, site_url):
    """Hits are built from text nodes: markup in a plan or a query never becomes elements."""
    open_search(page, site_url, "<img src=x onerror=alert(1)>")
    assert page.locator(".search-results img, .search-status img").count() == 0


def test_search_box_is_reachable_by_keyboard(page, site_url):
    page.goto(site_url)
    page.locator(".md-tabs a", has_text="搜索").click()
    page.wait_for_selector("#eduplans-search[data-ready=true]")
    page.locator("#search-q").focus()
    page.keyboard.type("托育")
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === '托育'")
    wait_for_search(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in {"BUTTON", "A"}
    assert len(result_links(page)) >= 2


def teardown_module():
    if not REPORT:
        return
    lines = [f"{'query':<12} {'kind':<13} {'relevant':>8} {'results':>7} {'p@5':>5} {'recall':>6}"]
    for query, r in REPORT.items():
        lines.append(f"{query:<12} {r['kind']:<13} {r['relevant']:>8} {r['results']:>7} {r['p@5']:>5.2f} "
                     f"{r['recall']:>6.2f}{'  closest' if r['closest'] else ''}")
    answered = [r for r in REPORT.values() if r["relevant"]]
    lines.append(f"mean over {len(answered)} queries with answers: p@5 "
                 f"{sum(r['p@5'] for r in answered) / len(answered):.3f}, recall "
                 f"{sum(r['recall'] for r in answered) / len(answered):.3f}")
    out = SCREENSHOTS
    out.mkdir(exist_ok=True)
    (out / "search-report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "search-report.json").write_text(json.dumps(REPORT, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n" + "\n".join(lines))


def alphabet() -> str:
    """Characters of every kind the rules tell apart, drawn from the rules themselves: every
    character search.DROP drops, the fields' separator, word characters (search.RUN's \\w)
    and others, full-width forms, compatibility forms NFKC changes, and beyond the BMP."""
    from generator.site import search as index

    def word(c: str) -> bool:
        return index.RUN.fullmatch(c) is not None

    blocks = [range(0x20, 0x7F), range(0xA0, 0x250), range(0x2000, 0x2070), range(0x2460, 0x24FF),
              range(0x3000, 0x3100), range(0x3300, 0x3400), range(0x4E00, 0x4E80), range(0xFB00, 0xFB07),
              range(0xFF01, 0xFFEF), range(0x1D400, 0x1D440), range(0x1F300, 0x1F320), range(0x20000, 0x20040)]
    chars = [chr(c) for block in blocks for c in block if unicodedata.category(chr(c)) not in ("Cn", "Cs", "Co")]
    words = [c for c in chars if word(c)]
    others = [c for c in chars if not word(c)]
    assert len(words) > 300 and len(others) > 300 and any(ord(c) > 0xFFFF for c in words)
    # the dropped and the separator weigh as much as all the rest: each is drawn often
    return index.dropped() * 6 + index.FIELDS * 40 + "".join(words) + "".join(others)


def test_the_page_forms_and_cuts_text_exactly_as_the_index_does(page, site_url):
    """search.search_form, search.RUN and search.shard_of are applied by the page with the
    rules it reads from meta (docs/assets/js/normalise.js, keys.js), postings decoded by
    decode.js; random text drawn from the rules' own alphabet (alphabet) must come out the
    same on both sides: a mark dropped on one side only fails here."""
    import random
    from array import array

    from generator.site import search as index

    pool = alphabet()
    draw = random.Random(12)
    texts = ["".join(draw.choice(pool) for _ in range(draw.randint(0, 24))) for _ in range(600)]
    texts += [index.dropped(), index.FIELDS.join(["双减", "ＡＩ", "𠀋𪚥"])]  # every dropped mark at once
    numbers = [sorted(draw.sample(range(0, 3_000_000), draw.randint(1, 40))) for _ in range(30)]
    page.goto(site_url + "search/")
    page.wait_for_selector("#eduplans-search[data-ready=true]")
    seen = page.evaluate("""([texts, postings]) => {
        const {normalise, keys, decode, index} = window.eduplans;
        return index.open(document.getElementById("eduplans-search").getAttribute("data-index")).then(({meta}) => {
            const rules = normalise.compile(meta.rules);
            return {forms: texts.map(t => normalise.form(t, rules)),
                    keys: texts.map(t => keys.keysOf(normalise.form(t, rules), rules).sort()),
                    shards: texts.map(t => keys.shardOf(t, 4096)), numbers: postings.map(decode.numbers)};
        });
    }""", [texts, [index.encode(array("I", n)) for n in numbers]])
    assert seen["forms"] == [index.search_form(t) for t in texts]
    for text, cut in zip(texts, seen["keys"]):  # a query's keys: a lone character, else the pairs of each run
        runs = index.RUN.findall(index.search_form(text))
        wanted = {run if len(run) == 1 else run[i:i + 2] for run in runs for i in range(max(1, len(run) - 1))}
        assert sorted(cut) == sorted(wanted) and wanted <= index.indexed_keys(index.search_form(text))
    assert seen["shards"] == [index.shard_of(t, 4096) for t in texts]
    assert seen["numbers"] == numbers
