"""Plans as they are found on the web (issue 23): 文库 copies, government 信息公开 pages,
PDF-viewer copies on one line, page markers, WeChat and news-portal reposts, Word files with
plain tables. The expected results in tests/fixtures/documents/web-copies/expected.yml were
written by hand before the importer was changed for them."""

from __future__ import annotations

import unicodedata

import pytest
import yaml

from generator.data import anchors
from generator.data.yamlio import read_file
from generator.ingest import importer
from conftest import FIXTURES, ROOT
from support import blob, sentences

FOLDER = FIXTURES / "documents" / "web-copies"
CASES = yaml.safe_load((FOLDER / "expected.yml").read_text(encoding="utf-8"))["cases"]
LOCALITIES = read_file(ROOT / "plans" / "localities.yml").data["localities"]


def nfkc(text):
    return unicodedata.normalize("NFKC", text) if isinstance(text, str) else text


_REPORTS: dict[str, importer.ImportReport] = {}


def imported(case) -> importer.ImportReport:
    if case["file"] not in _REPORTS:
        path = FOLDER / case["file"]
        _REPORTS[case["file"]] = importer.import_document(
            path, path.read_bytes(), source_file=f"raw/{path.name}", locality=case.get("locality"),
            localities=LOCALITIES)
    return _REPORTS[case["file"]]


def items_of(plan):
    return [item for _, item, _ in anchors.item_anchors(plan)]


