"""The GitHub workflows: lint-clean, secure for forks, and running the README's commands."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert path, f"{name} is not installed: pip install -r requirements-dev.txt"
    return path


def readme_commands() -> tuple[str, str]:
    lines = [l.strip() for l in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
             if l.startswith("    python3 -m venv")]
    return lines[0], lines[1]


def test_actionlint_finds_nothing():
    result = subprocess.run([tool("actionlint"), *sorted(map(str, WORKFLOWS.glob("*.yml")))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_above_low_severity():
    result = subprocess.run([tool("zizmor"), "--offline", "--min-severity", "medium", "--format", "plain",
                             str(WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_pull_requests_from_forks_get_no_write_access():
    workflow = load("pr.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    assert workflow["permissions"] == {"contents": "read"}
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "persist-credentials: false" in text


def test_every_action_is_pinned_to_a_commit():
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                ref = line.split("uses:")[1].split("#")[0].strip()
                assert len(ref.split("@")[1]) == 40, f"{path.name}: {line.strip()}"


def test_workflows_run_the_readme_commands():
    build, test = readme_commands()
    pr = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert test in pr and "validate --changed \"origin/${BASE_REF}\" --format github" in pr
    assert build in (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci


def test_pull_request_checks_do_not_grow_with_the_atlas():
    """No pull-request step builds or validates the whole atlas: validation reads the
    changed plans, the tests a fixed atlas, the preview the places the change touches."""
    pr = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert "generator build" not in pr and "validate --format" not in pr
    assert "bundle --date preview" in pr and "changes --base \"origin/${BASE_REF}\" --localities" in pr


def test_pages_deploy_has_least_permissions():
    workflow = load("pages.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert load("release.yml")["jobs"]["bundle"]["permissions"] == {"contents": "write"}


def test_pull_requests_validate_first_with_a_light_install():
    """Annotations must not wait for the heavy installs, nor depend on them succeeding."""
    jobs = load("pr.yml")["jobs"]
    steps = [s for s in jobs["validate"]["steps"] if "run" in s]
    assert "validate --changed" in steps[0]["run"] and "--format github" in steps[0]["run"]
    assert "-c requirements.txt PyYAML jsonschema" in steps[0]["run"]
    assert "apt-get" not in (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")  # the image's Chrome is used
    assert jobs["test"]["steps"][-1]["env"]["EDUPLANS_CHROMIUM"] == "/usr/bin/google-chrome"


def test_reviewers_get_the_offline_bundle_that_opens_from_disk():
    steps = load("pr.yml")["jobs"]["preview"]["steps"]
    assert any("generator bundle" in s.get("run", "") for s in steps)
    upload = next(s for s in steps if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"].startswith("dist/eduplans-offline-")


def test_only_the_comment_job_may_write_and_it_runs_none_of_the_pull_requests_code():
    jobs = load("pr.yml")["jobs"]
    writers = {name for name, job in jobs.items() if "write" in (job.get("permissions") or {}).values()}
    assert writers == {"comment"}
    comment = jobs["comment"]
    assert comment["permissions"] == {"pull-requests": "write"}
    assert "github.event.pull_request.head.repo.full_name == github.repository" in comment["if"]  # forks: skipped
    assert not [s for s in comment["steps"] if "checkout" in s.get("uses", "") or "python" in s.get("run", "")]


def test_contributing_names_exactly_the_pull_request_jobs():
    """CONTRIBUTING promised a strict full build that pr.yml never ran: the list of checks
    there and the jobs here are now held equal."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## 4. "):]
    named = re.findall(r"^\d\. \*\*`([a-z-]+)`\*\*", section, flags=re.M)
    assert named == list(load("pr.yml")["jobs"])
