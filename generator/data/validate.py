"""Checks on plan files and registries, each problem located at path:line:col.

Structure and types come from the published JSON Schema (the same file editors
use for autocompletion), checked by the ``jsonschema`` library; this module
turns its findings into messages a contributor can act on, and adds the checks
a schema cannot express: references into the registries, unique ids and
anchors, items that need an id.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import jsonschema

from . import anchors
from .checkout import SCHEMA_DIR
from .yamlio import Document, FieldPath, Mark


# ids become file names: none may name a listing page or a Windows device.
RESERVED_IDS = {"index", "atom", "con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                *(f"lpt{i}" for i in range(1, 10))}
MAX_ITEMS = 5000  # per plan, over all sections


@dataclass(frozen=True)
class Problem:
    path: str
    mark: Mark
    message: str
    hint: str = ""
    field: str = ""
    severity: str = "error"

    def format(self, style: str = "text") -> str:
        if style == "github":
            text = self.message + (f" — {self.hint}" if self.hint else "")
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return f"::{self.severity} file={self.path},line={self.mark.line},col={self.mark.column}::{text}"
        where = f" [{self.field}]" if self.field else ""
        hint = f"\n    hint: {self.hint}" if self.hint else ""
        return f"{self.path}:{self.mark.line}:{self.mark.column}: {self.severity}: {self.message}{where}{hint}"


def field_name(field_path: FieldPath) -> str:
    out = ""
    for part in field_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def check_schema(doc: Document, schema_name: str) -> list[Problem]:
    """Problems the JSON Schema finds, one per offending value, in file order."""
    validator = jsonschema.Draft202012Validator(schema(schema_name))
    problems = []
    for error in validator.iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    unique = {(p.mark, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.mark.line, p.mark.column))


_TYPE_NAMES = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping",
               "boolean": "true or false", "null": "null", "number": "a number"}


def _describe(value: Any) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
             dict: "a mapping", type(None): "nothing (null)"}
    return names.get(type(value), type(value).__name__)


def _explain(doc: Document, error: jsonschema.ValidationError) -> list[Problem]:
    field_path: FieldPath = tuple(error.absolute_path)
    name = field_name(field_path) or "(file)"
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    description = schema.get("description", "")
    expected: Any = error.validator_value  # what the schema asked for
    instance: Any = error.instance  # what the file holds

    def problem(message: str, hint: str, at: FieldPath = field_path) -> Problem:
        return Problem(doc.path, doc.mark(at), message, hint, field_name(at))

    kind = error.validator
    if kind == "required":
        missing = [k for k in expected if k not in (instance or {})]
        return [problem(f"missing required key '{k}' in {name}", f"add '{k}:' — see the plan format (plans/schema)")
                for k in missing]
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        return [problem(f"unknown key '{k}'", f"allowed keys here: {', '.join(allowed)}; check the spelling",
                        (*field_path, k)) for k in extra]
    if kind == "type":
        types: list[str] = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        return [problem(f"{name} must be {wanted}, not {_describe(instance)}",
                        description or f"write {wanted} here")]
    if kind in ("minLength",) and instance == "":
        return [problem(f"{name} is empty", "write the text, or remove the key if the source has none")]
    if kind in ("minimum", "maximum"):
        low = schema.get("minimum")
        high = schema.get("maximum")
        return [problem(f"{name} {instance} is out of range {low}–{high}", description)]
    if kind == "pattern":
        return [problem(f"{name} {str(instance)[:60]!r} has the wrong form", description or error.message)]
    if kind in ("maxLength", "maxItems"):
        return [problem(f"{name} is too long (limit {expected})",
                        "split it, or raise the limit in plans/schema after discussion")]
    if kind == "enum":
        return [problem(f"{name} {instance!r} is not one of {', '.join(map(str, expected))}",
                        description)]
    if kind in ("anyOf", "oneOf"):
        return [problem(f"{name}: {error.message[:120]}", description)]
    return [problem(f"{name}: {error.message[:160]}", description)]


# ---------------------------------------------------------------------------
# Cross-reference checks, on data the schema has accepted


Add = Callable[[FieldPath, str, str], None]


def check_plan(doc: Document, locality_ids: set[str], theme_ids: set[str]) -> list[Problem]:
    data = doc.data
    problems: list[Problem] = []

    def add(at: FieldPath, message: str, hint: str) -> None:
        problems.append(Problem(doc.path, doc.mark(at), message, hint, field_name(at)))

    _check_header(data, Path(doc.path).stem, locality_ids, add)
    anchored = anchors.item_anchors(data)
    if len(anchored) > MAX_ITEMS:
        add(("sections",), f"plan has {len(anchored)} items, more than the limit of {MAX_ITEMS}",
            "split the document into several plans")
        return problems
    reused = _check_numbers(data, add)
    _check_items(anchored, theme_ids, reused, add)
    numbers = {anchors.number_key(item["number"]) for _, item, _ in anchored if item.get("number")}
    for r, row in enumerate((data.get("task_table") or {}).get("rows", [])):
        for n, number in enumerate(row["items"]):
            if anchors.number_key(number) not in numbers:
                add(("task_table", "rows", r, "items", n), f"task row names item {number}, which the plan lacks",
                    "fix the row's items list")
    return problems


def _check_header(data: dict[str, Any], stem: str, locality_ids: set[str], add: Add) -> None:
    """The plan's own fields: date, id (reserved, file name, year in it), locality."""
    if data.get("issued"):
        try:
            datetime.date.fromisoformat(data["issued"])
        except ValueError:
            add(("issued",), f"issued '{data['issued']}' is not a real date", "write YYYY-MM-DD, e.g. 2024-02-02")
    _check_fetched(data["source"], add)
    plan_id = data["id"]
    if plan_id in RESERVED_IDS:
        add(("id",), f"plan id '{plan_id}' is a reserved name", "choose another id, e.g. locality-year")
    if plan_id != stem:
        add(("id",), f"plan id '{plan_id}' differs from the file name '{stem}.yml'",
            f"rename the file to {plan_id}.yml or change the id")
    years_in_id = re.findall(r"(?:^|-)((?:19|20)\d\d)(?=-|$)", plan_id)
    if years_in_id and str(data["year"]) not in years_in_id:
        add(("year",), f"year {data['year']} contradicts the plan id '{plan_id}'",
            f"the id names {years_in_id[0]}: correct the year, or (for a new plan only) the id and file name")
    if locality_ids and data["locality"] not in locality_ids:
        add(("locality",), f"unknown locality '{data['locality']}'",
            "use an id from plans/localities.yml, or add the locality there")


