"""The package's four parts and the one direction of their imports (see
generator/__init__.py), read from the source with ast."""

from __future__ import annotations

import ast
import re

import pytest

from conftest import ROOT

PACKAGE = ROOT / "generator"
PARTS = ("ingest", "data", "analysis", "site")
ALLOWED = {  # part → the parts it may import
    "data": {"data"},
    "ingest": {"ingest", "data"},
    "analysis": {"analysis", "data"},
    "site": {"site", "analysis", "data"},
}


def imported_parts(path) -> set[str]:
    """The parts of generator a module imports, resolving relative imports."""
    module = path.relative_to(ROOT).with_suffix("").parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module[: len(module) - node.level]
                target = (*base, *(node.module.split(".") if node.module else ()))
                names = [(*target, alias.name) for alias in node.names]
            else:
                names = [tuple((node.module or "").split("."))]
        elif isinstance(node, ast.Import):
            names = [tuple(alias.name.split(".")) for alias in node.names]
        else:
            continue
        found |= {name[1] for name in names if len(name) > 1 and name[0] == "generator" and name[1] in PARTS}
    return found


@pytest.mark.parametrize("part", PARTS)
def test_each_part_imports_only_the_parts_before_it(part):
    wrong = {p.relative_to(ROOT).as_posix(): imported_parts(p) - ALLOWED[part]
             for p in (PACKAGE / part).rglob("*.py")}
    assert not {k: v for k, v in wrong.items() if v}


@pytest.mark.parametrize("part", PARTS)
def test_each_part_says_what_enters_what_leaves_and_who_imports_it(part):
    doc = ast.get_docstring(ast.parse((PACKAGE / part / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert re.search(r"enters?", doc) and re.search(r"leaves?", doc) and "import" in doc, doc


def test_templates_hold_no_rules_or_wording_of_the_code():
    """Thresholds, counts and label tables come from views (site/labels.py, site/views/)."""
    suspicious = re.compile(r"[<>]=?\s*\d|==\s*\d|loop\.index|\|format|\{\s*\"[a-z]+\"\s*:")
    jinja = re.compile(r"\{[{%](.*?)[}%]\}", re.S)
    found = {p.name: [s for code in jinja.findall(p.read_text(encoding="utf-8")) for s in suspicious.findall(code)]
             for p in (ROOT / "templates").rglob("*.j2")}
    assert not {k: v for k, v in found.items() if v}


def test_no_source_or_test_file_is_ignored_by_git():
    """An ignore pattern such as 'site/' once matched generator/site/ too."""
    import subprocess

    files = [p.relative_to(ROOT).as_posix() for folder in ("generator", "tests", "templates", "plans")
             for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and ".pytest_cache" not in p.parts and "screenshots" not in p.parts]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], cwd=ROOT, input="\n".join(files),
                             capture_output=True, text=True).stdout.split()
    assert not ignored


def test_the_tests_build_a_fixed_atlas_not_the_whole_of_plans():
    """The tests cost the same at 10,000 plans: they build the plans of tests/atlas.yml,
    each of which exists in plans/ (a seed renamed or removed must be replaced there)."""
    import yaml

    from conftest import PLANS

    named = yaml.safe_load((ROOT / "tests" / "atlas.yml").read_text(encoding="utf-8"))["plans"]
    assert sorted(p.stem for p in PLANS.glob("*.yml") if p.stem not in ("localities", "themes")) == sorted(named)
    assert all((ROOT / "plans" / f"{plan_id}.yml").is_file() for plan_id in named)
