"""Work over every item of a large atlas on every core (scripts/benchmark.py: at 10,000
plans, theme coding and related items took three minutes of one core).

:func:`map_spans` cuts ``range(count)`` into spans and runs a function over each in
forked processes, which inherit what the build holds (the plans, the corpus) instead
of receiving it; only the spans go out and the results come back, in order. Where
fork is missing (macOS and Windows start processes by spawning) or the work is small,
the function runs here over the whole range: the results are the same either way (a
test holds them equal).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, TypeVar

R = TypeVar("R")

MOST = 4  # processes at most
FEWEST = 20_000  # below this many steps, one process: forking costs more than it saves
SPANS_PER_PROCESS = 4  # spans a process works through, so that an uneven one does not hold up the end

_work: Callable[[range], list] | None = None  # the function a forked process runs (inherited, not sent)


def cores() -> int:
    """The cores this process may run on (os.sched_getaffinity is Linux's; elsewhere all)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def processes(count: int, fewest: int = FEWEST) -> int:
    """How many processes share count steps: one below fewest, else one per core, at most
    MOST (the build's one rule: map_spans, MkDocs' shares, minifying)."""
    return 1 if count < fewest else max(1, min(MOST, cores()))


def map_spans(work: Callable[[range], list[R]], count: int, forks: int | None = None) -> list[R]:
    """work(span) for spans covering range(count) in order, concatenated: work returns one
    result per step of its span. forks: so many processes (tests), else processes(count)."""
    global _work
    n = forks or (processes(count) if "fork" in multiprocessing.get_all_start_methods() else 1)
    if n == 1:
        return work(range(count))
    parts = n * SPANS_PER_PROCESS
    spans = [range(k * count // parts, (k + 1) * count // parts) for k in range(parts)]
    _work = work
    try:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            return [result for done in pool.map(_run, spans) for result in done]
    finally:
        _work = None


def _run(span: range) -> list:
    assert _work is not None, "map_spans sets the work before it forks"
    return _work(span)
