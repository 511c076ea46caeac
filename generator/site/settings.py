"""The site's settings, made in one place: what mkdocs.yml says (site_url, repo_url,
edit_uri, use_directory_urls), the atlas's own choices (``eduplans.yml`` at the
repository's top: where the downloads live, the listings' limits, the search index's
rules) and the plan files' git history (the feeds' dates).

What enters: the repository's folder (or MkDocs' configuration, in the live hook).
What leaves: a frozen :class:`SiteSettings`, which ``build``, ``generate``, the live
hook and the benchmark all pass to ``pages.render_all``; tests build their own rather
than change a module's constants. A bad value in eduplans.yml is a :class:`SettingsError`
at its file:line:col with what to write instead.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..data import yamlio
from .downloads import Place
from .feeds import Dates
from .search import SearchRules

CONFIG = "eduplans.yml"  # the atlas's own settings, at the repository's top beside mkdocs.yml


class SettingsError(Exception):
    pass


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Where listings that grow with the atlas are split by province and cut into pages
    (eduplans.yml, listings:)."""

    partition_at: int  # more plans, items or localities than this: one page per province
    locality_table_up_to: int  # a province's part with more localities shows theme totals
    excerpts_up_to: int  # a province's part with more items shows their titles only
    page_items: int  # a province's part of a theme-year: items a page
    page_plans: int  # a province's part of a year: plans a page
    page_localities: int  # a province's page: localities a page


@dataclass(frozen=True, kw_only=True)
class SiteSettings:
    """Everything a build decides before it renders: one value, passed to every page."""

    site_url: str  # "" when mkdocs.yml names none
    repo_url: str | None
    edit_uri: str
    directory_urls: bool  # as the builder publishes pages (plans/x/ or plans/x.html)
    downloads: Place
    limits: Limits
    search: SearchRules
    bundle_max_plans: int  # an offline bundle holds at most this many plans
    history: Mapping[str, Dates] = field(default_factory=dict)  # plan file name → dates; {} without git
    part: str = ""  # an offline bundle of a part of the atlas: what it holds (labels.part_note)

    def check(self) -> None:
        """What must hold before any page is rendered."""
        if not self.downloads.on_pages and not self.repo_url:
            raise SettingsError(f"the downloads live on the releases ({CONFIG}, downloads: where: releases): set "
                                "repo_url in mkdocs.yml so that the data page can link to them")


def mkdocs_config(config_file: Path, **overrides: Any) -> Any:
    """MkDocs' validated configuration (the one loader of mkdocs.yml)."""
    from mkdocs.config import load_config

    return load_config(str(config_file), **overrides)


def from_mkdocs(mkdocs: Any, root: Path) -> SiteSettings:
    """The settings from MkDocs' loaded configuration and root's eduplans.yml and git history."""
    own = read_config(root / CONFIG)
    return SiteSettings(site_url=mkdocs["site_url"] or "", repo_url=mkdocs["repo_url"] or None,
                        edit_uri=mkdocs["edit_uri"] or "", directory_urls=mkdocs["use_directory_urls"],
                        downloads=own.downloads, limits=own.limits, search=own.search,
                        bundle_max_plans=own.bundle_max_plans, history=git_history(root))


@dataclass(frozen=True)
class Config:
    """eduplans.yml, read."""

    downloads: Place
    limits: Limits
    search: SearchRules
    bundle_max_plans: int


def read_config(path: Path) -> Config:
    """eduplans.yml, checked: every key present, known and of its kind."""
    try:
        document = yamlio.read_file(path)
    except yamlio.YamlError as exc:
        raise SettingsError(str(exc)) from exc
    shape = {"downloads": {"where": ("pages", "releases"), "pages_budget_mb": int},
             "listings": {f.name: int for f in fields(Limits)},
             "search": {"levels": dict, **{name: int for name in ("own_file_over", "shard_bytes", "items_per_file")}},
             "bundles": {"max_plans": int}}
    data = _checked(document, (), shape)
    levels = data["search"]["levels"]
    for name, members in levels.items():
        if not isinstance(members, list) or not members or not all(isinstance(m, str) for m in members):
            raise _error(document, ("search", "levels", name), "must be a list of registry levels",
                         "write them as [县级市, 区, 县]")
    search = data["search"]
    return Config(downloads=Place(data["downloads"]["where"], data["downloads"]["pages_budget_mb"]),
                  limits=Limits(**data["listings"]),
                  search=SearchRules({k: tuple(v) for k, v in levels.items()}, search["own_file_over"],
                                     search["shard_bytes"], search["items_per_file"]),
                  bundle_max_plans=data["bundles"]["max_plans"])


def _checked(document: yamlio.Document, at: tuple[str, ...], shape: dict) -> dict:
    """The mapping at ``at``, its keys exactly those of shape and each value of its kind:
    a nested shape (a mapping), a type, or a tuple of the words allowed."""
    value: Any = document.data
    for key in at:
        value = value[key]
    under = f" under {'.'.join(at)}" if at else ""
    if not isinstance(value, dict):
        raise _error(document, at, f"a mapping is wanted{under}", f"write the keys {', '.join(shape)}")
    if unknown := [k for k in value if k not in shape]:
        raise _error(document, (*at, unknown[0]), f"unknown key {unknown[0]!r}{under}",
                     f"known here: {', '.join(shape)}")
    if missing := [k for k in shape if k not in value]:
        raise _error(document, at, f"{missing[0]} is missing{under}",
                     f"add {missing[0]}: (the repository's eduplans.yml explains each key)")
    for key, kind in shape.items():
        path, given = (*at, key), value[key]
        if isinstance(kind, dict):
            _checked(document, path, kind)
        elif isinstance(kind, tuple) and given not in kind:
            raise _error(document, path, f"{key}: {given!r} is not one of {', '.join(kind)}",
                         f"write {' or '.join(kind)}")
        elif kind is int and (not isinstance(given, int) or isinstance(given, bool) or given < 1):
            raise _error(document, path, f"{key}: {given!r} is not a whole number above 0", "write e.g. 100")
        elif kind is dict and (not isinstance(given, dict) or not given):
            raise _error(document, path, f"{key} must be a mapping", "write each name: [its members]")
    return value


def _error(document: yamlio.Document, at: tuple[str, ...], message: str, hint: str) -> SettingsError:
    return SettingsError(str(yamlio.YamlError(document.path, document.mark(at), message, hint)))


def git_history(root: Path) -> dict[str, Dates]:
    """Plan file name → when it was added and last changed, from git; {} without git."""
    try:
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=root, capture_output=True,
                                 text=True, check=True).stdout.strip() == "true"
        if shallow:  # one commit would date every plan at the clone's head
            return {}
        log = subprocess.run(["git", "log", "--format=%x00%cI", "--name-only", "--", "plans"], cwd=root,
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    found: dict[str, Dates] = {}
    for commit in log.split("\x00")[1:]:
        stamp, *names = commit.strip().split("\n")
        when = datetime.datetime.fromisoformat(stamp)
        for name in (Path(n).name for n in names if n.endswith(".yml")):
            known = found.get(name)
            found[name] = Dates(published=when, updated=known.updated if known else when)  # log runs newest first
    return found
