"""Which items a search query should find, judged from the plan data alone.

The search query set (tests/search_queries.yml) gives every query a ``kind``; this
module turns a query and its kind into the set of relevant items, so that any search
engine can be scored against the same rule without consulting another engine.

Searchable text of an item: its title, text, outline title, responsible units
(``owners``), supporting units and the task-table rows (problem, policies, measures,
outcomes, due, divisions), each field on its own so that no phrase spans two fields.
Section headings and intros are not targets. Text and
query are compared after the index's own normalization, ``generator.site.search.search_form``
(one rule, not a copy): each character in Unicode NFKC (full-width digits, letters and ％
become ASCII) and lower case, whitespace and the zero-width space removed, and the quote
and bracket marks of ``search.DROP`` removed (“”‘’"'《》〈〉「」『』【】（）()). Other marks
(、，·—) stay, so a phrase they split is not contiguous.

Rules per kind (a "phrase" is matched as a contiguous substring):

- word, rare, two-char, unit, one-char, place, no-answer: the query is the phrase.
- number-unit: the query is the phrase, and the match must not be preceded by
  another digit (``30所`` does not match ``130所``). A decimal point is not a digit:
  ``5%`` would match ``94.5%``, so the query set avoids such queries.
- words: every space-separated word of the query is a phrase; all must occur.
- traditional: relevant exactly when the simplified query ``same_as`` is (its
  words, if it has spaces, all required).
- not-verbatim: every phrase in ``parts`` must occur (the query itself occurs nowhere).
- typo: the phrase ``means`` must occur (the typo itself occurs nowhere).

Ranking (``titled`` in the query set): a relevant item whose title holds every phrase
is a title hit, and title hits come first. The title is the item's printed headline
(``title``), normalized as above; items printed without one have no title hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from generator.data.model import Catalog, Item
from generator.site.search import search_form

KINDS: tuple[str, ...] = ("word", "rare", "two-char", "words", "traditional", "not-verbatim",
                          "number-unit", "unit", "one-char", "typo", "place", "no-answer")

Key = tuple[str, str]  # (plan id, item anchor)


def normalize(text: str) -> str:
    """The text as the index matches it (search.search_form)."""
    return search_form(text)


def item_text(item: Item) -> str:
    """The searchable text of one item: each field normalized on its own, fields
    joined by a line break, so that no phrase is found across two fields."""
    parts: list[str | None] = [item.title, item.text, item.outline_title, *item.owners, *item.supporting]
    for row in item.tasks:
        parts += [row.problem, row.policies, row.measures, row.outcomes, row.due, row.divisions]
    return "\n".join(normalize(p) for p in parts if p)


_CACHE: dict[int, tuple[Catalog, dict[Key, str]]] = {}


def texts(catalog: Catalog) -> dict[Key, str]:
    """(plan id, anchor) → normalized searchable text, for every item of the catalog."""
    cached = _CACHE.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    found = {(plan.id, item.anchor): item_text(item) for plan in catalog.plans for item in plan.all_items()}
    _CACHE[id(catalog)] = (catalog, found)
    return found


def phrases(case: dict[str, Any]) -> list[str]:
    """The normalized phrases that must all occur in an item for it to be relevant."""
    kind = case["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} for query {case.get('query')!r}")
    if kind == "words":
        words: Iterable[str] = case["query"].split()
    elif kind == "traditional":
        words = str(case["same_as"]).split()
    elif kind == "not-verbatim":
        words = case["parts"]
    elif kind == "typo":
        words = [case["means"]]
    else:
        words = [case["query"]]
    return [w for w in (normalize(str(w)) for w in words) if w]


def occurs(phrase: str, text: str, *, digit_bound: bool = False) -> bool:
    """Whether a normalized phrase occurs in a normalized text; with digit_bound, only
    where it is not preceded by another digit (a number stays tied to its unit)."""
    if not digit_bound:
        return phrase in text
    return re.search(r"(?<![0-9])" + re.escape(phrase), text) is not None


def relevant(case: dict[str, Any], catalog: Catalog) -> set[Key]:
    """(plan id, anchor) of every item relevant to a query case, by the rules above."""
    needed = phrases(case)
    if not needed:
        return set()
    bound = case["kind"] == "number-unit"
    return {key for key, text in texts(catalog).items()
            if all(occurs(p, text, digit_bound=bound) for p in needed)}


def titled(case: dict[str, Any], catalog: Catalog) -> set[Key]:
    """(plan id, anchor) of every relevant item whose title holds every phrase of the query."""
    needed = phrases(case)
    bound = case["kind"] == "number-unit"
    return {(plan.id, item.anchor) for plan in catalog.plans for item in plan.all_items()
            if needed and item.title and all(occurs(p, normalize(item.title), digit_bound=bound) for p in needed)}


def bigrams(text: str) -> set[str]:
    """Character bigrams of a normalized text (a one-character text is its own bigram)."""
    text = normalize(text)
    return {text[i:i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text} - {""}
