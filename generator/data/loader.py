"""Load plan files and registries, validate them, and build the model.

Every problem in every file is collected before anything is built, the way
MkDocs reports all config errors at once; the model is only built from files
that passed, so later stages never see half-valid data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from . import anchors, consistency, model, validate, yamlio
from .validate import Problem
from .yamlio import Document, Mark, YamlError

REGISTRIES = yamlio.REGISTRY_NAMES


PLAN_SUFFIX = ".yml"


def plan_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob(f"*{PLAN_SUFFIX}") if p.name not in REGISTRIES))
        elif path.name not in REGISTRIES:  # a registry named alone is checked as the registry it is
            files.append(path)
    return files


def plan_heads(paths: list[Path]) -> dict[Path, tuple[str, int] | None]:
    """Each plan file's locality and year as the file states them, unchecked (None when
    it does not state both plainly; the load names the problem): enough to choose and
    count a part of the atlas before loading it, which takes minutes at 10,000 plans."""
    heads: dict[Path, tuple[str, int] | None] = {}
    for path in plan_files(paths):
        try:
            found = yamlio.top_scalars(path.read_text(encoding="utf-8"), frozenset({"locality", "year"}))
        except (OSError, UnicodeDecodeError, yamlio.yaml.YAMLError):
            found = {}
        year, locality = found.get("year", ""), found.get("locality")
        heads[path] = (locality, int(year)) if year.isdigit() and locality else None
    return heads


def stray_files(paths: list[Path]) -> list[Problem]:
    """Files in a plans folder that would be skipped (foo.yaml, notes.txt): each is an
    error, since a plan that silently vanishes from the site is worse than a red check."""
    problems = []
    for folder in (p for p in paths if p.is_dir()):
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith(".") and path.suffix != PLAN_SUFFIX:
                rename = path.with_suffix(PLAN_SUFFIX).name
                hint = (f"rename it to {rename}" if path.suffix.lower() in (".yaml", ".yml") else
                        "move it out of this folder: it holds only plan files (.yml) and the two registries")
                problems.append(Problem(str(path), Mark(1, 1), f"not read: plan files end in {PLAN_SUFFIX}", hint))
    return problems


def folder_of(paths: list[Path]) -> Path:
    """The plans folder of the paths given (the folder itself, or the folder of the first file)."""
    first = paths[0] if paths else Path("plans")
    return first if first.is_dir() else first.parent


def _read(path: Path) -> tuple[Document | None, list[Problem]]:
    try:
        return yamlio.read_file(path, yamlio.limit_for(path.name)), []
    except YamlError as exc:
        return None, [Problem(exc.path, exc.mark, exc.message, exc.hint)]


def _read_checked(path: Path, schema_name: str) -> tuple[Document | None, list[Problem]]:
    doc, problems = _read(path)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [Problem(doc.path, Mark(1, 1), "the file must be a YAML mapping of keys to values",
                              "start from an existing plan file")]
    problems = validate.check_schema(doc, schema_name)
    return (None if problems else doc), problems


def read_localities_loose(*folders: Path) -> tuple[Path, list[dict[str, Any]]]:
    """The locality registry for the importer (the first folder holding one): its path and
    entries. Problems in it are left to validate."""
    for folder in folders:
        path = Path(folder) / "localities.yml"
        if path.exists():
            doc, _ = _read(path)
            if doc and isinstance(doc.data, dict):
                return path, [e for e in doc.data.get("localities") or [] if isinstance(e, dict) and "id" in e]
            return path, []
    return Path(folders[-1]) / "localities.yml", []


def load_paths(paths: list[Path], registry_dir: Path | None = None,
               tick: Callable[[], None] | None = None) -> tuple[model.Catalog | None, list[Problem]]:
    """Validate everything under paths, with the registries of the folder ``registry_dir``
    (default: the first path's folder); the catalog is None when any error was found.
    tick is called once a plan file (a build's progress)."""
    folder = registry_dir or folder_of(paths)
    problems: list[Problem] = stray_files(paths)
    registries: dict[str, Document | None] = {}
    for name, key in (("localities", "localities"), ("themes", "themes")):
        path = folder / f"{name}.yml"
        if not path.exists():
            problems.append(Problem(str(path), Mark(1, 1), f"registry {path.name} not found",
                                    "plans/ must hold localities.yml and themes.yml beside the plan files"))
            registries[name] = None
            continue
        doc, found = _read_checked(path, name)
        problems.extend(found)
        if doc is not None:
            problems.extend(validate.check_registry(doc, key))
            problems.extend(consistency.check_registry(doc) if key == "localities" else [])
        registries[name] = doc
    entries = {e["id"]: e for e in registries["localities"].data["localities"]} if registries["localities"] else {}
    locality_ids = set(entries)
    places = consistency.Places(entries.values())
    theme_ids = {e["id"] for e in registries["themes"].data["themes"]} if registries["themes"] else set()

    docs: list[Document] = []
    ids: dict[str, Document] = {}
    for path in plan_files(paths):
        if tick:
            tick()
        doc, found = _read_checked(path, "plan")
        problems.extend(found)
        if doc is None:
            continue
        problems.extend(validate.check_plan(doc, locality_ids, theme_ids))
        problems.extend(consistency.check_plan(doc, places))
        plan_id = doc.data["id"]
        if plan_id in ids:
            problems.append(Problem(doc.path, doc.mark(("id",)), f"duplicate plan id '{plan_id}' "
                                    f"(also in {ids[plan_id].path})", "give each plan its own id", "id"))
        ids[plan_id] = doc
        docs.append(doc)
    localities, themes = registries["localities"], registries["themes"]
    if localities is None or themes is None or any(p.severity == "error" for p in problems):
        return None, problems
    catalog = model.Catalog(
        plans=tuple(sorted((build_plan(d) for d in docs), key=lambda p: (p.locality, p.year, p.id))),
        localities={e["id"]: build_locality(e) for e in localities.data["localities"]},
        themes=tuple(build_theme(e) for e in themes.data["themes"]),
    )
    return catalog, problems


# ---------------------------------------------------------------------------
# Building the model from checked data


def build_locality(data: dict[str, Any]) -> model.Locality:
    return model.Locality(
        id=data["id"], name=data["name"], level=data["level"], province=data.get("province"),
        parent=data.get("parent"), aliases=tuple(data.get("aliases") or ()),
        anonymized=bool(data.get("anonymized")), evidence=tuple(data.get("evidence") or ()),
    )


def build_theme(data: dict[str, Any]) -> model.Theme:
    return model.Theme(
        id=data["id"], name=data["name"], en=data["en"], description=data["description"],
        keywords=tuple(data["keywords"]), exclude=tuple(data.get("exclude") or ()),
    )


def _task_rows(data: dict[str, Any]) -> tuple[model.TaskRow, ...]:
    rows = []
    for row in (data.get("task_table") or {}).get("rows", []):
        rows.append(model.TaskRow(
            row=row["row"], items=tuple(row["items"]),
            **{k: row.get(k, "") for k in ("task", "problem", "policies", "measures", "outcomes", "due", "divisions")},
            extra=tuple((row.get("extra") or {}).items()),
        ))
    return tuple(rows)


def build_plan(doc: Document) -> model.Plan:
    data = doc.data
    rows = _task_rows(data)
    # validated: every item has an anchor
    anchors_by_id = {id(item): anchor for _, item, anchor in anchors.item_anchors(data) if anchor}

    def build_item(item: dict[str, Any], section: str, section_title: str) -> model.Item:
        number = item.get("number")
        key = anchors.number_key(number) if number else None
        tasks = tuple(r for r in rows if key in {anchors.number_key(n) for n in r.items})
        return model.Item(
            anchor=anchors_by_id[id(item)], number=number, title=item.get("title"),
            text=item.get("text", ""), section=section, section_title=section_title,
            owners=tuple(item.get("owners") or ()), deadlines=tuple(item.get("deadlines") or ()),
            supporting=tuple(item.get("supporting") or ()),
            themes_override=tuple(item.get("themes") or ()), outline_title=item.get("outline_title"),
            outline_only=bool(item.get("outline_only")), truncated=bool(item.get("truncated")),
            note=item.get("note"), tasks=tasks,
            targets=tuple(model.Target(**t) for t in item.get("targets") or ()),
            corrections=tuple(model.Correction(c["from"], c["to"], c["why"]) for c in item.get("corrections") or ()),
        )

    def build_section(section: dict[str, Any], trail: tuple[str, ...]) -> model.Section:
        here = (*trail, section.get("number") or "·")
        label = " / ".join(here)
        return model.Section(
            number=section.get("number"), title=section["title"], outline_title=section.get("outline_title"),
            intro=section.get("intro"),
            sections=tuple(build_section(s, here) for s in section.get("sections") or ()),
            items=tuple(build_item(i, label, section["title"]) for i in section.get("items") or ()),
        )

    source = data["source"]
    table = data.get("task_table")
    return model.Plan(
        id=data["id"], title=data["title"], locality=data["locality"], year=data["year"],
        issuer=data.get("issuer"), issued=data.get("issued"), path=doc.path,
        source=model.Source(
            file=source["file"], url=source.get("url"), fetched=source.get("fetched"),
            linked_from=source.get("linked_from"), collection=source.get("collection"),
            toc_entry=source.get("toc_entry"), conversions=tuple(source.get("conversions") or ()),
            inferred=tuple(model.Inference(**i) for i in source.get("inferred") or ()),
            notes=tuple(source.get("notes") or ()), discarded=tuple(source.get("discarded") or ()),
        ),
        subtitle=data.get("subtitle"), notice=data.get("notice"), preamble=data.get("preamble"),
        sections=tuple(build_section(s, ()) for s in data.get("sections") or ()),
        items=tuple(build_item(i, "", "") for i in data.get("items") or ()),
        closing=data.get("closing"),
        task_table=model.TaskTable(
            label=table.get("label"), title=table.get("title"),
            columns=tuple(table["columns"].items()), rows=rows,
        ) if table else None,
        tables=tuple(model.PlanTable(label=t.get("label"), title=t.get("title"), columns=tuple(t["columns"]),
                                     rows=tuple(tuple(row) for row in t["rows"])) for t in data.get("tables") or ()),
    )
