"""The search index, build side: what the browser loads, in which pieces, and that
plan text inside it cannot become markup."""

from __future__ import annotations

import base64
import json
import re
from array import array
from dataclasses import replace

import pytest
from hypothesis import given, strategies as st

from generator.site import build as site
from generator.site import search, urls
from conftest import PLANS, site_settings

RULES = site_settings().search  # eduplans.yml's search:

CALL = re.compile(r'^eduplansSearch\.put\("([^"]+)",(.*)\);\n$', re.S)


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return search.build(site.load(PLANS), True, RULES)


def data(files: dict[str, str], name: str):
    match = CALL.match(files[urls.search_file(name)])
    assert match and match.group(1) == name, "each file hands its own name to the page"
    found = json.loads(match.group(2))
    return search.unpacked(found) if name.startswith("d/") else found


def decode(text: str) -> list[int]:
    raw = base64.b64decode(text + "=" * (-len(text) % 4))
    out, number, delta, shift = [], -1, 0, 0
    for byte in raw:
        delta |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            number += delta + 1
            out.append(number)
            delta, shift = 0, 0
    return out


def stored(value: str) -> tuple[list[int], list[int]]:
    """A key's postings, and the items among them whose titles hold it (search.postings_value)."""
    numbers, _, ranks = value.partition(",")
    postings = decode(numbers)
    return postings, [postings[rank] for rank in decode(ranks)] if ranks else []


