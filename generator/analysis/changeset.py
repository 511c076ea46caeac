"""What a change does to the plans, as Markdown for a pull request's review.

Compares two snapshots of plans/ (the files of the folder at two points; reading them
from git is ``generator.revisions``' job): plans added and removed; per changed plan,
each item by anchor with a character-level diff of its title and text (Chinese has no
spaces between words; whitespace shown), each typo correction with what the source
prints, the fix and why, the themes it gains or loses, and its other fields old → new;
registry edits field by field, and the items whose themes a taxonomy edit changes.
Anchors that disappear are listed first: they are public URLs. A file that does not
parse is listed, not fatal: the validator reports it with its line and column.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from typing import Any

from ..data import anchors, model, yamlio
from ..data.loader import REGISTRIES, build_theme
from . import themes as theme_rules

CONTEXT = 12          # characters shown around each change of a text
MAX_ITEMS_SHOWN = 40  # per plan; the rest are counted


@dataclass(frozen=True)
class Snapshot:
    """The files of a plans folder at one point: plan files and registries by name."""

    files: dict[str, str]

    def plans(self) -> dict[str, str]:
        return {n: t for n, t in self.files.items() if n not in REGISTRIES}

    def registry(self, name: str) -> Any:
        return _parse(self.files.get(name, ""), name) or {}


def _parse(text: str, name: str) -> Any:
    """The data of a file, or None when it does not parse or is not a mapping."""
    try:
        data = yamlio.parse(text, name, yamlio.limit_for(name)).data if text else None
    except yamlio.YamlError:
        return None
    return data if isinstance(data, dict) else None


# ---------------------------------------------------------------------------
# Items and their themes


def _items(data: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(data, dict):
        return {}
    try:
        return {anchor: item for _, item, anchor in anchors.item_anchors(data) if anchor}
    except (TypeError, AttributeError, KeyError):
        return {}


def _taxonomy(snapshot: Snapshot) -> tuple[model.Theme, ...]:
    try:
        return tuple(build_theme(t) for t in snapshot.registry("themes.yml").get("themes") or ())
    except (TypeError, KeyError, AttributeError):
        return ()


def _themes(item: dict[str, Any], taxonomy: tuple[model.Theme, ...]) -> tuple[str, ...]:
    if not taxonomy or not isinstance(item, dict):
        return ()
    text = lambda key: item.get(key) if isinstance(item.get(key), str) else None  # noqa: E731
    probe = model.Item(anchor="", number=None, title=text("title"), text=text("text") or "", section="",
                       section_title="", outline_title=text("outline_title"),
                       themes_override=tuple(t for t in item.get("themes") or () if isinstance(t, str)))
    return theme_rules.assign(probe, taxonomy).themes


# ---------------------------------------------------------------------------
# Text


def _escape(text: object) -> str:
    """Anything from a plan file inside the summary's Markdown and HTML: shown, never run."""
    return _escape_exact(" ".join(str(text).split()))


def _escape_exact(text: object) -> str:
    """As _escape, keeping the whitespace (shown by _visible)."""
    return re.sub(r"([\\`*_\[\]|#<>])", r"\\\1", html.escape(str(text), quote=False))


def _code(text: object) -> str:
    """A name (file, anchor, field, id) as inline code; backticks cannot close it."""
    return "`" + str(text).replace("`", "'").replace("\n", " ") + "`"


_WHITESPACE = str.maketrans({" ": "␣", "\u3000": "␣", "\t": "⇥", "\n": "↵", "\r": "↵", "\u00a0": "␣"})
MAX_VALUE = 80  # characters of a field's old or new value shown


def _visible(text: str) -> str:
    """An inserted or deleted piece with its whitespace shown (␣ space, ⇥ tab, ↵ line
    break): a deleted space must not read as an empty deletion."""
    return _escape_exact(text.translate(_WHITESPACE))


def text_diff(old: str, new: str) -> str:
    """The changes of new against old, character by character, each with some context:
    …上下文<del>旧</del><ins>新</ins>上下文…"""
    parts = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = old[max(0, i1 - CONTEXT):i1]
        after = old[i2:i2 + CONTEXT]
        piece = (("…" if i1 > CONTEXT else "") + _escape(before)
                 + (f"<del>{_visible(old[i1:i2])}</del>" if i2 > i1 else "")
                 + (f"<ins>{_visible(new[j1:j2])}</ins>" if j2 > j1 else "")
                 + _escape(after) + ("…" if i2 + CONTEXT < len(old) else ""))
        parts.append(piece)
    return " · ".join(parts)


