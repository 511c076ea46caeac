"""Precision and recall of the target extractor on the hand-labelled sample.

    .venv/bin/python scripts/evaluate_targets.py [--show]

A target found by the extractor matches a labelled one in the same item when value
and unit agree (dashes and ％ normalized). Among matches, the script also reports
how often the indicator phrase and the kind agree with the label.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data import loader  # noqa: E402
from generator.ingest import targets  # noqa: E402
from generator.analysis.similarity import score  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "targets-gold.yml"


def _key(value: str, unit: str) -> tuple[str, str]:
    value = value.replace("—", "-").replace("–", "-").replace("～", "-").replace("~", "-").replace("至", "-")
    return value, "%" if unit == "％" else unit


def _same_indicator(a: str, b: str) -> bool:
    return a in b or b in a or score(a, b) >= 0.5


def evaluate(show: bool = False) -> dict[str, float]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["items"]
    catalog, problems = loader.load_paths([ROOT / "plans"])
    assert catalog is not None, problems
    texts = {(p.id, i.anchor): i.text for p in catalog.plans for i in p.all_items()}
    extracted_total = gold_total = matched = indicator_ok = kind_ok = 0
    for entry in gold:
        found = targets.extract(texts[(entry["plan"], str(entry["anchor"]))])
        labelled = list(entry["targets"])
        extracted_total += len(found)
        gold_total += len(labelled)
        for target in found:
            hit = next((g for g in labelled if _key(str(g["value"]), g["unit"]) == _key(target.value, target.unit)),
                       None)
            if hit is None:
                if show:
                    print(f"extra   {entry['plan']}#{entry['anchor']}: {target.indicator} {target.value}{target.unit}")
                continue
            labelled.remove(hit)
            matched += 1
            indicator_ok += _same_indicator(hit["indicator"], target.indicator)
            kind_ok += hit["kind"] == target.kind
        for missed in labelled if show else []:
            print(f"missed  {entry['plan']}#{entry['anchor']}: {missed['indicator']} {missed['value']}{missed['unit']}")
    result = {
        "items": len(gold), "labelled": gold_total, "extracted": extracted_total, "matched": matched,
        "precision": matched / extracted_total if extracted_total else 1.0,
        "recall": matched / gold_total if gold_total else 1.0,
        "indicator_agreement": indicator_ok / matched if matched else 1.0,
        "kind_agreement": kind_ok / matched if matched else 1.0,
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="list missed and extra targets")
    result = evaluate(parser.parse_args().show)
    print(f"sample: {result['items']} items, {result['labelled']} labelled targets ({GOLD.relative_to(ROOT)})")
    print(f"extracted {result['extracted']}, matched {result['matched']}")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"indicator agreement {result['indicator_agreement']:.3f}  kind agreement {result['kind_agreement']:.3f}")


if __name__ == "__main__":
    main()
