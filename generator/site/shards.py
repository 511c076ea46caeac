"""MkDocs over several processes: each converts and writes its share of the pages.

MkDocs converts one page after another, and at 10,000 plans that is half the build
(scripts/benchmark.py). The build therefore runs one MkDocs process per core
(:func:`count`), each building the whole site's navigation into a folder of its own
but converting only its share of the pages (:func:`owner`, applied by the hook
``shard_hook.py``); a page left to another process is given an empty template, so
MkDocs writes no file for it. :func:`merge` then moves the shares into one site,
refusing any file two processes wrote differently, and :func:`check_anchors` checks
the links into another share's pages, which no single process could (MkDocs skips
the anchors of a page it did not render). Pages whose title is only known once they
are converted (no ``title`` in their front matter) are converted by every process, so
that each one's navigation is the same.
"""

from __future__ import annotations

import filecmp
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..analysis import parallel

ENV = "EDUPLANS_SHARD"  # set by the build in each MkDocs process: "<k>/<n>/<report file>"
FEWEST_PAGES = 400  # below this, one process: a second's start-up costs more than it saves
SKIP_TEMPLATE = "shard-skip.html"  # overrides/: renders nothing, so MkDocs writes no file


def count(pages: int) -> int:
    """How many MkDocs processes a build of this many pages runs (parallel.processes)."""
    return parallel.processes(pages, FEWEST_PAGES)


def owner(src_uri: str, shards: int) -> int:
    """The process that converts a page: a stable hash of its path (the same in every run)."""
    return zlib.crc32(src_uri.encode("utf-8")) % shards


@dataclass(frozen=True)
class Shard:
    """This MkDocs process's share, as the build set it (ENV)."""

    number: int
    of: int
    report: Path  # its anchors and links across shares, for check_anchors
    site: Path  # the folder it builds into: the first builds into the site itself, the others beside it

    @classmethod
    def current(cls) -> Shard | None:
        value = os.environ.get(ENV)
        if not value:
            return None
        number, of, report = value.split("/", 2)
        return cls(int(number), int(of), Path(report), Path())  # the hook needs no site folder

    def env(self) -> str:
        return f"{self.number}/{self.of}/{self.report}"

    def converts(self, src_uri: str, has_title: bool) -> bool:
        return not has_title or owner(src_uri, self.of) == self.number


def layout(site: Path, count: int) -> list[Shard]:
    """The shares of a build into site: their reports and site folders beside it."""
    return [Shard(k, count, site.with_name(f"{site.name}.shard-{k}.json"),
                  site if k == 0 else site.with_name(f"{site.name}.shard-{k}")) for k in range(count)]


def merge(shares: list[Path], site: Path) -> None:
    """Move every file of the other shares' sites into site (the first share's); a file
    two processes both wrote (the assets, the pages every process converts) must be equal."""
    for share in shares:
        for folder, _, names in os.walk(share):
            for name in names:
                source = Path(folder) / name
                target = site / source.relative_to(share)
                if target.exists():
                    if not filecmp.cmp(source, target, shallow=False):
                        raise ShardError(f"two MkDocs processes wrote {target.relative_to(site)} differently")
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                source.replace(target)


def check_anchors(reports: list[Path]) -> list[str]:
    """The links into another share's pages to an anchor that page does not have, worded
    as MkDocs words its own (each process wrote its links and anchors to its report)."""
    shares = [json.loads(r.read_text(encoding="utf-8")) for r in reports]
    present = {page: set(ids) for share in shares for page, ids in share["anchors"].items()}
    return [f"Doc file '{page}' contains a link '{link}', but the doc '{target}' does not contain an anchor "
            f"'#{anchor}'."
            for share in shares for page, targets in share["links"].items()
            for target, anchors in targets.items() for anchor, link in anchors.items()
            if target in present and anchor not in present[target]]


class ShardError(Exception):
    pass
