"""Government article pages: the article body by trafilatura's main-content extraction,
the title and publication date from the page's meta tags and info line.

trafilatura keeps the article's paragraphs as lines and leaves out navigation,
breadcrumbs, share buttons, related links and footers; what chrome sits inside the
article's own container is left to the importer's chrome rules, which record it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..tables import END, ROW
from . import Reading, ReadError

RULES_FILE = Path(__file__).parent.parent / "rules" / "html.yml"


@dataclass(frozen=True)
class PageRules:
    """Where a page states its title and date: ``rules/html.yml``."""

    title_meta: tuple[str, ...]
    date_meta: tuple[str, ...]
    date: re.Pattern[str]


@lru_cache(maxsize=1)
def rules(path: Path = RULES_FILE) -> PageRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return PageRules(tuple(data["title_meta"]), tuple(data["date_meta"]), re.compile(data["date"]))


def _meta(tree, names: tuple[str, ...]) -> str | None:
    for element in tree.iter("meta"):
        name = (element.get("name") or element.get("property") or "").lower()
        if name in names and element.get("content"):
            return element.get("content").strip()
    return None


def _iso(value: str | None) -> str | None:
    from .. import text

    match = rules().date.search(value or "")
    return text.iso_date(match) if match else None


def _printed(iso: str, page: str) -> bool:
    """Whether the page prints this date (2025-02-18, 2025/2/18, 2025年2月18日 …)."""
    year, month, day = (int(part) for part in iso.split("-"))
    return any((int(m[1]), int(m[2]), int(m[3])) == (year, month, day) for m in rules().date.finditer(page))


def parse(data: bytes):
    """The page's element tree (lxml), decoded as its charset declaration says, or else
    as the importer decodes text; ReadError for bytes that are no page."""
    import lxml.html

    from .. import text

    declared = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", data[:4096], re.I)
    try:
        if declared:
            return lxml.html.fromstring(data)
        # without a declaration lxml would read Latin-1: decode as the importer decodes text
        decoded, _ = text.decode(data)
        return lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", decoded))
    except (ValueError, lxml.etree.ParserError, text.DecodeError) as exc:
        raise ReadError(f"not a readable HTML page: {exc}") from exc


def read(data: bytes, url: str | None) -> Reading:
    import trafilatura

    tree = parse(data)
    found = trafilatura.bare_extraction(tree, url=url, favor_recall=True, include_tables=True,
                                        include_comments=False, with_metadata=True, deduplicate=False)
    document: dict = found if isinstance(found, dict) else found.as_dict() if found is not None else {}
    body = document.get("text") or ""
    if not body.strip():
        raise ReadError("no article text found on the page: save the article's text as .txt and import that")
    body, tables = _flatten_tables(body)
    title = _meta(tree, rules().title_meta) or document.get("title")
    stated = _meta(tree, rules().date_meta)
    guessed = _iso(document.get("date"))
    if guessed and not _printed(guessed, tree.text_content()):
        guessed = None  # trafilatura fills a date it only half found (2025-01-01 from a year): never invent one
    issued = _iso(stated) or guessed
    evidence = f"the page's meta tag: {stated}" if _iso(stated) else "the page's date (trafilatura)" if issued else ""
    paragraphs = len([line for line in body.split("\n") if line.strip() and not line.startswith("\t")])
    notes = [f"web page: kept the article body ({paragraphs} paragraphs); left out the page's navigation, "
             "breadcrumb, sidebars and footer"]
    if tables:
        notes.append(f"read {tables} HTML table(s) as tables")
    page = [line.strip() for element in tree.iter() if isinstance(element.tag, str)
            and element.tag not in ("script", "style") for line in (element.text or "").split("\n") if line.strip()]
    return Reading(body, "html", title=title, issued=issued, issued_evidence=evidence, notes=notes, page_lines=page)


def _flatten_tables(body: str) -> tuple[str, int]:
    """trafilatura writes a table's rows as '| a | b |': flatten them the way the
    importer reads tables (a tab opens a cell)."""
    out, tables, inside = [], 0, False
    for line in body.split("\n"):
        row = line.strip()
        if row.startswith("|") and row.endswith("|") and row.count("|") >= 3:
            tables += not inside
            inside = True
            if not re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", row):  # Markdown's rule under the header
                out += [ROW] + ["\t" + cell.strip() for cell in row[1:-1].split("|")]
        else:
            out += [END] if inside else []
            inside = False
            out.append(line)
    return "\n".join(out + ([END] if inside else [])), tables
