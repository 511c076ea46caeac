"""Item anchors: the part of an item's public URL after '#'.

One rule, used by the importer (to decide which items need an explicit id) and
by the model (to compute every anchor): the printed number when numbers are
unique in the plan, qualified by the top-level section's position where
numbering restarts, and an explicit ``id`` wherever the plan file gives one.
Anchors never depend on text, so editing a title or a typo never breaks a link.
"""

from __future__ import annotations

import re

ANCHOR_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def number_key(number: str) -> str:
    """'01' → '1', '１２' → '12'; anything else unchanged but lower-cased."""
    digits = number.strip()
    if digits.isdigit():
        return str(int(digits))
    return digits.lower()


def numbering_restarts(numbers: list[str]) -> bool:
    keys = [number_key(n) for n in numbers]
    return len(keys) != len(set(keys))


def default_anchor(number: str, top_section_position: int, restarts: bool) -> str:
    key = number_key(number)
    return f"{top_section_position}-{key}" if restarts else key
