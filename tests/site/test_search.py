"""The search fixes against the installed Material: they apply, and they fail loudly
when an upgrade changes the code they patch."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from generator.data import loader
from generator.site import search
from conftest import PLANS


def installed_worker() -> Path:
    import material

    files = list((Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers")
                 .glob("search.*.min.js"))
    assert len(files) == 1
    return files[0]


def test_installed_material_still_has_the_patched_calls():
    source = installed_worker().read_text(encoding="utf-8")
    assert len(search.WORKER_CALL.findall(source)) == 1, "Material changed its query segmentation: review the patch"
    assert source.count(search.QUERY_CALL) == 1, "Material changed how the worker runs queries: review the patch"


def test_patch_applies_once_and_is_idempotent():
    source = installed_worker().read_text(encoding="utf-8")
    patched = search.patch_source(source)
    assert patched.startswith(search.SEGMENTER_JS)
    assert "eduplansSegment(s,this.index.invertedIndex)" in patched
    assert "filter(r=>eduplansKeep(this.map.get(r.ref)))" in patched
    assert search.patch_source(patched) == patched


def test_changed_upstream_code_fails_the_build_with_a_clear_message():
    with pytest.raises(search.SearchPatchError, match="no longer contains"):
        search.patch_source("function worker(){ /* rewritten upstream */ }")


def test_material_plugin_still_segments_with_jieba_cut():
    from material.plugins.search import plugin

    assert "jieba.cut(" in inspect.getsource(plugin.SearchIndex._segment_chinese)


def catalog(folder=PLANS):
    found, problems = loader.load_paths([folder])
    assert found is not None, [p.format() for p in problems]
    return found


def test_long_words_are_split_into_dictionary_words_that_tile_them():
    search.load_words(catalog())
    assert list(search.fine_cut("深入推进校园足球改革")) == ["深入", "推进", "校园", "足球", "改革"]
    assert "公办园" in list(search.fine_cut("公办园在园幼儿占比"))  # 公办 + 园 would hurt precision
    assert "基教处" in list(search.fine_cut("责任处室：基教处、法规处"))


def test_characters_field_lists_each_chinese_character_once():
    assert search.characters({"title": "双减", "text": "<p>巩固“双减”成果 abc</p>"}) == "双 减 巩 固 成 果"


def test_domain_words_come_from_themes_owners_and_the_curated_list():
    words = search.words(catalog())
    assert {"双减", "集团化办学", "基教处", "秘书科"} <= set(words)
    assert all(2 <= len(w) <= 12 for w in words)


def test_owners_written_as_a_block_list_are_domain_words_too(plans_copy):
    """yamlio writes an owners list longer than 60 characters in block style; the words
    come from the model, so the style of the file does not matter."""
    path = plans_copy / "rongcheng-2024.yml"
    flow = "        owners: [秘书科, 教研中心, 各基层党组织]\n"
    block = "        owners:\n          - 甲乙丙丁科\n          - 戊己庚辛处\n"
    path.write_text(path.read_text(encoding="utf-8").replace(flow, block, 1), encoding="utf-8")
    assert {"甲乙丙丁科", "戊己庚辛处"} <= set(search.words(catalog(plans_copy)))
