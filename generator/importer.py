"""Raw text → plan YAML files, with a report of everything a human must check.

The flow: :mod:`text` normalizes the bytes; :func:`split_file` cuts the lines
into segments (a table of contents, outlines, full texts, a flattened table);
:mod:`outline` parses each segment into a tree; :func:`pair_segments` matches
outlines with the full texts of the same plan (bodies win, outlines fill the
gaps); :func:`plan_data` turns each plan into the plain data of a plan file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import anchors, extract, outline, tables, text
from .outline import Item, Outline, Section, Token

RULES_FILE = Path(__file__).parent / "rules" / "import.yml"
SCHEMA_HEADER = "# yaml-language-server: $schema=schema/plan.schema.json\n"


# ---------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class ImportRules:
    title_keywords: tuple[str, ...]
    collection_keywords: tuple[str, ...]
    notice_prefixes: tuple[str, ...]
    toc_headings: tuple[str, ...]
    chrome: tuple[re.Pattern[str], ...]
    separator: re.Pattern[str]
    outline: outline.Rules
    tails: extract.TailRules
    table_columns: dict[str, str]


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> ImportRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ImportRules(
        title_keywords=tuple(data["title_keywords"]),
        collection_keywords=tuple(data["collection_keywords"]),
        notice_prefixes=tuple(data["notice_prefixes"]),
        toc_headings=tuple(data["toc_headings"]),
        chrome=tuple(re.compile(p) for p in data["chrome_patterns"]),
        separator=re.compile(r"^[─━—=_\-]{6,}$"),
        outline=outline.Rules(
            headline_max_chars=data["headline_max_chars"],
            unnumbered_headline_max_chars=data["unnumbered_headline_max_chars"],
            ordinal_suffix=data["ordinal_suffix"],
        ),
        tails=extract.TailRules(
            owner_labels=tuple(data["owner_labels"]),
            unit_suffixes=tuple(data["unit_suffixes"]),
            single_unit_suffixes=tuple(data["single_unit_suffixes"]),
            deadline_patterns=tuple(re.compile(p) for p in data["deadline_patterns"]),
        ),
        table_columns=dict(data["table_columns"]),
    )


# ---------------------------------------------------------------------------
# Splitting a file into segments


@dataclass
class TocEntry:
    number: int
    title: str | None
    page: str | None
    lines: list[str]


@dataclass
class Segment:
    notice: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)
    table: tables.Table | None = None
    in_closing: bool = False
    first_line: int = 0

    def structured(self) -> bool:
        return any(t.kind != "text" for t in self.tokens)


@dataclass
class FileParts:
    segments: list[Segment]
    toc: list[TocEntry]
    collection: str | None
    front: list[str]  # TOC headings and the like, kept for provenance


_PAGE_RE = re.compile(r"^(?P<title>.*?\S)\s*(?P<page>\d{1,4})$")


def _toc_title(rest: str, rules: ImportRules) -> tuple[str, str] | None:
    match = _PAGE_RE.match(rest)
    if not match or not any(k in match["title"] for k in rules.title_keywords):
        return None
    if outline.ends_sentence(match["title"]):
        return None
    return match["title"], match["page"]


def _toc_entry(line: str, following: str | None, rules: ImportRules) -> tuple[TocEntry, bool] | None:
    """A table-of-contents line, and whether it also used the following line."""
    match = re.match(r"^(\d{1,3})[.．、]\s*(.*)$", line)
    if not match:
        return None
    number, rest = int(match[1]), match[2].strip()
    if rest:
        found = _toc_title(rest, rules)
        return (TocEntry(number, found[0], found[1], [line]), False) if found else None
    if following is None:
        return None
    found = _toc_title(following, rules)
    if found and not re.match(r"^\d{1,3}[.．、]", following):
        return TocEntry(number, found[0], found[1], [line, following]), True
    if _toc_entry(following, None, rules):
        return TocEntry(number, None, None, [line]), False
    return None


def is_title(line: str, rules: ImportRules) -> bool:
    if len(line) > 50 or outline.ends_sentence(line) or line.startswith(rules.notice_prefixes):
        return False
    if outline.classify(line, 0).kind != "text":
        return False
    return any(k in line for k in rules.title_keywords)


def split_file(lines: list[str], rules: ImportRules) -> FileParts:
    parts = FileParts([Segment()], [], None, [])
    segment = parts.segments[0]
    pending_label: str | None = None
    pending_title: str | None = None
    pre: list[Token] = []  # text before a title or a structure: notice or preamble
    index = 0
    numbered = [(i + 1, raw, raw.strip()) for i, raw in enumerate(lines)]

    def next_nonblank(start: int) -> tuple[int, str, str] | None:
        return next((entry for entry in numbered[start:] if entry[2]), None)

    def start_segment() -> Segment:
        nonlocal pre
        fresh = Segment()
        parts.segments.append(fresh)
        pre = []
        return fresh

    while index < len(numbered):
        line_no, raw, line = numbered[index]
        index += 1
        if not line:
            continue
        if tables.is_table_line(raw):
            table_lines = [(n, r) for n, r, _ in numbered[index - 1 :]]
            segment.table = tables.parse_table(table_lines, pending_label, pending_title)
            break
        if any(p.match(line) for p in rules.chrome):
            segment.discarded.append(line)
            if rules.separator.match(line):
                segment.in_closing = True
            continue
        following = next_nonblank(index)
        toc = _toc_entry(line, following[2] if following else None, rules)
        if toc and (parts.toc or (following and _toc_entry(following[2], None, rules))) or (
            toc and toc[1]
        ):
            parts.toc.append(toc[0])
            if toc[1] and following:
                index = numbered.index(following) + 1
            continue
        if line in rules.toc_headings:
            parts.front.append(line)
            continue
        if re.match(r"^附件\s*\d+$", line):
            pending_label = line
            continue
        if is_title(line, rules) and any(k in line for k in rules.collection_keywords):
            parts.collection = line
            continue
        if is_title(line, rules):
            if following and tables.is_table_line(following[1]):
                pending_title = line
                continue
            if segment.structured() or segment.title:
                segment = start_segment()
            segment.title, segment.first_line = line, line_no
            segment.notice = ([pending_label] if pending_label else []) + [t.text for t in pre]
            pending_label, pre = None, []
            continue
        token = outline.classify(line, line_no, rules.outline.ordinal_suffix)
        if token.kind == "sec1" and token.value == 1 and any(t.kind == "sec1" for t in segment.tokens):
            segment = start_segment()
        if segment.in_closing:
            segment.closing.append(line)
            continue
        if segment.title and not segment.tokens and token.kind == "text" and outline.is_title_like(
            line, rules.outline
        ):
            segment.subtitle.append(line)
            continue
        if not segment.title and not segment.structured() and token.kind == "text":
            pre.append(token)
            continue
        if pre:
            segment.tokens.extend(pre)
            pre = []
        if not segment.first_line:
            segment.first_line = line_no
        segment.tokens.append(token)
    if pre:
        segment.tokens.extend(pre)
    parts.segments = [s for s in parts.segments if s.tokens or s.title or s.table]
    return parts


# ---------------------------------------------------------------------------
# Pairing outlines with full texts


@dataclass
class Draft:
    """One plan found in a raw file, before it becomes plan data."""

    segment: Segment | None
    tree: Outline
    toc: TocEntry | None = None
    outline_segment: Segment | None = None
    warnings: list[str] = field(default_factory=list)
    has_body: bool = True

    @property
    def title(self) -> str | None:
        for segment in (self.segment, self.outline_segment):
            if segment and segment.title:
                return segment.title
        return self.toc.title if self.toc else None


def _norm(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "")


def pair_segments(parts: FileParts, rules: ImportRules) -> list[Draft]:
    parsed = [(s, outline.parse_outline(s.tokens, rules.outline)) for s in parts.segments]
    outlines = [(s, t) for s, t in parsed if not t.has_bodies() and t.all_items()]
    bodies = [(s, t) for s, t in parsed if (s, t) not in outlines]
    if not outlines:
        return [Draft(s, t, warnings=list(t.warnings)) for s, t in bodies]
    toc = _merged_toc(parts.toc)
    drafts: list[Draft] = []
    by_position: dict[int, Draft] = {}
    for position, (segment, tree) in enumerate(outlines):
        entry = toc[position] if position < len(toc) else None
        draft = Draft(None, tree, entry, segment, warnings=[f"outline: {w}" for w in tree.warnings],
                      has_body=False)
        drafts.append(draft)
        by_position[position] = draft
    for segment, tree in bodies:
        position = _match_body(segment, tree, toc, outlines)
        if position is None or by_position[position].segment is not None:
            drafts.append(Draft(segment, tree, warnings=list(tree.warnings) + [
                "could not decide which outline this text belongs to; imported on its own"]))
            continue
        draft = by_position[position]
        _adopt(segment, draft.outline_segment)
        draft.segment, draft.has_body = segment, True
        draft.warnings.extend(tree.warnings)
        draft.tree = merge_outline(tree, draft.tree, draft.warnings)
    for draft in drafts:
        if not draft.has_body:
            draft.segment = draft.outline_segment  # keeps its title, notice and closing, if any
            draft.warnings.append("only the outline is in the source: items have titles but no text")
            for item in draft.tree.all_items():
                item.outline_only = True
    return drafts


def _adopt(body: Segment, outline_segment: Segment | None) -> None:
    """Lines around an outline (its title, notice, print line) stay with the plan."""
    if outline_segment is None:
        return
    body.title = body.title or outline_segment.title
    body.notice = outline_segment.notice + body.notice
    body.subtitle = outline_segment.subtitle + body.subtitle
    body.closing = outline_segment.closing + body.closing
    body.discarded = outline_segment.discarded + body.discarded


def _merged_toc(entries: list[TocEntry]) -> list[TocEntry]:
    """Two copies of a table of contents become one, keeping the titles either has."""
    merged: dict[int, TocEntry] = {}
    for entry in entries:
        known = merged.get(entry.number)
        if known is None:
            merged[entry.number] = TocEntry(entry.number, entry.title, entry.page, list(entry.lines))
            continue
        known.lines.extend(entry.lines)
        known.title = known.title or entry.title
        known.page = known.page or entry.page
    return [merged[n] for n in sorted(merged)]


def _match_body(segment: Segment, tree: Outline, toc: list[TocEntry], outlines: list) -> int | None:
    title = _norm(segment.title)
    for position, entry in enumerate(toc):
        if title and _norm(entry.title) == title and position < len(outlines):
            return position
    # No usable table of contents: the outline sharing most item titles.
    titles = {i.title for i in tree.all_items() if i.title}
    scores = [len(titles & {i.title for i in t.all_items()}) for _, t in outlines]
    best = max(range(len(scores)), key=lambda k: scores[k], default=None)
    return best if best is not None and scores[best] > 0 else None


def merge_outline(body: Outline, skeleton: Outline, warnings: list[str]) -> Outline:
    """Full text wins; outline headings fill in what the text lacks (truncated sources)."""
    _merge_sections(body.sections, skeleton.sections, warnings)
    if skeleton.items:
        _merge_items(body, skeleton.items, warnings)
    return body


def _key(section: Section) -> tuple[int, int | None]:
    return section.level, section.value


def _merge_sections(body: list[Section], skeleton: list[Section], warnings: list[str]) -> None:
    for outline_section in skeleton:
        match = next((s for s in body if _key(s) == _key(outline_section)), None)
        if match is None:
            _mark_outline_only(outline_section)
            body.append(outline_section)
            continue
        if _norm(match.title) != _norm(outline_section.title):
            match.outline_title = outline_section.title
        _merge_items(match, outline_section.items, warnings)
        _merge_sections(match.sections, outline_section.sections, warnings)


def _merge_items(body: Section | Outline, skeleton: list[Item], warnings: list[str]) -> None:
    """Outline items missing from the body's subtree are added as outline_only."""
    present = {i.value: i for i in _subtree_items(body) if i.value is not None}
    for item in skeleton:
        match = present.get(item.value)
        if match is not None:
            if item.title and _norm(match.title) != _norm(item.title):
                match.outline_title = item.title
            continue
        item.outline_only = True
        position = next((k for k, i in enumerate(body.items) if (i.value or 0) > (item.value or 0)),
                        len(body.items))
        body.items.insert(position, item)
    outline_numbers = {i.value for i in skeleton}
    for item in body.items:
        if skeleton and not item.outline_only and item.value is not None and item.value not in outline_numbers:
            warnings.append(f"item {item.number} is in the text but missing from the outline")


