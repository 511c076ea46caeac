"""Raw text → plan YAML files, with a report of everything a human must check.

The flow: :mod:`text` normalizes the bytes; :mod:`segments` cuts the lines into
segments (a table of contents, outlines, full texts, a flattened table);
:mod:`outline` parses each segment into a tree; :mod:`pairing` matches outlines
with the full texts of the same plan (bodies win, outlines fill the gaps); this
module turns each plan into the plain data of a plan file, and writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data import anchors, consistency, yamlio
from . import chrome, cleanup, outline, readers, tables, tails, targets, text
from . import localities as places
from .outline import OutlineItem, OutlineSection
from .readers import Reading
from .pairing import Draft, pair_segments
from .rules import ImportRules, load_rules
from .segments import FileParts, split_file

SCHEMA_HEADER = "# yaml-language-server: $schema=schema/plan.schema.json\n"


# ---------------------------------------------------------------------------
# Plan data


@dataclass
class ImportReport:
    source: str
    conversions: list[str]
    notes: list[str] = field(default_factory=list)  # what the reader and the cleanup did, as causes
    plans: list[dict[str, Any]] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    undecided: dict[str, list[str]] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # plans not written: locality or year undecided
    review: list[Any] = field(default_factory=list)  # review.ReviewLine per source line, when asked for


def _find_date(lines: list[str]) -> tuple[str, str] | None:
    for line in lines:
        for pattern in load_rules().date_patterns:
            if m := pattern.search(line):
                return text.iso_date(m), line
    return None


def _signature(lines: list[str]) -> tuple[str, str] | None:
    """The signature above a date line (威海市教育局 / 2025年2月18日)."""
    dated = _find_date(lines)
    if dated:
        at = lines.index(dated[1])
        if at > 0 and not outline.ends_sentence(lines[at - 1]) and len(lines[at - 1]) <= 40:
            return load_rules().signature_gap.sub("、", lines[at - 1].strip()), lines[at - 1]
    return None


def _infer_issuer(draft: Draft, page: chrome.Chrome) -> tuple[str, str] | None:
    segment = draft.segment
    for lines in (segment.notice, segment.closing) if segment else ():
        if signed := _signature(lines):
            return signed
    if source := page.fact("source", stand_in=True):  # the issuer's own site names itself
        return source
    title = draft.title or ""
    if m := load_rules().issuer_in_title.match(title):
        return m[1], title
    return None


def _infer_issued(draft: Draft, facts: FileFacts) -> tuple[str, str] | None:
    """The plan's date: the document's own first (its notice, signature or closing), then the
    date the publisher's catalogue gives the document (成文日期), and only as a marked
    fallback the publication time of the issuer's own page — never a copy's upload time."""
    segment, page, reading = draft.segment, facts.chrome, facts.reading
    if own := _find_date((segment.notice + segment.closing) if segment else []):
        return own[0], f"the document's date: {own[1]}"
    if stated := page.fact("document_date"):
        return stated[0], f"the page's catalogue gives the document's date (成文日期): {stated[1]}"
    if stand_in := page.fact("page_date", stand_in=True):
        return stand_in[0], f"fallback, not printed in the document: the page's publication time: {stand_in[1]}"
    if reading.issued and (page.family is None or page.family.issued_fallback):  # the issuer's page, or unknown
        return reading.issued, f"fallback, not printed in the document: {reading.issued_evidence}"
    return None


def _tidy_title(title: str | None, warnings: list[str]) -> str | None:
    """A title without the spaces a web copy or a letter-spaced letterhead puts between its
    characters and digits (2025 年度 → 2025年度); said in the report."""
    spacing = load_rules().title_spacing
    if not title or not spacing.search(title):
        return title
    warnings.append(f"title printed with spaces ('{title}'): stored without them")
    return spacing.sub("", title)


def _infer_year(draft: Draft, year: int | None) -> tuple[int | None, str]:
    if year is not None:
        return year, "given on the command line (--year)"
    rules = load_rules()
    if m := rules.title_year.search(draft.title or ""):
        return int(m[1]), f"title: {draft.title}"
    for line in draft.tree.preamble[:3]:
        if m := rules.preamble_year.search(line):
            return int(m[1]), f"preamble: {line[:40]}"
    return None, ""


def _infer_locality(draft: Draft, registered: consistency.Places) -> tuple[str | None, str]:
    segment = draft.segment
    around = (segment.notice + segment.subtitle + segment.closing) if segment else []

    def intros(sections: list[OutlineSection]) -> list[str]:
        return [line for s in sections for line in [s.title, *s.intro, *intros(s.sections)]]

    items = [f"{i.title or ''}\n{i.text}" for i in draft.tree.all_items()]
    haystack = "\n".join([draft.title or ""] + around + draft.tree.preamble + intros(draft.tree.sections) + items)
    return places.infer(haystack, registered)


def _item_data(item: OutlineItem, rules: ImportRules) -> dict[str, Any]:
    data: dict[str, Any] = {"number": item.number, "title": item.title}
    if item.outline_title:
        data["outline_title"] = item.outline_title
    if item.paragraphs:
        data["text"] = item.text
    body = item.text
    found = tails.read(body, rules.tails)
    if found.owners:
        data["owners"] = found.owners
    if found.supporting:
        data["supporting"] = found.supporting
    if found.deadlines:
        data["deadlines"] = found.deadlines
    if found.unread:
        item.notes.append(f"tail of item {item.number or item.title}: could not read "
                          f"{'；'.join(found.unread)} (neither a unit list nor a deadline): check owners and deadlines")
    if body:
        data["targets"] = [t.as_data() for t in targets.extract(body)]
    if item.outline_only:
        data["outline_only"] = True
    if item.truncated:
        data["truncated"] = True
    return data


def _section_data(section: OutlineSection, rules: ImportRules) -> dict[str, Any]:
    data: dict[str, Any] = {"number": section.number, "title": section.title}
    if section.outline_title:
        data["outline_title"] = section.outline_title
    if section.intro:
        data["intro"] = "\n".join(section.intro)
    if section.items:  # items before sub-sections: the order pages show them in
        data["items"] = [_item_data(i, rules) for i in section.items]
    if section.sections:
        data["sections"] = [_section_data(s, rules) for s in section.sections]
    return data


def _with_unnumbered_ids(data: dict[str, Any]) -> None:
    """Give items printed without a number the explicit id their anchor needs ('6a'),
    placed right after ``number`` where a person looks for it."""
    for item, item_id in anchors.unnumbered_ids(data):
        rest = dict(item)
        item.clear()
        item.update(number=rest.pop("number"), id=item_id, **rest)


def _mark_truncated(draft: Draft) -> None:
    if not draft.has_body:
        return
    written = [i for i in draft.tree.all_items() if not i.outline_only]
    if not written:
        return
    last = max(written, key=lambda i: i.line)
    tail = (last.text or last.title or "").strip()
    if outline.stops_mid_sentence(tail):
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


def _table_data(table: tables.FlatTable, rules: ImportRules, warnings: list[str]) -> dict[str, Any]:
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


def _plain_table_data(table: tables.FlatTable) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if table.label:
        data["label"] = table.label
    data["title"] = table.title
    data["columns"] = table.header
    data["rows"] = table.rows
    return data


@dataclass(frozen=True)
class FileFacts:
    """What a whole file says, shared by the plans found in it."""

    source_file: str
    conversions: list[str]
    parts: FileParts
    reading: Reading
    furniture: list[str]  # page numbers and running headers the cleanup removed
    chrome: chrome.Chrome = field(default_factory=chrome.Chrome)  # the site chrome removed, and the page's facts


def plan_data(
    draft: Draft,
    facts: FileFacts,
    *,
    year: int | None,
    locality: str | None,
    registered: consistency.Places,
    rules: ImportRules,
) -> tuple[dict[str, Any], list[str]]:
    """The plain data of one plan file, and what the importer could not decide."""
    parts, reading = facts.parts, facts.reading
    undecided: list[str] = []
    inferred: list[dict[str, str]] = []
    _mark_truncated(draft)
    plan_year, year_evidence = _infer_year(draft, year)
    if plan_year is None:
        undecided.append("year: no year in the title or preamble; pass --year (nothing is written until then)")
    elif year is None:
        inferred.append({"field": "year", "value": str(plan_year), "evidence": year_evidence})
    if locality is None:
        locality, evidence = _infer_locality(draft, registered)
        if locality:
            inferred.append({"field": "locality", "value": locality, "evidence": evidence})
        else:
            undecided.append("locality: no registered locality is named in the text; pass --locality ID, or for a "
                             f"place not yet registered {places.register_command('ID')} (nothing is written "
                             "until then)")
    segment = draft.segment
    issuer = _infer_issuer(draft, facts.chrome)
    if issuer:
        inferred.append({"field": "issuer", "value": issuer[0], "evidence": issuer[1]})
    else:
        undecided.append("issuer: the text does not say who issued it")
    dated = _infer_issued(draft, facts)
    if dated and plan_year and not consistency.issued_in_time(dated[0], plan_year):
        # a copy's upload or repost date, most likely: a plan is issued in its year or the one before
        draft.warnings.append(f"a date found ({dated[0]}: {dated[1][:40]}) is not in {plan_year} or the year "
                              "before: not recorded as issued; write the document's own date if it prints one")
        dated = None
    if dated:
        inferred.append({"field": "issued", "value": dated[0], "evidence": dated[1]})
    title = _tidy_title(draft.title, draft.warnings)
    if not title and reading.title:
        title = reading.title
        inferred.append({"field": "title", "value": title, "evidence": f"the {reading.kind} document's metadata"})
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
    sections = [_section_data(s, rules) for s in draft.tree.sections]
    if anchors.numbering_restarts({"sections": sections}):
        data["numbering"] = anchors.PER_SECTION  # anchors become section-number: say so in the file
        draft.warnings.append("item numbers repeat: the file declares 'numbering: per-section' (anchors 1-1, "
                              "2-1 …); if a number was printed twice by mistake, remove that line and give "
                              "one of the two items an 'id:' instead")
    source: dict[str, Any] = {"file": facts.source_file, "url": reading.url}
    if parts.collection:
        source["collection"] = parts.collection
    if draft.toc:
        source["toc_entry"] = " / ".join(dict.fromkeys(_norm_space(l) for l in draft.toc.lines))
    if facts.conversions:
        source["conversions"] = facts.conversions
    if inferred:
        source["inferred"] = inferred
    discarded = facts.furniture + (segment.discarded if segment else []) + (parts.front if draft.toc else [])
    if discarded:
        source["discarded"] = discarded
    data["source"] = source
    if segment and segment.notice:
        data["notice"] = "\n".join(segment.notice)
    data["preamble"] = "\n".join(draft.tree.preamble) or None
    if sections:
        data["sections"] = sections
    if draft.tree.items:
        data["items"] = [_item_data(i, rules) for i in draft.tree.items]
    _with_unnumbered_ids(data)
    if segment and segment.closing:
        data["closing"] = "\n".join(segment.closing)
    if segment and segment.table:
        draft.warnings.extend(segment.table.warnings)
        data["task_table"] = _table_data(segment.table, rules, draft.warnings)
    if segment and segment.tables:
        data["tables"] = [_plain_table_data(table) for table in segment.tables]
        draft.warnings.append(f"{len(segment.tables)} table(s) that name no items (no row numbers) kept as the "
                              "plan's tables, not as its task table")
    draft.warnings.extend(_structure_warnings(data))
    draft.warnings.extend(note for item in draft.tree.all_items() for note in item.notes)
    return data, undecided


def _structure_warnings(data: dict[str, Any]) -> list[str]:
    """Causes a person should check: no items at all, or a heading swallowed by an item."""
    found = anchors.item_anchors(data)
    if not found:
        return ["0 items found: check the outline style (items numbered 1. 2. …, or tasks （一）（二） …); "
                "the whole text is in the preamble or in section introductions"]
    warnings = []
    for _, item, anchor in found:
        for line in (item.get("text") or "").split("\n"):
            if match := outline.patterns().heading_in_text.match(line):
                warnings.append(f"heading '{match[0]}' found inside the text of item {anchor or item.get('number')}: "
                                "check where the item ends")
    return warnings


def _norm_space(line: str) -> str:
    return " ".join(line.split())


def import_text(data: bytes, *, source_file: str, year: int | None = None, locality: str | None = None,
                localities: list[dict[str, Any]] | None = None) -> ImportReport:
    """Import raw text (bytes); nothing is written here (see :func:`write_plans`)."""
    return import_document(Path(source_file), data, source_file=source_file, year=year, locality=locality,
                           localities=localities)


def _read(path: Path, data: bytes, url: str | None = None) -> tuple[Reading, text.Conversions, cleanup.Cleaned]:
    """A document read, normalized and cleaned: the lines the importer works on."""
    reading = readers.read(path, data, url)
    lines, conversions = text.normalize_text(reading.text, text.Conversions(encoding=reading.encoding))
    return reading, conversions, cleanup.clean(lines, load_rules())


def document_lines(path: Path, data: bytes) -> list[str]:
    """The lines of a document as the importer reads them: normalized, page furniture
    removed, wrapped lines joined."""
    return _read(path, data)[2].lines


def import_document(path: Path, data: bytes, *, source_file: str, url: str | None = None, year: int | None = None,
                    locality: str | None = None, localities: list[dict[str, Any]] | None = None,
                    review: bool = False) -> ImportReport:
    """Import one document of any kind the readers take; nothing is written here.
    Raises readers.ReadError or text.DecodeError for a file that cannot be read."""
    rules = load_rules()
    reading, conversions, cleaned = _read(path, data, url)
    if reading.page_lines:
        cleaned.chrome.recognise(reading.page_lines)
        if not cleaned.chrome.removed and (said := cleaned.chrome.summary()):
            cleaned.notes.append(said)
    parts = split_file(cleaned.lines, rules, cleaned.numbers, cleaned.gaps)
    if cleaned.after_table and parts.segments:  # a signature and date after an annex table close the plan
        parts.segments[-1].closing.extend(cleaned.after_table)
    drafts = pair_segments(parts, rules)
    notes = reading.notes + cleaned.notes
    facts = FileFacts(source_file, notes + conversions.summary(), parts, reading, reading.discarded + cleaned.discarded,
                      cleaned.chrome)
    report = ImportReport(source_file, conversions.summary(), notes=notes)
    registered = consistency.Places(localities or [])  # indexed once: every plan's locality is read against it
    seen: dict[str, int] = {}
    for draft in drafts:
        plan, undecided = plan_data(draft, facts, year=year, locality=locality, registered=registered,
                                    rules=rules)
        seen[plan["id"]] = seen.get(plan["id"], 0) + 1
        if seen[plan["id"]] > 1:
            plan["id"] = f"{plan['id']}-{seen[plan['id']]}"
        report.plans.append(plan)
        report.warnings[plan["id"]] = draft.warnings + _suspicious(draft) + _inconsistent(plan, registered)
        report.undecided[plan["id"]] = undecided
    if not drafts:
        report.notes.append("no plan found: the file has no title line and no numbered outline")
    if review:  # the review page's material: every source line with its role
        from . import review as reviewing

        warnings = [w for found in report.warnings.values() for w in found]
        report.review = reviewing.line_roles(cleaned, parts, drafts, warnings, rules)
    return report


def _inconsistent(plan: dict[str, Any], registered: consistency.Places) -> list[str]:
    """What validate will say of the plan's year, date and locality against its title and
    text (a --year or --locality that contradicts them), said at import already."""
    if not plan.get("year") or not plan.get("locality"):
        return []
    found = consistency.check_plan(yamlio.Document(plan["id"], plan, {}), registered)
    return [f"{p.severity}: {p.message} ({p.hint})" for p in found]


def write_plans(report: ImportReport, out_dir: Path, force: bool = False) -> None:
    """Write each plan to out_dir/<id>.yml; an existing file is kept unless force, and a
    plan whose locality or year is undecided is not written at all (its id and URL
    would be made of guesses)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for plan in report.plans:
        missing = [key for key in ("locality", "year") if not plan.get(key)]
        if missing:
            report.refused.append(f"plan {plan['id']}: {' and '.join(missing)} undecided (see above)")
            continue
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
    out.extend(f"Read: {note}" for note in report.notes)
    if report.conversions:
        out.append("Conversions applied:")
        out.extend(f"  - {c}" for c in report.conversions)
    else:
        out.append("Conversions applied: none")
    for plan in report.plans:
        items = len(anchors.item_anchors(plan))
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
    for reason in report.refused:
        out.append(f"not written: {reason}")
    for path in report.skipped:
        out.append(f"kept {path}: it exists (use --force to overwrite; people may have edited it)")
    return "\n".join(out)
