"""MkDocs hook (listed in mkdocs.yml) that generates the pages before each build, for
``mkdocs serve`` and a plain ``mkdocs build``. ``python -m generator build`` generates
the pages itself and runs MkDocs without this hook (see ``build.LIVE_HOOK``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # pragma: no cover - depends on how mkdocs was started
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from generator.site import build  # noqa: E402


def on_pre_build(config, **kwargs):
    try:
        build.generate(ROOT / "plans", Path(config["docs_dir"]), config.get("repo_url"), config.get("site_url"))
    except build.BuildError as exc:
        details = "\n".join(p.format() for p in exc.problems)
        raise PluginError(f"{exc}\n{details}") from exc
