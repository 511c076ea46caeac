"""Ready citations of a plan or an item: GB/T 7714-2015 (electronic resource, [EB/OL]),
BibTeX and CSL-JSON, each with the stable URL.

A plan page carries all three for the plan, and with them how an item's key, title and
URL are formed from the plan's (``data-cite-item-*``: the part before the item's anchor,
label or anchor). An item's block is empty: the page script writes its three from the
plan's, with the item's heading (its anchor and label) in place of the plan's key, title
and URL, so the formats are decided here only. That keeps a 30-item page 60 KB lighter,
0.6 GB at 10,000 plans. Without script, the item's block stays hidden and its heading's
permanent link is the address to cite.

The access date is the reader's, not the build's: citations carry the placeholder
:data:`ACCESSED`, which the page's script replaces with the reader's date (without
script, the reader sees the placeholder and fills it in).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..data.model import Item, Locality, Plan
from .labels import SITE_CREDIT as SITE
from .views.common import item_label

ACCESSED = "[访问日期]"
ITEM_TITLE = "："  # between the plan's title and the item's label in the item's title


@dataclass(frozen=True, kw_only=True)
class Citation:
    gbt: str
    bibtex: str
    csl: str  # CSL-JSON, one object
    data: tuple[tuple[str, str], ...]  # the data-cite-* attributes the page script reads


def _escapes(title: str, title_bibtex: str, title_json: str) -> tuple[tuple[str, str], ...]:
    """The title as BibTeX and JSON escape it, only where that differs from the title
    itself (rarely: braces, quotes), since every item of every plan page carries these."""
    return (*((("title-bibtex", title_bibtex),) if title_bibtex != title else ()),
            *((("title-json", title_json),) if title_json != title else ()))


def _item_forms(key: str, title: str, url: str) -> tuple[tuple[str, str], ...]:
    """What precedes an item's anchor, label and anchor in its key, title and URL (the
    forms :func:`citation` writes for an item; a test holds the two equal)."""
    return (("item-key", f"{key}-"), ("item-title", f"{title}{ITEM_TITLE}"), ("item-url", f"{url}#"))


def _bibtex_text(text: str) -> str:
    return re.sub(r"([{}\\%&$#_])", r"\\\1", text)


def citation(plan: Plan, locality: Locality, url: str, item: Item | None = None) -> Citation:
    """The citation of a plan, or of one of its items when item is given."""
    authors = [a for a in (plan.issuer or locality.name).split("、") if a]  # joint issuers, as printed
    title = plan.title if item is None else f"{plan.title}{ITEM_TITLE}{item_label(item)}"
    issued = f"({plan.issued})" if plan.issued else ""
    gbt = f"{', '.join(authors)}. {title}[EB/OL]. {issued}[{ACCESSED}]. {url}."
    key = f"eduplans-{plan.id}" + (f"-{item.anchor}" if item else "")
    bibtex = "\n".join([
        f"@misc{{{key},",
        "  author = {" + " and ".join(f"{{{_bibtex_text(a)}}}" for a in authors) + "},",
        f"  title = {{{_bibtex_text(title)}}},",
        f"  year = {{{plan.year}}},",
        f"  howpublished = {{{_bibtex_text(SITE)}}},",
        f"  url = {{{url}}},",
        f"  urldate = {{{ACCESSED}}},",
        "}",
    ])
    csl: dict = {"id": key, "type": "webpage", "title": title, "author": [{"literal": a} for a in authors],
                 "container-title": SITE, "URL": url, "accessed": {"raw": ACCESSED}}
    if plan.issued:
        csl["issued"] = {"date-parts": [[int(part) for part in plan.issued.split("-")]]}
    else:
        csl["issued"] = {"date-parts": [[plan.year]]}
    title_bibtex, title_json = _bibtex_text(title), json.dumps(title, ensure_ascii=False)[1:-1]
    return Citation(gbt=gbt, bibtex=bibtex, csl=json.dumps(csl, ensure_ascii=False, indent=1),
                    data=_escapes(title, title_bibtex, title_json) if item else
                    (("key", key), ("title", title), *_escapes(title, title_bibtex, title_json), ("url", url),
                     *_item_forms(key, title, url)))
