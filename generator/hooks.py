"""MkDocs hooks (listed in mkdocs.yml): generation for ``mkdocs serve``, and the
search fixes. MkDocs loads this file by path, so it imports the package itself.

Each search fix is small, isolated in :mod:`generator.search`, and tested
against the installed Material so that an upgrade that changes the patched
code fails the tests instead of silently breaking search.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # pragma: no cover - depends on how mkdocs was started
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from generator import search, site  # noqa: E402


def on_config(config, **kwargs):
    search.load_words(ROOT / "plans")
    try:
        search.install_segmenter()
    except search.SearchPatchError as exc:
        raise PluginError(str(exc)) from exc
    return config


def on_pre_build(config, **kwargs):
    if os.environ.get("EDUPLANS_GENERATED"):
        return  # `python -m generator build` generated the pages already
    try:
        site.generate(ROOT / "plans", Path(config["docs_dir"]), config.get("repo_url"), config.get("site_url"))
    except site.BuildError as exc:
        details = "\n".join(p.format() for p in exc.problems)
        raise PluginError(f"{exc}\n{details}") from exc


def on_post_build(config, **kwargs):
    site_dir = Path(config["site_dir"])
    try:
        search.rewrite_index(site_dir)
        search.patch_worker(site_dir)
    except search.SearchPatchError as exc:
        raise PluginError(str(exc)) from exc