def _subtree_items(node: Section | Outline) -> list[Item]:
    if isinstance(node, Outline):
        return node.all_items()
    found = list(node.items)
    for child in node.sections:
        found.extend(_subtree_items(child))
    return found


def _mark_outline_only(section: Section) -> None:
    for item in section.items:
        item.outline_only = True
    for child in section.sections:
        _mark_outline_only(child)


# ---------------------------------------------------------------------------
# Plan data


@dataclass
class ImportReport:
    source: str
    conversions: list[str]
    plans: list[dict[str, Any]] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    undecided: dict[str, list[str]] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


_DATE_CN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISSUER_RE = re.compile(r"^(.{0,20}?(?:教育局|教体局|教育和体育局|教育体育局|教育工作委员会|教育厅))")


def _find_date(lines: list[str]) -> tuple[str, str] | None:
    for line in lines:
        for pattern in (_DATE_CN, _DATE_ISO):
            if m := pattern.search(line):
                return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}", line
    return None


def _infer_issuer(draft: Draft) -> tuple[str, str] | None:
    segment = draft.segment
    for line in segment.discarded if segment else []:
        if m := re.search(r"来源[：:]\s*(\S+)", line):
            return m[1], line
    if segment and segment.notice:
        dated = _find_date(segment.notice)
        if dated:
            at = segment.notice.index(dated[1])
            if at > 0 and not outline.ends_sentence(segment.notice[at - 1]):
                signature = re.sub(r"\s{2,}", "、", segment.notice[at - 1].strip())
                return signature, segment.notice[at - 1]
    title = draft.title or ""
    if m := _ISSUER_RE.match(title):
        return m[1], title
    return None


