"""The document fixtures, expected (tests/fixtures/documents/expected.yml and
web-copies/expected.yml, written by hand) against what the importer gets: one row per
fixture, then the share of items whose owners and deadlines are right.

    .venv/bin/python scripts/document_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data import anchors  # noqa: E402
from generator.data import yamlio  # noqa: E402
from generator.ingest import importer, readers  # noqa: E402

DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"


def tails(items) -> list:
    return [(i.get("owners", []), i.get("supporting", []), i.get("deadlines", [])) for i in items]


def main() -> None:
    localities = yamlio.read_file(ROOT / "plans" / "localities.yml").data["localities"]
    print("fixture | plans exp/got | items exp/got | number+title+units+deadlines right | owners/supporting/deadlines | "
          "task table rows, plain table rows exp/got | error")
    print("---|---|---|---|---|---|---")
    right = total = 0
    for folder in (DOCUMENTS, DOCUMENTS / "web-copies"):
        for case in yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))["cases"]:
            path = folder / case["file"]
            try:
                report = importer.import_document(path, path.read_bytes(), source_file=f"raw/{path.name}",
                                                  url=case.get("url"), locality=case.get("locality"),
                                                  localities=localities)
            except readers.ReadError as exc:
                ok = "yes" if case.get("error") and case["error"] in str(exc) else "NO"
                print(f"{folder.name}/{case['file']} | 0/0 | – | – | – | – | expected, refused: {ok}")
                continue
            plans = case["plans"]
            got_items = [[i for _, i, _ in anchors.item_anchors(p)] for p in report.plans]
            exp_items = [p["items"] for p in plans]
            whole = [(anchors.number_key(g["number"]) if g.get("number") else None, g.get("title"),
                      *tails([g])[0]) == (e["number"], e["title"], e["owners"], e["supporting"], e["deadlines"])
                     for got, exp in zip(got_items, exp_items) for g, e in zip(got, exp)]
            units = [tails([g])[0] == (e["owners"], e["supporting"], e["deadlines"])
                     for got, exp in zip(got_items, exp_items) for g, e in zip(got, exp)]
            expected_count = sum(map(len, exp_items))
            right += sum(units)
            total += expected_count
            rows = [len((p.get("task_table") or {}).get("rows", [])) for p in report.plans]
            plain = [[len(table["rows"]) for table in p.get("tables") or []] for p in report.plans]
            print(f"{folder.name}/{case['file']} | {len(plans)}/{len(report.plans)} | "
                  f"{expected_count}/{sum(map(len, got_items))} | {sum(whole)}/{expected_count} | "
                  f"{sum(units)}/{expected_count} | {[p.get('task_table_rows', 0) for p in plans]}/{rows}, plain "
                  f"{[p.get('tables', []) for p in plans]}/{plain} | –")
    print(f"\nowners, supporting units and deadlines right on {right} of {total} items ({100 * right / total:.0f} %)")


if __name__ == "__main__":
    main()
