from __future__ import annotations

import atexit
import contextlib
import functools
import http.server
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
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


@functools.lru_cache(maxsize=1)
def _repository_settings():
    from generator.site import settings

    return settings.from_mkdocs(settings.mkdocs_config(ROOT / "mkdocs.yml"), ROOT)


def site_settings(limits: dict[str, int] | None = None, **changes):
    """The settings of the repository's mkdocs.yml and eduplans.yml, without git
    history (feeds dated by the plans, as in the golden files), with changes: a test
    builds the settings it needs instead of changing a module's constants."""
    from dataclasses import replace

    base = replace(_repository_settings(), history={})
    return replace(base, limits=replace(base.limits, **(limits or {})), **changes)


@contextlib.contextmanager
def configured(root: Path, **values: object) -> Iterator[Path]:
    """root's eduplans.yml with these keys given these values (each key once in the
    file), as an atlas would set them; the file as it was afterwards."""
    config = root / "eduplans.yml"
    original = text = config.read_text(encoding="utf-8")
    for key, value in values.items():
        text, found = re.subn(rf"^(\s*{key}:) .*$", rf"\g<1> {value}", text, flags=re.M)
        assert found == 1, f"{key} is not a key of eduplans.yml"
    config.write_text(text, encoding="utf-8")
    try:
        yield config
    finally:
        config.write_text(original, encoding="utf-8")


def fixture_catalog(fixtures: Path, target: Path):
    """The plans and registry of a fixture folder (expected.yml aside) with the atlas's
    themes, copied into target and loaded: the hand-made atlases of tests/fixtures."""
    from generator.data import loader

    target.mkdir(parents=True)
    for path in fixtures.glob("*.yml"):
        if path.name != "expected.yml":
            shutil.copy(path, target / path.name)
    shutil.copy(PLANS / "themes.yml", target / "themes.yml")
    catalog, problems = loader.load_paths([target])
    assert catalog is not None, [p.format() for p in problems]
    return catalog


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


SITE_PARTS = ("mkdocs.yml", "mkdocs-offline.yml", "eduplans.yml", "CONTRIBUTING.md", "docs", "plans", "templates", "overrides", "generator", "raw")


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