def items(files: dict[str, str]) -> list[list]:
    meta = data(files, "meta")
    return [e for at in range(-(-meta["items"] // meta["chunk"])) for e in data(files, f"d/{at}")]


def test_form_is_what_a_reader_means_by_the_same_text():
    assert search.search_form("“双减”工作") == "双减工作"
    assert search.search_form("ＡＩ教育　９８％") == "ai教育98%"
    assert search.search_form("《中小学校管理办法》（试行）") == "中小学校管理办法试行"
    assert search.search_form("上，合") == "上,合"  # a comma is not a quote: 上合 must not match


def test_keys_are_characters_and_adjacent_pairs_within_runs_of_letters_and_digits():
    assert search.indexed_keys("双减，30所") == {"双", "减", "双减", "3", "0", "所", "30", "0所"}
    assert "减，" not in search.indexed_keys("双减，30所") and "，3" not in search.indexed_keys("双减，30所")


@given(st.lists(st.integers(min_value=0, max_value=2_000_000), unique=True))
def test_postings_round_trip(numbers):
    numbers = sorted(numbers)
    assert decode(search.encode(array("I", numbers))) == numbers


def test_every_key_is_in_the_shard_its_hash_names(files):
    meta = data(files, "meta")
    for at in range(meta["shards"]):
        for key in data(files, f"k/{at}"):
            assert search.shard_of(key, meta["shards"]) == at


def test_postings_find_exactly_the_items_holding_a_key(files):
    meta = data(files, "meta")
    key = "双减"
    numbers, _ = stored(data(files, f"k/{search.shard_of(key, meta['shards'])}")[key])
    entries = items(files)
    items_at = meta["columns"]["plan"].index("items")
    assert len(entries) == meta["items"] == sum(plan[items_at] for plan in meta["plans"])
    holding = [n for n, e in enumerate(entries) if key in search.search_form(search.searched(e))]
    assert numbers == holding and len(holding) >= 8


@pytest.mark.parametrize("key", ["双减", "教师", "安全", "前教"])
def test_title_ranks_name_exactly_the_items_whose_titles_hold_a_pair(files, key):
    """What ranks title hits first for any number of hits: 4 of the 8 items holding 双减
    are titled with it (the text of the other four, and section headings, do not count)."""
    meta = data(files, "meta")
    numbers, in_title = stored(data(files, f"k/{search.shard_of(key, meta['shards'])}")[key])
    entries = items(files)
    assert in_title == [n for n in numbers if key in search.search_form(search.column(entries[n], "title"))]
    assert 2 <= len(in_title) < len(numbers)


def test_only_pairs_of_characters_carry_title_ranks(files):
    meta = data(files, "meta")
    shard = data(files, f"k/{search.shard_of('双', meta['shards'])}")
    assert "," not in shard["双"]


def test_an_item_printed_with_a_title_only_carries_its_section(files):
    """Its hit shows the section it is in instead of an empty line."""
    entry = next(e for e in items(files) if search.column(e, "title") == "持续巩固“双减”工作成果")
    assert search.column(entry, "text") == "" and search.column(entry, "section") == "二 聚焦立德树人根本任务"
    assert all(search.column(e, "section") == "" for e in items(files) if search.column(e, "text"))


def test_an_item_row_carries_its_outline_title_and_targets_once(files):
    """What a page rebuilding a plan's items needs (the 对标 page): the outline title in a
    column of its own (not again among the other fields, yet searched as before) and the
    targets as [indicator, value, unit, year]."""
    plan = next(p for p in site.load(PLANS).catalog.plans if any(i.targets for i in p.all_items()))
    item = next(i for i in plan.all_items() if i.targets)
    entry = next(e for e in items(files) if search.column(e, "anchor") == item.anchor
                 and search.column(e, "text") == item.text)
    assert search.column(entry, "targets") == [[t.indicator, t.value, t.unit, t.year] for t in item.targets]
    assert sum(search.column(e, "targets") == [] for e in items(files)) > len(items(files)) / 2


def test_an_outline_title_is_stored_once_and_searched_as_before():
    index = site.load(PLANS)
    plan = index.catalog.plans[0]
    item = replace(next(iter(plan.all_items())), outline_title="（一）加强党的全面领导", owners=("区教育局", "区财政局"),
                   supporting=(), deadlines=(), tasks=())
    entry = search.item_entry(index, plan, item, {theme.id: at for at, theme in enumerate(index.catalog.themes)})
    assert search.column(entry, "outline") == "（一）加强党的全面领导"
    assert "加强党的全面领导" not in search.column(entry, "fields")
    assert search.searched(entry) == "|".join([item.title or "", item.text, "（一）加强党的全面领导", "区教育局、区财政局"])


def test_meta_names_every_column_and_the_rules_the_page_applies(files):
    meta = data(files, "meta")
    assert meta["columns"] == {"item": list(search.ITEM_COLUMNS), "plan": list(search.PLAN_COLUMNS),
                               "locality": list(search.LOCALITY_COLUMNS)}
    assert all(len(e) == len(search.ITEM_COLUMNS) for e in items(files))
    assert all(len(row) == len(search.LOCALITY_COLUMNS) for row in meta["localities"])
    rules = meta["rules"]
    assert rules["fields"] == search.FIELDS and rules["word"] == "[\\p{L}\\p{N}_]"
    # the marks, spelled out: Python's \s holds \x1c and \x85, JavaScript's does not
    assert "\\u{201c}" in rules["drop"] and "\\u{1c}" in rules["drop"] and "\\u{85}" in rules["drop"]
    assert "\\u{ff0c}" not in rules["drop"]  # a comma splits a phrase, it is not dropped


def test_results_run_newest_year_first(files):
    years = [plan[1] for plan in data(files, "meta")["plans"]]
    assert years == sorted(years, reverse=True)


def test_a_frequent_key_gets_a_file_of_its_own():
    small = search.SearchRules(RULES.levels, own_file_over=16, shard_bytes=8192, items_per_file=8)
    files = search.build(site.load(PLANS), True, small)
    meta = data(files, "meta")
    shard = data(files, f"k/{search.shard_of('教育', meta['shards'])}")
    assert isinstance(shard["教育"], int) and shard["教育"] > 100  # the count of items, not postings
    assert len(stored(data(files, search.own_file("教育")))[0]) == shard["教育"]


def test_item_links_and_labels_come_from_their_authorities(files):
    meta = data(files, "meta")
    assert meta["url"]["plan"] == "plans/{id}/" and meta["label"] == "{locality} {year}"
    plan, locality = ({name: at for at, name in enumerate(meta["columns"][kind])} for kind in ("plan", "locality"))
    ids = {meta["localities"][row[plan["locality"]]][locality["id"]] + row[plan["suffix"]] if row[plan["suffix"]]
           else row[plan["id"]] for row in meta["plans"]}
    assert ids == {plan.id for plan in site.load(PLANS).catalog.plans}
    offline = search.build(site.load(PLANS), False, RULES)
    assert data(offline, "meta")["url"]["plan"] == "plans/{id}.html"


def enums_of(node, name: str) -> list[str]:
    if isinstance(node, dict):
        found = list(node[name]["enum"]) if isinstance(node.get(name), dict) and "enum" in node[name] else []
        return found + [e for value in node.values() for e in enums_of(value, name)]
    return [e for value in node for e in enums_of(value, name)] if isinstance(node, list) else []


def test_every_registry_level_has_a_facet():
    schema = json.loads((PLANS / "schema" / "localities.schema.json").read_text(encoding="utf-8"))
    listed = set(enums_of(schema, "level"))
    assert len(listed) >= 10 and all(RULES.level_of(level) >= 0 for level in listed)


def test_traditional_pairs_come_from_opencc():
    pairs = search.t2s_pairs()
    table = dict(zip(pairs[::2], pairs[1::2]))
    assert table["雙"] == "双" and table["減"] == "减" and table["學"] == "学" and table["師"] == "师"
    assert "双" not in table  # simplified characters stay as they are


def test_plan_text_cannot_close_a_script_or_become_markup():
    text = search.script("d/0", [["1", "</script><script>alert(1)</script>", "", "", "", "", [], [], ""]])
    assert "</script>" not in text and "<\\/script>" in text
    assert json.loads(CALL.match(text).group(2))[0][1] == "</script><script>alert(1)</script>"


def test_index_files_stay_inside_the_search_folder(files):
    assert all(path.startswith("search/") and path.endswith(".js") and ".." not in path for path in files)
    assert urls.search_file("meta") in files and urls.search_file("t2s") in files
