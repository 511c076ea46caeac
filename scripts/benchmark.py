"""Measure the pipeline: import, validate, generate, build; optionally at a larger scale.

    .venv/bin/python scripts/benchmark.py            # the bundled plans
    .venv/bin/python scripts/benchmark.py --scale 20  # each plan copied 20 times (other years)

Numbers are wall-clock seconds on this machine: compare runs, do not assert them.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis.index import build_index  # noqa: E402
from generator.data import loader, yamlio  # noqa: E402
from generator.ingest import importer  # noqa: E402
from generator.site import build, pages  # noqa: E402


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:<42} {time.perf_counter() - start:8.2f} s")
    return result


def scaled_project(target: Path, copies: int) -> Path:
    from tests.conftest import copy_project  # the same copy the tests build from

    root = copy_project(target)
    plans = root / "plans"
    originals = loader.plan_files([plans])
    for n in range(1, copies):
        for path in originals:
            data = yamlio.read_file(path).data
            data["id"] = f"{data['id']}-copy{n}"
            data["year"] = 1949 + n  # spread over years, as a long archive would be
            (plans / f"{data['id']}.yml").write_text(yamlio.dump(data), encoding="utf-8")
    return root


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
    parser.add_argument("--scale", type=int, default=1, help="copies of every plan")
    args = parser.parse_args()
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
        root = scaled_project(Path(tmp) / "eduplans", args.scale)
        plans = root / "plans"
        count = len(loader.plan_files([plans]))
        catalog, _ = timed(f"load + validate {count} plans", lambda: loader.load_paths([plans]))
        items = sum(1 for p in catalog.plans for _ in p.all_items())
        index = timed(f"index {items} items (themes)", lambda: build_index(catalog))
        out = timed("render pages", lambda: pages.render_all(index, None))
        timed(f"build site ({len(out.pages)} generated pages, MkDocs)", lambda: build.build(root))
        built = root / "site"
        size = sum(p.stat().st_size for p in built.rglob("*") if p.is_file())
        search_index = (built / "search" / "search_index.json").stat().st_size
        plan_page = (built / "plans" / "qingdao-2024" / "index.html").stat().st_size
        print(f"{'site size':<42} {size / 1e6:8.1f} MB")
        print(f"{'search_index.json':<42} {search_index / 1e6:8.2f} MB")
        print(f"{'plans/qingdao-2024/index.html':<42} {plan_page / 1e3:8.0f} KB")
        shutil.rmtree(built, ignore_errors=True)


if __name__ == "__main__":
    main()
