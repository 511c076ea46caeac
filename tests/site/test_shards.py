"""MkDocs over several processes (site/shards.py): the same site as one process
builds, and the same failures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.analysis import parallel
from generator.site import build as site, shards
from conftest import copy_project
from test_build import fingerprint


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("shards") / "eduplans")
    site.generate(root)
    return root


def run(root: Path, docs: Path, target: Path, processes: int, config_name: str = "mkdocs.yml") -> Path:
    config = site.mkdocs_config(root / config_name)
    site.run_mkdocs(root / config_name, docs, target, True, site.build_hooks(config), processes=processes)
    return target


@pytest.mark.parametrize("config_name", ["mkdocs.yml", site.OFFLINE])
def test_two_processes_build_the_same_site_as_one(generated, tmp_path, config_name):
    pages = [p.relative_to(generated / "docs").as_posix() for p in (generated / "docs").rglob("*.md")]
    assert {shards.owner(p, 2) for p in pages} == {0, 1}  # each process has pages of its own to convert
    one = run(generated, generated / "docs", tmp_path / "one" / "site", 1, config_name)
    two = run(generated, generated / "docs", tmp_path / "two" / "site", 2, config_name)
    assert fingerprint(two) == fingerprint(one)
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["site"]  # the other share and reports are gone


def pages_of_two_shares() -> tuple[str, str]:
    names = [f"shard-{k}.md" for k in range(20)]
    first = names[0]
    return first, next(n for n in names if shards.owner(n, 2) != shards.owner(first, 2))


def test_a_link_to_a_missing_anchor_in_another_share_fails_as_in_one_process(generated, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(generated / "docs", docs)
    linking, linked = pages_of_two_shares()
    (docs / linking).write_text(f"---\ntitle: 甲\n---\n\n# 甲\n\n[乙的一节]({linked}#nowhere)\n", encoding="utf-8")
    (docs / linked).write_text("---\ntitle: 乙\n---\n\n# 乙\n\n## 一节 { #somewhere }\n", encoding="utf-8")
    warning = f"Doc file '{linking}' contains a link '{linked}#nowhere', but the doc '{linked}' does not contain an anchor '#nowhere'."
    for processes in (1, 2):
        with pytest.raises(site.BuildError, match="MkDocs build failed") as failed:
            run(generated, docs, tmp_path / str(processes) / "site", processes)
        assert warning in str(failed.value)


def test_the_shares_must_agree_on_a_file_both_wrote(tmp_path):
    first, second = tmp_path / "site", tmp_path / "site.shard-1"
    for folder, text in ((first, "a"), (second, "b")):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "x.css").write_text(text, encoding="utf-8")
    (second / "plans").mkdir()
    (second / "plans" / "p.html").write_text("p", encoding="utf-8")
    with pytest.raises(shards.ShardError, match="assets/x.css differently"):
        shards.merge([second], first)


def test_a_share_is_moved_into_the_site(tmp_path):
    first, second = tmp_path / "site", tmp_path / "site.shard-1"
    for folder in (first, second):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "x.css").write_text("same", encoding="utf-8")
    (second / "plans" / "p").mkdir(parents=True)
    (second / "plans" / "p" / "index.html").write_text("p", encoding="utf-8")
    shards.merge([second], first)
    assert (first / "plans" / "p" / "index.html").read_text(encoding="utf-8") == "p"
    assert (first / "assets" / "x.css").read_text(encoding="utf-8") == "same"


def test_a_small_site_is_built_in_one_process():
    assert shards.count(shards.FEWEST_PAGES - 1) == 1
    assert 1 <= shards.count(20_000) <= parallel.MOST


def test_pages_minified_by_two_processes_equal_those_minified_by_one(tmp_path):
    html = "<!doctype html>\n<html>\n  <head>\n    <title>甲</title>\n  </head>\n  <body>\n    <p class=\"x\">  {k}  </p>\n  </body>\n</html>\n"
    for processes in (1, 2):
        for k in range(1_200):  # three batches
            page = tmp_path / str(processes) / f"p{k % 7}" / f"{k}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(html.format(k=k), encoding="utf-8")
        ticks: list[int] = []
        site.minify(tmp_path / str(processes), lambda: ticks.append(1), processes=processes)
        assert len(ticks) == 1_200
    assert fingerprint(tmp_path / "2") == fingerprint(tmp_path / "1")
    assert (tmp_path / "2" / "p0" / "0.html").read_text(encoding="utf-8").count("\n") < html.count("\n")
