"""Templates → Markdown, with every value escaped unless a filter says otherwise.

Plan files come from strangers, so text must reach the page as text: no HTML,
no Markdown syntax, no attribute lists, no MkDocs or Material syntax may take
effect. Jinja's ``finalize`` escapes every ``{{ value }}`` for inline Markdown
by default; inside raw HTML blocks templates use the ``h`` filter (HTML
escaping, since Markdown leaves those blocks alone). Filters return
:class:`Raw`, which ``finalize`` lets through. Forgetting a filter therefore
errs on the side of escaping too much, never too little.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from typing import Any

import jinja2

from ..data.anchors import ANCHOR_RE
from ..data.checkout import TEMPLATES


# Characters Python-Markdown honours a backslash escape for, plus | for tables.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


class Raw(str):
    """Text already escaped for its context."""


def md(value: Any) -> Raw:
    """Inline Markdown: HTML-escaped, Markdown punctuation backslash-escaped, one line."""
    text = " ".join(str(value).split())
    return Raw(_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


def h(value: Any) -> Raw:
    """Text inside a raw HTML block or attribute."""
    return Raw(html.escape(str(value), quote=True))


def hbr(value: Any) -> Raw:
    """Multi-line text inside a raw HTML block: escaped lines joined by <br>."""
    return Raw("<br>".join(html.escape(line, quote=True) for line in str(value).split("\n")))


def anchor(value: str) -> Raw:
    """An element id; anchors are validated on load, this is the last line of defence."""
    if not ANCHOR_RE.match(value):
        raise ValueError(f"refusing unsafe anchor {value!r}")
    return Raw(value)


def svg(value: str) -> Raw:
    """An SVG chart drawn by generator.site.charts, which escapes every label itself."""
    if not value.startswith("<svg") or "<script" in value.lower():
        raise ValueError("refusing markup that is not one of our charts")
    return Raw(value)


def yaml_str(value: Any) -> Raw:
    """A front-matter scalar (title, description). MkDocs and Material insert these
    into the page as HTML, unescaped (the header shows ``{{ page.title }}``), so the
    text is HTML-escaped first; a JSON string is then a valid YAML scalar."""
    return Raw(json.dumps(html.escape(" ".join(str(value).split()), quote=True), ensure_ascii=False))


def script_json(value: Any) -> Raw:
    """Data for the page script, inside <script type="application/json">: no '<', '>' or
    '&' is left as itself, so no text from a plan can close the element or open another."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)  # read by its fields' names
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Raw(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def url(value: str) -> Raw:
    """A link target we computed ourselves; refuse anything that could run script."""
    if re.match(r"^\s*(javascript|data|vbscript):", value, re.I) or any(c in value for c in "<>\"' \n"):
        raise ValueError(f"refusing unsafe link target {value!r}")
    return Raw(value)


def external_url(value: str | None) -> Raw | None:
    """A URL from a plan file: only http(s), HTML-escaped."""
    if not value or not re.match(r"^https?://[^\s<>\"']+$", value):
        return None
    return Raw(html.escape(value, quote=True))


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Raw) or isinstance(value, (int, float)):
        return value
    return md(value)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: escaping is done by finalize and filters
        finalize=_finalize,
    )
    env.filters.update(md=md, h=h, hbr=hbr, anchor=anchor, yaml_str=yaml_str, url=url,
                       external_url=external_url, svg=svg, script_json=script_json)
    env.globals["hashes"] = lambda level: Raw("#" * min(int(level), 6))
    return env


def render(env: jinja2.Environment, template: str, **context: Any) -> str:
    return env.get_template(template).render(**context)
