"""Plan files at git revisions: what a change touches, read from git, and the summary
between two revisions through the command a reviewer runs."""

from __future__ import annotations

import subprocess

from generator import cli, revisions
from support import TWO_ITEMS as PLAN


def test_two_committed_revisions_are_compared(tmp_path, monkeypatch, capsys):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "x-2024.yml").write_text(PLAN, encoding="utf-8")
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@e", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "one")
    (tmp_path / "plans" / "x-2024.yml").write_text(PLAN.replace("原文二。", "原文二改。"), encoding="utf-8")
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qam", "two")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["changes", "--base", "HEAD~1", "--head", "HEAD"]) == 0
    assert "- `#2` 乙" in capsys.readouterr().out
    assert cli.main(["changes", "--base", "HEAD"]) == 0
    captured = capsys.readouterr()
    assert "No plan file changed." in captured.out and "--base HEAD~1" in captured.err


def test_a_change_reads_only_the_files_it_touches_unless_a_registry_changed(tmp_path, monkeypatch):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=tmp_path, check=True,
                       capture_output=True)

    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("x-2024.yml", "y-2024.yml", "localities.yml", "themes.yml"):
        (plans / name).write_text(PLAN if name.startswith(("x", "y")) else "localities: []\n", encoding="utf-8")
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "one")
    monkeypatch.chdir(tmp_path)
    (plans / "x-2024.yml").write_text(PLAN.replace("原文二。", "原文二改。"), encoding="utf-8")
    (plans / "z-2024.yml").write_text(PLAN, encoding="utf-8")  # new, not yet added
    registries = {"localities.yml", "themes.yml"}
    assert revisions.changed_names("HEAD") == {"x-2024.yml", "z-2024.yml"} | registries
    base, head = revisions.snapshots("HEAD")
    assert set(base.files) == {"x-2024.yml"} | registries and set(head.files) == {"x-2024.yml", "z-2024.yml"} | registries
    (plans / "themes.yml").write_text("themes: []\n", encoding="utf-8")
    assert revisions.changed_names("HEAD") is None
    assert set(revisions.snapshots("HEAD")[0].files) == {"x-2024.yml", "y-2024.yml"} | registries
