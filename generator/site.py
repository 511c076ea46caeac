"""Generation and build: plans → Markdown in docs/ → MkDocs → site/.

``generate`` is a separate step that only writes docs/, so any builder that
reads mkdocs.yml can build the site from it. ``build`` validates, generates
and runs MkDocs into fresh folders and swaps them in only when everything
succeeded: a failed run leaves the previous docs/ and site/ exactly as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import comparison, export, loader, render, views
from .index import Index, build_index
from .insight import build_insight
from .validate import Problem

# Generated pages and folders inside docs/; everything else there is hand-written.
GENERATED = ("index.md", "contributing.md", "plans", "localities", "years", "themes", "compare", "data")
DATA_SUFFIXES = (".json", ".csv")  # downloads under docs/data/
CONTRIBUTING = Path(__file__).resolve().parent.parent / "CONTRIBUTING.md"


class BuildError(Exception):
    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Output:
    """A guarded set of pages: paths stay inside docs/, each is written once."""

    pages: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, content: str) -> None:
        posix = PurePosixPath(path)
        allowed = path.endswith(".md") or (posix.parts[0] == "data" and path.endswith(DATA_SUFFIXES))
        if posix.is_absolute() or ".." in posix.parts or "\\" in path or not allowed:
            raise BuildError(f"refusing to write page {path!r} outside the docs folder")
        if posix.parts[0] not in GENERATED:
            raise BuildError(f"refusing to write {path!r}: not a generated location")
        if path in self.pages:
            raise BuildError(f"two pages want the same path {path!r}")
        self.pages[path] = content


def pages(index: Index, repo_url: str | None, site_url: str | None = None) -> Output:
    """Every generated page, rendered."""
    env = render.environment()
    out = Output()
    catalog = index.catalog
    insight = build_insight(index)
    for plan in catalog.plans:
        page = views.plan_page(index, plan, repo_url, insight=insight)
        columns = page.task_columns
        out.add(page.path, render.render(env, "plan.md.j2", page=page, columns=columns))
    for locality in catalog.localities.values():
        page = views.locality_page(index, locality)
        out.add(page.path, render.render(env, "locality.md.j2", page=page))
    for year in index.by_year:
        page = views.year_page(index, year)
        out.add(page.path, render.render(env, "year.md.j2", page=page))
    for theme in catalog.themes:
        out.add(views.Pages.theme(theme.id), render.render(env, "theme.md.j2", page=views.theme_page(index, theme)))
        for year in index.by_year:
            page = views.theme_year_page(index, theme, year)
            out.add(page.path, render.render(env, "theme_year.md.j2", page=page))
    for template, path in (("home.md.j2", views.Pages.home), ("plans_index.md.j2", views.Pages.plans),
                           ("localities_index.md.j2", views.Pages.localities),
                           ("years_index.md.j2", views.Pages.years), ("themes_index.md.j2", views.Pages.themes)):
        out.add(path, render.render(env, template, view=views.overview(index, path)))
    for locality_id in insight.pairs:
        locality = catalog.localities[locality_id]
        page = comparison.comparison_page(index, insight, locality)
        out.add(page.path, render.render(env, "compare.md.j2", page=page))
        for earlier, later in comparison.pairs_of(index.by_locality[locality_id]):
            pair = comparison.pair_page(index, locality, earlier, later)
            out.add(pair.path, render.render(env, "pair.md.j2", page=pair))
    add_downloads(out, index, site_url or "")
    out.add(views.Pages.data, render.render(env, "data.md.j2", view=views.overview(index, views.Pages.data)))
    if CONTRIBUTING.exists():  # one text for GitHub and the site
        out.add("contributing.md", "---\ntitle: 参与整理\ndescription: 如何修改错字、导入新计划、在本机检查，以及拉取请求上的自动检查。\n---\n\n"
                + CONTRIBUTING.read_text(encoding="utf-8"))
    return out


SCHEMA_FILE = Path(__file__).resolve().parent.parent / "plans" / "schema" / "plan.schema.json"
DATA_FIELDS = {
    "plans": export.PLAN_FIELDS, "items": export.ITEM_FIELDS, "targets": export.TARGET_FIELDS,
}


def add_downloads(out: Output, index: Index, site_url: str) -> None:
    """The dataset and the plan format, as files the data page links to."""
    data = export.records(index.catalog, site_url, index.assignments)
    out.add("data/eduplans.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    for name, fields in DATA_FIELDS.items():
        out.add(f"data/{name}.csv", export.as_csv(data[name], fields))
    out.add("data/plan.schema.json", SCHEMA_FILE.read_text(encoding="utf-8"))


def write_pages(out: Output, docs_dir: Path) -> list[str]:
    """Write pages whose content changed, delete generated pages that are gone."""
    changed = []
    for path, content in out.pages.items():
        target = docs_dir / path
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        changed.append(path)
    for file in generated_files(docs_dir):
        if file.relative_to(docs_dir).as_posix() not in out.pages:
            file.unlink()
            changed.append(file.relative_to(docs_dir).as_posix())
    return changed


def generated_files(docs_dir: Path) -> list[Path]:
    """The files in docs/ that generation owns."""
    found: list[Path] = []
    for name in GENERATED:
        root = docs_dir / name
        found += [root] if root.is_file() else sorted(f for f in root.rglob("*") if f.is_file()) \
            if root.is_dir() else []
    return found


def load(plans_dir: Path) -> Index:
    catalog, problems = loader.load_paths([plans_dir])
    errors = [p for p in problems if p.severity == "error"]
    if catalog is None or errors:
        raise BuildError(f"{len(errors)} error(s) in plan files", errors)
    return build_index(catalog)


def generate(plans_dir: Path, docs_dir: Path, repo_url: str | None, site_url: str | None = None) -> list[str]:
    """Validate the plans and write the generated Markdown into docs_dir."""
    return write_pages(pages(load(plans_dir), repo_url, site_url), docs_dir)


def _mkdocs_config(config_file: Path, **overrides):
    from mkdocs.config import load_config

    return load_config(str(config_file), **overrides)


def build(root: Path, strict: bool = True, config_name: str = "mkdocs.yml", site_dir: Path | None = None) -> Path:
    """Validate, generate and build into fresh folders, then swap them in."""
    from mkdocs.commands.build import build as mkdocs_build

    config_file = root / config_name
    docs_dir, site_dir = root / "docs", site_dir or root / "site"
    settings = _mkdocs_config(config_file)
    repo_url, site_url = settings.get("repo_url"), settings.get("site_url")
    index = load(root / "plans")  # fail before touching anything
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    try:
        staged_docs, staged_site = staging / "docs", staging / "site"
        shutil.copytree(docs_dir, staged_docs, ignore=shutil.ignore_patterns(*GENERATED[2:])) \
            if docs_dir.exists() else staged_docs.mkdir()
        out = pages(index, repo_url, site_url)
        write_pages(out, staged_docs)
        os.environ["EDUPLANS_GENERATED"] = "1"  # the hook must not generate again
        try:
            config = _mkdocs_config(config_file, docs_dir=str(staged_docs), site_dir=str(staged_site),
                                    strict=strict)
            mkdocs_build(config)
        except Exception as exc:  # MkDocs aborts with several exception types
            raise BuildError(f"MkDocs build failed: {exc}") from exc
        finally:
            os.environ.pop("EDUPLANS_GENERATED", None)
        _swap(staged_site, site_dir)
        docs_dir.mkdir(exist_ok=True)
        write_pages(out, docs_dir)  # the pages just built, written where they changed
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site_dir


def bundle(root: Path, dist: Path, day: str) -> Path:
    """The offline site as dist/eduplans-offline-<day>.zip, written atomically."""
    import zipfile

    staging = Path(tempfile.mkdtemp(prefix=".bundle-", dir=root))
    try:
        built = build(root, config_name="mkdocs-offline.yml", site_dir=staging / "eduplans-offline")
        dist.mkdir(parents=True, exist_ok=True)
        target = dist / f"eduplans-offline-{day}.zip"
        partial = target.with_suffix(".zip.part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for file in sorted(built.rglob("*")):
                if file.is_file():
                    archive.write(file, f"{built.name}/{file.relative_to(built).as_posix()}")
        partial.replace(target)
        return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
