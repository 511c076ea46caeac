"""Stage 1 of the import: raw bytes to clean lines of simplified Chinese.

Every change made here is counted in a :class:`Conversions` report, because the
project promises readers that plan text is never silently altered: script
conversion, removal of pinyin annotations and punctuation normalization are the
only edits allowed, and each is reported. What each recognises is data in
``rules/text.yml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).parent / "rules" / "text.yml"
_RANGES = ("cjk", "cjk_punct", "toned", "odd")  # filled into the patterns where they name them


@dataclass(frozen=True)
class TextRules:
    """What normalization recognises and changes: ``rules/text.yml``."""

    chinese: re.Pattern[str]
    pinyin: re.Pattern[str]
    tone_mark: re.Pattern[str]
    toneless_pinyin: re.Pattern[str]  # one whole syllable without tone marks
    half_width_punctuation: re.Pattern[str]
    half_width_parentheses: re.Pattern[str]
    full_width: dict[str, str]
    suspicious: re.Pattern[str]
    control: re.Pattern[str]
    radicals: re.Pattern[str]
    radical_variants: dict[str, str]


@lru_cache(maxsize=1)
def rules(path: Path = RULES_FILE) -> TextRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def compiled(key: str) -> re.Pattern[str]:
        pattern = data[key]
        for name in _RANGES:
            pattern = pattern.replace("{%s}" % name, data[name])
        return re.compile(pattern)

    syllable = "^(?:{})?(?:{})$".format("|".join(data["pinyin_initials"]), "|".join(data["pinyin_finals"]))
    return TextRules(
        **{key: compiled(key) for key in ("chinese", "pinyin", "tone_mark", "half_width_punctuation",
                                          "half_width_parentheses", "suspicious", "control", "radicals")},
        toneless_pinyin=re.compile(syllable),
        full_width=dict(data["full_width"]),
        radical_variants=dict(data["radical_variants"]),
    )


class DecodeError(ValueError):
    """The raw file is not text in an encoding we can read without guessing."""


@dataclass
class Conversions:
    """What normalization changed, for the import report and the plan's provenance."""

    traditional_chars: int = 0
    pinyin_removed: Counter = field(default_factory=Counter)
    punctuation: Counter = field(default_factory=Counter)
    control_chars: int = 0
    radicals: Counter = field(default_factory=Counter)
    radical_map: dict[str, str] = field(default_factory=dict)
    line_endings: str = ""
    encoding: str = "utf-8"

    def summary(self) -> list[str]:
        """One line per kind of change, in words a reader of the plan understands."""
        lines = []
        if self.encoding != "utf-8":
            lines.append(f"decoded from {self.encoding}")
        if self.line_endings:
            lines.append(f"line endings {self.line_endings} converted to LF")
        if self.traditional_chars:
            lines.append(
                f"traditional → simplified script (OpenCC t2s): {self.traditional_chars} characters"
            )
        if self.pinyin_removed:
            total = sum(self.pinyin_removed.values())
            examples = "、".join(k for k, _ in self.pinyin_removed.most_common(5))
            lines.append(f"pinyin annotations removed: {total} (e.g. {examples})")
        if self.radicals:
            total = sum(self.radicals.values())
            examples = "、".join(f"{k}→{v}" for k, v in list(self.radical_map.items())[:5])
            lines.append(f"radical and compatibility code points (as PDF text layers carry them) made the usual "
                         f"characters: {total} (e.g. {examples})")
        if self.punctuation:
            total = sum(self.punctuation.values())
            detail = " ".join(f"{k}×{v}" for k, v in sorted(self.punctuation.items()))
            lines.append(f"half-width punctuation in Chinese text made full-width: {total} ({detail})")
        if self.control_chars:
            lines.append(f"invisible control characters removed: {self.control_chars}")
        return lines


def iso_date(match: re.Match[str]) -> str:
    """A date matched as (year, month, day) groups, written 2024-02-02."""
    return f"{int(match[1]):04d}-{int(match[2]):02d}-{int(match[3]):02d}"


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        try:  # Chinese web pages and Windows files are often GBK/GB18030
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise DecodeError(
                f"byte {exc.start} is neither UTF-8 nor GB18030 ({exc.reason}); "
                "save the file as UTF-8 and import it again"
            ) from exc


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: loading its dictionaries takes a moment

    return opencc.OpenCC("t2s")


