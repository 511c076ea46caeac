"""Targets, similarity, comparisons and the published dataset."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data import loader
from generator.ingest import targets
from generator.site import charts
from generator.analysis.index import build_index
from generator.analysis import related
from generator.analysis.related import build_insight, same_indicator
from generator.analysis.similarity import Corpus, score
from conftest import PLANS, ROOT


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = loader.load_paths([PLANS])
    assert catalog is not None, problems
    return catalog


@pytest.fixture(scope="module")
def insight(catalog):
    return build_insight(build_index(catalog))


@pytest.mark.parametrize("text, expected", [
    ("多途径扩增公办学位，公办园在园幼儿占比提升至62%。", [("公办园在园幼儿占比", "62", "%", "level", None)]),
    ("建设人工智能实验室200间", [("建设人工智能实验室", "200", "间", "amount", None)]),
    ("开展近视防控科普宣教500场", [("开展近视防控科普宣教", "500", "场", "events", None)]),
    ("到2022年，建成中外合作办学机构和项目50个以上", [("建成中外合作办学机构和项目", "50", "个", "amount", 2022)]),
    ("组织第40个教师节庆祝活动，落实《青岛市2018-2020年解决大班额问题学校建设计划》", []),
    ("添置健身器材30—40套", [("添置健身器材", "30—40", "套", "amount", None)]),
])
def test_extraction(text, expected):
    found = [(t.indicator, t.value, t.unit, t.kind, t.year) for t in targets.extract(text)]
    assert found == expected


def test_extractor_precision_and_recall_on_the_hand_labelled_sample():
    sys.path.insert(0, str(ROOT / "scripts"))
    from evaluate_targets import evaluate

    result = evaluate()
    assert result["items"] >= 60 and result["labelled"] >= 60
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, result


def test_similarity_is_a_cosine_and_deterministic():
    assert score("推进学前教育普惠发展", "推进学前教育普惠发展") == 1.0
    assert score("推进学前教育普惠发展", "加强校园安全管理") == 0.0
    corpus = Corpus.build(["学前教育普惠", "学前教育普及", "校园安全"])
    assert corpus.cosine(0, 1) == corpus.cosine(1, 0) > corpus.cosine(0, 2)


def test_related_items_come_from_other_plans(insight):
    found = insight.related[("qingdao-2024", "8")]
    assert 0 < len(found) <= related.RELATED
    assert all(m.plan.id != "qingdao-2024" for m in found)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert ("qingdao-2026", "6") in {(m.plan.id, m.item.anchor) for m in found}


def test_qingdao_comparison(insight):
    pairs = insight.pairs["qingdao"]
    assert [(p.earlier.year, p.later.year) for p in pairs] == [(2019, 2021), (2021, 2024), (2024, 2026)]
    last = pairs[-1]
    carried = {(i.anchor, m.item.anchor) for i, m in last.carried}
    assert ("3", "2") in carried  # 纵深推进全面从严治党 in both years
    assert len(last.carried) + len(last.new) == 25
    series = insight.series["qingdao"]
    public_share = next(s for s in series if "公办园" in s.indicator)
    assert [(p.plan.year, p.target.value) for p in public_share.points] == [(2019, "50"), (2024, "62"), (2026, "68")]


_TEXTS = st.text(alphabet="学前教育普惠发展校园安全推进建设0１a、 ", max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, min_size=2, max_size=8), st.data())
def test_fast_cosines_are_the_sparse_products(texts, data):
    """Corpus.scores and score() skip scipy's slicing for speed; they must give what the
    L2-normalised TF-IDF rows' sparse product gives, to the rounded digit."""
    corpus = Corpus.build(texts)
    i = data.draw(st.integers(0, len(texts) - 1))
    others = data.draw(st.lists(st.integers(0, len(texts) - 1), max_size=6))
    product = (corpus.matrix[others] @ corpus.matrix[i].T).toarray().ravel() if others else []
    assert corpus.scores(i, others) == [round(float(v), 3) for v in product]
    pair = Corpus.build(texts[:2])
    assert score(texts[0], texts[1]) == round(float((pair.matrix[[1]] @ pair.matrix[0].T).toarray()[0, 0]), 3)


def test_indicator_matching():
    assert same_indicator("公办园", "公办园在园幼儿占比")
    assert not same_indicator("达标率", "中职学校办学条件达标率")


