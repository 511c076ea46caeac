"""Command line: ``python -m generator {import,validate,export,downloads,build,…}``.

Each subcommand is a function returning an exit status, so tests call
``main([...])`` exactly as a person types the command.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the site's modules load Jinja2 and MkDocs, ingest httpx: only the commands using them import them
    from .ingest import fetch
    from .site.pages import BuildError

DEFAULT_PLANS = Path("plans")


def _cmd_import(args: argparse.Namespace) -> int:
    from .data import loader
    from .ingest import batch, fetch, importer, readers, text
    from .ingest import localities as places

    addresses: list[str | fetch.Document] = [a for a in args.raw if fetch.is_address(a)]
    paths = [Path(p) for p in args.raw if not fetch.is_address(p)]
    files = batch.files_of(paths)
    if addresses and (args.source_name or args.url):
        print("--source-name and --url are for files: an address is recorded as source.url, and its bytes are "
              "kept in raw/ under a name made of their content", file=sys.stderr)
        return 2
    if len(files) + len(addresses) != 1 and (args.source_name or args.url or args.new_locality):
        print("--source-name, --url and --new-locality name one document: import it on its own", file=sys.stderr)
        return 2
    registry, known = loader.read_localities_loose(Path(args.out_dir), DEFAULT_PLANS)
    try:
        entry = None
        if args.new_locality:  # the evidence line is in the document: an address is fetched first
            document = fetch.resolve(str(addresses[0])) if addresses else files[0]
            addresses = [document] if isinstance(document, fetch.Document) else []
            entry = _new_locality(args, document, known)
        if args.locality and entry is None:
            places.check_known(args.locality, known, registry)
    except (places.LocalityError, readers.ReadError, text.DecodeError, fetch.FetchError, OSError) as exc:
        print(f"{args.raw[0]}: {exc}", file=sys.stderr)
        return 1
    if entry is not None:
        places.append_entry(registry, entry)
        known.append(entry)
        print(f"registered {entry['id']} ({entry['name']}, {entry['level']}) in {registry}: check its province, "
              "parent and evidence", file=sys.stderr)
        if entry["province"] is None and len(entry["evidence"]) > 1:
            print(f"  its evidence quotes a province the text names ({entry['evidence'][1]}): set province: if the "
                  "place lies there", file=sys.stderr)
    done = batch.run(paths, Path(args.out_dir), source_name=args.source_name, url=args.url, year=args.year,
                     locality=args.locality, localities=known, force=args.force, addresses=addresses,
                     review=bool(args.review))
    if args.review:
        print(f"review page: {batch.write_review(done, Path(args.review))}", file=sys.stderr)
    for report in done.reports:
        print(importer.format_report(report))
    for row in done.rows:
        if row.error:
            print(f"{row.file if fetch.is_address(row.file) else row.file + ':1:1'}: {row.error}", file=sys.stderr)
    if len(done.rows) > 1:
        print("\n" + batch.table(done))
    return 1 if done.failed else 0


def _new_locality(args: argparse.Namespace, document: Path | fetch.Document, known: list[dict]) -> dict:
    """The registry entry --new-locality asks for, with the line of the document naming it."""
    from .ingest import importer
    from .ingest import localities as places

    if not args.locality or not args.level:
        raise places.LocalityError("--new-locality NAME needs --locality ID (the new id) and --level LEVEL")
    if isinstance(document, Path):
        lines = importer.document_lines(document, document.read_bytes())
    else:
        lines = importer.document_lines(Path(document.name), document.data)
    return places.new_entry(args.locality, args.new_locality, args.level, args.province, args.parent, lines, known)


def _cmd_validate(args: argparse.Namespace) -> int:
    from .data import loader

    paths = [Path(p) for p in args.paths] or [DEFAULT_PLANS]
    if args.changed:
        paths = _changed_paths(args.changed)
    catalog, problems = loader.load_paths(paths, registry_dir=DEFAULT_PLANS if args.changed else None)
    if args.changed and paths != [DEFAULT_PLANS]:
        problems = loader.stray_files([DEFAULT_PLANS]) + problems  # a new foo.yaml is not a .yml change
    if args.sources:
        from .ingest import fidelity  # reads documents: the importer's dependencies

        problems += fidelity.check(Path.cwd(), paths, DEFAULT_PLANS if args.changed else loader.folder_of(paths))
    for problem in problems:
        print(problem.format(args.format), file=sys.stderr if args.format == "text" else sys.stdout)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        print(f"{len(errors)} error(s) in plan files", file=sys.stderr)
        return 1
    count = len(catalog.plans) if catalog else 0
    print(f"{count} plan(s) valid", file=sys.stderr)
    return 0


def _changed_paths(base: str) -> list[Path]:
    """What a pull request must validate: the registries and the plan files changed since
    base, or all of plans/ when a registry changed (every plan refers to them)."""
    from . import revisions
    from .data import loader

    names = revisions.changed_names(base, folder=DEFAULT_PLANS)
    if names is None:
        return [DEFAULT_PLANS]
    return sorted(DEFAULT_PLANS / n for n in names if n not in loader.REGISTRIES and (DEFAULT_PLANS / n).exists())


def _cmd_export(args: argparse.Namespace) -> int:
    from .data import loader
    from .site import export

    catalog, problems = loader.load_paths([Path(args.plans)])
    errors = [p for p in problems if p.severity == "error"]
    if catalog is None or errors:
        for problem in errors:
            print(problem.format("text"), file=sys.stderr)
        return 1
    tables = {"csv": "items", "plans-csv": "plans", "targets-csv": "targets"}
    sys.stdout.write(export.to_json(catalog) if args.format == "json" else export.to_csv(catalog, tables[args.format]))
    return 0


def _cmd_downloads(args: argparse.Namespace) -> int:
    from .site import build, downloads, export

    try:
        index = build.load(Path(args.plans))
    except build.BuildError as exc:
        return _failed(exc, "downloads not written")
    site_url = build.mkdocs_config(Path(args.config))["site_url"] or ""
    data = export.records(index.catalog, site_url, index.assignments)
    for path in downloads.write_compressed(downloads.atlas_files(data), Path(args.out)):
        print(f"{path} {path.stat().st_size / 1e6:.1f} MB")
    return 0


def _failed(exc: BuildError, message: str) -> int:
    """Print a failed build's located problems, then what happened; exit status 1."""
    for problem in exc.problems:
        print(problem.format("text"), file=sys.stderr)
    print(message, file=sys.stderr)
    return 1