def _infer_year(draft: Draft, year: int | None) -> tuple[int | None, str]:
    if year is not None:
        return year, "given on the command line (--year)"
    if m := re.search(r"(20\d{2}|19\d{2})年", draft.title or ""):
        return int(m[1]), f"title: {draft.title}"
    for line in draft.tree.preamble[:3]:
        if m := re.search(r"(20\d{2})年", line):
            return int(m[1]), f"preamble: {line[:40]}"
    return None, ""


def _infer_locality(draft: Draft, localities: list[dict[str, Any]]) -> tuple[str | None, str]:
    """The registered locality the text names most; a child beats its parent, because a
    county's plan names its city far more often than a city's plan names one county."""
    haystack = "\n".join([draft.title or ""] + draft.tree.preamble + [i.text for i in draft.tree.all_items()])
    counts: dict[str, tuple[int, str]] = {}
    for entry in localities:
        if entry.get("anonymized"):
            continue
        names = [n for n in [entry.get("name"), *entry.get("aliases", [])] if n]
        count = sum(haystack.count(n) for n in names)
        if count:
            counts[entry["id"]] = (count, next(n for n in names if n in haystack))
    parents = {e.get("parent") for e in localities if e["id"] in counts}
    candidates = {k: v for k, v in counts.items() if k not in parents} or counts
    if not candidates:
        return None, ""
    best = max(candidates, key=lambda k: candidates[k][0])
    count, name = candidates[best]
    return best, f"the text names {name} {count} times"


