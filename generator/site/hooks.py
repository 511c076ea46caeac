"""MkDocs hooks (listed in mkdocs.yml) for the search fixes; every build runs them.
MkDocs loads this file by path, so it imports the package itself.

Each search fix is small, isolated in :mod:`generator.site.search`, and tested
against the installed Material so that an upgrade that changes the patched
code fails the tests instead of silently breaking search.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # pragma: no cover - depends on how mkdocs was started
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from generator.site import search  # noqa: E402


def on_config(config, **kwargs):
    try:
        search.install_segmenter()
    except search.SearchPatchError as exc:
        raise PluginError(str(exc)) from exc
    return config


def on_post_page(output, page, config, **kwargs):
    try:
        return search.name_dialog(output)
    except search.SearchPatchError as exc:
        raise PluginError(str(exc)) from exc


def on_post_build(config, **kwargs):
    site_dir = Path(config["site_dir"])
    try:
        search.rewrite_index(site_dir)
        search.patch_worker(site_dir)
    except search.SearchPatchError as exc:
        raise PluginError(str(exc)) from exc