def _cmd_generate(args: argparse.Namespace) -> int:
    from .site import build

    try:
        changed = build.generate(Path.cwd())
    except build.BuildError as exc:
        return _failed(exc, str(exc))
    print(f"{len(changed)} page(s) written or removed in docs/", file=sys.stderr)
    return 0


def _show_mkdocs_warnings() -> None:
    """MkDocs only configures its logging in its own CLI; show its warnings here too."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)


def _cmd_build(args: argparse.Namespace) -> int:
    from .site import build, progress

    _show_mkdocs_warnings()
    shown = progress.Progress()
    try:
        target = build.build(Path.cwd(), strict=not args.no_strict, shown=shown)
    except build.BuildError as exc:
        return _failed(exc, f"build failed: {exc}; the previous docs/ and site/ are unchanged")
    print(f"site built in {target}/: {shown.summary()}", file=sys.stderr)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from .site import build, serve

    site = Path("site")
    if not (site / "index.html").is_file():
        print("no built site in site/: run python -m generator build first", file=sys.stderr)
        return 1
    site_url = build.mkdocs_config(Path("mkdocs.yml"))["site_url"]
    httpd = serve.server(site, site_url, args.port)
    print(f"serving site/ at http://127.0.0.1:{httpd.server_address[1]}{serve.base_path(site_url)} (Ctrl-C to stop; "
          "to see edits of plans as you save them, mkdocs serve)", file=sys.stderr)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


def _cmd_bundle(args: argparse.Namespace) -> int:
    import datetime

    from .site import build

    _show_mkdocs_warnings()
    from .site import subset

    day = args.date or datetime.date.today().isoformat()
    try:
        part = subset.Subset(tuple(args.province or ()), tuple(args.locality or ()),
                             subset.years(args.years) if args.years else ())
        if not re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", day) or ".." in day:
            raise subset.SubsetError(f"--date {day!r}: letters, digits, '-', '_' and '.' only")
        target = build.bundle(Path.cwd(), Path("dist"), day, part or None)
    except build.BuildError as exc:
        return _failed(exc, f"bundle failed: {exc}")
    except subset.SubsetError as exc:
        print(f"bundle refused: {exc}", file=sys.stderr)
        return 1
    folder = part.folder() if part else subset.BUNDLE_FOLDER
    print(f"{target} ({target.stat().st_size / 1e6:.1f} MB): unzip it and open "
          f"{folder}/index.html in a browser, no network needed", file=sys.stderr)
    return 0


def _cmd_changes(args: argparse.Namespace) -> int:
    import subprocess

    from . import revisions
    from .analysis import changeset

    try:
        if args.localities:  # for the pull request's preview: one id a line
            for locality in changeset.changed_localities(*revisions.snapshots(args.base, args.head)):
                print(locality)
            return 0
        text = revisions.summary_between(args.base, args.head)
    except subprocess.CalledProcessError as exc:
        print(f"cannot read plans at {args.base}{'/' + args.head if args.head else ''}: {exc.stderr.strip()}",
              file=sys.stderr)
        return 1
    sys.stdout.write(text)
    if "No plan file changed." in text and args.head is None:
        print(f"(compared {args.base} with the working tree; to review a commit, compare with the one before it, "
              "e.g. --base HEAD~1)", file=sys.stderr)
    return 0


def _cmd_targets(args: argparse.Namespace) -> int:
    """Fill in extracted targets for items that have no ``targets`` key yet."""
    from .data import anchors, loader, yamlio
    from .ingest import importer, targets

    paths = loader.plan_files([Path(p) for p in args.paths] or [DEFAULT_PLANS])
    for path in paths:
        try:
            doc = yamlio.read_file(path)
        except yamlio.YamlError as exc:
            print(exc, file=sys.stderr)
            return 1
        filled = 0
        for _, item, anchor in anchors.item_anchors(doc.data):
            if "targets" in item or not item.get("text"):
                continue
            item["targets"] = [t.as_data() for t in targets.extract(item["text"])]
            filled += 1
            for t in item["targets"]:
                print(f"{path}#{anchor}: {t['indicator']} {t['value']}{t['unit']} ({t['kind']})")
        if args.write and filled:
            path.write_text(yamlio.dump(doc.data, importer.SCHEMA_HEADER), encoding="utf-8")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="eduplans: plan data and site")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="turn documents (text, web page, PDF, Word) into plan YAML files")
    p.add_argument("raw", nargs="+", help="documents or folders: .txt (UTF-8, GB18030, UTF-16 with BOM), .html, .pdf, "
                   ".docx; or http(s) addresses, fetched (a notice page's attachment instead of the notice) and "
                   "kept in raw/ beside --out-dir")
    p.add_argument("--url", help="for a file: the web address it was taken from (recorded as source.url)")
    p.add_argument("--out-dir", required=True, help="folder for the plan files")
    p.add_argument("--year", type=int, help="year of the plan(s) when the text does not say")
    p.add_argument("--locality", help="locality id from plans/localities.yml (or the new id, with --new-locality)")
    p.add_argument("--new-locality", metavar="NAME", help="register a new locality with this name (e.g. 荣成市) "
                   "under the --locality id, with the line of the text naming it as evidence")
    p.add_argument("--level", help="with --new-locality: 地级市, 县级市, 区, 县 … (see plans/schema)")
    p.add_argument("--province", help="with --new-locality: the province, when the text proves it")
    p.add_argument("--parent", help="with --new-locality: the id of the locality above it")
    p.add_argument("--source-name", help="path recorded as source.file (default: RAW as given)")
    p.add_argument("--force", action="store_true", help="overwrite existing plan files")
    p.add_argument("--review", metavar="FILE.html", help="write a page showing every source line with the role the "
                   "importer gave it and the warnings beside it (plain HTML, readable offline)")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("validate", help="check plan files and registries")
    p.add_argument("paths", nargs="*", help="plan files or folders (default: plans/)")
    p.add_argument("--changed", metavar="BASE", help="only the registries and the plan files changed since the git "
                   "revision BASE (all plans when a registry changed): a pull request's check, whatever the atlas's size")
    p.add_argument("--sources", action="store_true", help="also hold each plan against its raw file: every "
                   "sentence kept, corrections printed there, every raw file cited (the tests' check)")
    p.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="github: ::error annotations for pull requests",
    )
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("generate", help="write the generated Markdown pages into docs/")
    p.set_defaults(func=_cmd_generate)

    p = sub.add_parser("build", help="validate, generate and build the site into site/ (atomically)")
    p.add_argument("--no-strict", action="store_true", help="do not treat MkDocs warnings as errors")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("serve", help="serve the built site/ on this machine as GitHub Pages serves it")
    p.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000; 0: any free port)")
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("bundle", help="build the offline site as dist/eduplans-offline-<date>.zip")
    p.add_argument("--date", help="date in the file name (default: today, YYYY-MM-DD)")
    p.add_argument("--province", action="append", help="only this province's plans (repeatable), e.g. 山东省")
    p.add_argument("--locality", action="append", help="only this locality and the places under it (repeatable)")
    p.add_argument("--years", help="only these years: 2024, 2022,2024 or 2022-2024")
    p.set_defaults(func=_cmd_bundle)

    p = sub.add_parser("changes", help="Markdown summary of plan changes between git revisions")
    p.add_argument("--base", required=True, help="git revision to compare with, e.g. origin/main or HEAD~1")
    p.add_argument("--head", help="git revision to compare (default: the working tree, committed or not)")
    p.add_argument("--localities", action="store_true",
                   help="print only the ids of the localities the change touches (for a preview of those)")
    p.set_defaults(func=_cmd_changes)

    p = sub.add_parser("targets", help="extract targets for items that have none recorded yet")
    p.add_argument("paths", nargs="*", help="plan files or folders (default: plans/)")
    p.add_argument("--write", action="store_true",
                   help="write them into the plan files (rewrites each changed file in the standard layout)")
    p.set_defaults(func=_cmd_targets)

    p = sub.add_parser("export", help="print the dataset as JSON or CSV")
    p.add_argument("--format", choices=["json", "csv", "plans-csv", "targets-csv"], default="json",
                   help="json: plans, items and targets; csv: items; plans-csv; targets-csv")
    p.add_argument("--plans", default=str(DEFAULT_PLANS), help="plans folder")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("downloads", help="write the whole-atlas downloads, gzip-compressed, for a release")
    p.add_argument("--out", default="dist", help="folder for the .gz files (default: dist)")
    p.add_argument("--plans", default=str(DEFAULT_PLANS), help="plans folder")
    p.add_argument("--config", default="mkdocs.yml", help="the site's configuration (for site_url)")
    p.set_defaults(func=_cmd_downloads)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
