"""The document fixtures, expected (tests/fixtures/documents/expected.yml, written by hand)
against what the importer gets: one row per fixture.

    .venv/bin/python scripts/document_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data import anchors  # noqa: E402
from generator.ingest import importer, readers  # noqa: E402

DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"


def tails(items) -> list:
    return [(i.get("owners", []), i.get("supporting", []), i.get("deadlines", [])) for i in items]


def main() -> None:
    print("fixture | plans exp/got | items exp/got | numbers+titles | owners/supporting/deadlines | table rows | "
          "error")
    print("---|---|---|---|---|---|---")
    for case in yaml.safe_load((DOCUMENTS / "expected.yml").read_text(encoding="utf-8"))["cases"]:
        path = DOCUMENTS / case["file"]
        try:
            report = importer.import_document(path, path.read_bytes(), source_file=f"raw/{path.name}",
                                              url=case.get("url"))
        except readers.ReadError as exc:
            ok = "yes" if case.get("error") and case["error"] in str(exc) else "NO"
            print(f"{case['file']} | 0/0 | – | – | – | – | expected, refused: {ok}")
            continue
        plans = case["plans"]
        got_items = [[i for _, i, _ in anchors.item_anchors(p)] for p in report.plans]
        exp_items = [p["items"] for p in plans]
        same_items = all(
            [(anchors.number_key(i["number"]) if i.get("number") else None, i.get("title")) for i in got] ==
            [(i["number"], i["title"]) for i in exp] for got, exp in zip(got_items, exp_items))
        same_tails = all(tails(got) == [(i["owners"], i["supporting"], i["deadlines"]) for i in exp]
                         for got, exp in zip(got_items, exp_items))
        rows = [len((p.get("task_table") or {}).get("rows", [])) for p in report.plans]
        print(f"{case['file']} | {len(plans)}/{len(report.plans)} | "
              f"{sum(map(len, exp_items))}/{sum(map(len, got_items))} | {'same' if same_items else 'DIFFER'} | "
              f"{'same' if same_tails else 'DIFFER'} | {[p.get('task_table_rows', 0) for p in plans]}/{rows} | –")


if __name__ == "__main__":
    main()
