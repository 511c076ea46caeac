from __future__ import annotations

import atexit
import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
TESTS = ROOT / "tests"


def _test_atlas() -> Path:
    """plans/ as the tests see it: its registries and schema, and the plans named in
    tests/atlas.yml (a fixed set, so that the tests cost the same at any atlas size)."""
    ids = yaml.safe_load((TESTS / "atlas.yml").read_text(encoding="utf-8"))["plans"]
    folder = Path(tempfile.mkdtemp(prefix="eduplans-tests-")) / "plans"
    atexit.register(shutil.rmtree, folder.parent, True)
    shutil.copytree(ROOT / "plans" / "schema", folder / "schema")
    for name in ("localities.yml", "themes.yml", *(f"{plan_id}.yml" for plan_id in ids)):
        shutil.copy(ROOT / "plans" / name, folder / name)
    return folder


PLANS = _test_atlas()
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"


@pytest.fixture
def plans_copy(tmp_path: Path) -> Path:
    """A writable copy of plans/ (registries and plan files) to break on purpose."""
    target = tmp_path / "plans"
    shutil.copytree(PLANS, target, ignore=shutil.ignore_patterns("schema"))
    return target


@pytest.fixture
def registries(tmp_path: Path) -> Path:
    """A plans folder holding only the two registries."""
    target = tmp_path / "plans"
    target.mkdir()
    for name in ("localities.yml", "themes.yml"):
        shutil.copy(PLANS / name, target / name)
    return target


SITE_PARTS = ("mkdocs.yml", "mkdocs-offline.yml", "CONTRIBUTING.md", "docs", "plans", "templates", "overrides", "generator", "raw")


def copy_project(target: Path) -> Path:
    """The parts of the repository a build needs, without generated output."""
    from generator.site import urls

    def ignore(folder: str, names: list[str]) -> list[str]:
        generated = urls.GENERATED if Path(folder) == ROOT / "docs" else ()
        return [n for n in names if n == "__pycache__" or n in generated]

    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_PARTS:
        source = PLANS if name == "plans" else ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy(source, target / name)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session by `python -m generator build`'s code."""
    from generator.site import build as site

    root = copy_project(tmp_path_factory.mktemp("project") / "eduplans")
    return site.build(root)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