def _item_data(item: Item, rules: ImportRules, anchor_id: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"number": item.number}
    if anchor_id:
        data["id"] = anchor_id
    data["title"] = item.title
    if item.outline_title:
        data["outline_title"] = item.outline_title
    if item.paragraphs:
        data["text"] = item.text
    body = item.text
    owners = extract.owners(body, rules.tails)
    if owners:
        data["owners"] = owners
    deadlines = extract.deadlines(body, rules.tails)
    if deadlines:
        data["deadlines"] = deadlines
    if item.outline_only:
        data["outline_only"] = True
    if item.truncated:
        data["truncated"] = True
    return data


def _section_data(section: Section, rules: ImportRules, ids: dict[int, str]) -> dict[str, Any]:
    data: dict[str, Any] = {"number": section.number, "title": section.title}
    if section.outline_title:
        data["outline_title"] = section.outline_title
    if section.intro:
        data["intro"] = "\n".join(section.intro)
    if section.sections:
        data["sections"] = [_section_data(s, rules, ids) for s in section.sections]
    if section.items:
        data["items"] = [_item_data(i, rules, ids.get(id(i))) for i in section.items]
    return data


def _unnumbered_ids(tree: Outline) -> dict[int, str]:
    """Explicit ids for items printed without a number: '6a' after item 6."""
    restarts = anchors.numbering_restarts([i.number for i in tree.all_items() if i.number])
    ids: dict[int, str] = {}
    previous = "0"
    suffix = 0
    for position, section in enumerate(tree.sections or [None], start=1):
        items = _subtree_items(section) if section else tree.items
        for item in items:
            if item.number:
                previous, suffix = anchors.default_anchor(item.number, position, restarts), 0
                continue
            suffix += 1
            ids[id(item)] = f"{previous}{'abcdefghijklmnopqrstuvwxyz'[min(suffix, 26) - 1]}"
    return ids


