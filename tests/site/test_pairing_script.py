"""The page script's 对标 scores (docs/assets/js/pairing.js, run by Node) equal Python's
(similarity.pair_cosines, which the plan pages' take-ups use) on real pairs: every pair
of the bundled plans and of the alignment fixtures, so a rule changed on one side only
fails here. Each item goes to the script as the search index stores it (title, outline,
text), which is what the side-by-side page loads."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess

import pytest

from generator.analysis.related import item_text
from generator.analysis.similarity import pair_cosines
from generator.data import loader
from conftest import FIXTURES, PLANS, ROOT, fixture_catalog

SCRIPT = ROOT / "docs" / "assets" / "js" / "pairing.js"
RUN = """
const pairing = require(process.argv[1]);
const pairs = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(pairs.map(([a, b]) => [
  pairing.pairCosines(a.map(pairing.itemText), b.map(pairing.itemText)), pairing.closest(a, b)])));
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed for the page script's tests: apt-get install nodejs")
    return node


def _as_stored(plan) -> list[dict]:
    return [{"title": i.title or "", "outline": i.outline_title or "", "text": i.text} for i in plan.all_items()]


def _plans(folder) -> list:
    catalog, problems = loader.load_paths([folder])
    assert catalog is not None, [p.format() for p in problems]
    return catalog.plans


@pytest.fixture(scope="module")
def pairs(tmp_path_factory) -> list[tuple]:
    hand_made = fixture_catalog(FIXTURES / "alignment", tmp_path_factory.mktemp("alignment") / "plans")
    return [pair for plans in (_plans(PLANS), hand_made.plans) for pair in itertools.combinations(plans, 2)]


def test_the_script_scores_every_pair_as_python_does(pairs):
    sent = [[_as_stored(a), _as_stored(b)] for a, b in pairs]
    done = subprocess.run([_node(), "-e", RUN, str(SCRIPT)], input=json.dumps(sent, ensure_ascii=False),
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert len(got) == len(pairs) > 60
    for (a, b), (cosines, closest) in zip(pairs, got):
        expected = pair_cosines([item_text(i) for i in a.all_items()], [item_text(i) for i in b.all_items()])
        assert expected.shape == (len(cosines), len(cosines[0]) if cosines else 0)
        differ = abs(expected - cosines).max(initial=0.0)
        assert differ <= 0.0011, f"{a.id} × {b.id}: the script's cosines differ by {differ}"
        assert [c["at"] for c in closest] == [int(row.argmax()) for row in expected], f"{a.id} × {b.id}"
