"""What a long build is doing, for the person or the log watching it: each stage (load
and validate, index, render, MkDocs, minify) with a count of what it has done, as a
progress bar on a terminal (tqdm) and as a plain line every ``LOG_EVERY`` seconds in a
log (CI), and at the end each stage's time. At 10,000 plans a build runs about a quarter
of an hour; without this it printed one line at the end.

MkDocs runs in a process of its own (``build.run_mkdocs``): the ``progress_hook`` MkDocs
hook counts its pages there and prints the same way when ``ENV`` is set."""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, TextIO

ENV = "EDUPLANS_PROGRESS"  # set by the build for its MkDocs process: "1" shows progress there too
LOG_EVERY = 30.0  # seconds between two plain lines in a log


class Steps:
    """Counts one stage's steps; shows them as a bar on a terminal, a line now and then in a log."""

    def __init__(self, stage: str, total: int | None, stream: TextIO, every: float = LOG_EVERY) -> None:
        self.stage, self.total, self.stream, self.every, self.done = stage, total, stream, every, 0
        self.started = self.shown = time.monotonic()
        self.bar: Any = None
        if stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=stage, unit="", file=stream, leave=False, dynamic_ncols=True)

    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif time.monotonic() - self.shown >= self.every:
            self.shown = time.monotonic()
            of = f" of {self.total:,}" if self.total else ""
            print(f"{self.stage}: {self.done:,}{of} ({time.monotonic() - self.started:.0f} s)", file=self.stream,
                  flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@dataclass
class Progress:
    """A build's stages, in order, with their times; ``quiet`` shows nothing (tests)."""

    stream: TextIO | None = field(default_factory=lambda: sys.stderr)
    log_every: float = LOG_EVERY  # seconds between two lines of a stage in a log
    times: list[tuple[str, float, int]] = field(default_factory=list)  # stage, seconds, steps

    @classmethod
    def quiet(cls) -> Progress:
        return cls(stream=None)

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Callable[..., None]]:
        """Time a stage; the block gets a tick() to call once a step (a plan, a page)."""
        counter = Steps(name, total, self.stream, self.log_every) if self.stream else None
        started = time.monotonic()
        try:
            yield counter.tick if counter else (lambda n=1: None)
        finally:
            if counter:
                counter.close()
            self.times.append((name, time.monotonic() - started, counter.done if counter else 0))
            if self.stream and not self.stream.isatty():
                print(f"{name}: done in {self.times[-1][1]:.1f} s", file=self.stream, flush=True)

    def summary(self) -> str:
        """'load and validate 12.3 s (1,011) · index 2.0 s · …' and the total."""
        parts = [f"{name} {seconds:.1f} s" + (f" ({steps:,})" if steps else "") for name, seconds, steps in self.times]
        return " · ".join(parts) + f" — {sum(s for _, s, _ in self.times):.1f} s in all"


def wanted() -> bool:
    """Whether this (MkDocs) process should show progress: the build asked for it."""
    return os.environ.get(ENV) == "1"
