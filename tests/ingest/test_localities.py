"""A plan is written only for a registered locality; --new-locality registers one with
the line of the text that names it as evidence. Expected values read off the fixture
(tests/fixtures/raw/daxinganling-2024-excerpt.txt, lines 314–324 of raw/002) by hand."""

from __future__ import annotations

import shutil

import pytest

from generator import cli
from generator.data import yamlio
from conftest import FIXTURES, PLANS

EXCERPT = FIXTURES / "raw" / "daxinganling-2024-excerpt.txt"


@pytest.fixture
def without_daxinganling(tmp_path):
    """plans/ as if Daxinganling had never been registered."""
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans, ignore=shutil.ignore_patterns("schema", "daxinganling-*"))
    registry = plans / "localities.yml"
    data = yamlio.read_file(registry).data
    text = registry.read_text(encoding="utf-8")
    start = text.index("  - id: daxinganling")
    end = text.index("  - id:", start + 1)
    registry.write_text(text[:start] + text[end:], encoding="utf-8")
    assert len(yamlio.read_file(registry).data["localities"]) == len(data["localities"]) - 1
    return plans


def test_new_locality_is_registered_with_its_evidence_and_the_plan_is_valid(without_daxinganling, capsys):
    plans = without_daxinganling
    status = cli.main(["import", str(EXCERPT), "--out-dir", str(plans), "--source-name",
                       "raw/002_3165b1e1fe2a6d7c.txt", "--locality", "daxinganling", "--new-locality", "大兴安岭地区",
                       "--level", "地区", "--province", "黑龙江省"])
    assert status == 0, capsys.readouterr()
    entry = yamlio.read_file(plans / "localities.yml").data["localities"][-1]
    assert entry == {"id": "daxinganling", "name": "大兴安岭地区", "level": "地区", "province": "黑龙江省",
                     "parent": None,
                     "evidence": ["原文第10行写“学计划，完善心理健康筛查和预警机制；发挥大兴安岭地区教育系统心理关爱导师团作用，为有需要的学”。"]}
    plan = yamlio.read_file(plans / "daxinganling-2024.yml").data
    assert (plan["locality"], plan["year"], plan["title"]) == ("daxinganling", 2024, "2024年全区教育工作要点")
    assert [i["number"] for s in plan["sections"] for i in s["items"]] == ["1", "2", "3", "4", "5", "6", "7"]
    capsys.readouterr()
    assert cli.main(["validate", str(plans)]) == 0, capsys.readouterr().err


def test_an_unregistered_locality_is_refused_with_the_command_to_register_it(without_daxinganling, capsys):
    plans = without_daxinganling
    before = sorted(p.name for p in plans.iterdir())
    assert cli.main(["import", str(EXCERPT), "--out-dir", str(plans), "--locality", "daxinganling"]) == 1
    err = capsys.readouterr().err
    assert "unknown locality 'daxinganling'" in err and "--new-locality" in err and "--level" in err
    assert sorted(p.name for p in plans.iterdir()) == before


def test_a_plan_whose_locality_is_undecided_is_not_written(without_daxinganling, capsys):
    plans = without_daxinganling
    before = sorted(p.name for p in plans.iterdir())
    assert cli.main(["import", str(EXCERPT), "--out-dir", str(plans)]) == 1
    out = capsys.readouterr().out
    assert "not written: plan unknown-2024: locality undecided" in out and "--new-locality" in out
    assert sorted(p.name for p in plans.iterdir()) == before  # no unknown-*.yml


@pytest.mark.parametrize("extra, message", [
    (["--locality", "qingdao", "--new-locality", "青岛市", "--level", "地级市"], "registered already"),
    (["--locality", "Bad_Id", "--new-locality", "某地", "--level", "县"], "has the wrong form"),
    (["--locality", "x-county", "--new-locality", "某县", "--level", "县", "--parent", "nowhere"], "unknown parent"),
    (["--new-locality", "某县", "--level", "县"], "needs --locality"),
])
def test_a_bad_new_locality_writes_nothing(without_daxinganling, capsys, extra, message):
    plans = without_daxinganling
    registry = (plans / "localities.yml").read_text(encoding="utf-8")
    assert cli.main(["import", str(EXCERPT), "--out-dir", str(plans), *extra]) == 1
    assert message in capsys.readouterr().err
    assert (plans / "localities.yml").read_text(encoding="utf-8") == registry