def _mark_truncated(draft: Draft) -> None:
    if not draft.has_body:
        return
    written = [i for i in draft.tree.all_items() if not i.outline_only]
    if not written:
        return
    last = max(written, key=lambda i: i.line)
    tail = (last.text or last.title or "").strip()
    if tail and tail[-1] not in "。！？）”』」.;；":
        last.truncated = True
        draft.warnings.append(f"line {last.line}: text ends mid-sentence ('…{tail[-12:]}'): item "
                              f"{last.number} marked truncated")


def _suspicious(draft: Draft) -> list[str]:
    found = []
    lines = draft.tree.preamble + [p for i in draft.tree.all_items() for p in [i.title or ""] + i.paragraphs]
    for line in lines:
        for fragment in text.suspicious(line):
            at = line.find(fragment)
            found.append(f"suspicious characters {fragment!r} in '…{line[max(0, at - 8):at + 8]}…'")
    return found


def _table_data(table: tables.Table, rules: ImportRules, warnings: list[str]) -> dict[str, Any]:
    keys = []
    for label in table.header:
        key = rules.table_columns.get(label)
        if key is None:
            warnings.append(f"table column '{label}' is not in rules/import.yml table_columns: kept under extra")
        keys.append(key)
    rows = []
    for cells in table.rows:
        row: dict[str, Any] = {}
        extra: dict[str, str] = {}
        for label, key, value in zip(table.header, keys, cells):
            if key is None:
                extra[label] = value
            elif key == "row":
                row["row"] = value
                row["items"] = tables.row_numbers(value)
            else:
                row[key] = value
        if extra:
            row["extra"] = extra
        rows.append(row)
    data: dict[str, Any] = {}
    if table.label:
        data["label"] = table.label
    data["title"] = table.title
    data["columns"] = {rules.table_columns.get(label, label): label for label in table.header}
    data["rows"] = rows
    return data


def plan_data(
    draft: Draft,
    *,
    source_file: str,
    conversions: list[str],
    parts: FileParts,
    year: int | None,
    locality: str | None,
    localities: list[dict[str, Any]],
    rules: ImportRules,
) -> tuple[dict[str, Any], list[str]]:
    """The plain data of one plan file, and what the importer could not decide."""
    undecided: list[str] = []
    inferred: list[dict[str, str]] = []
    _mark_truncated(draft)
    plan_year, year_evidence = _infer_year(draft, year)
    if plan_year is None:
        undecided.append("year: no year in the title or preamble; pass --year")
    elif year is None:
        inferred.append({"field": "year", "value": str(plan_year), "evidence": year_evidence})
    if locality is None:
        locality, evidence = _infer_locality(draft, localities)
        if locality:
            inferred.append({"field": "locality", "value": locality, "evidence": evidence})
        else:
            undecided.append("locality: no registered locality is named in the text; pass --locality")
    segment = draft.segment
    issuer = _infer_issuer(draft)
    if issuer:
        inferred.append({"field": "issuer", "value": issuer[0], "evidence": issuer[1]})
    else:
        undecided.append("issuer: the text does not say who issued it")
    dated = _find_date((segment.discarded + segment.notice + segment.closing) if segment else [])
    if dated:
        inferred.append({"field": "issued", "value": dated[0], "evidence": dated[1]})
    title = draft.title
    if not title:
        undecided.append("title: no title line; write one")

    data: dict[str, Any] = {
        "id": f"{locality or 'unknown'}-{plan_year or 'unknown'}",
        "title": title or "",
    }
    if segment and segment.subtitle:
        data["subtitle"] = "\n".join(segment.subtitle)
    data["locality"] = locality or ""
    data["year"] = plan_year
    data["issuer"] = issuer[0] if issuer else None
    data["issued"] = dated[0] if dated else None
    source: dict[str, Any] = {"file": source_file, "url": None}
    if parts.collection:
        source["collection"] = parts.collection
    if draft.toc:
        source["toc_entry"] = " / ".join(dict.fromkeys(_norm_space(l) for l in draft.toc.lines))
    if conversions:
        source["conversions"] = conversions
    if inferred:
        source["inferred"] = inferred
    discarded = (segment.discarded if segment else []) + (parts.front if draft.toc else [])
    if discarded:
        source["discarded"] = discarded
    data["source"] = source
    if segment and segment.notice:
        data["notice"] = "\n".join(segment.notice)
    data["preamble"] = "\n".join(draft.tree.preamble) or None
    ids = _unnumbered_ids(draft.tree)
    if draft.tree.sections:
        data["sections"] = [_section_data(s, rules, ids) for s in draft.tree.sections]
    if draft.tree.items:
        data["items"] = [_item_data(i, rules, ids.get(id(i))) for i in draft.tree.items]
    if segment and segment.closing:
        data["closing"] = "\n".join(segment.closing)
    if segment and segment.table:
        draft.warnings.extend(segment.table.warnings)
        data["task_table"] = _table_data(segment.table, rules, draft.warnings)
    return data, undecided


