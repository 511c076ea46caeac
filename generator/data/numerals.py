"""Chinese numerals as plans print them in section numbers (一, 十二, 二十三)."""

from __future__ import annotations

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL = "一二三四五六七八九十"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def ascii_digits(text: str) -> str:
    """'２０２５' → '2025': full-width digits as plans sometimes print them."""
    return text.translate(FULLWIDTH_DIGITS)


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23; None for anything else."""
    if not text or any(ch not in CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (CN_DIGITS.get(tens, 0) if tens else 1) * 10
    return value + (CN_DIGITS.get(ones, 0) if ones else 0)


def cn_numeral(value: int) -> str:
    """1 → 一, 12 → 十二 (for messages such as 'expected 三'); 100 and more in digits."""
    digits = "零一二三四五六七八九"
    if value >= 100:
        return str(value)
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")
