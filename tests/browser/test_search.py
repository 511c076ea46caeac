"""Chinese search in a real browser: precision and recall of our query set.

Relevance is decided from the plan data, not by hand: an item is relevant when
its title, text, outline title or task-table rows contain every word of the
query. Results are read from Material's result list after scrolling it to the
end; links to a page without an anchor are group headings and not counted.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from generator.data import loader
from conftest import PLANS, TESTS
from browser.conftest import result_links, search

QUERIES = yaml.safe_load((TESTS / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
NAMED = {"双减", "心理健康", "人工智能", "公办园", "集团化办学", "基教处", "上合"}
REPORT: dict[str, dict] = {}


@pytest.fixture(scope="module")
def targets():
    """(plan id, anchor) → searchable text of every item and section heading."""
    catalog, problems = loader.load_paths([PLANS])
    assert catalog is not None, problems
    found: dict[tuple[str, str], str] = {}
    items: set[tuple[str, str]] = set()
    for plan in catalog.plans:
        for item in plan.all_items():
            rows = " ".join(" ".join((t.problem, t.policies, t.measures, t.outcomes, t.due, t.divisions))
                            for t in item.tasks)
            found[(plan.id, item.anchor)] = " ".join(
                filter(None, (item.title, item.text, item.outline_title, rows)))
            items.add((plan.id, item.anchor))

        def walk(sections, trail):
            for k, section in enumerate(sections, start=1):
                anchor = f"{trail}-{k}" if trail else f"s{k}"
                found[(plan.id, anchor)] = " ".join(filter(None, (section.title, section.intro,
                                                                   section.outline_title)))
                walk(section.sections, anchor)

        walk(plan.sections, "")
    return found, items


def parse(link: str) -> tuple[str, str] | None:
    url = urlparse(link)
    parts = [p for p in url.path.split("/") if p]
    if len(parts) == 2 and parts[0] == "plans" and url.fragment:
        return parts[1], url.fragment
    return None


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query(case, page, site_url, targets):
    texts, items = targets
    words = case["query"].split()
    relevant = {key for key in items if all(w in texts[key] for w in words)}
    page.goto(site_url)
    search(page, case["query"])
    hits = {h for h in (parse(link) for link in result_links(page)) if h}
    unknown = {h for h in hits if h not in texts}
    assert not unknown, f"results link to anchors that do not exist: {unknown}"
    good = {h for h in hits if all(w in texts[h] for w in words)}
    precision = len(good) / len(hits) if hits else (1.0 if not relevant else 0.0)
    recall = len(relevant & hits) / len(relevant) if relevant else 1.0
    REPORT[case["query"]] = {"relevant": len(relevant), "results": len(hits), "precision": round(precision, 3),
                             "recall": round(recall, 3), "missed": sorted("#".join(k) for k in relevant - hits)[:5],
                             "wrong": sorted("#".join(k) for k in hits - good)[:5]}
    for expected in case.get("expect", []):
        plan, anchor = expected.split("#")
        assert (plan, anchor) in hits, f"{expected} should be found by {case['query']}"
    floor = 1.0 if case["query"] in NAMED else 0.8
    assert recall >= floor and precision >= 0.8, REPORT[case["query"]]


def teardown_module():
    if not REPORT:
        return
    lines = [f"{'query':<10} {'relevant':>8} {'results':>7} {'precision':>9} {'recall':>6}"]
    for query, r in REPORT.items():
        lines.append(f"{query:<10} {r['relevant']:>8} {r['results']:>7} {r['precision']:>9.3f} {r['recall']:>6.3f}")
    relevant = sum(r["relevant"] for r in REPORT.values())
    macro_p = sum(r["precision"] for r in REPORT.values()) / len(REPORT)
    macro_r = sum(r["recall"] for r in REPORT.values()) / len(REPORT)
    lines.append(f"{'mean':<10} {relevant:>8} {'':>7} {macro_p:>9.3f} {macro_r:>6.3f}")
    out = Path(__file__).resolve().parent.parent / "screenshots"
    out.mkdir(exist_ok=True)
    (out / "search-report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "search-report.json").write_text(json.dumps(REPORT, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n" + "\n".join(lines))
