"""Generation and build: plans → Markdown in docs/ → MkDocs → site/.

``generate`` only writes docs/, so any builder that reads mkdocs.yml can build the
site from it. ``build`` validates, generates and runs MkDocs into fresh folders and
swaps them in only when everything succeeded: a failed run leaves the previous docs/
and site/ exactly as they were. ``build`` generates the pages itself, so it runs
MkDocs without the live hook (:data:`LIVE_HOOK`), which exists for ``mkdocs serve``.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator

from ..analysis import parallel
from ..analysis.index import Index, build_index
from ..data import loader
from ..data.model import Catalog
from . import labels, progress, settings as site_settings, shards, urls
from .pages import BuildError, Output, render_all
from .progress import Progress
from .settings import SiteSettings, mkdocs_config
from .subset import BUNDLE_FOLDER, Subset, check_count, check_files, files_of

__all__ = ["BuildError", "build", "bundle", "generate", "load", "mkdocs_config"]

LIVE_HOOK = "generator/site/live.py"  # as listed under hooks: in mkdocs.yml
OFFLINE = "mkdocs-offline.yml"  # the site built to be opened from disk (bundles)


def load(plans_dir: Path) -> Index:
    """The validated plans, indexed; BuildError with every problem otherwise."""
    return build_index(load_catalog(plans_dir))


def load_catalog(plans_dir: Path, files: list[Path] | None = None, tick: Callable[[], None] | None = None) -> Catalog:
    """The validated plans (or only the plan files given, with the folder's registries);
    BuildError with every problem otherwise."""
    catalog, problems = loader.load_paths([plans_dir] if files is None else files, registry_dir=plans_dir, tick=tick)
    errors = [p for p in problems if p.severity == "error"]
    if catalog is None or errors:
        raise BuildError(f"{len(errors)} error(s) in plan files", errors)
    return catalog


def settings_of(config: Any, root: Path) -> SiteSettings:
    """The site's settings from MkDocs' configuration and the repository at root
    (settings.from_mkdocs); BuildError, located, on a bad eduplans.yml."""
    try:
        return site_settings.from_mkdocs(config, root)
    except site_settings.SettingsError as exc:
        raise BuildError(str(exc)) from exc


def build_hooks(config: Any) -> list[str]:
    """The hooks a build runs: those of mkdocs.yml but the live one."""
    return [name for name in config["hooks"] if name != LIVE_HOOK]


def write_pages(out: Output, docs_dir: Path) -> list[str]:
    """Write pages whose content changed, delete generated pages that are gone."""
    changed = [path for path, content in out.pages.items()
               if _write_if_changed(docs_dir / path, content if isinstance(content, bytes) else content.encode("utf-8"))]
    return changed + _remove_stale(docs_dir, set(out.pages))


def sync_generated(source: Path, docs_dir: Path) -> list[str]:
    """docs_dir's generated files made equal to source's (a build's staging folder, on the
    same disk): changed ones moved in from it, unchanged ones left as they are (so that
    mkdocs serve sees no change), gone ones deleted."""
    fresh = {f.relative_to(source).as_posix(): f for f in generated_files(source)}
    changed = []
    for path, file in fresh.items():
        target = docs_dir / path
        if not (target.exists() and filecmp.cmp(file, target, shallow=False)):
            target.parent.mkdir(parents=True, exist_ok=True)
            file.replace(target)
            changed.append(path)
    return changed + _remove_stale(docs_dir, set(fresh))


def _write_if_changed(target: Path, content: bytes) -> bool:
    if target.exists() and target.read_bytes() == content:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return True


def _remove_stale(docs_dir: Path, keep: set[str]) -> list[str]:
    """Delete the generated files of docs_dir that are not in keep."""
    gone = [f for f in generated_files(docs_dir) if f.relative_to(docs_dir).as_posix() not in keep]
    for file in gone:
        file.unlink()
    return [f.relative_to(docs_dir).as_posix() for f in gone]


def generated_files(docs_dir: Path) -> list[Path]:
    """The files in docs/ that generation owns."""
    found: list[Path] = []
    for name in urls.GENERATED:
        root = docs_dir / name
        if root.is_file():
            found.append(root)
        elif root.is_dir():
            found += sorted(f for f in root.rglob("*") if f.is_file())
    return found


def generate(root: Path, settings: SiteSettings | None = None) -> list[str]:
    """Validate root's plans and write the generated Markdown into its docs/, the pages
    the build makes (settings: those of root's mkdocs.yml, eduplans.yml and git history)."""
    settings = settings or settings_of(mkdocs_config(root / "mkdocs.yml"), root)
    index = load(root / "plans")
    return write_pages(render_all(index, settings), root / "docs")


def _hand_written(docs_dir: Path, target: Path) -> None:
    """Copy docs/ without its generated locations (top level only)."""
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n in urls.GENERATED] if Path(folder) == docs_dir else []

    if docs_dir.exists():
        shutil.copytree(docs_dir, target, ignore=ignore)
    else:
        target.mkdir()


def build(root: Path, strict: bool = True, config_name: str = "mkdocs.yml", site_dir: Path | None = None,
          subset: Subset | None = None, shown: Progress | None = None) -> Path:
    """Validate, generate and build into fresh folders, then swap them in; a subset
    builds a part of the atlas (the offline bundles). shown: each stage's progress and
    time (the command line's build; quiet otherwise)."""
    shown = shown or Progress.quiet()
    config_file = root / config_name
    docs_dir, site_dir = root / "docs", site_dir or root / "site"
    config = mkdocs_config(config_file)
    hooks = build_hooks(config)
    settings = settings_of(config, root)
    # fail before touching anything; a part loads only its own plan files, refused if too many
    files = files_of(root / "plans", subset) if subset else None
    check_files(files, settings.bundle_max_plans)
    count = len(files) if files is not None else len(loader.plan_files([root / "plans"]))
    with shown.stage("load and validate plans", count) as tick:
        catalog = load_catalog(root / "plans", files, tick)
    if subset:
        catalog = subset.apply(catalog)
        check_count(len(catalog.plans), settings.bundle_max_plans)
    with shown.stage("index"):
        index = build_index(catalog)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    try:
        staged_docs, staged_site = staging / "docs", staging / "site"
        _hand_written(docs_dir, staged_docs)
        if subset:
            settings = replace(settings, part=labels.part_note(subset.describe(catalog.localities), len(catalog.plans),
                                                               settings.site_url))
        with shown.stage("render pages") as tick:
            render_all(index, settings, folder=staged_docs, tick=tick)
        del index  # MkDocs needs the pages on disk only
        with shown.stage("MkDocs"):
            run_mkdocs(config_file, staged_docs, staged_site, strict, hooks, shown.stream is not None)
        with shown.stage("minify HTML") as tick:
            minify(staged_site, tick)
        _swap(staged_site, site_dir)
        if subset is None and site_dir == root / "site":  # a part or a bundle leaves docs/ to the whole site
            with shown.stage("update docs/"):
                docs_dir.mkdir(exist_ok=True)
                sync_generated(staged_docs, docs_dir)  # the pages just built, moved in where they changed
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site_dir


def bundle(root: Path, dist: Path, day: str, subset: Subset | None = None, shown: Progress | None = None) -> Path:
    """The offline site as dist/eduplans-offline-<day>[-<part>].zip, written atomically;
    it unzips into eduplans-offline/ (a part: eduplans-offline-<part>/). shown: the
    build's stages (none when refused before loading)."""
    import zipfile

    staging = Path(tempfile.mkdtemp(prefix=".bundle-", dir=root))
    try:
        if subset is None:  # the whole atlas: a plan a file (the build loads them all)
            most = settings_of(mkdocs_config(root / OFFLINE), root).bundle_max_plans
            check_count(len(loader.plan_files([root / "plans"])), most)
        folder = subset.folder() if subset else BUNDLE_FOLDER
        built = build(root, config_name=OFFLINE, site_dir=staging / folder, subset=subset, shown=shown)
        dist.mkdir(parents=True, exist_ok=True)
        target = dist / f"eduplans-offline-{day}{'-' + subset.slug() if subset else ''}.zip"
        partial = target.with_suffix(".zip.part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for file in sorted(built.rglob("*")):
                if file.is_file():
                    archive.write(file, f"{built.name}/{file.relative_to(built).as_posix()}")
        partial.replace(target)
        return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, strict: bool, hooks: list[str],
               show: bool = False, processes: int | None = None) -> None:
    """MkDocs in processes of their own, one per core for a large site (shards.count;
    processes: so many): each converts its share of the pages into a site folder of its
    own, and the shares are merged into site_dir. Apart from the generation, the build's
    peak memory is the larger of the two, not their sum with what Python keeps of the
    first (at 10,000 plans, a gigabyte)."""
    import concurrent.futures
    import multiprocessing

    count = processes or shards.count(sum(1 for _ in docs_dir.rglob("*.md")))
    parts = shards.layout(site_dir, count)
    context = multiprocessing.get_context("spawn")  # fresh interpreters, not copies of this one
    with concurrent.futures.ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        runs = [pool.submit(_mkdocs, str(config_file), str(docs_dir), str(part.site), strict, hooks,
                            part.env() if count > 1 else "", show and part.number == 0) for part in parts]
        failures = [run.result() for run in runs]
    if any(failures):
        raise BuildError(f"MkDocs build failed: {next(f for f in failures if f)}")
    if count > 1:
        _merge_shares(parts, strict)


def _merge_shares(parts: list[shards.Shard], strict: bool) -> None:
    """The shares' sites moved into the first; the links across shares checked (strict:
    a missing anchor fails the build, as MkDocs' own check does; else it is printed)."""
    try:
        shards.merge([p.site for p in parts[1:]], parts[0].site)
        unchecked = shards.check_anchors([p.report for p in parts])
    except shards.ShardError as exc:
        raise BuildError(str(exc)) from exc
    finally:
        for part in parts:
            part.report.unlink(missing_ok=True)
            if part.number:
                shutil.rmtree(part.site, ignore_errors=True)
    if unchecked and strict:
        raise BuildError("MkDocs build failed: Aborted with warnings in strict mode!\n" + "\n".join(unchecked))
    for warning in unchecked:
        print(f"WARNING -  {warning}", file=sys.stderr)


def _mkdocs(config_file: str, docs_dir: str, site_dir: str, strict: bool, hooks: list[str], shard: str,
            show: bool) -> str:
    """Run in a MkDocs process: the failure as text ('' when built), since MkDocs'
    exceptions do not all cross a process boundary. The text names each warning that
    strict mode aborted on: this fresh process has no logging set up to print them.
    shard: this process's share (shards.ENV), '' for the whole site; show: its
    progress hook shows the pages it converts."""
    import logging

    from mkdocs.commands.build import build as mkdocs_build

    os.environ[progress.ENV] = "1" if show else "0"
    os.environ[shards.ENV] = shard  # before MkDocs loads the hooks, which read it
    warned: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warned.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        mkdocs_build(mkdocs_config(Path(config_file), docs_dir=docs_dir, site_dir=site_dir, strict=strict, hooks=hooks))
    except Exception as exc:  # MkDocs aborts with several exception types
        return "\n".join([str(exc) or type(exc).__name__, *warned])
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return ""


def minify(site_dir: Path, tick: Callable[[], None] | None = None, processes: int | None = None) -> None:
    """Every HTML page without the whitespace and optional quotes that carry nothing: a
    fifth of the site's bytes (measured: 19 %, 9 % after gzip), and GitHub Pages counts
    bytes uncompressed. Closing tags, <pre> text and inline scripts are kept as they are.
    A large site's pages are minified by one process per core (parallel.processes;
    processes: so many), in batches."""
    import concurrent.futures
    import multiprocessing

    pages = sorted(str(page) for page in site_dir.rglob("*.html"))
    batches = [pages[k:k + MINIFY_BATCH] for k in range(0, len(pages), MINIFY_BATCH)]
    count = processes or parallel.processes(len(pages), 2 * MINIFY_BATCH)
    if count == 1:
        _counted(map(_minify_pages, batches), tick)
        return
    with concurrent.futures.ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn")) as pool:
        _counted(pool.map(_minify_pages, batches), tick)


MINIFY_BATCH = 500  # pages a process minifies at a time: small enough to share the work evenly


def _counted(batches: Iterator[int], tick: Callable[[], None] | None) -> None:
    """Each batch's pages ticked as the batch is done."""
    for pages in batches:
        for _ in range(pages):
            if tick:
                tick()


def _minify_pages(pages: list[str]) -> int:
    import minify_html

    for name in pages:
        page = Path(name)
        page.write_text(minify_html.minify(page.read_text(encoding="utf-8"), keep_closing_tags=True,
                                           keep_html_and_head_opening_tags=True, minify_js=False, minify_css=False),
                        encoding="utf-8")
    return len(pages)


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
