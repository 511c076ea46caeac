"""Measure the pipeline: import, validate, generate, build; optionally at a larger scale.

    .venv/bin/python scripts/benchmark.py             # the bundled plans
    .venv/bin/python scripts/benchmark.py --scale 41   # 1,011 plans: every place copied 40 times as new places
    .venv/bin/python scripts/benchmark.py --scale 401  # 10,011 plans of 3,208 places, three years each
    .venv/bin/python scripts/benchmark.py --search --scale 401  # the search alone, at 10,011 plans
    .venv/bin/python scripts/benchmark.py --scale 41 --profile  # and where the build's time goes
    .venv/bin/python scripts/benchmark.py --scale 41 --builders  # MkDocs and Zensical on the same docs/
    .venv/bin/python scripts/benchmark.py --scale 91 --sources   # the per-plan source checks at 1,001 plans (11 a copy)

Each copy of the bundled places holds 25 plans (``scaled_project(realistic=True)``: every
place three years, the text varied by family of copies), so ``--scale N`` measures
11 + 25 (N − 1) plans.

``--search`` measures the search index (time, memory, size) and then the search page in
Chromium: every query of tests/search_queries.yml, each in a fresh browser (empty
cache), typed into the page; it prints the bytes fetched for the page plus the search
(as served, and gzip-compressed as GitHub Pages serves them) and the time from the
first keystroke to the first result shown.

Numbers are wall-clock seconds on this machine: compare runs, do not assert them.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis.index import build_index  # noqa: E402
from generator.data import loader, yamlio  # noqa: E402
from generator.ingest import importer  # noqa: E402
from generator.site import build, pages  # noqa: E402
from generator.site.subset import Subset  # noqa: E402


def timed(label: str, fn):
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    print(f"{label:<42} {time.perf_counter() - start:8.2f} s  (CPU {time.process_time() - cpu:.2f} s)")
    return result


def scaled_project(target: Path, copies: int, realistic: bool = False, own_sources: bool = False) -> Path:
    """The bundled plans and localities copied as new places: copy n of qingdao is the
    locality qingdao-c{n} with the plans qingdao-c{n}-2024 …, as the atlas grows by
    adding bureaus (years stay, so year and theme-year pages grow as they will).

    ``realistic`` (the benchmark's atlas) makes the copies look like the country rather
    than like the seeds: every place has three years (a place with one plan gets the
    next two years too, as ~3,200 bureaus publish one a year), and copies come in
    families of FAMILY whose item text differs (see ``Cipher``), so that related items,
    the search's vocabulary and the similarity's postings grow as a real corpus's would
    and not as one text repeated. The tests use plain copies: exact counts per copy.

    ``own_sources`` gives each copy its own copy of its raw file (raw/<name>-c<n>.txt),
    so that the per-plan source checks meet an atlas of many sources, as they will."""
    from tests.conftest import copy_project  # the same copy the tests build from

    root = copy_project(target)
    plans = root / "plans"
    registry = plans / "localities.yml"
    entries = yamlio.read_file(registry, yamlio.MAX_REGISTRY_BYTES).data["localities"]
    originals = [yamlio.read_file(p).data for p in loader.plan_files([plans])]
    per_place = Counter(d["locality"] for d in originals)
    cipher = Cipher(originals, root) if realistic else None
    added = []
    for n in range(1, copies):
        added += [{**e, "id": f"{e['id']}-c{n}", "name": f"{e['name']}（{n}）",
                   "parent": f"{parent}-c{n}" if (parent := _parent(e, realistic)) else None} for e in entries]
        for data in originals:
            years = range(3) if realistic and per_place[data["locality"]] == 1 else range(1)
            for later in years:
                copy = copied(data, n, later)
                if own_sources:
                    copy["source"] = {**copy["source"], "file": own_source(root, copy["source"]["file"], n)}
                if cipher:
                    copy["sections"] = cipher.sections(copy["sections"], n // FAMILY, later, random.Random(f"{n} {later}"))
                (plans / f"{copy['id']}.yml").write_text(yamlio.dump(copy), encoding="utf-8")
    if added:
        registry.write_text(registry.read_text(encoding="utf-8") + "".join(
            "\n" + "".join(f"  {line}\n" for line in yamlio.dump([e]).splitlines()) for e in added), encoding="utf-8")
    return root


# In the benchmark's atlas the county-level seeds sit under a city with plans, as nearly
# every county's bureau does, so that 上下对照 (analysis/alignment.py) is measured: each
# copy's city has two or three counties whose plans of its years are set beside its own.
UNDER = {"rongcheng": "qingdao", "xx-district-shandong": "qingdao", "xx-county-a": "xx-city-hebei",
         "xx-county-b": "xx-city-hebei", "xx-county-c": "xx-city-hebei"}


def _parent(entry: dict, realistic: bool) -> str | None:
    return UNDER.get(entry["id"], entry.get("parent")) if realistic else entry.get("parent")


def own_source(root: Path, cited: str, n: int) -> str:
    """Copy n's own copy of a raw file, made once; its name as a plan cites it."""
    original = root / cited
    name = f"raw/{original.stem}-c{n}{original.suffix}"
    if not (root / name).exists():
        shutil.copy(original, root / name)
    return name


FAMILY = 20  # copies sharing one text: 60 plans, so a seed's rarer bigrams stay under the similarity's posting limit


def copied(data: dict, n: int, later: int) -> dict:
    """Plan ``data`` as copy n's, ``later`` years on (id, year, title and date moved)."""
    locality, year = data["locality"], data["year"]
    assert data["id"].startswith(locality)
    rest = data["id"][len(locality):].replace(str(year), str(year + later))
    copy = {**data, "id": f"{locality}-c{n}{rest}", "locality": f"{locality}-c{n}", "year": year + later,
            "title": data["title"].replace(str(year), str(year + later))}
    if later and data.get("issued"):
        copy["issued"] = f"{int(data['issued'][:4]) + later}{data['issued'][4:]}".replace("-02-29", "-02-28")
    return copy


TEXT_FIELDS = ("title", "intro", "text", "from", "to", "indicator")  # corrections and targets are checked against the text


class Cipher:
    """Each family of copies writes its items with its own permutation of the Chinese
    characters that no theme keyword uses: the text keeps its length, numbers, punctuation
    and every theme keyword (so items keep their themes and targets), while its other
    bigrams are the family's own. Family 0 keeps the seeds' text. A place's later years
    rewrite about half of its items (text and targets) with a table of their own, so that
    a plan carries on half of last year's tasks and targets, not all."""

    def __init__(self, originals: list[dict], root: Path) -> None:
        themes = yamlio.read_file(root / "plans" / "themes.yml").data["themes"]
        kept = {c for t in themes for k in t.get("keywords", []) for c in k}
        seen = {c for d in originals for c in yamlio.dump(d["sections"]) if "\u4e00" <= c <= "\u9fff"}
        self.free = sorted(seen - kept)
        self.tables: dict[tuple[int, int], dict[int, str]] = {}

    def table(self, family: int, later: int) -> dict[int, str]:
        if (family, later) not in self.tables:
            shuffled = list(self.free)
            random.Random(f"{family} {later}").shuffle(shuffled)
            self.tables[family, later] = str.maketrans(dict(zip(self.free, shuffled))) if family or later else {}
        return self.tables[family, later]

    def sections(self, value, family: int, later: int, rng: random.Random, table: dict[int, str] | None = None):
        """The sections with every TEXT_FIELDS value in the family's characters; an item
        (a mapping with a text) of a later year is rewritten with that year's table one
        time in two."""
        if table is None:
            table = self.table(family, 0)
        if isinstance(value, list):
            return [self.sections(v, family, later, rng, table) for v in value]
        if not isinstance(value, dict):
            return value
        if "text" in value and later and rng.random() < 0.5:
            table = self.table(family, later)
        return {k: v.translate(table) if k in TEXT_FIELDS and isinstance(v, str)
                else self.sections(v, family, later, rng, table) for k, v in value.items()}


def thirty_page_pdf() -> bytes:
    """A 30-page PDF as Chromium prints one: the printed fixture's article eleven times over,
    with the running header and page numbers of the fixture."""
    import os
    import shutil as which

    from playwright.sync_api import sync_playwright

    source = (ROOT / "tests" / "fixtures" / "documents" / "printed.source.html").read_text(encoding="utf-8")
    head, rest = source.split("<body", 1)
    inner = rest.split(">", 1)[1].rsplit("</body>", 1)[0]
    chromium = os.environ.get("EDUPLANS_CHROMIUM") or which.which("chromium") or which.which("google-chrome")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page()
        page.set_content(f"{head}<body>{inner * 11}</body></html>", wait_until="load")
        pdf = page.pdf(format="A4", display_header_footer=True,
                       header_template="<div style='font-size:10px;width:100%;text-align:center'>2024年全区教育工作要点</div>",
                       footer_template="<div style='font-size:10px;width:100%;text-align:center'>— "
                                       "<span class='pageNumber'></span> —</div>")
        browser.close()
    return pdf


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1, help="copies of every place (25 plans each)")
    parser.add_argument("--search", action="store_true", help="measure the search alone")
    parser.add_argument("--profile", action="store_true", help="print where the build's time goes (cProfile)")
    parser.add_argument("--builders", action="store_true", help="MkDocs and Zensical side by side on the same docs/")
    parser.add_argument("--sources", action="store_true",
                        help="the per-plan source checks of tests/test_sources.py alone, each copy with its own raw file")
    args = parser.parse_args()
    if args.sources:
        sources_benchmark(args.scale)
        return
    if args.search:
        search_benchmark(args.scale)
        return
    if args.builders:
        builders_benchmark(args.scale)
        return
    raws = sorted((ROOT / "raw").glob("*.txt"))
    timed(f"import {len(raws)} raw texts", lambda: [importer.import_text(r.read_bytes(), source_file=r.name)
                                                    for r in raws])
    hundred = [raws[k % len(raws)] for k in range(100)]
    timed("import 100 text plans (the raw texts again and again)",
          lambda: [importer.import_text(r.read_bytes(), source_file=r.name) for r in hundred])
    pdf = thirty_page_pdf()
    timed(f"import a {pdf.count(b'/Type /Page') - pdf.count(b'/Type /Pages')}-page PDF (Chromium print)",
          lambda: importer.import_document(Path("x.pdf"), pdf, source_file="raw/x.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        root = scaled_project(Path(tmp) / "eduplans", args.scale, realistic=True)
        plans = root / "plans"
        count = len(loader.plan_files([plans]))
        downloads_for(root, count)
        catalog, _ = timed(f"load + validate {count} plans", lambda: loader.load_paths([plans]))
        items = sum(1 for p in catalog.plans for _ in p.all_items())
        index = timed(f"index {items} items (themes)", partial(build_index, catalog))
        settings = build.settings_of(build.mkdocs_config(root / "mkdocs.yml"), root)  # as the build makes them
        rendered = Path(tmp) / "rendered"  # written as they come, as the build does
        generated = len(timed("render pages", partial(pages.render_all, index, settings, folder=rendered)).written)
        shutil.rmtree(rendered)
        del index, catalog
        if args.profile:
            timed(f"build site ({generated} generated files, MkDocs)", lambda: profiled(lambda: build.build(root)))
        else:  # the README's build command on its own, so that its peak memory is its own
            timed(f"build site ({generated} generated files, MkDocs)", lambda: subprocess.run(
                [sys.executable, "-m", "generator", "build"], cwd=root, check=True, stdout=subprocess.DEVNULL))
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            print(f"{'peak memory of the build':<42} {peak / 1e6:8.2f} GB")
        report_sizes(root / "site", count)
        timed("offline bundle of one locality", lambda: build.bundle(root, root / "dist", "bench",
                                                                       Subset(localities=("qingdao",))))
        print(f"{'offline bundle (qingdao)':<42} {next((root / 'dist').glob('*.zip')).stat().st_size / 1e6:8.1f} MB")
        timed("offline bundle of a province (黑龙江省)", lambda: bundle_province(root))
        print(f"{'peak memory (this process)':<42} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:8.2f} GB")
        shutil.rmtree(root / "site", ignore_errors=True)


def sources_benchmark(scale: int) -> None:
    """What tests/test_sources.py does, timed: the whole plans/ validated, every source
    held against the plans citing it, every raw file cited (plain copies: each keeps its
    source's every sentence)."""
    from generator.ingest import fidelity

    with tempfile.TemporaryDirectory() as tmp:
        root = scaled_project(Path(tmp) / "eduplans", scale, own_sources=True)
        plans = root / "plans"
        count = len(loader.plan_files([plans]))
        start, cpu = time.perf_counter(), time.process_time()
        timed(f"validate {count} plans (load_paths)", lambda: loader.load_paths([plans]))
        docs, _ = timed("read the plan files", lambda: fidelity.plan_documents(loader.plan_files([plans])))
        groups = fidelity.sources(docs)
        problems = timed(f"check {len(groups)} sources against their plans",
                         lambda: [p for g in groups for p in fidelity.check_source(root, g)])
        problems += timed("every raw file cited", lambda: fidelity.uncited(root / "raw", docs))
        total, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"{'per plan, all of the above':<42} {1000 * total / count:8.1f} ms, CPU {1000 * cpu / count:.1f} ms "
              f"({len(problems)} problems)")


def downloads_for(root: Path, count: int) -> None:
    """Past 100 plans the whole-atlas downloads move to the releases, as the build would
    then say (the scaled project's eduplans.yml, which every step reads through its settings)."""
    if count <= 100:
        return
    atlas = root / "eduplans.yml"
    atlas.write_text(atlas.read_text(encoding="utf-8").replace("where: pages", "where: releases"), encoding="utf-8")
    print("whole-atlas downloads: on the releases (eduplans.yml downloads: where: releases)")


def builders_benchmark(scale: int) -> None:
    """The generated docs/ of a scaled atlas built by MkDocs + Material (as the build runs
    it: strict, with the project's hooks but the live one) and by Zensical, each in a
    process of its own: seconds and peak memory."""
    measure = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
               "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
               "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    mkdocs = ("from pathlib import Path; from generator.site import build; "
              "build.run_mkdocs(Path('mkdocs.yml'), Path('docs'), Path('site-mkdocs'), True, "
              "build.build_hooks(build.mkdocs_config(Path('mkdocs.yml'))))")
    zensical = str(Path(sys.executable).parent / "zensical")
    with tempfile.TemporaryDirectory() as tmp:
        root = scaled_project(Path(tmp) / "eduplans", scale, realistic=True)
        count = len(loader.plan_files([root / "plans"]))
        downloads_for(root, count)
        timed(f"generate docs/ for {count} plans", lambda: subprocess.run(
            [sys.executable, "-m", "generator", "generate"], cwd=root, check=True, stdout=subprocess.DEVNULL))
        for label, command in (("MkDocs + Material", [sys.executable, "-c", mkdocs]),
                               ("Zensical", [zensical, "build", "-f", "mkdocs.yml"])):
            done = subprocess.run([sys.executable, "-c", measure, *command], cwd=root, check=True,
                                  capture_output=True, text=True)
            seconds, peak = done.stdout.split()
            print(f"{label:<42} {float(seconds):8.2f} s, peak memory {int(peak) / 1e6:.2f} GB")


