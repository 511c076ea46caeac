"""A build's progress as a log shows it (CI): a line per stage's steps now and then, the
stage's time, and the timings at the end; nothing at all when quiet (the tests' builds)."""

from __future__ import annotations

import io
import re

from generator.site.progress import Progress


def test_a_log_gets_plain_lines_and_the_stage_timings_at_the_end():
    log = io.StringIO()  # not a terminal: no bar, plain lines
    shown = Progress(stream=log, log_every=0)
    with shown.stage("load and validate plans", 3) as tick:
        for _ in range(3):
            tick()
    with shown.stage("index"):
        pass
    lines = log.getvalue().splitlines()
    assert [re.sub(r"\(\d+ s\)|[\d.]+ s", "T", line) for line in lines] == [
        "load and validate plans: 1 of 3 T", "load and validate plans: 2 of 3 T", "load and validate plans: 3 of 3 T",
        "load and validate plans: done in T", "index: done in T"]
    assert re.fullmatch(r"load and validate plans [\d.]+ s \(3\) · index [\d.]+ s — [\d.]+ s in all", shown.summary())


def test_quiet_shows_nothing_and_still_times_the_stages(capsys):
    shown = Progress.quiet()
    with shown.stage("render pages") as tick:
        tick()
    assert capsys.readouterr() == ("", "")
    assert [name for name, _, _ in shown.times] == ["render pages"]
