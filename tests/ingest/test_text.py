"""Normalization: script, pinyin annotations and punctuation, each change reported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest import text


def norm(raw: str) -> tuple[str, text.Conversions]:
    lines, report = text.normalize(raw.encode("utf-8"))
    return "\n".join(lines), report


def test_pinyin_after_a_character_is_removed_but_real_parentheses_stay():
    out, report = norm("推進工業互聯網(wǎng)(人工智能)學院建設，市、區(qū)(市)、校")
    assert out == "推进工业互联网（人工智能）学院建设，市、区（市）、校"
    assert sum(report.pinyin_removed.values()) == 2
    assert any("pinyin annotations removed: 2" in line for line in report.summary())


def test_toneless_latin_in_parentheses_is_not_pinyin():
    out, report = norm("推进“1+x”证书(x)和(AI)教育")
    assert "（x）" in out and "（AI）" in out
    assert not report.pinyin_removed


def test_traditional_script_is_converted_and_counted():
    out, report = norm("加快建設高質量教育體系")
    assert out == "加快建设高质量教育体系"
    assert report.traditional_chars == 3  # 設 質 體


def test_simplified_text_is_left_alone():
    raw = "乾隆年间的教育，后来"
    out, report = norm(raw)
    assert out == raw and report.traditional_chars == 0


def test_half_width_punctuation_between_chinese_becomes_full_width():
    out, report = norm("2021年,市教育局将(一)加强:落实;提高!")
    assert out == "2021年，市教育局将（一）加强：落实；提高！"
    assert report.punctuation[","] == 1 and report.punctuation["()"] == 1


def test_punctuation_in_numbers_and_latin_is_untouched():
    out, _ = norm("规模1,000人 ratio 3:2 (see note)")
    assert out == "规模1,000人 ratio 3:2 (see note)"


@pytest.mark.parametrize("raw, expected", [
    (b"\xef\xbb\xbf\xe6\x95\x99\xe8\x82\xb2", "教育"),  # UTF-8 with BOM
    ("教育".encode("utf-16"), "教育"),
    ("教育\r\n计划\r".encode("utf-8"), "教育\n计划\n"),
])
def test_encodings_and_line_endings(raw, expected):
    lines, _ = text.normalize(raw)
    assert "\n".join(lines) == expected


def test_control_characters_are_removed_and_reported():
    out, report = norm("教\x00育\x1b计划")
    assert out == "教育计划" and report.control_chars == 2


def test_invalid_utf8_is_a_clear_error():
    with pytest.raises(text.DecodeError, match="neither UTF-8 nor GB18030"):
        text.decode(b"\xff\xfe\xfd"[1:] + b"\x80\x81")


def test_suspicious_garbling_is_found():
    assert text.suspicious("开展经?;\ue205@安全自查") == ["?;\ue205@"]
    assert text.suspicious("建设\ufffd学校") == ["\ufffd"]
    assert text.suspicious("正常的句子。") == []


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(data):
    try:
        lines, _ = text.normalize(data)
    except text.DecodeError:
        return
    assert all("\r" not in line for line in lines)


def test_radicals_from_pdf_text_layers_become_the_usual_characters_and_are_reported():
    lines, report = text.normalize("推进⼯作⾯向⼈⼈\n".encode("utf-8"))
    assert lines[0] == "推进工作面向人人"
    assert any("radical and compatibility code points" in line and "4" in line for line in report.summary())


def test_toneless_pinyin_after_a_character_is_removed_but_not_other_brackets():
    lines, report = text.normalize("显著(zhe)成效，人工智能(AI)课程，方案(x)\n".encode("utf-8"))
    assert lines[0] == "显著成效，人工智能（AI）课程，方案（x）"  # brackets beside Chinese become full-width
    assert report.pinyin_removed == {"著(zhe)": 1}
