"""The public dataset: plans and items as JSON, items as CSV.

Field names are a public format that researchers script against: add fields,
never rename or remove one. List fields in CSV are joined with ``|``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import themes
from .model import Catalog

PLAN_FIELDS = ("id", "title", "year", "locality", "locality_name", "province", "level", "issuer",
               "issued", "item_count", "source_file")
ITEM_FIELDS = ("plan", "anchor", "section", "number", "title", "text", "themes", "owners", "deadlines",
               "outline_only", "truncated")
LIST_SEPARATOR = "|"


def records(catalog: Catalog) -> dict[str, list[dict[str, Any]]]:
    assignments = themes.assign_all(catalog)
    plans, items = [], []
    for plan in catalog.plans:
        locality = catalog.localities[plan.locality]
        plan_items = list(plan.all_items())
        plans.append({
            "id": plan.id, "title": plan.title, "year": plan.year, "locality": plan.locality,
            "locality_name": locality.name, "province": locality.province, "level": locality.level,
            "issuer": plan.issuer, "issued": plan.issued, "item_count": len(plan_items),
            "source_file": plan.source.file,
        })
        for item in plan_items:
            items.append({
                "plan": plan.id, "anchor": item.anchor, "section": item.section, "number": item.number,
                "title": item.title, "text": item.text,
                "themes": list(assignments[(plan.id, item.anchor)].themes),
                "owners": list(item.owners), "deadlines": list(item.deadlines),
                "outline_only": item.outline_only, "truncated": item.truncated,
            })
    return {"plans": plans, "items": items}


def to_json(catalog: Catalog) -> str:
    return json.dumps(records(catalog), ensure_ascii=False, indent=1) + "\n"


def items_csv(catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ITEM_FIELDS, lineterminator="\n")
    writer.writeheader()
    for item in records(catalog)["items"]:
        writer.writerow({
            key: LIST_SEPARATOR.join(value) if isinstance(value, list) else ("" if value is None else value)
            for key, value in item.items()
        })
    return out.getvalue()
