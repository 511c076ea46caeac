"""Chinese search: the words jieba must know, and small fixes to Material's output.

1. Words. Material segments page text with jieba at build time. Domain words that
   jieba's dictionary lacks (双减, 公办园, 基教处) would be cut apart, so they are
   added: theme keywords, responsible units, and rules/search_words.txt. Long words
   are split into the dictionary words that tile them (校园足球 → 校园 足球), so a
   query for a part finds the whole (:func:`fine_cut`, installed in Material's plugin).
2. Characters. Each search document also lists its distinct Chinese characters in a
   low-boost field, so a query can require all of them whatever jieba did with word
   boundaries (大家|访 still holds 家访). Material's index is written UTF-8, not \\uXXXX.
3. Query (a Material bug, measured in 9.8): the worker's ``segment`` never tries a
   slice ending at the query's last character, so 双减 runs as 双*, and it ORs the
   pieces, so a query matches anything sharing one character. The fix replaces that
   call: every character required, the words found by forward maximum matching
   rank the results, and a result is kept only when its text holds each phrase of
   the query as written. :data:`WORKER_CALL` and :data:`QUERY_CALL` are the exact
   code replaced; if an upgrade changes either, the build fails and a test says so.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from ..data.model import Catalog

RULES = Path(__file__).parent / "rules" / "search_words.txt"

# The call in Material's search worker (9.5–9.8) that segments Chinese queries,
# and the call that runs the query; both are replaced, nothing else is touched.
WORKER_CALL = re.compile(
    r'e=e\.replace\(new RegExp\("\\\\p\{sc=Han\}\+","gu"\),(\w)=>\[\.\.\.(\w+)\(\1,this\.index\.invertedIndex\)\]'
    r'\.join\("\* "\)\)'
)
REPLACEMENT = ('e=(eduplansPhrases=[],e).replace(new RegExp("\\\\p{sc=Han}+","gu"),'
               's=>(eduplansPhrases.push(s),eduplansSegment(s,this.index.invertedIndex)))')
QUERY_CALL = "this.index.search(e).reduce("
QUERY_REPLACEMENT = "this.index.search(e).filter(r=>eduplansKeep(this.map.get(r.ref))).reduce("

# Every character of a Chinese phrase is required (the index lists each document's
# characters, see rewrite_index); its words, found by forward maximum matching over
# the index's terms, rank the results; and a result is kept only if its text holds
# each phrase of the query as written, so that 校园餐 does not match a section with
# 校园 and 餐厅 apart.
SEGMENTER_JS = """\
/* eduplans: Chinese query segmentation and phrase filter, see generator/site/search.py */
var eduplansPhrases=[];
function eduplansSegment(q,idx){var p=[],i=0;while(i<q.length){var j=q.length;\
while(j>i+1&&!(q.slice(i,j) in idx))j--;p.push(q.slice(i,j));i=j}\
var c=Array.from(new Set(q.split(""))).map(function(s){return "+"+s});\
return c.concat(p.map(function(s){return s+"*"})).join(" ")}
function eduplansKeep(d){if(!d||!eduplansPhrases.length)return true;\
var t=((d.title||"")+" "+(d.text||"")).replace(/<[^>]*>/g,"").replace(/[\\s\\u200b]/g,"");\
return eduplansPhrases.every(function(p){return t.indexOf(p)>=0})}
"""
MARKER = "eduplansSegment("


class SearchPatchError(Exception):
    pass


def words(catalog: Catalog) -> list[str]:
    """Words jieba must keep whole: curated list, theme keywords, responsible units."""
    found: list[str] = []
    if RULES.exists():
        found += [w.strip() for w in RULES.read_text(encoding="utf-8").splitlines()
                  if w.strip() and not w.startswith("#")]
    for theme in catalog.themes:
        found += theme.keywords
    for plan in sorted(catalog.plans, key=lambda p: p.path):
        found += [unit for item in plan.all_items() for unit in item.owners + item.supporting]
    return [w for w in dict.fromkeys(found) if 2 <= len(w) <= 12 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]


def load_words(catalog: Catalog) -> int:
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter says nothing to a reader of the build

    added = words(catalog)
    for word in added:
        jieba.add_word(word, freq=None)
    return len(added)


def fine_cut(text: str):
    """jieba's words, with a long word split into the dictionary words that exactly
    cover it when each has two or more characters (校园足球 → 校园 足球), so that a
    query for 足球 finds it; 公办园 stays whole, since 公办 + 园 would let a query for
    公办园 match any text holding 公办学校 and 幼儿园."""
    import jieba

    for word in jieba.cut(text):
        yield from _cover(word, jieba.dt.FREQ) if len(word) >= 4 else (word,)


def _cover(word: str, freq: dict) -> list[str]:
    """Fewest dictionary words of length >= 2 that tile word, else [word]."""
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(2, len(word) + 1):
        for start in range(0, end - 1):
            piece, before, known = word[start:end], best[start], best[end]
            if before is not None and freq.get(piece) and piece != word:
                candidate = before + [piece]
                if known is None or len(candidate) < len(known):
                    best[end] = candidate
    return best[len(word)] or [word]


class FineSegmenter:
    """Stands in for the ``jieba`` module inside Material's search plugin, which only
    calls ``jieba.cut(bytes)`` (see :func:`install_segmenter`)."""

    def cut(self, data, *args, **kwargs):
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return fine_cut(text)


def install_segmenter() -> None:
    """Make Material index fine-grained words (a documented, tested substitution)."""
    from material.plugins.search import plugin

    if getattr(plugin, "jieba", None) is None:
        raise SearchPatchError("Material's search plugin has no jieba: install jieba")
    plugin.jieba = FineSegmenter()


_TAG = re.compile(r"<[^>]+>")
_HAN = re.compile(r"[\u3400-\u9fff]")


def characters(document: dict) -> str:
    """The distinct Chinese characters of a search document, space-separated."""
    text = _TAG.sub("", f"{document.get('title', '')} {document.get('text', '')}")
    return " ".join(dict.fromkeys(_HAN.findall(text)))


def rewrite_index(site_dir: Path) -> None:
    """Add the character field every Chinese query requires, and write UTF-8.

    Words alone lose matches where jieba cut across the query (大家|访 for 家访), so
    each document also lists its distinct characters in a low-boost field ``chars``:
    a query requires all its characters (recall), the worker then keeps only
    documents holding the phrase itself (precision), and the query's words rank them.
    An item's hit is titled with its plan's label (the part of the plan page's title
    before "：", as views.plan.plan_page writes it: 青岛市 2024), so that every result
    says which place and year it is from.
    """
    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    data["config"]["fields"]["chars"] = {"boost": 0.01}
    labels = {d["location"]: d["title"].replace("\u200b", "").split("：")[0] for d in data["docs"]
              if d["location"].startswith("plans/") and "#" not in d["location"] and "：" in d["title"]}
    for document in data["docs"]:
        document["chars"] = characters(document)
        page, _, anchor = document["location"].partition("#")
        if anchor and page in labels:  # an item's hit says which plan: 青岛市 2024 · 22. 巩固扩大……
            document["title"] = f"{labels[page]} · {document['title']}"
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


DIALOG = 'data-md-component="search" role="dialog"'
DIALOG_NAMED = 'data-md-component="search" role="dialog" aria-label="搜索"'


def name_dialog(html: str) -> str:
    """Material's search dialog has no accessible name (axe: aria-dialog-name); give it one."""
    if DIALOG_NAMED in html or 'data-md-component="search"' not in html:
        return html
    if DIALOG not in html:
        raise SearchPatchError("Material's search dialog markup changed (generator/site/search.py DIALOG): "
                               "check that it has an accessible name, then update or remove this fix")
    return html.replace(DIALOG, DIALOG_NAMED, 1)


def worker_files(site_dir: Path) -> list[Path]:
    return sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))


def patch_source(source: str) -> str:
    if MARKER in source:
        return source
    patched, count = WORKER_CALL.subn(lambda _: REPLACEMENT, source)
    queries = patched.count(QUERY_CALL)
    patched = patched.replace(QUERY_CALL, QUERY_REPLACEMENT)
    if count != 1 or queries != 1:
        raise SearchPatchError(
            "Material's search worker no longer contains the Chinese query segmentation call that "
            "eduplans replaces (generator/site/search.py WORKER_CALL). Check whether the upgrade fixed the "
            "last-character bug, then update or remove the patch."
        )
    return SEGMENTER_JS + patched


def patch_worker(site_dir: Path) -> None:
    files = worker_files(site_dir)
    if not files:
        raise SearchPatchError(f"no search worker found under {site_dir}/assets/javascripts/workers")
    for path in files:
        path.write_text(patch_source(path.read_text(encoding="utf-8")), encoding="utf-8")
