"""Generation writes only what changed; a failed build leaves docs/ and site/ as they were."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from generator import cli
from generator.site import build as site, pages
from generator.site.progress import Progress
from generator.site.subset import Subset, SubsetError
from conftest import configured, copy_project, site_settings


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("atomic") / "eduplans")
    site.build(root)
    return root


def test_a_corrupt_plan_leaves_the_previous_build_untouched(project, monkeypatch, capsys):
    docs, built = fingerprint(project / "docs"), fingerprint(project / "site")
    plan = project / "plans" / "qingdao-2024.yml"
    good = plan.read_text(encoding="utf-8")
    try:
        plan.write_text(good.replace("year: 2024", "year: 二〇二四"), encoding="utf-8")
        monkeypatch.chdir(project)
        assert cli.main(["build"]) == 1
        err = capsys.readouterr().err
        assert "plans/qingdao-2024.yml:5:7: error: year must be a whole number" in err
        assert "unchanged" in err
        assert fingerprint(project / "docs") == docs and fingerprint(project / "site") == built
    finally:
        plan.write_text(good, encoding="utf-8")


def test_a_failing_mkdocs_build_leaves_the_previous_build_untouched(project, monkeypatch):
    docs, built = fingerprint(project / "docs"), fingerprint(project / "site")
    broken = project / "docs" / "about.md"
    good = broken.read_text(encoding="utf-8")
    try:
        broken.write_text(good + "\n[死链](no-such-page.md)\n", encoding="utf-8")
        docs = fingerprint(project / "docs")
        with pytest.raises(site.BuildError, match="MkDocs build failed") as failed:
            site.build(project)
        assert "'about.md' contains a link 'no-such-page.md'" in str(failed.value)  # the warning strict mode stopped on
        assert fingerprint(project / "docs") == docs and fingerprint(project / "site") == built
    finally:
        broken.write_text(good, encoding="utf-8")


def test_generate_writes_only_changed_pages_and_removes_stale_ones(project):
    docs = project / "docs"
    assert site.generate(project) == []  # the pages the build wrote: generate makes the same
    assert site.generate(project, site_settings(repo_url=None)) != []  # no repository: no edit links
    assert site.generate(project, site_settings(repo_url=None)) == []
    stale = docs / "plans" / "gone-2000.md"
    stale.write_text("old", encoding="utf-8")
    assert site.generate(project, site_settings(repo_url=None)) == ["plans/gone-2000.md"]
    assert not stale.exists()


def test_pages_cannot_be_written_outside_generated_folders():
    out = pages.Output()
    for path in ("../evil.md", "/etc/evil.md", "plans\\..\\evil.md", "about.md", "plans/x.html"):
        with pytest.raises(pages.BuildError):
            out.add(path, "x")
    out.add("plans/x.md", "x")
    with pytest.raises(pages.BuildError, match="same path"):
        out.add("plans/x.md", "y")


def test_an_output_with_a_folder_writes_pages_as_they_come_and_keeps_only_paths(tmp_path):
    """The build renders a large atlas into its staged docs/ without holding it in memory."""
    out = pages.Output(folder=tmp_path)
    out.add("plans/x.md", "# 双减")
    assert (tmp_path / "plans" / "x.md").read_text(encoding="utf-8") == "# 双减" and out.pages == {}
    with pytest.raises(pages.BuildError, match="same path"):
        out.add("plans/x.md", "again")
    with pytest.raises(pages.BuildError, match="outside the docs folder"):
        out.add("../x.md", "x")


def test_the_build_generates_once_and_runs_mkdocs_without_the_live_hook(project):
    """The live hook would load and render everything again inside MkDocs."""
    config = site.mkdocs_config(project / "mkdocs.yml")
    assert site.LIVE_HOOK in config["hooks"] and site.LIVE_HOOK not in site.build_hooks(config)
    shown = Progress.quiet()
    site.build(project, shown=shown)
    assert [name for name, _, _ in shown.times].count("render pages") == 1


def test_plain_mkdocs_build_generates_in_memory_and_writes_nothing_it_watches(project, capsys):
    """mkdocs serve rebuilds when a watched path changes: the live hook must not write any."""
    import logging.handlers

    from mkdocs.commands.build import build as mkdocs_build

    watched = {name: fingerprint(project / name) for name in ("docs", "plans", "templates", "generator")}
    handler = logging.handlers.MemoryHandler(10_000)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        mkdocs_build(site.mkdocs_config(project / "mkdocs.yml", site_dir=str(project / "plain-site")))
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert {name: fingerprint(project / name) for name in watched} == watched
    assert (project / "plain-site" / "plans" / "qingdao-2024" / "index.html").exists()
    assert (project / "plain-site" / "search" / "meta.js").exists()  # the search index, in memory too
    assert not [r for r in handler.buffer if "not included in the \"nav\"" in r.getMessage()]


def test_an_offline_bundle_of_one_locality_holds_only_its_plans_and_says_so(project, tmp_path):
    import zipfile

    from generator.site.subset import Subset

    target = site.bundle(project, tmp_path, "t", Subset(localities=("weihai",)))  # 荣成 lies under 威海
    assert target.name == "eduplans-offline-t-weihai.zip"
    archive = zipfile.ZipFile(target)
    names = archive.namelist()
    assert {n.split("/")[0] for n in names} == {"eduplans-offline-weihai"}  # not the whole atlas's folder
    assert "eduplans-offline-weihai/plans/rongcheng-2024.html" in names
    assert not [n for n in names if "/plans/qingdao" in n or "localities/qingdao" in n]
    home = archive.read("eduplans-offline-weihai/index.html").decode("utf-8")
    note = ("这是全文库的离线部分版，只收录威海市及其下辖地区的 1 份计划；其他地区和年份请看完整的全文库："
            "https://eduplans.github.io/eduplans/")
    assert note in home
    compare = archive.read("eduplans-offline-weihai/compare/index.html").decode("utf-8")
    assert re.search(r'data-part="?' + re.escape(note), compare)  # said when a plan asked for is not in the part


def test_a_part_is_described_by_its_places_provinces_and_years():
    from generator.site import labels

    assert labels.part_of(("山东省",), (), (2022, 2023, 2024)) == "山东省；2022–2024年"
    assert labels.part_of((), ("青岛市",), (2022, 2024)) == "青岛市及其下辖地区；2022、2024年"
    assert labels.part_of((), (), (2024,)) == "2024年"


def test_a_bundle_too_large_for_offline_search_is_refused_with_the_way_out(project, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(project)
    with configured(project, max_plans=5):
        assert cli.main(["bundle", "--date", "t"]) == 1
        err = capsys.readouterr().err
        assert "bundle refused: 11 plans: an offline bundle holds at most 5" in err and "--province 山东省" in err
        assert cli.main(["bundle", "--date", "t", "--years", "2019-2021"]) == 0


def test_a_part_too_large_is_refused_before_the_atlas_is_loaded(project, tmp_path):
    """At 10,000 plans loading takes minutes: the count comes from the files' own
    locality and year, and the registry; the build has begun no stage (loading is its first)."""
    parts = ((Subset(provinces=("山东省",)), 6), (Subset(localities=("qingdao",)), 4), (Subset(years=(2024,)), 8),
             (None, 11))
    with configured(project, max_plans=3):
        for part, count in parts:
            shown = Progress.quiet()
            with pytest.raises(SubsetError, match=f"^{count} plans: an offline bundle holds at most 3"):
                site.bundle(project, tmp_path, "t", part, shown)
            assert shown.times == [], part


def test_a_part_is_built_from_its_own_plan_files_and_every_file_it_cannot_place(project, tmp_path):
    """A bundle of Qingdao reads Qingdao's plan files (and any file whose place or year
    cannot be read without loading it), not the whole atlas: a broken plan elsewhere
    does not stop it, a file it cannot place does, by name."""
    from generator.site.subset import Subset

    elsewhere, unplaced = project / "plans" / "zz-elsewhere-2024.yml", project / "plans" / "zz-unplaced.yml"
    try:
        elsewhere.write_text("id: zz-elsewhere-2024\nyear: 2024\nlocality: daxinganling\n", encoding="utf-8")
        target = site.bundle(project, tmp_path, "t", Subset(localities=("qingdao",)))
        assert "eduplans-offline-qingdao/plans/qingdao-2024.html" in zipfile.ZipFile(target).namelist()
        unplaced.write_text("id: zz-unplaced\nyear: [2024\n", encoding="utf-8")
        with pytest.raises(site.BuildError) as failed:
            site.bundle(project, tmp_path, "u", Subset(localities=("qingdao",)))
        assert "zz-unplaced.yml" in "\n".join(p.format() for p in failed.value.problems)
    finally:
        elsewhere.unlink(missing_ok=True)
        unplaced.unlink(missing_ok=True)


@pytest.mark.parametrize("args, message", [(["--years", "2024x"], "--years '2024x'"),
                                           (["--locality", "qindao"], "unknown locality qindao"),
                                           (["--date", "../x"], "--date '../x'")])
def test_bundle_options_are_checked(project, monkeypatch, capsys, args, message):
    monkeypatch.chdir(project)
    assert cli.main(["bundle", *args]) == 1
    assert message in capsys.readouterr().err


def test_a_partial_bundle_leaves_docs_as_the_whole_site_wrote_it(project, tmp_path):
    from generator.site.subset import Subset

    docs = fingerprint(project / "docs")
    site.bundle(project, tmp_path, "t", Subset(localities=("rongcheng",)))
    assert fingerprint(project / "docs") == docs
