"""The dataset downloads: which files grow with the atlas, where they live
(eduplans.yml, downloads:, read into settings.SiteSettings: on the site or on the
releases), and their compressed copies.

What enters: the export records. What leaves: the files by name, the check that the
site can hold them, and gzip copies for a release. Pages and the data page ask here.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

from ..data.checkout import SCHEMA_DIR
from . import export, urls

ATLAS = ("eduplans.json", "eduplans.sqlite", "plans.csv", "items.csv", "targets.csv")  # grow with the atlas
SCHEMAS = ("plan.schema.json", "dataset.schema.json")


class DownloadsError(Exception):
    pass


@dataclass(frozen=True)
class Place:
    where: str  # pages | releases
    budget_mb: int

    @property
    def on_pages(self) -> bool:
        return self.where == "pages"


def atlas_files(data: dict) -> dict[str, str | bytes]:
    """The whole-atlas files, by name, in the order the data page lists them."""
    files: dict[str, str | bytes] = {"eduplans.json": export.as_json(data), "eduplans.sqlite": export.as_sqlite(data)}
    files |= {f"{name}.csv": export.as_csv(data[name], fields) for name, fields in export.FIELDS.items()}
    return {name: files[name] for name in ATLAS}


def schema_files() -> dict[str, str]:
    return {name: (SCHEMA_DIR / name).read_text(encoding="utf-8") for name in SCHEMAS}


def check_budget(files: dict[str, str | bytes], where: Place) -> None:
    """Fail loudly rather than outgrow the site: the switch to releases ends public URLs."""
    size = sum(len(c if isinstance(c, bytes) else c.encode("utf-8")) for c in files.values())
    if where.on_pages and size > where.budget_mb * 1_000_000:
        raise DownloadsError(
            f"the whole-atlas downloads are {size / 1e6:.0f} MB, over the site's budget of {where.budget_mb} MB "
            "(eduplans.yml, downloads: pages_budget_mb): set where: releases under downloads: in eduplans.yml and "
            "tag a release; the data page will link to the release's compressed files, and "
            f"data/{', data/'.join(ATLAS)} will leave the site")


def plan_file(plan_id: str, records: dict) -> tuple[str, str]:
    """A plan's own data file, while the downloads live on the site. On the releases
    (thousands of plans) a plan's data is in the whole-atlas files there: on the site,
    even compressed, these files were 7 KB a plan, 67 MB at 10,000 plans."""
    return urls.plan_data(plan_id), export.as_json(records)


def gzipped(content: str | bytes) -> bytes:
    """Byte-identical from run to run: no time stamp inside."""
    return gzip.compress(content if isinstance(content, bytes) else content.encode("utf-8"), compresslevel=9, mtime=0)


def write_compressed(files: dict[str, str | bytes], folder: Path) -> list[Path]:
    """name.gz for each file."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        target = folder / f"{name}.gz"
        target.write_bytes(gzipped(content))
        written.append(target)
    return written