def to_simplified(text: str, report: Conversions) -> str:
    """Convert traditional script to simplified when the text is written in it.

    Simplified text is left alone: t2s is not an identity on simplified text
    (乾 and 後 have simplified uses), so it only runs when at least 1% of the
    Chinese characters are traditional forms.
    """
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        changed = sum(1 for a, b in zip(text, converted) if a != b)
    else:  # a phrase mapped to one of another length: count by characters
        changed = sum((Counter(text) - Counter(converted)).values())
    chinese = len(rules().chinese.findall(text)) or 1
    if changed / chinese < 0.01:
        return text
    report.traditional_chars = changed
    return converted


def remove_pinyin(text: str, report: Conversions) -> str:
    """Drop pinyin glued after a character: with tone marks (網(wǎng)), or without when
    the letters are one pinyin syllable (著(zhe)); (x) and (AI) stay."""
    toneless = rules().toneless_pinyin

    def drop(match: re.Match[str]) -> str:
        syllable = match.group(1)
        if not rules().tone_mark.search(syllable) and not (len(syllable) >= 2 and toneless.match(syllable)):
            return match.group(0)
        report.pinyin_removed[f"{text[match.start() - 1]}({syllable})"] += 1
        return ""

    return rules().pinyin.sub(drop, text)


def normalize_punctuation(text: str, report: Conversions) -> str:
    """Half-width , : ; ! and parentheses next to Chinese become full-width."""

    def punct(match: re.Match[str]) -> str:
        mark = match.group(1) or match.group(2)
        report.punctuation[mark] += 1
        return rules().full_width[mark]

    def paren(match: re.Match[str]) -> str:
        inner = match.group(1)
        start, end = match.start(), match.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        chinese = rules().chinese
        touches_chinese = chinese.search(inner) or chinese.match(before or " ") or chinese.match(after or " ")
        if not touches_chinese:
            return match.group(0)
        report.punctuation["()"] += 1
        return f"（{inner}）"

    text = rules().half_width_punctuation.sub(punct, text)
    # Parentheses are paired, so they are replaced as pairs, innermost first.
    previous = None
    while previous != text:
        previous = text
        text = rules().half_width_parentheses.sub(paren, text)
    return text


def clean_lines(text: str, report: Conversions) -> list[str]:
    """Split into lines with trailing whitespace removed; tabs at line start are kept
    because flattened tables use them as cell markers."""
    if "\r\n" in text:
        report.line_endings = "CRLF"
    elif "\r" in text:
        report.line_endings = "CR"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = rules().control
    controls = len(control.findall(text.replace("\t", "")))
    if controls:
        report.control_chars = controls
        text = control.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return [line.rstrip(" \u3000\u00a0") for line in text.split("\n")]


def map_radicals(text: str, report: Conversions) -> str:
    """Radicals and compatibility ideographs become the usual characters (NFKC, applied to
    these code points only: NFKC on the whole text would also change full-width punctuation)."""
    variants = rules().radical_variants

    def usual(match: re.Match[str]) -> str:
        mapped = variants.get(match.group(0)) or unicodedata.normalize("NFKC", match.group(0))
        if mapped != match.group(0):
            report.radicals[match.group(0)] += 1
            report.radical_map.setdefault(match.group(0), mapped)
        return mapped

    return rules().radicals.sub(usual, text)


def normalize(data: bytes) -> tuple[list[str], Conversions]:
    """Raw bytes to normalized lines, with the report of every change made."""
    report = Conversions()
    text, report.encoding = decode(data)
    return normalize_text(text, report)


def normalize_text(text: str, report: Conversions) -> tuple[list[str], Conversions]:
    """Decoded text (from a file or a document reader) to normalized lines."""
    lines = clean_lines(map_radicals(text, report), report)  # before NFC, which maps some silently
    text = to_simplified("\n".join(lines), report)
    text = remove_pinyin(text, report)
    text = normalize_punctuation(text, report)
    return text.split("\n"), report


def suspicious(line: str) -> list[str]:
    """Fragments of a line that look like garbling (?, U+FFFD, @ inside words)."""
    return [m.group(0) for m in rules().suspicious.finditer(line)]