def _check_fetched(source: dict[str, Any], add: Add) -> None:
    """A fetch day is a real day, not in the future, of a recorded address."""
    if not source.get("fetched"):
        return
    try:
        day = datetime.date.fromisoformat(source["fetched"])
    except ValueError:
        add(("source", "fetched"), f"fetched '{source['fetched']}' is not a real date",
            "write the day the text was fetched, YYYY-MM-DD")
        return
    if day > datetime.date.today():
        add(("source", "fetched"), f"fetched {day} is in the future", "write the day the text was fetched")
    if not source.get("url"):
        add(("source", "fetched"), "source.fetched without source.url: a fetch day belongs to an address",
            "write the address it was fetched from as url, or remove fetched")


def _check_numbers(data: dict[str, Any], add: Add) -> set[FieldPath]:
    """A printed number used twice would give two items one anchor; the items reported."""
    reused = anchors.reused_numbers(data)
    for first, again in reused:
        item = anchors.value_at(data, again)
        if anchors.per_section(data):
            hint = "give one of the two items an explicit 'id:'"
        else:
            hint = ("if numbering restarts in each section, declare 'numbering: per-section' at the top (every "
                    "anchor becomes section-number, e.g. 2-1, so only for a plan not yet published); "
                    "otherwise give one of the two items an explicit 'id:'")
        add((*again, "number"), f"item number '{item['number']}' is used again (first at {field_name(first)})",
            hint)
    return {again for _, again in reused}


def _check_items(anchored: list[tuple[FieldPath, dict[str, Any], str | None]], theme_ids: set[str],
                 reused: set[FieldPath], add: Add) -> None:
    seen: dict[str, FieldPath] = {}
    for field_path, item, anchor in anchored:
        if anchor is None:
            add(field_path, "item has no number and no id", "add 'id:' (e.g. 6a for a paragraph after item 6)")
        elif item.get("id") and anchors.SECTION_ANCHOR.match(item["id"]):
            add((*field_path, "id"), f"item id '{item['id']}' has the form of a section anchor (s1, s1-2)",
                "choose another id, e.g. 6a")
        elif anchor in seen and field_path not in reused:
            add((*field_path, "id") if item.get("id") else (*field_path, "number"),
                f"duplicate item anchor '{anchor}' (also {field_name(seen[anchor])})",
                "anchors are public URLs and must be unique: give one of the items an explicit 'id:'")
        else:
            seen.setdefault(anchor, field_path)
        if "text" not in item and not item.get("outline_only"):
            add(field_path, "item has no text", "write the text from the source, or set 'outline_only: true' "
                "if the source prints only its title")
        if "text" in item and item.get("outline_only"):
            add((*field_path, "outline_only"), "item has text but is marked outline_only",
                "remove 'outline_only: true'")
        for t, theme in enumerate(item.get("themes") or []):
            if theme_ids and theme not in theme_ids:
                add((*field_path, "themes", t), f"unknown theme '{theme}'", "use an id from plans/themes.yml")
        if len(set(item.get("themes") or [])) != len(item.get("themes") or []):
            add((*field_path, "themes"), "a theme is listed twice", "list each theme once")
        _check_corrections(field_path, item, add)


def _check_corrections(field_path: FieldPath, item: dict[str, Any], add: Add) -> None:
    """Each corrected wording must stand in the item, and differ from the original."""
    wording = f"{item.get('title') or ''}\n{item.get('text') or ''}"
    for c, correction in enumerate(item.get("corrections") or []):
        at = (*field_path, "corrections", c)
        if correction["from"] == correction["to"]:
            add((*at, "to"), "the correction changes nothing", "write the corrected wording in 'to'")
        elif correction["to"] not in wording:
            add((*at, "to"), f"corrected wording '{correction['to'][:30]}' is not in the item's title or text",
                "correct the text itself, and record here what the source printed ('from') and why")


def check_registry(doc: Document, key: str) -> list[Problem]:
    problems: list[Problem] = []
    entries = doc.data.get(key, [])
    seen: dict[str, int] = {}
    ids = {e["id"] for e in entries}
    for i, entry in enumerate(entries):
        if entry["id"] in RESERVED_IDS:
            problems.append(Problem(doc.path, doc.mark((key, i, "id")), f"id '{entry['id']}' is a reserved name",
                                    "choose another id", field_name((key, i, "id"))))
        if entry["id"] in seen:
            problems.append(Problem(doc.path, doc.mark((key, i, "id")), f"duplicate id '{entry['id']}'",
                                    "ids must be unique", field_name((key, i, "id"))))
        seen[entry["id"]] = i
        parent = entry.get("parent")
        if key == "localities" and parent and parent not in ids:
            problems.append(Problem(doc.path, doc.mark((key, i, "parent")), f"unknown parent '{parent}'",
                                    "use another locality's id, or null", field_name((key, i, "parent"))))
    return problems
