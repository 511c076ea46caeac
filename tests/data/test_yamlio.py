"""Reading plan YAML: located errors for everything a plan file never needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data import loader, validate, yamlio
from conftest import PLANS


def error_of(text: str) -> yamlio.YamlError:
    with pytest.raises(yamlio.YamlError) as info:
        yamlio.parse(text, "p.yml")
    return info.value


def test_marks_are_one_based_line_and_column():
    doc = yamlio.parse("id: x\nsections:\n  - title: 甲\n", "p.yml")
    assert doc.mark(("sections", 0, "title")) == yamlio.Mark(3, 12)
    assert doc.mark(("sections", 0, "missing")) == yamlio.Mark(3, 5)


def test_alias_bomb_is_refused_at_the_alias():
    bomb = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"
    err = error_of(bomb)
    assert (err.mark.line, "aliases") == (2, "aliases") or "aliases" in err.message
    assert err.mark.line == 2


def test_deep_nesting_is_refused():
    err = error_of("a: " + "[" * 50 + "]" * 50)
    assert "nesting" in err.message


def test_duplicate_keys_are_refused():
    err = error_of("id: a\ntitle: b\nid: c\n")
    assert (err.mark.line, err.mark.column, err.message) == (3, 1, "duplicate key 'id'")


def test_custom_tags_are_refused():
    assert "unsupported tag" in error_of("id: !!python/object:os.system x\n").message


def test_huge_file_is_refused(tmp_path: Path):
    path = tmp_path / "big.yml"
    path.write_bytes(b"a: " + b"x" * (yamlio.MAX_FILE_BYTES + 1))
    with pytest.raises(yamlio.YamlError, match="larger than"):
        yamlio.read_file(path)


@pytest.mark.parametrize("data, message", [
    (b"id: \xff\xfe\n", "invalid UTF-8"),
    ("id: x\n".encode("utf-16"), "UTF-16"),
])
def test_bad_encodings_are_located(tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "p.yml"
    path.write_bytes(data)
    with pytest.raises(yamlio.YamlError, match=message):
        yamlio.read_file(path)


def test_bom_and_crlf_are_fine(tmp_path: Path):
    path = tmp_path / "p.yml"
    path.write_bytes(b"\xef\xbb\xbfid: x\r\ntitle: y\r\n")
    assert yamlio.read_file(path).data == {"id": "x", "title": "y"}


def test_nul_character_is_a_located_error():
    err = error_of("id: x\ntitle: a\x00b\n")
    assert err.mark.line == 2


def test_dump_round_trips_plan_text():
    data = {"title": "标题: 含冒号", "text": "第一段。\n第二段：#不是注释", "owners": ["基教处", "法规处"],
            "number": "01", "issued": "2024-02-02"}
    assert yamlio.parse(yamlio.dump(data), "p.yml").data == data


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.floats(allow_nan=False),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(YAML_VALUES)
def test_validator_never_raises_on_any_yaml_value(value):
    doc = yamlio.parse(yamlio.dump(value), "plans/p.yml")
    problems = validate.check_schema(doc, "plan") if isinstance(doc.data, dict) else []
    assert all(p.mark.line >= 1 for p in problems)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "title", "locality", "year", "issuer", "issued", "source",
                                        "preamble", "sections", "items"]), YAML_VALUES, max_size=10))
def test_loader_never_raises_on_plan_shaped_values(tmp_path_factory, value):
    folder = tmp_path_factory.mktemp("plans")
    for name in ("localities.yml", "themes.yml"):
        (folder / name).write_text((PLANS / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    (folder / "p.yml").write_text(yamlio.dump(value), encoding="utf-8")
    catalog, problems = loader.load_paths([folder])
    assert catalog is not None or problems


def test_the_locality_registry_of_every_bureau_in_china_fits(tmp_path):
    """About 3,200 education bureaus, each with two lines of evidence: ≈1.4 MB, over a
    plan file's limit; registries have their own."""
    entries = "".join(
        f"  - id: bureau-{n}\n    name: 第{n}县\n    level: 县\n    province: 山东省\n    parent: null\n"
        f"    evidence:\n      - {'原文写明' * 40}\n      - {'另有依据' * 40}\n" for n in range(3500))
    registry = tmp_path / "localities.yml"
    registry.write_text("localities:\n" + entries, encoding="utf-8")
    assert registry.stat().st_size > yamlio.MAX_FILE_BYTES
    assert len(yamlio.read_file(registry, yamlio.MAX_REGISTRY_BYTES).data["localities"]) == 3500
    with pytest.raises(yamlio.YamlError, match="split the plan"):
        yamlio.read_file(registry)  # the limit of a plan file
    (tmp_path / "themes.yml").write_text((PLANS / "themes.yml").read_text(encoding="utf-8"), encoding="utf-8")
    catalog, problems = loader.load_paths([tmp_path])
    assert catalog is not None and len(catalog.localities) == 3500, [p.format() for p in problems][:3]


def test_the_heads_of_plan_files_are_what_the_loaded_plans_say():
    catalog, _ = loader.load_paths([PLANS])
    heads = loader.plan_heads([PLANS])
    assert {path.stem: head for path, head in heads.items()} == {p.id: (p.locality, p.year) for p in catalog.plans}


def test_a_plan_file_that_does_not_state_its_place_and_year_plainly_has_no_head(tmp_path):
    (tmp_path / "a.yml").write_text("id: a\nyear: [2024]\nlocality: qingdao\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("id: b\nyear: 2024\nlocality: {x: 1\n", encoding="utf-8")
    assert loader.plan_heads([tmp_path]) == {tmp_path / "a.yml": None, tmp_path / "b.yml": None}


_scalar = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none())
_value = st.recursive(_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                      max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "year", "locality", "title", "sections", "x"]), _value, min_size=1),
       st.booleans())
def test_top_scalars_reads_a_top_level_plain_value_as_the_loader_does(data, flow):
    """Whatever comes before or around them (nested lists and mappings, flow or block
    style), a top-level key's scalar value is found and a collection value is left out."""
    text = yamlio.yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    found = yamlio.top_scalars(text, frozenset({"year", "locality"}))
    loaded = yamlio.yaml.safe_load(text)
    for key in ("year", "locality"):
        value = loaded.get(key, [])
        if isinstance(value, (list, dict)):
            assert key not in found
        elif isinstance(value, str):
            assert found[key] == value
        else:  # the scalar as written: 2024, true, null
            assert yamlio.yaml.safe_load(found[key]) == value
