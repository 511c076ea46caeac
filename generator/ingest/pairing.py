"""Stage 4 of the import: outlines and full texts of the same plan become one tree.

A compilation may print an outline of every plan and then the full text of some:
outlines are matched to the table of contents in order, full texts by title (or,
without a usable table of contents, by shared item titles). The full text wins;
outline headings fill in what it lacks, marked ``outline_only``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import outline
from .outline import OutlineItem, Outline, OutlineSection
from .rules import ImportRules
from .segments import FileParts, Segment, TocEntry

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
    return "".join((value or "").split())


def pair_segments(parts: FileParts, rules: ImportRules) -> list[Draft]:
    parsed = [(s, outline.parse_outline(s.tokens, rules.outline_rules)) for s in parts.segments]
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
        matched = _match_body(segment, tree, toc, outlines)
        if matched is None or by_position[matched].segment is not None:
            drafts.append(Draft(segment, tree, warnings=list(tree.warnings) + [
                "could not decide which outline this text belongs to; imported on its own"]))
            continue
        draft = by_position[matched]
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


def _key(section: OutlineSection) -> tuple[int, int | None]:
    return section.level, section.value


def _merge_sections(body: list[OutlineSection], skeleton: list[OutlineSection], warnings: list[str]) -> None:
    matched: set[int] = set()  # a body section pairs with one outline heading; a repeated number is kept apart
    for outline_section in skeleton:
        match = next((s for s in body if _key(s) == _key(outline_section) and id(s) not in matched), None)
        if match is None:
            _mark_outline_only(outline_section)
            body.append(outline_section)
            continue
        matched.add(id(match))
        if _norm(match.title) != _norm(outline_section.title):
            match.outline_title = outline_section.title
        _merge_items(match, outline_section.items, warnings)
        _merge_sections(match.sections, outline_section.sections, warnings)


def _merge_items(body: OutlineSection | Outline, skeleton: list[OutlineItem], warnings: list[str]) -> None:
    """Outline items missing from the body's subtree are added as outline_only."""
    present = {i.value: i for i in body.all_items() if i.value is not None}
    filled = []
    for item in skeleton:
        match = present.pop(item.value, None) if item.value is not None else None  # paired once: a repeat is kept apart
        if match is not None:
            if item.title and _norm(match.title) != _norm(item.title):
                match.outline_title = item.title
            continue
        item.outline_only = True
        filled.append(item.number or "?")
        position = next((k for k, i in enumerate(body.items) if (i.value or 0) > (item.value or 0)),
                        len(body.items))
        body.items.insert(position, item)
    if filled:
        warnings.append(f"the text lacks item(s) {', '.join(filled)}: kept with their outline titles only "
                        "(outline_only: true)")
    outline_numbers = {i.value for i in skeleton}
    for item in body.items:
        if skeleton and not item.outline_only and item.value is not None and item.value not in outline_numbers:
            warnings.append(f"item {item.number} is in the text but missing from the outline")


def _mark_outline_only(section: OutlineSection) -> None:
    for item in section.items:
        item.outline_only = True
    for child in section.sections:
        _mark_outline_only(child)
