"""Importing many files at once: folders and files enter; plan files (written only when
whole) and one row per file leave. One bad file never stops the others."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from . import fetch, importer, readers, text

SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx", ".doc")


@dataclass
class Row:
    file: str
    plans: int = 0
    items: int = 0
    warnings: int = 0
    written: int = 0
    error: str = ""


@dataclass
class Batch:
    rows: list[Row] = field(default_factory=list)
    reports: list[importer.ImportReport] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(r.error for r in self.rows) or any(r.refused for r in self.reports)


def files_of(paths: list[Path]) -> list[Path]:
    """The documents named, folders expanded (sorted), in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found


def run(paths: list[Path], out_dir: Path, *, source_name: str | None, url: str | None, year: int | None,
        locality: str | None, localities: list[dict[str, Any]], force: bool,
        addresses: Sequence[str | fetch.Document] = (), review: bool = False) -> Batch:
    """Import the files (folders expanded), then the addresses (fetched here, or already
    fetched): the fetched bytes are kept in raw/ beside out_dir when a plan cites them.
    review: keep each line's role for the review page (write_review)."""
    from tqdm import tqdm

    files = files_of(paths)
    batch = Batch()
    options: dict[str, Any] = {"year": year, "locality": locality, "localities": localities, "review": review}
    raw_dir = out_dir.parent / "raw"  # plans/ and raw/ side by side, as in the repository
    for path in tqdm(files, desc="import", unit="file", disable=len(files) < 2, file=sys.stderr):
        row = Row(path.as_posix())
        batch.rows.append(row)
        try:
            data = path.read_bytes()
        except OSError as exc:
            row.error = f"cannot read: {exc.strerror}"
            continue
        report = _import(row, path, data, source_name or path.as_posix(), url, options)
        if report is not None:
            _write(batch, row, report, out_dir, force)
    for address in addresses:
        row = Row(address if isinstance(address, str) else address.url)
        batch.rows.append(row)
        try:
            document = fetch.resolve(address) if isinstance(address, str) else address
            fetch.raw_target(document, raw_dir)  # a different file under its name stops it before any plan
        except fetch.FetchError as exc:
            row.error = str(exc)
            continue
        report = _import(row, Path(document.name), document.data, f"raw/{document.name}", document.url, options,
                         about=f"the attachment {document.url}: " if document.linked_from else "")
        if report is None:
            continue
        report.source, report.notes[:0] = row.file, document.notes
        for plan in report.plans:
            plan["source"] = fetch.record(plan["source"], document)
        _write(batch, row, report, out_dir, force)
        if report.written or report.skipped:
            report.notes.append(f"kept the fetched bytes as {fetch.keep(document, raw_dir).as_posix()}")
        else:
            report.notes.append("the fetched bytes are not kept: no plan cites them (raw/ holds plans' sources)")
    return batch


def _import(row: Row, path: Path, data: bytes, source_file: str, url: str | None, options: dict[str, Any],
            about: str = "") -> importer.ImportReport | None:
    """One document's import report, or None with the row's error."""
    try:
        return importer.import_document(path, data, source_file=source_file, url=url, **options)
    except (readers.ReadError, text.DecodeError) as exc:
        row.error = f"{about}{exc}"
    except Exception as exc:  # noqa: BLE001 - a damaged file must not stop the others
        row.error = (f"{about}could not read it ({type(exc).__name__}: {exc}); open and save it again, or import it "
                     "as text")
    return None


def _write(batch: Batch, row: Row, report: importer.ImportReport, out_dir: Path, force: bool) -> None:
    importer.write_plans(report, out_dir, force=force)
    batch.reports.append(report)
    row.plans, row.written = len(report.plans), len(report.written)
    row.items = sum(len(importer.anchors.item_anchors(p)) for p in report.plans)
    row.warnings = sum(len(w) for w in report.warnings.values())


def table(batch: Batch) -> str:
    """The closing table: one row per file."""
    lines = ["file | plans | items | warnings | written | problem", "---|---:|---:|---:|---:|---"]
    for row in batch.rows:
        lines.append(f"{row.file} | {row.plans} | {row.items} | {row.warnings} | {row.written} | {row.error}")
    return "\n".join(lines)


def write_review(batch: Batch, target: Path) -> Path:
    """The review page of every document read (review.page), written whole or not at all."""
    from . import review

    documents = []
    for report in batch.reports:
        general = [w for found in report.warnings.values() for w in found if not review.LINE.match(w)]
        undecided = [u for found in report.undecided.values() for u in found]
        documents.append((report.source, report.review, report.notes + general + undecided))
    documents += [(row.file, [], [row.error]) for row in batch.rows if row.error]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".tmp")
    partial.write_text(review.page(documents), encoding="utf-8")
    partial.replace(target)
    return target