# ---------------------------------------------------------------------------
# The summary


def _label(item: dict[str, Any]) -> str:
    title = item.get("title") or (item.get("text") or "")[:20]
    return _escape(str(title))


def _item_lines(anchor: str, old: dict[str, Any], new: dict[str, Any], old_themes: tuple[str, ...],
                new_themes: tuple[str, ...]) -> list[str]:
    lines = [f"- {_code('#' + anchor)} {_label(new)}"]
    for key, name in (("title", "标题"), ("text", "正文")):
        before, after = old.get(key) or "", new.get(key) or ""
        if before != after and isinstance(before, str) and isinstance(after, str):
            lines.append(f"  - {name}：{text_diff(before, after)}")
    gained = [t for t in new_themes if t not in old_themes]
    lost = [t for t in old_themes if t not in new_themes]
    if gained or lost:
        lines.append("  - 主题：" + " ".join([f"+{_escape(t)}" for t in gained] + [f"−{_escape(t)}" for t in lost]))
    lines += _correction_lines(old.get("corrections"), new.get("corrections"))
    others = sorted(k for k in set(old) | set(new) if k not in ("title", "text", "corrections")
                    and old.get(k) != new.get(k))
    lines += [f"  - {_field_change(k, old.get(k), new.get(k))}" for k in others]
    return lines


def _value(value: Any) -> str:
    """A field's value in one short line: lists joined, absent as —."""
    if value is None:
        return "—"
    if isinstance(value, list):
        shown = "、".join(_value(v) for v in value) or "（空）"
    elif isinstance(value, dict):
        shown = "；".join(f"{k}: {_value(v)}" for k, v in value.items())
    else:
        shown = str(value)
    return shown if len(shown) <= MAX_VALUE else shown[:MAX_VALUE] + "…"


def _field_change(key: str, old: Any, new: Any) -> str:
    """One changed field: a text by its character diff, any other value as old → new."""
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > MAX_VALUE // 2:
        return f"{_code(key)}：{text_diff(old, new)}"
    return f"{_code(key)}：{_visible(_value(old))} → {_visible(_value(new))}"


def _correction_lines(old: Any, new: Any) -> list[str]:
    """Each typo correction added or removed, with what the source prints, what the plan
    now says and why: a reviewer checks it against the source."""
    before = [c for c in old or [] if isinstance(c, dict)]
    after = [c for c in new or [] if isinstance(c, dict)]

    def line(sign: str, c: dict[str, Any]) -> str:
        return (f"  - 勘误{sign}：原文“{_visible(str(c.get('from', '')))}” → 改为“{_visible(str(c.get('to', '')))}”"
                f"（理由：{_escape(c.get('why', '—'))}）")

    return [line("（新增）", c) for c in after if c not in before] + [line("（删除）", c) for c in before if c not in after]


def _plan_section(name: str, base: str, head: str, taxonomies: tuple[tuple, tuple]) -> tuple[list[str], list[str]]:
    """The lines for one changed plan file, and the anchors it loses."""
    old_data, new_data = _parse(base, name), _parse(head, name)
    if new_data is None:
        return [f"### {_code(name)}", "", "does not parse: see the validator's message", ""], []
    old, new = _items(old_data), _items(new_data)
    lost = [a for a in old if a not in new]
    edited = []
    for anchor in new:
        if anchor not in old:
            continue
        old_themes, new_themes = (_themes(old[anchor], taxonomies[0]), _themes(new[anchor], taxonomies[1]))
        if old[anchor] != new[anchor] or old_themes != new_themes:
            edited.append(_item_lines(anchor, old[anchor], new[anchor], old_themes, new_themes))
    added = [a for a in new if a not in old]
    counts = f"{len(edited)} item(s) changed, {len(added)} added, {len(lost)} removed"
    lines = [f"### {_code(name)} — {counts}", ""]
    for block in edited[:MAX_ITEMS_SHOWN]:
        lines += block
    if len(edited) > MAX_ITEMS_SHOWN:
        lines.append(f"- … and {len(edited) - MAX_ITEMS_SHOWN} more changed items")
    lines += [f"- {_code('#' + a)} added: {_label(new[a])}" for a in added[:MAX_ITEMS_SHOWN]]
    lines += [f"- {_code('#' + a)} removed: {_label(old[a])}" for a in lost[:MAX_ITEMS_SHOWN]]
    lines += _plan_field_lines(old_data or {}, new_data)
    if base != head and len(lines) == 2:
        lines.append("- comments or layout only")
    return lines + [""], [f"{_code(name)} {_code('#' + a)}" for a in lost]