def bundle_province(root: Path) -> None:
    """A province's bundle, or the refusal a reader would see for one too large."""
    from generator.site.subset import SubsetError

    try:
        build.bundle(root, root / "dist", "bench-province", Subset(provinces=("黑龙江省",)))
        size = next((root / "dist").glob("*bench-province*.zip")).stat().st_size
        print(f"{'offline bundle (黑龙江省)':<42} {size / 1e6:8.1f} MB")
    except SubsetError as refused:
        print(f"{'offline bundle (黑龙江省)':<42} refused: {refused}")


def profiled(fn):
    """fn's result, after printing the 25 calls with the most cumulative time (cProfile
    roughly doubles the time: compare the shares, not the seconds)."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    result = profile.runcall(fn)
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    return result


def report_sizes(built: Path, plans: int) -> None:
    """Where the bytes go: the whole site, per plan, per top folder, and the largest pages."""
    files = [p for p in built.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    print(f"{'site size':<42} {size / 1e6:8.1f} MB ({size / plans / 1e3:.0f} KB per plan)")
    folders: dict[str, int] = {}
    for p in files:
        top = p.relative_to(built).parts[0]
        folders[top] = folders.get(top, 0) + p.stat().st_size
    for top, total in sorted(folders.items(), key=lambda kv: -kv[1])[:8]:
        print(f"{'  ' + top + '/':<42} {total / 1e6:8.1f} MB")
    html = sorted((p for p in files if p.suffix == ".html"), key=lambda p: -p.stat().st_size)
    over = sum(1 for p in html if p.stat().st_size > 500_000)
    print(f"{'HTML pages':<42} {len(html):8d} ({over} over 500 KB; {sum(p.stat().st_size for p in html) / plans / 1e3:.0f} KB "
          "per plan)")
    for page in html[:3]:
        print(f"{'  largest: ' + page.relative_to(built).as_posix():<42} {page.stat().st_size / 1e3:8.0f} KB")
    index = sum(p.stat().st_size for p in (built / "search").rglob("*.js"))
    print(f"{'search index (search/*.js)':<42} {index / 1e6:8.2f} MB ({index / plans / 1e3:.1f} KB per plan)")


def search_benchmark(scale: int) -> None:
    """The search index at this scale, and the search page answering the query set."""
    import statistics

    import yaml

    from generator.site import search

    with tempfile.TemporaryDirectory() as tmp:
        root = scaled_project(Path(tmp) / "eduplans", scale, realistic=True)
        catalog, _ = timed("load + validate", lambda: loader.load_paths([root / "plans"]))
        index = build_index(catalog)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        settings = build.settings_of(build.mkdocs_config(root / "mkdocs.yml"), root)
        files = timed(f"search index of {len(catalog.plans)} plans",
                      partial(search.build, index, settings.directory_urls, settings.search))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"{'peak memory before / after indexing':<42} {before / 1e6:8.2f} / {after / 1e6:.2f} GB")
        sizes = sorted(len(text.encode("utf-8")) for text in files.values())
        total = sum(sizes)
        print(f"{'index files':<42} {len(files):8d} ({total / 1e6:.1f} MB, {total / len(catalog.plans) / 1e3:.1f} KB "
              f"per plan; largest {sizes[-1] / 1e3:.0f} KB)")
        small = search_site(Path(tmp) / "small", files)
        del index, catalog, files
        queries = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
        rows = browse(small, [q["query"] for q in queries])
    for label, at in (("fetched bytes (page + search)", 1), ("fetched, gzip", 2), ("first result after typing", 3)):
        values = [r[at] for r in rows]
        unit, scale_by = ("ms", 1) if at == 3 else ("KB", 1e3)
        worst = max(rows, key=lambda r: r[at])
        print(f"{label:<42} median {statistics.median(values) / scale_by:7.0f} {unit}, worst "
              f"{worst[at] / scale_by:7.0f} {unit} ({worst[0]})")
    print(f"{'queries':<42} {len(rows):8d}")


def search_site(target: Path, files: dict[str, str]) -> Path:
    """The real site of the bundled plans with the search index of another atlas: the
    search page is the same at every scale, so the whole site need not be built."""
    from tests.conftest import copy_project

    site = build.build(copy_project(target))
    for old in (site / "search").rglob("*.js"):  # the index of the bundled plans; the page stays
        old.unlink()
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def browse(site: Path, queries: list[str]) -> list[tuple[str, int, int, float]]:
    """(query, bytes fetched, the same gzip-compressed, ms from typing to the first result) per query."""
    import functools
    import gzip
    import http.server
    import os
    import shutil as which
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/search/"
    chromium = os.environ.get("EDUPLANS_CHROMIUM") or which.which("chromium") or which.which("google-chrome")
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--headless"])
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            responses: list = []
            page.on("response", lambda r: responses.append(r))
            page.goto(url)
            page.wait_for_selector("#eduplans-search[data-ready=true]")
            start = time.perf_counter()
            page.locator("#search-q").fill(query)
            page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q &&"
                                   " document.querySelector('#eduplans-search').dataset.state === 'done'",
                                   arg=query, timeout=120_000)
            elapsed = (time.perf_counter() - start) * 1000
            page.wait_for_load_state("networkidle")
            fetched = [r.body() for r in responses if r.ok]
            rows.append((query, sum(map(len, fetched)), sum(len(gzip.compress(b)) for b in fetched), elapsed))
            context.close()
        browser.close()
    server.shutdown()
    return rows


if __name__ == "__main__":
    main()
