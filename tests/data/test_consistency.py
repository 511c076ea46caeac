"""A plan's year, date and locality against its title, text and registry, as validate
reports them: a contradiction of the year is an error, the rest warnings a human judges."""

from __future__ import annotations

import re

import pytest

from generator import cli
from generator.data import consistency, loader
from conftest import PLANS


@pytest.mark.parametrize(("title", "years"), [
    ("2024年全市教育工作要点", {2024}),
    ("青岛市教育局关于印发２０２５年工作要点的通知", {2025}),
    ("二〇二四年全区教育工作要点", {2024}),
    ("2023—2024学年度教育工作要点", {2023, 2024}),
    ("2025 年度全县教育工作要点", {2025}),
    ("“十四五”教育发展规划实施要点", set()),
    ("推动 20 所学校达标", set()),
])
def test_the_years_a_title_names(title, years):
    assert consistency.title_years(title) == years


def located(err: str, message: str) -> tuple[str, int, str] | None:
    """(file, line, severity) of the one problem whose message contains message."""
    for line in err.splitlines():
        found = re.match(r"(.+?):(\d+):\d+: (error|warning): (.*)", line)
        if found and message in found.group(4):
            return found.group(1).rsplit("/", 1)[-1], int(found.group(2)), found.group(3)
    return None


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(text))


def test_the_bundled_plans_have_nothing_to_warn_of():
    _, problems = loader.load_paths([PLANS])
    assert [p.format() for p in problems] == []


def test_a_year_that_contradicts_the_title_is_an_error_at_the_year(plans_copy, capsys):
    """`import --year 2019` on a plan titled 2024: filed under 2019, it would be wrong on the site."""
    text = (plans_copy / "qingdao-2024.yml").read_text(encoding="utf-8")
    wrong = plans_copy / "qingdao-2019.yml"
    wrong.write_text(text.replace("id: qingdao-2024", "id: qingdao-2019").replace("\nyear: 2024", "\nyear: 2019"),
                     encoding="utf-8")
    assert cli.main(["validate", str(plans_copy)]) == 1
    err = capsys.readouterr().err
    assert located(err, "year 2019 contradicts the title, which names 2024") == ("qingdao-2019.yml",
                                                                                line_of(wrong, "year:"), "error")


def test_an_issue_date_years_away_is_a_warning(plans_copy, capsys):
    plan = plans_copy / "qingdao-2024.yml"
    text = plan.read_text(encoding="utf-8")
    assert "\nissued: '2024-" in text or "\nissued: 2024-" in text
    plan.write_text(re.sub(r"\nissued: '?2024-(\d\d-\d\d)'?", r"\nissued: '2019-\1'", text), encoding="utf-8")
    assert cli.main(["validate", str(plans_copy)]) == 0  # a warning does not fail
    err = capsys.readouterr().err
    assert located(err, "is not in 2024 or the year before") == ("qingdao-2024.yml", line_of(plan, "issued:"),
                                                                 "warning")


def test_a_plan_filed_under_a_place_its_text_names_less_than_another_is_a_warning(plans_copy, capsys):
    """Rongcheng's plan imported with --locality qingdao: its text names 青岛 twice, 荣成 often."""
    text = (plans_copy / "rongcheng-2024.yml").read_text(encoding="utf-8")
    assert text.count("青岛") == 2 and text.count("荣成") > 10
    moved = plans_copy / "qingdao-2024-rongcheng.yml"
    moved.write_text(text.replace("id: rongcheng-2024", "id: qingdao-2024-rongcheng")
                     .replace("\nlocality: rongcheng", "\nlocality: qingdao"), encoding="utf-8")
    assert cli.main(["validate", str(plans_copy)]) == 0
    err = capsys.readouterr().err
    assert located(err, "and 青岛市 (qingdao) 2") == (
        "qingdao-2024-rongcheng.yml", line_of(moved, "locality:"), "warning")
    assert "set locality: rongcheng" in err


def test_a_locality_without_province_whose_evidence_names_one_is_a_warning(plans_copy, capsys):
    registry = plans_copy / "localities.yml"
    text = registry.read_text(encoding="utf-8")
    start = text.index("  - id: rongcheng")
    registry.write_text(text[:start] + text[start:].replace("province: 山东省", "province: null", 1), encoding="utf-8")
    assert cli.main(["validate", str(plans_copy)]) == 0
    err = capsys.readouterr().err
    line = text[:start].count("\n") + 1 + text[start:].split("province:")[0].count("\n")
    assert located(err, "rongcheng has no province, but its evidence names 山东省") == ("localities.yml", line,
                                                                                        "warning")
