"""The review page of an import: the source line by line with the role the importer gave
each line (title, date, notice, section, item, tail, table, page furniture, chrome,
preamble, closing …) and the warnings beside the lines they concern, so a contributor sees
at a glance what went wrong and where. Plain HTML with its style inside: readable offline,
no script.

An import's cleaned lines, segments and plan trees enter; :class:`ReviewLine` s and the
HTML page leave. Nothing here changes what is imported.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from . import tails
from .cleanup import Cleaned
from .pairing import Draft
from .rules import ImportRules
from .segments import FileParts

ROLES = {  # role → its colour on the page (a CSS class)
    "title": "title", "date": "date", "notice": "notice", "subtitle": "notice", "contents": "notice",
    "preamble": "preamble", "section": "section", "section intro": "preamble", "item": "item",
    "item text": "item", "tail": "tail", "table": "table", "closing": "closing", "page furniture": "furniture",
    "joined": "furniture", "chrome": "chrome", "unread": "unread",
}
LINE = re.compile(r"^(?:outline: )?line (\d+): ")  # a warning that concerns one source line (shown beside it)


@dataclass
class ReviewLine:
    number: int
    text: str
    roles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the role says more (which family, which item)
    warnings: list[str] = field(default_factory=list)


def line_roles(cleaned: Cleaned, parts: FileParts, drafts: list[Draft], warnings: list[str],
               rules: ImportRules) -> list[ReviewLine]:
    """Every source line with the roles the import gave it."""
    out = [ReviewLine(n, text) for n, text in enumerate(cleaned.source, start=1)]

    def mark(number: int, role: str, note: str = "") -> None:
        if 0 < number <= len(out):
            line = out[number - 1]
            if role not in line.roles:
                line.roles.append(role)
            if note and note not in line.notes:
                line.notes.append(note)

    for number, what in cleaned.chrome.at.items():
        mark(number, "chrome", what)
    for number in cleaned.furniture_at:
        mark(number, "page furniture")
    for number in cleaned.flattened_at:
        mark(number, "page furniture", "the whole text on one line: split at its outline numbers")
    for number, into in cleaned.joined_at.items():
        said = tails.read(cleaned.source[number - 1].strip(), rules.tails)
        mark(number, "tail" if said.owners or said.supporting or said.deadlines else "joined", f"continues line {into}")
    for draft in drafts:
        _mark_segment(draft, parts, cleaned, mark, rules)
    for line in out:
        if line.text.strip() and not line.roles:
            line.roles.append("unread")
    for warning in warnings:
        if (match := LINE.match(warning)) and 0 < int(match[1]) <= len(out):
            out[int(match[1]) - 1].warnings.append(warning[match.end():])
    return out


def _mark_segment(draft: Draft, parts: FileParts, cleaned: Cleaned, mark, rules: ImportRules) -> None:
    segment = draft.segment
    by_text: dict[str, str] = {}
    if segment:
        by_text.update({line.strip(): "notice" for line in segment.notice})
        by_text.update({line.strip(): "subtitle" for line in segment.subtitle})
        by_text.update({line.strip(): "closing" for line in segment.closing})
        by_text.update({line.strip(): "title" for line in segment.discarded})  # a title the site repeated
        by_text[(segment.title or "").strip()] = "title"
    by_text.update({line.strip(): "contents" for entry in parts.toc for line in entry.lines})
    if parts.collection:
        by_text[parts.collection.strip()] = "title"
    items = {item.line: item for item in draft.tree.all_items()}
    sections: set[int] = set()

    def walk(found) -> None:
        for section in found:
            sections.add(section.line)
            walk(section.sections)

    walk(draft.tree.sections)
    role = "preamble"
    for number, text in zip(cleaned.numbers, cleaned.lines):
        stripped = text.strip()
        if not stripped:
            continue
        if text.startswith("\t"):
            mark(number, "table")
        elif stripped in by_text:
            kind = by_text[stripped]
            repeated = kind == "title" and stripped != (segment.title or "").strip() if segment else False
            dated = any(p.match(stripped) for p in rules.date_patterns)  # a line opening with a date
            mark(number, "date" if kind in ("notice", "closing") and dated else kind,
                 "the title repeated by the site: set aside" if repeated else "")
        elif number in items:
            item = items[number]
            mark(number, "item", f"item {item.number or item.title or '?'}")
            role = "item text"
        elif number in sections:
            mark(number, "section")
            role = "section intro"
        elif segment and segment.tokens and number >= segment.tokens[0].line:
            mark(number, role)
        else:
            continue
        found = tails.read(stripped, rules.tails)
        if (found.owners or found.supporting or found.deadlines) and not text.startswith("\t"):
            said = "；".join(part for part in ("、".join(found.owners), "、".join(found.supporting),
                                                "；".join(found.deadlines)) if part)
            mark(number, "tail", said)


_STYLE = """
body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ddd;padding:.2rem .5rem;vertical-align:top}
th{text-align:left;background:#f3f3f3}td.role{width:13rem;font-size:.85em}td.n{color:#777;text-align:right;font-variant-numeric:tabular-nums}
td.t{white-space:pre-wrap;word-break:break-all}.w{color:#8a1c00}
.r{display:inline-block;border-radius:.6rem;padding:0 .45rem;margin:0 .15rem .1rem 0;font-size:.85em}
.title{background:#ffe08a}.date{background:#ffd0b0}.notice{background:#e6e0ff}.preamble{background:#eef2f5}
.section{background:#a8d5ff}.item{background:#b9f0c0}.tail{background:#ffc6e5}.table{background:#d9f2f2}
.closing{background:#e9e2d0}.furniture{background:#ddd;color:#555}.chrome{background:#ffb4b4}
.unread{background:#fff;border:1px dashed #c00;color:#c00}
tr.drop td.t{color:#888;text-decoration:line-through}
"""


def page(documents: list[tuple[str, list[ReviewLine], list[str]]]) -> str:
    """The review page of one or more imported documents: (name, lines, other warnings)."""
    out = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
           "<title>导入检查 · import review</title>", f"<style>{_STYLE}</style></head><body>",
           "<h1>导入检查：每一行原文及其作用（import review: every source line and its role）</h1>",
           "<p>", " ".join(f'<span class="r {cls}">{html.escape(role)}</span>' for role, cls in ROLES.items()), "</p>"]
    for name, lines, general in documents:
        out.append(f"<h2>{html.escape(name)}</h2>")
        if general:
            out.append("<ul>" + "".join(f'<li class="w">{html.escape(w)}</li>' for w in general) + "</ul>")
        out.append("<table><thead><tr><th>line</th><th>role</th><th>text</th><th>check</th></tr></thead><tbody>")
        for line in lines:
            if not line.text.strip():
                continue
            dropped = any(r in ("chrome", "page furniture") for r in line.roles) and "item" not in line.roles
            roles = "".join(f'<span class="r {ROLES.get(r, "unread")}">{html.escape(r)}</span>' for r in line.roles)
            notes = "<br>".join(html.escape(n) for n in line.notes)
            warnings = "<br>".join(f'<span class="w">{html.escape(w)}</span>' for w in line.warnings)
            css = ' class="drop"' if dropped else ""
            said = f"<br>{notes}" if notes else ""
            out.append(f'<tr id="l{line.number}"{css}><td class="n">{line.number}</td><td class="role">{roles}{said}</td>'
                       f'<td class="t">{html.escape(line.text)}</td><td>{warnings}</td></tr>')
        out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