def test_charts_escape_labels_and_describe_themselves():
    svg = charts.bar_chart("c1", "<标题>", [("<script>", 3), ("学前教育", 5)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<title id='c1-t'>&lt;标题&gt;</title>" in svg and "学前教育 5" in svg
    line = charts.line_chart("c2", "公办园在园幼儿占比", "%", [(2024, 62.0, "62%", ""), (2026, 68.0, "68%", "")])
    assert line.count("<circle") == 2 and "2024年 62%" in line


def test_a_target_is_plotted_at_the_year_it_aims_for_with_the_plans_year_beneath():
    line = charts.line_chart("c3", "达标率", "%", [(2020, 98.0, "98%", "2019年计划"), (2021, 99.0, "99%", ""),
                                                   (2024, 100.0, "100%", "")])
    xs = [float(x) for x in re.findall(r"<circle cx='([\d.]+)'", line)]
    assert xs[1] - xs[0] == pytest.approx((xs[2] - xs[0]) / 4)  # 2020, 2021, 2024 on one time axis
    assert "2020年 98%（2019年计划）" in line and ">2019年计划</text>" in line


def test_published_downloads_agree_with_the_plans(built_site, catalog):
    data = json.loads((built_site / "data" / "eduplans.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in data["plans"]} == {p.id for p in catalog.plans}
    expected_items = {(p.id, i.anchor): i for p in catalog.plans for i in p.all_items()}
    assert {(i["plan"], i["anchor"]) for i in data["items"]} == set(expected_items)
    for record in data["items"]:
        item = expected_items[(record["plan"], record["anchor"])]
        assert record["text"] == item.text and record["title"] == item.title
    expected_targets = sorted((p.id, i.anchor, t.indicator, t.value, t.unit) for p in catalog.plans
                              for i in p.all_items() for t in i.targets)
    assert sorted((t["plan"], t["anchor"], t["indicator"], t["value"], t["unit"]) for t in data["targets"]) \
        == expected_targets
    for record in data["targets"]:
        target = next(t for t in expected_items[(record["plan"], record["anchor"])].targets
                      if (t.indicator, t.value, t.unit) == (record["indicator"], record["value"], record["unit"]))
        assert (record["kind"], record["year"], record["series"]) == (target.kind, target.year, target.series)
    assignments = build_index(catalog).assignments
    assert all(record["themes"] == list(assignments[(record["plan"], record["anchor"])].themes)
               for record in data["items"])
    for name, key in (("plans.csv", "plans"), ("items.csv", "items"), ("targets.csv", "targets")):
        rows = list(csv.DictReader(io.StringIO((built_site / "data" / name).read_text(encoding="utf-8"))))
        assert len(rows) == len(data[key]), name
        for row, record in zip(rows, data[key]):
            for field, value in record.items():
                listed = [v if isinstance(v, str) else f"{v['from']}→{v['to']}" for v in value] \
                    if isinstance(value, list) else None
                shown = "|".join(listed) if listed is not None else "" if value is None else str(value)
                assert row[field] == shown, (name, field)
    schema = json.loads((built_site / "data" / "plan.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "eduplans plan file"
    assert data["items"][0]["url"].startswith("https://eduplans.github.io/eduplans/plans/")


def test_targets_command_fills_in_missing_targets_and_keeps_curated_ones(tmp_path):
    from generator.data import yamlio

    plan = tmp_path / "plans"
    plan.mkdir()
    doc = yamlio.read_file(PLANS / "qingdao-2024.yml").data
    items = [i for s in doc["sections"] for i in s.get("items", [])]
    del items[0]["targets"]            # 1: to be filled in
    items[1]["targets"] = [{"indicator": "人工核对", "value": "1", "unit": "项", "kind": "amount", "year": None}]
    (plan / "qingdao-2024.yml").write_text(yamlio.dump(doc), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator", "targets", "--write", str(plan)], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    written = yamlio.read_file(plan / "qingdao-2024.yml").data
    again = [i for s in written["sections"] for i in s.get("items", [])]
    assert "targets" in again[0]
    assert again[1]["targets"][0]["indicator"] == "人工核对"  # a person's correction is never overwritten
    assert out.stdout.count("#1:") == len(again[0]["targets"])


def test_csv_guards_against_spreadsheet_formulas():
    from generator.site import export

    text = export.as_csv([{"a": "=HYPERLINK(\"x\")", "b": "-5", "c": "@SUM(1)", "d": "双减"}], ("a", "b", "c", "d"))
    assert text.splitlines()[1] == "\"'=HYPERLINK(\"\"x\"\")\",-5,'@SUM(1),双减"


def test_data_page_documents_every_exported_field(built_site):
    from generator.site import export

    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    for field in {*export.PLAN_FIELDS, *export.ITEM_FIELDS, *export.TARGET_FIELDS}:
        assert f"<code>{field}</code>" in page, field


def test_a_target_of_three_years_is_drawn_and_one_of_two_is_read_in_its_table(catalog, insight):
    from generator.analysis.index import build_index
    from generator.site.views import comparison as comparison_view

    index = build_index(catalog)
    page = comparison_view.comparison_page(index, insight, catalog.localities["qingdao"], True)
    drawn = {s.name: bool(s.chart) for s in page.series}
    public_share = next(name for name in drawn if "公办园" in name)  # 2019, 2024, 2026
    assert drawn[public_share]
    two_years = [s for s in page.series if len({r.year for r in s.rows}) == 2]
    assert two_years and not any(s.chart for s in two_years)
    assert all(r.change for s in two_years for r in s.rows[1:] if s.unit)  # the change is in the table
