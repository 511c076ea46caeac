"""The site's settings are made in one place (settings.SiteSettings: mkdocs.yml, the
atlas's eduplans.yml, git history); a bad value in eduplans.yml stops the build at its
line and column; tests and the benchmark build settings instead of changing modules."""

from __future__ import annotations

import ast

import pytest

from generator import cli
from generator.site import build as site
from generator.site import settings
from conftest import ROOT, configured, copy_project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("settings") / "eduplans")


def test_settings_come_from_mkdocs_yml_and_the_atlas_configuration(project):
    made = site.settings_of(site.mkdocs_config(project / "mkdocs.yml"), project)
    assert (made.site_url, made.repo_url, made.edit_uri) == (
        "https://eduplans.github.io/eduplans/", "https://github.com/eduplans/eduplans", "blob/main/")
    assert made.directory_urls and made.downloads.on_pages and made.limits.partition_at == 100
    assert made.search.level_of("县级市") == 2 and made.bundle_max_plans == 200
    offline = site.settings_of(site.mkdocs_config(project / site.OFFLINE), project)
    assert not offline.directory_urls and offline.limits == made.limits


@pytest.mark.parametrize(("key", "value", "where", "said"), [
    ("where", "github", "where", "'github' is not one of pages, releases (write pages or releases)"),
    ("page_plans", "0", "page_plans", "page_plans: 0 is not a whole number above 0 (write e.g. 100)"),
    ("partition_at", "一百", "partition_at", "'一百' is not a whole number above 0"),
    ("items_per_file", "[8]", "items_per_file", "is not a whole number above 0"),
])
def test_a_bad_value_is_named_at_its_line_and_column_with_what_to_write(project, key, value, where, said):
    with configured(project, **{key: value}) as config:
        line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
                    if text.strip().startswith(f"{where}:"))
        column = config.read_text(encoding="utf-8").splitlines()[line - 1].index(":") + 3
        with pytest.raises(settings.SettingsError) as failed:
            settings.read_config(config)
    assert str(failed.value).startswith(f"{config}:{line}:{column}: ") and said in str(failed.value)


def test_an_unknown_or_missing_key_is_named(project):
    config = project / "eduplans.yml"
    good = config.read_text(encoding="utf-8")
    try:
        config.write_text(good.replace("  page_plans: 200", "  page_plan: 200"), encoding="utf-8")
        with pytest.raises(settings.SettingsError, match=r"eduplans.yml:\d+:\d+: unknown key 'page_plan' under "
                                                          r"listings \(known here: partition_at, .*page_plans"):
            settings.read_config(config)
        config.write_text(good.replace("bundles:\n  max_plans: 200\n", ""), encoding="utf-8")
        with pytest.raises(settings.SettingsError, match=r"eduplans.yml:\d+:1: bundles is missing \(add bundles:"):
            settings.read_config(config)
    finally:
        config.write_text(good, encoding="utf-8")


def test_the_build_stops_on_a_bad_value_before_it_loads_anything(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    with configured(project, where="elsewhere"):
        assert cli.main(["build"]) == 1
    err = capsys.readouterr().err
    assert "eduplans.yml:" in err and "'elsewhere' is not one of pages, releases" in err and "unchanged" in err
    assert not (project / "site").exists()


def test_settings_are_checked_before_any_page_is_rendered(project):
    from dataclasses import replace

    from generator.site import downloads, pages

    made = site.settings_of(site.mkdocs_config(project / "mkdocs.yml"), project)
    released = replace(made, downloads=downloads.Place("releases", 100), repo_url=None)
    written = []
    with pytest.raises(pages.BuildError, match="set repo_url in mkdocs.yml"):
        pages.render_all(site.load(project / "plans"), released, tick=lambda: written.append(1))
    assert written == []


def patched_generator_globals(source: str) -> list[int]:
    """The lines that replace a generator module's global: monkeypatch.setattr(module, ...),
    patch.setitem(module.X, ...), setattr(module, ...), or an assignment to module.NAME,
    where module was imported from generator."""
    tree = ast.parse(source)
    modules = {alias.asname or alias.name.split(".")[-1] for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator")
               for alias in node.names}
    modules |= {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names if alias.name.startswith("generator")}

    def of_module(node: ast.expr | None) -> bool:
        while isinstance(node, ast.Attribute):
            node = node.value
        return isinstance(node, ast.Name) and node.id in modules

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("setattr", "setitem", "delattr", "delitem") and node.args and of_module(node.args[0]):
                found.append(node.lineno)
        elif isinstance(node, ast.Assign):
            found += [node.lineno for t in node.targets if isinstance(t, ast.Attribute) and of_module(t.value)]
    return sorted(found)


def test_no_test_or_script_changes_a_module_of_the_package_to_set_it():
    """Tests and the benchmark build the settings they need (conftest.site_settings,
    conftest.configured, fetch.Limits): a module's constant changed by a test once leaked
    into every page rendered after it, and the benchmark replaced a function to move the
    downloads."""
    files = sorted((ROOT / "tests").rglob("*.py")) + sorted((ROOT / "scripts").rglob("*.py"))
    found = [f"{path.relative_to(ROOT)}:{line}" for path in files
             for line in patched_generator_globals(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_count_sees_every_way_of_patching_a_module():
    source = ("import generator.site.search\nfrom generator.site.views import listings\nfrom generator import cli\n"
              "def test(monkeypatch):\n    monkeypatch.setattr(listings, 'X', 0)\n    listings.Y = 1\n"
              "    monkeypatch.setitem(cli.TABLE, 'a', 1)\n    generator.site.search.RULES = None\n"
              "    monkeypatch.setattr(other, 'X', 0)\n    monkeypatch.chdir('x')\n")
    assert patched_generator_globals(source) == [5, 6, 7, 8]
