"""A part of the atlas for the offline bundle: by province, locality or year. Large
bundles are refused: the search works at any size (it loads only what a query needs,
also from disk), but a bundle is the whole site of its plans, several hundred KB per
plan before compression, and past a few hundred plans it is too large to hand around
(and slow to unzip: one file per item group and page)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..data import loader
from ..data.model import Catalog, Locality
from . import labels

BUNDLE_FOLDER = "eduplans-offline"  # the whole atlas's bundle unzips into this folder, a part into <this>-<part>


class SubsetError(ValueError):
    pass


@dataclass(frozen=True)
class Subset:
    provinces: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()  # a locality includes the places under it
    years: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.provinces or self.localities or self.years)

    def slug(self) -> str:
        """For the bundle's file name: eduplans-offline-<day>-qingdao-2024.zip (locality ids
        are checked against the registry, province names become hex)."""
        parts = [*self.localities, *(f"p{p.encode('utf-8').hex()[:8]}" for p in self.provinces),
                 *map(str, self.years)]
        return "-".join(parts)

    def folder(self) -> str:
        """The folder its bundle unzips into, named for the part as the zip is (two parts
        unzipped side by side stay apart): eduplans-offline-qingdao-2024."""
        return f"{BUNDLE_FOLDER}-{self.slug()}"

    def describe(self, localities: Mapping[str, Locality]) -> str:
        """What the part holds, as its home page says: 山东省；青岛市及其下辖地区；2022–2024年."""
        return labels.part_of(self.provinces, tuple(localities[loc].name for loc in self.localities if loc in localities),
                              self.years)

    def holds(self, locality_id: str, year: int, localities: Mapping[str, Locality]) -> bool:
        """Whether a plan of this place and year is in the part."""
        if self.years and year not in self.years:
            return False
        if self.provinces and localities[locality_id].province not in self.provinces:
            return False
        at: str | None = locality_id
        while self.localities and at:
            if at in self.localities:
                return True
            at = localities[at].parent
        return not self.localities

    def apply(self, catalog: Catalog) -> Catalog:
        """The catalog with the chosen plans, their localities and those localities' parents."""
        localities = catalog.localities
        unknown = [loc for loc in self.localities if loc not in localities]
        if unknown:
            raise SubsetError(f"unknown locality {', '.join(unknown)}: use ids from plans/localities.yml")

        plans = tuple(p for p in catalog.plans if self.holds(p.locality, p.year, localities))
        keep: set[str] = set()
        for plan in plans:
            at: str | None = plan.locality
            while at and at not in keep:
                keep.add(at)
                at = localities[at].parent
        return dataclasses.replace(catalog, plans=plans,
                                   localities={k: v for k, v in localities.items() if k in keep})


def files_of(plans_dir: Path, subset: Subset) -> list[Path] | None:
    """The plan files of a part as they and the registry state it, with every file whose
    place or year cannot be read so (loaded, it is checked and filtered like the rest):
    a part is built without loading the whole atlas. None when the registry cannot be
    read as it is (load everything: the load will say why)."""
    try:
        localities = {e["id"]: loader.build_locality(e) for e in loader.read_localities_loose(plans_dir)[1]}
    except (KeyError, TypeError):
        return None
    return [path for path, head in loader.plan_heads([plans_dir]).items()
            if head is None or head[0] not in localities or subset.holds(*head, localities)]


def years(text: str) -> tuple[int, ...]:
    """'2024' , '2022,2024' or '2022-2024'."""
    found: list[int] = []
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        if not first.isdigit() or last and not last.isdigit():
            raise SubsetError(f"--years {text!r}: write 2024, 2022,2024 or 2022-2024")
        found += range(int(first), int(last or first) + 1)
    return tuple(found)


def check_files(files: list[Path] | None, most: int) -> None:
    """Refuse a part too large from its plan files (:func:`files_of`), before they are
    loaded: at 10,000 plans a load takes minutes. The loaded part is checked again.
    most: the plans a bundle may hold (eduplans.yml, bundles: max_plans)."""
    if files is not None and len(files) > most:
        check_count(len(files), most)


def check_count(count: int, most: int) -> None:
    if count == 0:
        raise SubsetError("no plan matches this selection")
    if count > most:
        raise SubsetError(f"{count} plans: an offline bundle holds at most {most}, because it is the "
                          "whole site of its plans (several hundred KB each); choose a part of the atlas, e.g. "
                          "--province 山东省, --locality qingdao or --years 2024")
