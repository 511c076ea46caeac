"""Work on every core (analysis/parallel.py): the same results as in one process."""

from __future__ import annotations

from generator.analysis import parallel, themes
from generator.analysis.related import build_insight
from generator.site.build import load


def test_spans_come_back_in_order_whatever_the_processes():
    for count in (0, 1, 7, 1_000):
        assert parallel.map_spans(lambda span: [k * k for k in span], count, forks=3) == [k * k for k in range(count)]


def test_a_small_count_runs_in_this_process():
    assert parallel.processes(parallel.FEWEST - 1) == 1
    assert 1 <= parallel.processes(10 * parallel.FEWEST) <= parallel.MOST


def test_themes_and_related_items_found_by_two_processes_equal_those_of_one():
    from conftest import PLANS

    index = load(PLANS)
    assert themes.assign_all(index.catalog, forks=2) == themes.assign_all(index.catalog, forks=1)
    two, one = build_insight(index, forks=2), build_insight(index, forks=1)
    assert two.related == one.related
    assert sum(len(found) for found in one.related.values()) > 100  # the plans do have related items
