"""MkDocs hook (listed in mkdocs.yml): counts the pages MkDocs converts and writes, shown
as the build's other stages are (``progress``) when the build asks for it; silent under
``mkdocs serve`` and plain ``mkdocs build``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # pragma: no cover - as MkDocs loads a hook by path

from generator.site import progress  # noqa: E402

_counter: progress.Steps | None = None


def on_files(files: Any, config: Any) -> Any:
    global _counter
    if progress.wanted():
        pages = sum(1 for f in files if f.is_documentation_page())
        _counter = progress.Steps("MkDocs pages", pages, sys.stderr)
    return files


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if _counter:
        _counter.tick()
    return html


def on_post_build(config: Any) -> None:
    if _counter:
        _counter.close()
