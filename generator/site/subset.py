"""A part of the atlas for the offline bundle: by province, locality or year. Large
bundles are refused: the search works at any size (it loads only what a query needs,
also from disk), but a bundle is the whole site of its plans, several hundred KB per
plan before compression, and past a few hundred plans it is too large to hand around
(and slow to unzip: one file per item group and page)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..data.model import Catalog

BUNDLE_MAX_PLANS = 200


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

    def apply(self, catalog: Catalog) -> Catalog:
        """The catalog with the chosen plans, their localities and those localities' parents."""
        localities = catalog.localities
        unknown = [loc for loc in self.localities if loc not in localities]
        if unknown:
            raise SubsetError(f"unknown locality {', '.join(unknown)}: use ids from plans/localities.yml")

        def under(locality_id: str | None) -> bool:
            while locality_id:
                if locality_id in self.localities:
                    return True
                locality_id = localities[locality_id].parent
            return False

        plans = tuple(p for p in catalog.plans
                      if (not self.provinces or localities[p.locality].province in self.provinces)
                      and (not self.localities or under(p.locality))
                      and (not self.years or p.year in self.years))
        keep: set[str] = set()
        for plan in plans:
            at: str | None = plan.locality
            while at and at not in keep:
                keep.add(at)
                at = localities[at].parent
        return dataclasses.replace(catalog, plans=plans,
                                   localities={k: v for k, v in localities.items() if k in keep})


def years(text: str) -> tuple[int, ...]:
    """'2024' , '2022,2024' or '2022-2024'."""
    found: list[int] = []
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        if not first.isdigit() or last and not last.isdigit():
            raise SubsetError(f"--years {text!r}: write 2024, 2022,2024 or 2022-2024")
        found += range(int(first), int(last or first) + 1)
    return tuple(found)


def check(catalog: Catalog, subset: Subset) -> None:
    count = len(catalog.plans)
    if count == 0:
        raise SubsetError("no plan matches this selection")
    if count > BUNDLE_MAX_PLANS:
        raise SubsetError(f"{count} plans: an offline bundle holds at most {BUNDLE_MAX_PLANS}, because it is the "
                          "whole site of its plans (several hundred KB each); choose a part of the atlas, e.g. "
                          "--province 山东省, --locality qingdao or --years 2024")
