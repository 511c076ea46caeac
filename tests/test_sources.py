"""Every plan of plans/ against its raw source, however large the atlas: these checks
cost a few milliseconds a plan (scripts/benchmark.py --sources), so unlike the site and
browser tests (the fixed atlas of tests/atlas.yml) they read the whole of plans/ and
raw/. A contributor who adds a plan with its source is checked here with no test edit;
a plan that drops a sentence fails naming the plan, the source line and the sentence."""

from __future__ import annotations

import pytest

from generator.data import loader
from generator.ingest import fidelity, text
from conftest import ROOT

PLANS = ROOT / "plans"
DOCS, UNREADABLE = fidelity.plan_documents(loader.plan_files([PLANS]))
SOURCES = fidelity.sources(DOCS)


def report(problems) -> str:
    return "\n".join(p.format() for p in problems)


def test_every_plan_file_validates():
    """The whole of plans/ with its registries (what `python -m generator validate` checks)."""
    catalog, problems = loader.load_paths([PLANS])
    errors = [p for p in problems if p.severity == "error"]
    assert catalog is not None and not errors, report(errors)


def test_every_plan_file_is_read():
    assert not UNREADABLE, report(UNREADABLE)


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.label)
def test_the_plans_keep_every_sentence_of_their_source(source):
    """The source exists, its corrections are printed there, each of its sentences
    stands in a plan citing it and each title and paragraph lies within one of its lines."""
    problems = fidelity.check_source(ROOT, source)
    assert not problems, report(problems)


def test_every_raw_file_is_the_source_of_a_plan():
    problems = fidelity.uncited(ROOT / "raw", DOCS)
    assert not problems, report(problems)


@pytest.mark.parametrize("raw", [p for p in sorted((ROOT / "raw").iterdir()) if p.suffix == ".txt"],
                         ids=lambda p: p.stem[:16])
def test_normalization_keeps_the_lines_of_the_source(raw):
    """So that a lost sentence's line number is the line of the file a contributor opens."""
    lines, _ = text.normalize(raw.read_bytes())
    assert len(lines) == raw.read_bytes().replace(b"\r\n", b"\n").count(b"\n") + 1
