"""MkDocs hook (listed in mkdocs.yml): a page's Markdown source leaves memory once it is
converted. MkDocs converts every page before it writes any, so it holds the whole
site's source and HTML at once; dropping the source (used by nothing after conversion
here: the search is our own) takes a quarter off the build's peak memory, about 1 GB at
10,000 plans (scripts/benchmark.py)."""

from __future__ import annotations

from typing import Any


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    page.markdown = None
    return html
