"""MkDocs hook (listed in mkdocs.yml) that adds the generated pages for ``mkdocs serve``
and a plain ``mkdocs build``: in memory, as MkDocs' virtual files, so the working tree
stays clean, a save triggers one rebuild (nothing is written that MkDocs watches), and
serve's localhost URLs never reach a file. ``python -m generator build`` writes the
pages into a staged docs/ itself and runs MkDocs without this hook (``build.LIVE_HOOK``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # pragma: no cover - depends on how mkdocs was started
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from generator.site import build, urls  # noqa: E402
from generator.site.pages import render_all  # noqa: E402


def _nav_pages(nav) -> set[str]:
    """The docs paths mkdocs.yml's nav lists."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(_nav_pages(v) for v in nav.values()))
    if isinstance(nav, list):
        return set().union(*(_nav_pages(v) for v in nav)) if nav else set()
    return set()


def on_files(files, config, **kwargs):
    try:
        settings = build.settings_of(config, ROOT)
        index = build.load(ROOT / "plans")
    except build.BuildError as exc:
        details = "\n".join(p.format() for p in exc.problems)
        raise PluginError(f"{exc}\n{details}") from exc
    for stale in [f for f in files if f.src_uri.split("/")[0] in urls.GENERATED]:
        files.remove(stale)  # left in docs/ by an earlier `generate`: the fresh pages replace them
    in_nav = _nav_pages(config["nav"])
    for path, content in render_all(index, settings).pages.items():
        inclusion = InclusionLevel.UNDEFINED if path in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    return files
