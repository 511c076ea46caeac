"""The search query set checked against the plan data, without any search engine.

Every query of tests/search_queries.yml is well-formed for its kind, its hand-checked
`expect` items are relevant by tests/search_judge.py, and the premises of its kind
hold (a typo occurs nowhere, a traditional query's simplified form does, ...).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import PLANS, TESTS
from generator.data import loader
from search_judge import KINDS, bigrams, normalize, phrases, relevant, texts, titled

QUERIES: list[dict[str, Any]] = yaml.safe_load(
    (TESTS / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
FIELDS = {"traditional": {"same_as"}, "not-verbatim": {"parts"}, "typo": {"means"}}
OPTIONAL = {"query", "kind", "expect", "titled"}


@pytest.fixture(scope="module")
def catalog() -> Any:
    found, problems = loader.load_paths([PLANS])
    assert found is not None, problems
    return found


@pytest.fixture(scope="module")
def files() -> dict[str, tuple[str, str]]:
    """Every file of plans/ (plans and registries): name → (raw text, normalized text)."""
    return {p.name: (text, normalize(text))
            for p in sorted(Path(PLANS).glob("*.yml")) for text in [p.read_text(encoding="utf-8")]}


def nowhere(query: str, files: dict[str, tuple[str, str]]) -> list[str]:
    """Files holding the query as typed or after normalization (empty when nowhere)."""
    return [name for name, (raw, norm) in files.items() if query in raw or normalize(query) in norm]


def test_queries_are_unique_and_about_45():
    names = [q["query"] for q in QUERIES]
    assert len(names) == len(set(names))
    assert 40 <= len(names) <= 55


def test_every_kind_is_covered():
    assert {q["kind"] for q in QUERIES} == set(KINDS)


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query_is_well_formed(case):
    kind = case["kind"]
    assert kind in KINDS
    assert set(case) <= OPTIONAL | FIELDS.get(kind, set()), f"fields not used by kind {kind}"
    assert FIELDS.get(kind, set()) <= set(case), f"kind {kind} needs {FIELDS.get(kind)}"
    assert (" " in case["query"]) == (kind == "words")
    if kind == "one-char":
        assert len(normalize(case["query"])) == 1
    if kind == "two-char":
        assert len(normalize(case["query"])) == 2
    if kind == "number-unit":
        assert re.fullmatch(r"[0-9.]+[^0-9.]+", normalize(case["query"]))
    if kind != "no-answer":
        assert case.get("expect"), "hand-checked items are listed"


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_expected_items_are_relevant(case, catalog):
    found = relevant(case, catalog)
    if case["kind"] != "no-answer":
        assert found, "some item is relevant"
    known = texts(catalog)
    for expected in case.get("expect", []):
        key = tuple(expected.split("#"))
        assert key in known, f"{expected} is no item anchor"
        assert key in found, f"{expected} is not relevant to {case['query']}"


RANKED = [q for q in QUERIES if "titled" in q]


def test_five_common_words_carry_ranking_expectations():
    """The ranking measure: five words, each in the titles of several items and in
    the text of more (so that the order, not the set, decides the first places)."""
    assert len(RANKED) >= 5 and all(q["kind"] == "word" for q in RANKED)


@pytest.mark.parametrize("case", RANKED, ids=[q["query"] for q in RANKED])
def test_titled_items_are_exactly_the_title_hits(case, catalog):
    listed = {tuple(k.split("#")) for k in case["titled"]}
    assert len(listed) == len(case["titled"]) >= 2
    assert listed == titled(case, catalog), "the hand-read list differs from the titles in the data"
    assert listed < relevant(case, catalog), "some relevant item is not titled with the word"


@pytest.mark.parametrize("case", [q for q in QUERIES if q["kind"] in ("typo", "not-verbatim", "no-answer")],
                         ids=lambda q: q["query"])
def test_query_string_occurs_nowhere(case, files, catalog):
    assert not nowhere(case["query"], files)
    assert not any(normalize(case["query"]) in t for t in texts(catalog).values())


@pytest.mark.parametrize("case", [q for q in QUERIES if q["kind"] == "not-verbatim"], ids=lambda q: q["query"])
def test_not_verbatim_parts_occur_and_differ_from_query(case, catalog):
    for part in case["parts"]:
        assert relevant({"kind": "word", "query": part}, catalog), f"{part} occurs in no item"
    assert len(case["parts"]) >= 2 and normalize(case["query"]) not in phrases(case)


@pytest.mark.parametrize("case", [q for q in QUERIES if q["kind"] == "typo"], ids=lambda q: q["query"])
def test_typo_is_near_its_meaning(case):
    """One slip: same length, some bigram shared, so closest matches can reach it."""
    typo, meant = normalize(case["query"]), normalize(case["means"])
    assert typo != meant and len(typo) == len(meant)
    assert bigrams(typo) & bigrams(meant)


@pytest.mark.parametrize("case", [q for q in QUERIES if q["kind"] == "traditional"], ids=lambda q: q["query"])
def test_traditional_query_maps_to_existing_simplified(case, catalog):
    simplified = {"kind": "word", "query": case["same_as"]}
    assert relevant(simplified, catalog), f"{case['same_as']} occurs in no item"
    assert relevant(case, catalog) == relevant(simplified, catalog)
    assert not relevant({"kind": "word", "query": case["query"]}, catalog), "found as typed: nothing to convert"
    opencc = pytest.importorskip("opencc")
    assert opencc.OpenCC("t2s").convert(case["query"]) == case["same_as"]


@pytest.mark.parametrize("case", [q for q in QUERIES if q["kind"] == "number-unit"], ids=lambda q: q["query"])
def test_number_unit_is_tied_to_its_digits(case, catalog):
    """The digit rule only removes items: every relevant item holds the phrase."""
    phrase = normalize(case["query"])
    found = relevant(case, catalog)
    assert all(phrase in texts(catalog)[key] for key in found)


@pytest.mark.parametrize("case", [q for q in QUERIES if q["kind"] == "no-answer"], ids=lambda q: q["query"])
def test_no_answer_has_nothing_close(case, catalog):
    assert relevant(case, catalog) == set()
    wanted = bigrams(case["query"])
    best = max(len(wanted & {t[i:i + 2] for i in range(len(t) - 1)}) for t in texts(catalog).values())
    assert best / len(wanted) < 0.5, "an item holds most of its bigrams: closest matches would show"