def plan_text(plan) -> str:
    parts = [plan.get("title") or "", plan.get("preamble") or ""]

    def walk(sections):
        for section in sections:
            parts.extend([section.get("title") or "", section.get("intro") or ""])
            walk(section.get("sections") or [])

    walk(plan.get("sections") or [])
    parts.extend(f"{i.get('title') or ''}\n{i.get('text') or ''}" for i in items_of(plan))
    return "\n".join(parts)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_plans_sections_and_items(case):
    report = imported(case)
    assert [nfkc(p["title"]) for p in report.plans] == [nfkc(p["title"]) for p in case["plans"]]
    for plan, expected in zip(report.plans, case["plans"]):
        assert plan["year"] == expected["year"]
        assert [s.get("number") for s in plan.get("sections") or []] == expected["sections"]
        got = [(anchors.number_key(i["number"]) if i.get("number") else None, nfkc(i.get("title")),
                bool(i.get("truncated"))) for i in items_of(plan)]
        assert got == [(i["number"], nfkc(i["title"]), i.get("truncated", False)) for i in expected["items"]]
        assert not plan.get("task_table")
        assert [len(t["rows"]) for t in plan.get("tables") or []] == expected["tables"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_owners_supporting_units_and_deadlines(case):
    for plan, expected in zip(imported(case).plans, case["plans"]):
        got = [(i.get("owners", []), i.get("supporting", []), i.get("deadlines", [])) for i in items_of(plan)]
        assert got == [(i["owners"], i["supporting"], i["deadlines"]) for i in expected["items"]]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_metadata_comes_from_the_document(case):
    report = imported(case)
    for plan, expected in zip(report.plans, case["plans"]):
        assert plan["issued"] == expected["issued"]
        assert plan["issuer"] == expected["issuer"]
        if case["locality"] is None:
            inferred = {i["field"]: i for i in plan["source"]["inferred"]}
            assert inferred["locality"]["evidence"] == case["locality_evidence"]
        if plan["issued"]:
            inferred = {i["field"]: i for i in plan["source"]["inferred"]}
            assert plan["issued"] == inferred["issued"]["value"] and inferred["issued"]["evidence"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_no_sentence_of_the_article_is_lost(case):
    article = (FOLDER / case["article"]).read_text(encoding="utf-8").splitlines()
    everything = nfkc(blob(*imported(case).plans))
    assert [s for s in sentences(article) if nfkc(s) not in everything] == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_no_chrome_in_the_plan_text(case):
    plans = imported(case).plans
    text = "\n".join(plan_text(p) for p in plans)
    assert [s for s in case.get("absent", []) if s in text] == []
    items = "\n".join(f"{i.get('title') or ''}{i.get('text') or ''}" for p in plans for i in items_of(p))
    assert [s for s in case.get("absent_in_items", []) if nfkc(s) in nfkc(items)] == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_the_report_says_what_it_recognised_and_removed(case):
    text = importer.format_report(imported(case))
    assert [s for s in case.get("report_includes", []) if s not in text] == [], text


def test_a_web_page_gets_no_date_it_does_not_print(tmp_path):
    """trafilatura fills a date it only half found (a year: YYYY-01-01); the plan's issued date
    is never one the page does not print."""
    page = ("<html><head><meta charset='utf-8'><title>2025年全县教育工作要点</title></head><body><article>"
            "<h1>2025年全县教育工作要点</h1><p>2025年，全县教育系统坚持立德树人，办好人民满意的教育。</p>"
            "<p>一、加强党的建设</p><p>1.强化理论武装。落实理论学习中心组学习制度，全年开展专题学习不少于12次。</p>"
            "<p>2.加强基层党组织建设。评选示范党支部10个，开展书记抓党建述职评议全覆盖。</p>"
            "<p>3.推进思政课改革创新。建设区级思政课名师工作室3个，每校打造1门思政精品课。</p>"
            "<p>© 2025 某县教育局</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    report = importer.import_document(path, path.read_bytes(), source_file="raw/page.html", locality="qingdao")
    assert report.plans[0]["issued"] is None
    assert not [i for i in report.plans[0]["source"].get("inferred", []) if i["field"] == "issued"]


def test_a_saved_page_is_recognised_by_its_chrome_even_where_the_reader_left_it_out(tmp_path):
    """trafilatura drops the 文库 page's offers and ratings with its navigation: the site's
    family is still recognised from the whole page, so its upload date never becomes issued."""
    page = (FOLDER / "wenku-page-undated.html").read_text(encoding="utf-8")
    start = page.index('<div class="doc-end">')
    path = tmp_path / "page.html"
    path.write_text(page[:start] + page[page.index("</div>", start) + 6:], encoding="utf-8")
    report = importer.import_document(path, path.read_bytes(), source_file="raw/page.html", locality="qingdao")
    assert report.plans[0]["issued"] is None
    assert "document-sharing" in importer.format_report(report)


def test_spaced_digits_in_the_title_and_the_closing_date():
    text = ("2025 年度全县教育工作要点\n一、总体要求\n1.加强党建。推进中小学党组织标准化建设。（责任单位：组织科）\n"
            "2.提升质量。深化课堂教学改革。\n某县教育局\n2025 年 2 月 18 日\n")
    report = importer.import_text(text.encode("utf-8"), source_file="raw/x.txt", locality="qingdao")
    plan = report.plans[0]
    assert (plan["title"], plan["year"], plan["issued"], plan["issuer"]) == (
        "2025年度全县教育工作要点", 2025, "2025-02-18", "某县教育局")
    assert plan["closing"] == "某县教育局\n2025 年 2 月 18 日"
    assert [i["text"] for i in items_of(plan)][-1] == "深化课堂教学改革。"


def test_every_imported_web_copy_is_a_valid_plan_file(tmp_path):
    import shutil

    from generator.data import loader

    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("localities.yml", "themes.yml"):
        shutil.copy(ROOT / "plans" / name, plans / name)
    for k, case in enumerate(CASES):
        report = imported(case)
        for plan in report.plans:
            copy = dict(plan, id=f"{plan['id']}-c{k}", source=dict(plan["source"], file=f"raw/copy-{k}.txt"))
            (plans / f"{copy['id']}.yml").write_text(importer.yamlio.dump(copy, importer.SCHEMA_HEADER),
                                                    encoding="utf-8")
    catalog, problems = loader.load_paths([plans])
    assert [p.format() for p in problems] == []
    assert len(catalog.plans) == len(CASES)


def test_a_date_years_away_from_the_plan_is_not_recorded_as_issued():
    """A plan is issued in its year or the year before; a date two years later is a copy's
    upload or repost date (found on the web this round), so it is said, not recorded."""
    text = ("市教育局2022年工作要点\n一、坚持党建引领\n1.加强政治建设。全年开展专题学习10次。（责任单位：组织人事处）\n"
            "市教育局\n2024年6月3日\n").encode("utf-8")
    report = importer.import_text(text, source_file="raw/x.txt", locality="qingdao")
    plan = report.plans[0]
    assert (plan["year"], plan["issued"]) == (2022, None)
    assert "issued" not in {i["field"] for i in plan["source"].get("inferred", [])}
    assert any("2024-06-03" in w and "not recorded as issued" in w for w in report.warnings[plan["id"]])
