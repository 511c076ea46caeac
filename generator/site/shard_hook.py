"""MkDocs hook (listed in mkdocs.yml): in a build split over several MkDocs processes
(``shards``), this process converts and writes only its share of the pages; the
others get no Markdown and an empty template, so MkDocs writes no file for them. At
the end it reports its pages' anchors and their links into other shares, which the
build checks across processes. Without the build's ENV (``mkdocs serve``, plain
``mkdocs build``) it does nothing."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # pragma: no cover - as MkDocs loads a hook by path

from generator.site import shards  # noqa: E402

_shard = shards.Shard.current()
_anchors: dict[str, list[str]] = {}
_links: dict[str, dict[str, dict[str, str]]] = {}
_converted: set[str] = set()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if _shard is None or _shard.converts(page.file.src_uri, "title" in page.meta):
        _converted.add(page.file.src_uri)
        return markdown
    page.meta["template"] = shards.SKIP_TEMPLATE
    return ""


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if _shard is None:
        return html
    if page.file.src_uri not in _converted:
        page.present_anchor_ids = None  # not converted here: MkDocs skips links to it, the build checks them
        return html
    _anchors[page.file.src_uri] = sorted(page.present_anchor_ids or ())
    _links[page.file.src_uri] = {target.src_uri: dict(anchors)
                                 for target, anchors in (page.links_to_anchors or {}).items()}
    return html


def on_post_build(config: Any) -> None:
    """The report: this share's anchors, and its links into pages it did not convert
    (MkDocs checked those into its own)."""
    if _shard is None:
        return
    links = {page: {target: anchors for target, anchors in targets.items() if target not in _converted}
             for page, targets in _links.items()}
    _shard.report.write_text(json.dumps({"anchors": _anchors, "links": links}, ensure_ascii=False),
                             encoding="utf-8")
