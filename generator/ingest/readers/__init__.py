"""Document readers: a file's bytes enter; a :class:`Reading` leaves — the document's
text as lines (tables flattened the way ``ingest.tables`` reads them: a tab opens a
cell), what the reader left out and why, and the metadata the document states.

One module per format, each built on the library made for it: ``html`` (trafilatura),
``pdf`` (pdfplumber), ``docx`` (python-docx); plain text is decoded by ``ingest.text``.
Every reader ends in the same normalized lines the importer takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ReadError(ValueError):
    """A document the importer cannot read, with what to do instead."""


@dataclass
class Reading:
    text: str
    kind: str                      # html, pdf, docx, text
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)      # what the reader did, as causes
    discarded: list[str] = field(default_factory=list)  # lines left out of the plan text
    title: str | None = None       # as the document's metadata states it
    issued: str | None = None      # YYYY-MM-DD, from the document's metadata
    issued_evidence: str = ""
    url: str | None = None
    page_lines: list[str] = field(default_factory=list)  # all the page's text, to recognise the site by its chrome


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, .wps, .xls
# Bytes per file: a plan's text is far smaller; PDF and Word files carry fonts and images.
LIMITS = {"text": 5_000_000, "html": 5_000_000, "pdf": 60_000_000, "docx": 60_000_000, "doc": 60_000_000}


def kind_of(path: Path, data: bytes) -> str:
    """The format, by content first (a misnamed file is read for what it is)."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.startswith(b"PK\x03\x04") and path.suffix.lower() in (".docx", ".docm", ""):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or path.suffix.lower() in (".html", ".htm"):
        return "html"
    if data.startswith(b"PK\x03\x04"):
        raise ReadError(f"a zip archive ({path.suffix or 'no suffix'}): only .docx of the Office formats is read; "
                        "save the document as .docx, .pdf or text")
    return "text"


def read(path: Path, data: bytes, url: str | None = None) -> Reading:
    """The text of a document of any supported kind."""
    kind = kind_of(path, data)
    if len(data) > LIMITS[kind]:
        raise ReadError(f"the file has {len(data):,} bytes, more than the limit of {LIMITS[kind]:,} for {kind}; "
                        "split it into one file per plan")
    if kind == "doc":
        raise ReadError("a Word 97–2003 (.doc) or WPS file: open it in Word, WPS or LibreOffice and save it as "
                        ".docx (or run `libreoffice --headless --convert-to docx FILE`), then import the .docx")
    if kind == "pdf":
        from . import pdf

        reading = pdf.read(data)
    elif kind == "docx":
        from . import docx

        reading = docx.read(data)
    elif kind == "html":
        from . import html

        reading = html.read(data, url)
    else:
        from .. import text

        decoded, encoding = text.decode(data)
        reading = Reading(decoded, "text", encoding=encoding)
    reading.url = url or reading.url
    return reading
