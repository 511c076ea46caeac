"""The public dataset: plans and items as JSON, items as CSV.

Field names are a public format that researchers script against: add fields,
never rename or remove one. List fields in CSV are joined with ``|``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from ..analysis import themes
from ..data.model import Catalog
from . import urls

PLAN_FIELDS = ("id", "title", "year", "locality", "locality_name", "province", "level", "issuer",
               "issued", "item_count", "source_file", "url")
ITEM_FIELDS = ("plan", "anchor", "section", "number", "title", "text", "themes", "owners", "deadlines",
               "outline_only", "truncated", "url", "corrections", "supporting")
TARGET_FIELDS = ("plan", "anchor", "indicator", "value", "unit", "kind", "year", "series", "note", "url")
FIELDS = {"plans": PLAN_FIELDS, "items": ITEM_FIELDS, "targets": TARGET_FIELDS}
LIST_SEPARATOR = "|"


def records(catalog: Catalog, base_url: str = "", assignments: dict | None = None) -> dict[str, list[dict[str, Any]]]:
    """Plans, items and targets as plain records; pass the index's theme assignments
    when they are at hand, to avoid computing them again."""
    assignments = assignments if assignments is not None else themes.assign_all(catalog)
    plans, items, targets = [], [], []
    for plan in catalog.plans:
        locality = catalog.localities[plan.locality]
        plan_items = list(plan.all_items())
        plans.append({
            "id": plan.id, "title": plan.title, "year": plan.year, "locality": plan.locality,
            "locality_name": locality.name, "province": locality.province, "level": locality.level,
            "issuer": plan.issuer, "issued": plan.issued, "item_count": len(plan_items),
            "source_file": plan.source.file, "url": urls.plan_url(plan.id, base_url),
        })
        for item in plan_items:
            items.append({
                "plan": plan.id, "anchor": item.anchor, "section": item.section, "number": item.number,
                "title": item.title, "text": item.text,
                "themes": list(assignments[(plan.id, item.anchor)].themes),
                "owners": list(item.owners), "deadlines": list(item.deadlines),
                "outline_only": item.outline_only, "truncated": item.truncated,
                "url": urls.item_url(plan.id, item.anchor, base_url),
                "corrections": [{"from": c.original, "to": c.corrected, "why": c.why} for c in item.corrections],
                "supporting": list(item.supporting),
            })
            for target in item.targets:
                targets.append({"plan": plan.id, "anchor": item.anchor, "indicator": target.indicator,
                                "value": target.value, "unit": target.unit, "kind": target.kind,
                                "year": target.year, "series": target.series, "note": target.note,
                                "url": urls.item_url(plan.id, item.anchor, base_url)})
    return {"plans": plans, "items": items, "targets": targets}


def by_plan(data: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The dataset split into one dataset per plan (same format): plan id → records."""
    split: dict[str, dict[str, list[dict[str, Any]]]] = {
        plan["id"]: {"plans": [plan], "items": [], "targets": []} for plan in data["plans"]}
    for key in ("items", "targets"):
        for record in data[key]:
            split[record["plan"]][key].append(record)
    return split


def as_json(data: dict[str, list[dict[str, Any]]]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # compact: a tenth of the site at 10,000 plans


def to_json(catalog: Catalog, base_url: str = "") -> str:
    return as_json(records(catalog, base_url))


def _cell(value: Any) -> Any:
    """A CSV cell. Text a spreadsheet would run as a formula (=, +, -, @ first) gets a
    leading apostrophe, the usual guard; plan text comes from strangers."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(f"{v['from']}→{v['to']}" if isinstance(v, dict) else v for v in value)
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") \
            and not re.fullmatch(r"-?\d+(\.\d+)?", value):
        return "'" + value
    return value


def as_csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


SQL_KEYS = {"plans": ("id",), "items": ("plan", "anchor"), "targets": ()}


def as_sqlite(data: dict[str, list[dict[str, Any]]]) -> bytes:
    """The dataset as an SQLite database (ready for Datasette): one table per record kind,
    the same columns as the CSV files, list fields as JSON, and a trigram full-text index
    of item titles and texts (it finds Chinese substrings without word segmentation)."""
    import sqlite3
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "eduplans.sqlite"
        db = sqlite3.connect(path)
        for table, fields in FIELDS.items():
            keys = SQL_KEYS[table]
            columns = ", ".join(f'"{f}"' for f in fields)
            primary = f", PRIMARY KEY ({', '.join(keys)})" if keys else ""
            db.execute(f"CREATE TABLE {table} ({columns}{primary})")
            db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(fields))})",
                           [tuple(_sql(record.get(f)) for f in fields) for record in data[table]])
        db.execute("CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='items', tokenize='trigram')")
        db.execute("INSERT INTO items_fts(rowid, title, text) SELECT rowid, title, text FROM items")
        db.commit()
        db.execute("VACUUM")
        db.close()
        return path.read_bytes()


def _sql(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def to_csv(catalog: Catalog, kind: str, base_url: str = "") -> str:
    """One table of the dataset as CSV: kind is plans, items or targets."""
    return as_csv(records(catalog, base_url)[kind], FIELDS[kind])