def _plan_field_lines(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The plan's own fields (not its items), each with what changed; the source record
    sub-field by sub-field."""
    lines = []
    for key in sorted(k for k in set(old) | set(new) if k not in ("sections", "items") and old.get(k) != new.get(k)):
        before, after = old.get(key), new.get(key)
        if isinstance(before, dict) and isinstance(after, dict):
            lines += [f"- 计划字段 {_field_change(f'{key}.{k}', before.get(k), after.get(k))}"
                      for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
        else:
            lines.append(f"- 计划字段 {_field_change(key, before, after)}")
    return lines


def _registry_lines(base: Snapshot, head: Snapshot) -> list[str]:
    lines = []
    for name, key in (("localities.yml", "localities"), ("themes.yml", "themes")):
        if base.files.get(name) == head.files.get(name):
            continue
        before = {e["id"]: e for e in base.registry(name).get(key) or [] if isinstance(e, dict) and "id" in e}
        after = {e["id"]: e for e in head.registry(name).get(key) or [] if isinstance(e, dict) and "id" in e}
        found = [f"added {_code(i)}" for i in after if i not in before]
        found += [f"removed {_code(i)} (its pages disappear)" for i in before if i not in after]
        changed = [i for i in after if i in before and after[i] != before[i]]
        found += [f"changed {_code(i)}" for i in changed]
        lines.append(f"- {_code(name)}: " + ("; ".join(found) if found else "edited (comments or layout)"))
        for i in [i for i in after if i not in before] + changed:  # a new entry is reviewed field by field too
            old, new = before.get(i, {}), after[i]
            fields = [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k) and k != "id"]
            lines += [f"  - {_code(i)} {_field_change(k, old.get(k), new.get(k))}" for k in fields]
    return lines


def summary(base: Snapshot, head: Snapshot) -> str:
    """Markdown comparing two snapshots of plans/."""
    old_plans, new_plans = base.plans(), head.plans()
    taxonomies = (_taxonomy(base), _taxonomy(head))
    added = sorted(set(new_plans) - set(old_plans))
    removed = sorted(set(old_plans) - set(new_plans))
    body: list[str] = []
    lost: list[str] = []
    for name in sorted(set(old_plans) & set(new_plans)):
        if old_plans[name] != new_plans[name] or taxonomies[0] != taxonomies[1]:
            lines, gone = _plan_section(name, old_plans[name], new_plans[name], taxonomies)
            if len(lines) > 3:  # more than the heading: something to show
                body += lines
                lost += gone
    out = ["## Plan changes", ""]
    for name in removed:
        lost.append(f"{_code(name)} (the whole plan)")
    if lost:
        out += [f"> **Warning: {len(lost)} public URL(s) disappear** — links to them will break. Keep the "
                "anchors (an explicit `id:`) unless the item really is gone:", ">"]
        out += [f"> - {entry}" for entry in lost] + [""]
    for name in added:
        data = _parse(new_plans[name], name)
        out.append(f"- Added: {_code(name)} ({len(_items(data))} items)" + ("" if data else " — does not parse"))
    for name in removed:
        out.append(f"- Removed: {_code(name)} ({len(_items(_parse(old_plans[name], name)))} items)")
    if added or removed:
        out.append("")
    registries = _registry_lines(base, head)
    if registries:
        out += ["### Registries", "", *registries, ""]
    out += body
    if len(out) == 2:
        out += ["No plan file changed.", ""]
    return "\n".join(out)


def changed_localities(base: Snapshot, head: Snapshot) -> list[str]:
    """The localities whose plans a change adds, edits or removes, or whose registry entry
    it edits: what a pull request's preview must show. Empty when none."""
    found: list[str] = []
    old, new = base.plans(), head.plans()
    for name in sorted(set(old) | set(new)):
        if old.get(name) != new.get(name):
            for text in (old.get(name), new.get(name)):
                data = _parse(text or "", name)
                if data and isinstance(data.get("locality"), str):
                    found.append(data["locality"])
    before = {e.get("id"): e for e in base.registry("localities.yml").get("localities") or [] if isinstance(e, dict)}
    for entry in head.registry("localities.yml").get("localities") or []:
        if isinstance(entry, dict) and before.get(entry.get("id")) != entry and isinstance(entry.get("id"), str):
            found.append(entry["id"])
    return list(dict.fromkeys(found))