def _norm_space(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def import_text(
    data: bytes,
    *,
    source_file: str,
    year: int | None = None,
    locality: str | None = None,
    localities: list[dict[str, Any]] | None = None,
) -> ImportReport:
    """Import one raw file; nothing is written here (see :func:`write_plans`)."""
    rules = load_rules()
    lines, conversions = text.normalize(data)
    parts = split_file(lines, rules)
    drafts = pair_segments(parts, rules)
    report = ImportReport(source_file, conversions.summary())
    seen: dict[str, int] = {}
    for draft in drafts:
        plan, undecided = plan_data(
            draft,
            source_file=source_file,
            conversions=report.conversions,
            parts=parts,
            year=year,
            locality=locality,
            localities=localities or [],
            rules=rules,
        )
        seen[plan["id"]] = seen.get(plan["id"], 0) + 1
        if seen[plan["id"]] > 1:
            plan["id"] = f"{plan['id']}-{seen[plan['id']]}"
        report.plans.append(plan)
        report.warnings[plan["id"]] = draft.warnings + _suspicious(draft)
        report.undecided[plan["id"]] = undecided
    return report


def write_plans(report: ImportReport, out_dir: Path, force: bool = False) -> None:
    """Write each plan to out_dir/<id>.yml; an existing file is kept unless force."""
    from . import yamlio

    out_dir.mkdir(parents=True, exist_ok=True)
    for plan in report.plans:
        target = out_dir / f"{plan['id']}.yml"
        if target.exists() and not force:
            report.skipped.append(str(target))
            continue
        tmp = target.with_suffix(".yml.tmp")
        tmp.write_text(yamlio.dump(plan, SCHEMA_HEADER), encoding="utf-8")
        tmp.replace(target)
        report.written.append(str(target))


def format_report(report: ImportReport) -> str:
    out = [f"Imported {report.source}: {len(report.plans)} plan(s)"]
    if report.conversions:
        out.append("Conversions applied:")
        out.extend(f"  - {c}" for c in report.conversions)
    else:
        out.append("Conversions applied: none")
    for plan in report.plans:
        items = _count_items(plan)
        out.append(f"\nPlan {plan['id']}: {plan.get('title') or '(no title)'} — {items} items")
        warnings = report.warnings.get(plan["id"], [])
        out.append("  Check by hand:" if warnings else "  Check by hand: nothing")
        out.extend(f"    - {w}" for w in warnings)
        undecided = report.undecided.get(plan["id"], [])
        if undecided:
            out.append("  Could not decide:")
            out.extend(f"    - {u}" for u in undecided)
    for path in report.written:
        out.append(f"wrote {path}")
    for path in report.skipped:
        out.append(f"kept {path}: it exists (use --force to overwrite; people may have edited it)")
    return "\n".join(out)


def _count_items(plan: dict[str, Any]) -> int:
    def count(sections: list[dict[str, Any]]) -> int:
        return sum(len(s.get("items", [])) + count(s.get("sections", [])) for s in sections)

    return len(plan.get("items", [])) + count(plan.get("sections", []))
