"""Feeds of new and changed plans, for the whole atlas and for each locality: Atom
(written by feedgen) and JSON Feed 1.1.

An entry's dates come from the plan file's history in git when the build has it
(published: the commit that added the file; updated: the last commit that changed
it; ``settings.git_history`` reads it), else from the plan's issue date (or 1 January
of its year): a feed never says a plan changed because the site was rebuilt.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..analysis.index import Index
from ..data.model import Plan
from . import labels, urls

LATEST = 50  # entries in the atlas-wide feed; a locality's feed lists all its plans


@dataclass(frozen=True)
class Dates:
    published: datetime.datetime
    updated: datetime.datetime


def _dates(plan: Plan, history: Mapping[str, Dates]) -> Dates:
    if Path(plan.path).name in history:
        return history[Path(plan.path).name]
    day = datetime.date.fromisoformat(plan.issued) if plan.issued else datetime.date(plan.year, 1, 1)
    moment = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)
    return Dates(moment, moment)


@dataclass(frozen=True)
class Feed:
    path: str  # feeds/atom.xml or feeds/<locality>.xml; the JSON Feed beside it
    title: str
    page: str  # the page the feed follows
    plans: tuple[Plan, ...]
    latest: int | None = None  # the newest entries only (the atlas); a locality's feed has all


def feeds(index: Index) -> list[Feed]:
    catalog = index.catalog
    found = [Feed(urls.feed(None), f"{labels.SITE_NAME}：新增与更新的计划", urls.HOME, catalog.plans, LATEST)]
    for locality_id, plans in index.by_locality.items():
        name = catalog.localities[locality_id].name
        found.append(Feed(urls.feed(locality_id), f"{name}教育工作要点：新增与更新", urls.locality(locality_id),
                          tuple(plans)))
    return found


def render(feed: Feed, index: Index, site_url: str, history: Mapping[str, Dates]) -> dict[str, str]:
    """The Atom and JSON Feed files of one feed: path → text."""
    from feedgen.feed import FeedGenerator

    localities = index.catalog.localities
    dated = sorted(((p, _dates(p, history)) for p in feed.plans), key=lambda pd: (pd[1].updated, pd[0].id),
                   reverse=True)[:feed.latest]
    base = site_url or "/"
    atom = FeedGenerator()
    atom.id(base + feed.path)
    atom.title(feed.title)
    atom.link(href=urls.public(feed.page, base=base), rel="alternate")
    atom.link(href=base + feed.path, rel="self")
    atom.language("zh-CN")
    atom.updated(max((d.updated for _, d in dated), default=datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)))
    items: list[dict[str, str]] = []
    for plan, dates in reversed(dated):  # feedgen lists the last entry added first
        locality = localities[plan.locality]
        title = labels.plan_title(locality.name, plan.year, plan.title)
        url = urls.plan_url(plan.id, base)
        summary = f"{locality.name}{plan.year}年教育工作要点，{plan.item_count}条任务。"
        entry = atom.add_entry()
        entry.id(url)
        entry.title(title)
        entry.link(href=url)
        entry.summary(summary)
        entry.published(dates.published)
        entry.updated(dates.updated)
        items.insert(0, {"id": url, "url": url, "title": title, "summary": summary,
                         "date_published": dates.published.isoformat(), "date_modified": dates.updated.isoformat()})
    json_feed = {"version": "https://jsonfeed.org/version/1.1", "title": feed.title, "language": "zh-CN",
                 "home_page_url": urls.public(feed.page, base=base), "feed_url": base + urls.json_feed(feed.path),
                 "items": items}
    return {feed.path: atom.atom_str(pretty=True).decode("utf-8"),
            urls.json_feed(feed.path): json.dumps(json_feed, ensure_ascii=False, indent=1) + "\n"}
