"""The public dataset agrees with the plan files."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from generator import cli
from generator.data import loader
from conftest import PLANS


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = loader.load_paths([PLANS])
    assert catalog is not None, [p.format() for p in problems]
    return catalog


def export(capsys, fmt: str) -> str:
    assert cli.main(["export", "--format", fmt, "--plans", str(PLANS)]) == 0
    return capsys.readouterr().out


def test_json_has_every_plan_and_item(capsys, catalog):
    data = json.loads(export(capsys, "json"))
    assert {p["id"] for p in data["plans"]} == {p.id for p in catalog.plans}
    assert len(data["items"]) == sum(len(list(p.all_items())) for p in catalog.plans)
    for plan in data["plans"]:
        assert set(plan) >= {"id", "title", "year", "locality", "locality_name", "province", "level", "issued",
                             "item_count"}
        assert plan["item_count"] == sum(1 for i in data["items"] if i["plan"] == plan["id"])
    qingdao = next(p for p in data["plans"] if p["id"] == "qingdao-2024")
    assert (qingdao["locality_name"], qingdao["province"], qingdao["level"]) == ("青岛市", "山东省", "地级市")
    item = next(i for i in data["items"] if i["plan"] == "qingdao-2024" and i["anchor"] == "22")
    assert item["title"] == "巩固扩大“双减”成果" and "double-reduction" in item["themes"]
    assert set(item) >= {"plan", "anchor", "section", "number", "title", "text", "themes", "owners", "deadlines"}


def test_csv_rows_match_json(capsys):
    data = json.loads(export(capsys, "json"))
    rows = list(csv.DictReader(io.StringIO(export(capsys, "csv"))))
    assert len(rows) == len(data["items"])
    first = rows[0]
    assert first["plan"] == data["items"][0]["plan"] and first["text"] == data["items"][0]["text"]
    owners = next(r for r in rows if r["plan"] == "rongcheng-2024" and r["anchor"] == "1")["owners"]
    assert owners.split("|") == ["秘书科", "教研中心", "各基层党组织"]


def test_export_refuses_invalid_plans(plans_copy, capsys):
    (plans_copy / "qingdao-2024.yml").write_text("id: [", encoding="utf-8")
    assert cli.main(["export", "--plans", str(plans_copy)]) == 1
    assert re.search(r"qingdao-2024\.yml:\d+:\d+: error: YAML syntax error", capsys.readouterr().err)
