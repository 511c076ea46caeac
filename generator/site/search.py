"""The search index: a static character-bigram index of every item, loaded in pieces.

Chinese has no spaces, and a word segmenter cuts the text one way at build time and a
query another way in the browser; so the index keys are the characters and the pairs
of adjacent characters of each item (the classic approach for Chinese), and the
browser verifies the phrase itself on the item text. A query fetches only the keys
it needs, so its cost does not grow with the atlas.

What enters: the :class:`Index`. What leaves: script files under ``search/``, each
``eduplansSearch.put(name, data)``, so that the same index loads from a web server and
from ``file://`` (the offline bundle), where ``fetch`` is refused:

- ``meta``: plans (locality, year, number of items, id), localities, provinces,
  levels, themes, the URL forms, the plan label's form, the shard count, the rules of
  :func:`search_form` and :func:`keys` (``rules``: the marks dropped, the word class, the
  fields' separator) and the names of every row's columns (``columns``: :data:`ITEM_COLUMNS`,
  :data:`PLAN_COLUMNS`, :data:`LOCALITY_COLUMNS`), so that the page script copies no rule
  and reads no row by position;
- ``k/<n>``: the keys whose hash (:func:`shard_of`) is n → their postings (:func:`postings_value`),
  or the number of items holding it when the postings have a file of their own;
- ``p/<hex>``: the postings of a frequent key, fetched only when a query has no rarer key;
- ``d/<n>``: items n × items_per_file onwards, rows of :data:`ITEM_COLUMNS`, to verify
  the phrase, rank and show the hit, and to rebuild a plan's items; :func:`packed`
  (gzip-compressed JSON in base64: the items' text is two thirds of the index, and a
  static host counts stored bytes, not the bytes it sends compressed);
- ``t/<theme>``: the items of a theme (the theme filter);
- ``t2s``: traditional → simplified characters, OpenCC's t2s applied to each character.

Items are numbered newest year first, then province and locality (the order of
"最新优先" and the last tie-break of the ranking), and postings are those numbers
ascending, delta-coded as LEB128 varints in base64 without padding. A pair of
characters that some item's title holds carries, after a comma, which of its postings
are such items (their places in the list, coded the same way): the page puts title
hits first before it pages, however many items hold the pair (0.5 KB a plan, 3 % of
the index). The browser side is ``docs/assets/js/`` (normalise.js repeats :func:`search_form`
and the runs of :func:`indexed_keys` with the rules it reads from ``meta``, keys.js :func:`shard_of`);
a browser test holds the two sides equal on random text drawn from those rules.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import unicodedata
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..analysis.index import Index
from ..data.model import Item, Locality, Plan
from . import downloads, labels, urls
from .views.common import item_label

# Spaces and the marks that quote or bracket a phrase are not part of it: a reader
# typing 双减工作 means the text's “双减”工作 (the browser reads the same marks from meta).
DROP = re.compile("[\\s\\u200b“”‘’\"'《》〈〉「」『』【】()（）]")
RUN = re.compile(r"\w+")  # letters and digits: keys never span punctuation
# RUN's \w in the browser's syntax: Python's \w is a letter (L*), a number (N*) or "_"
WORD_JS = "[\\p{L}\\p{N}_]"
FIELDS = "|"  # between an item's fields, so that no phrase runs from one into the next

# The columns of the rows in the index, named once: both sides read a row by these names.
ITEM_COLUMNS = ("anchor", "label", "title", "text", "outline", "fields", "themes", "targets", "section")
PLAN_COLUMNS = ("locality", "year", "items", "suffix", "id")  # id only when suffix is ""
LOCALITY_COLUMNS = ("name", "aliases", "province", "level", "parent", "id")


@dataclass(frozen=True)
class SearchRules:
    levels: dict[str, tuple[str, ...]]  # facet label → registry levels
    own_file_over: int
    shard_bytes: int
    items_per_file: int

    def level_of(self, registry_level: str) -> int:
        for at, members in enumerate(self.levels.values()):
            if registry_level in members:
                return at
        raise ValueError(f"level {registry_level!r} is in no group of eduplans.yml's search: levels: add it there")


def search_form(text: str) -> str:
    """What is matched: each character in NFKC (full-width letters and digits become
    ASCII) and lower case, without spaces and quote or bracket marks. Character by
    character, as the browser does it: NFKC over a whole string would also compose
    neighbours (ｶ + ﾞ → ガ), and the two sides must agree on every text."""
    return text.translate(_form_table())


@lru_cache(maxsize=1)
def _form_table() -> dict[int, str | None]:
    """Every character that search_form changes → what it becomes (built once, 0.4 s)."""
    table: dict[int, str | None] = {}
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        formed = DROP.sub("", unicodedata.normalize("NFKC", char).lower())
        if formed != char:
            table[code] = formed or None
    return table


@lru_cache(maxsize=1)
def dropped() -> str:
    """Every character DROP matches, spelled out: Python's \\s and JavaScript's differ
    (\\x1c–\\x1f, \\x85, \\ufeff), so the browser gets the characters, not the class."""
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and DROP.match(chr(c)))


def browser_rules() -> dict[str, str]:
    """The rules of search_form and keys as the page script reads them from meta:
    JavaScript regular expression sources (flag u) and the fields' separator."""
    drop = "".join(f"\\u{{{ord(c):x}}}" for c in dropped())
    return {"drop": f"[{drop}]", "word": WORD_JS, "fields": FIELDS}


def indexed_keys(form: str) -> set[str]:
    """The keys the index files a text under: every character and every pair of adjacent
    characters within a run of letters and digits (a query looks up fewer: the script's
    keysOf, a lone character or the pairs of each run)."""
    found: set[str] = set()
    for run in RUN.findall(form):
        found.update(run)
        found.update(run[i:i + 2] for i in range(len(run) - 1))
    return found


def shard_of(key: str, shards: int) -> int:
    value = 0
    for char in key:
        value = (value * 31 + ord(char)) & 0xFFFFFFFF
    return value % shards


def encode(numbers: array) -> str:
    """Ascending numbers as base64 LEB128 deltas (the first is itself)."""
    out = bytearray()
    previous = -1
    for number in numbers:
        delta = number - previous - 1
        previous = number
        while delta >= 0x80:
            out.append((delta & 0x7F) | 0x80)
            delta >>= 7
        out.append(delta)
    return base64.b64encode(bytes(out)).decode("ascii").rstrip("=")


def own_file(key: str) -> str:
    """The file of a frequent key's postings: 教育 → p/6559-80b2."""
    return "p/" + "-".join(f"{ord(c):x}" for c in key)


def script(name: str, data: object) -> str:
    """A file of the index: a script that hands its data to the page (works over file://)."""
    # "</" cannot end a <script> here (the files are loaded by src), but a plan's text
    # must never become markup in any context, so it is escaped like inline JSON.
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"eduplansSearch.put({json.dumps(name)},{body});\n"


def packed(data: object) -> str:
    """JSON, gzip-compressed, in base64: the page inflates it with the browser's own
    DecompressionStream. 40 % of the bytes for the items' text (as stored; sent, it is
    about a third larger than the JSON gzip-compressed in transit)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(downloads.gzipped(raw)).decode("ascii")


def unpacked(text: str) -> object:
    """What :func:`packed` packed (for tests and tools that read the index)."""
    return json.loads(gzip.decompress(base64.b64decode(text)).decode("utf-8"))


def plan_order(index: Index) -> list[Plan]:
    """The order of the items' numbers (最新优先, and the ranking's last tie-break): newest
    year first, then province, locality and plan."""
    localities = index.catalog.localities
    return sorted(index.catalog.plans, key=lambda p: (-p.year, urls.province_slug(localities[p.locality].province),
                                                      p.locality, p.id))


def searched_fields(item: Item) -> str:
    """Everything of an item besides title, text and outline title that a reader may search for."""
    rows = (" ".join(filter(None, (t.task, t.problem, t.policies, t.measures, t.outcomes, t.due, t.divisions)))
            for t in item.tasks)
    parts = ["、".join(item.owners), "、".join(item.supporting), "、".join(item.deadlines),
             *rows]
    return FIELDS.join(p for p in parts if p)


def item_entry(index: Index, plan: Plan, item: Item, theme_at: dict[str, int]) -> list:
    """An item's row of the index, in the order of ITEM_COLUMNS."""
    named = {"anchor": item.anchor, "label": item_label(item), "title": item.title or "", "text": item.text,
             "outline": item.outline_title or "", "fields": searched_fields(item),
             "themes": [theme_at[t] for t in index.themes_of(plan, item)],
             "targets": [[t.indicator, t.value, t.unit, t.year] for t in item.targets],
             # an item printed with a title only: its hit shows the section it is in, not an empty line
             "section": section_line(item) if not item.text.strip() and item.section_title else ""}
    return [named[column] for column in ITEM_COLUMNS]


_ITEM = {name: at for at, name in enumerate(ITEM_COLUMNS)}


def column(entry: list, name: str) -> Any:
    """An item row's value in a named column (ITEM_COLUMNS)."""
    return entry[_ITEM[name]]


def other_fields(entry: list) -> str:
    """What is searched besides title and text: the outline title and the other fields."""
    return FIELDS.join(p for p in (column(entry, "outline"), column(entry, "fields")) if p)


def searched(entry: list) -> str:
    """The text of an item row that a query is matched on, its fields apart (as normalise.js's searched)."""
    return FIELDS.join((column(entry, "title"), column(entry, "text"), other_fields(entry)))


def section_line(item: Item) -> str:
    """The section an item is in, as printed: （四） 深化义务教育“双减”改革."""
    return f"{item.section.split(' / ')[-1]} {item.section_title}".strip()


def title_pairs(item: Item) -> set[str]:
    """The pairs of adjacent characters of an item's title (the keys that rank title hits first)."""
    return {key for key in indexed_keys(search_form(item.title or "")) if len(key) == 2}


def postings_value(numbers: array, title_ranks: array | None = None) -> str:
    """A key's postings as stored; with title ranks (which of the postings are items whose
    title holds the key), those after a comma: "<postings>,<ranks>"."""
    encoded = encode(numbers)
    return f"{encoded},{encode(title_ranks)}" if title_ranks else encoded


@dataclass
class _Collected:
    """What one pass over the items gathers: their files, and the postings of keys and themes."""

    files: dict[str, str] = field(default_factory=dict)
    postings: dict[str, array] = field(default_factory=lambda: defaultdict(lambda: array("I")))
    title_ranks: dict[str, array] = field(default_factory=lambda: defaultdict(lambda: array("I")))
    by_theme: dict[int, array] = field(default_factory=lambda: defaultdict(lambda: array("I")))
    count: int = 0


def build(index: Index, directory_urls: bool, settings: SearchRules) -> dict[str, str]:
    """Every file of the index, by docs path (settings: eduplans.yml's search:, via settings.SiteSettings)."""
    plans = plan_order(index)
    locality_at = {lid: at for at, lid in enumerate(sorted(index.catalog.localities))}
    got = _collect(index, plans, settings)
    files = got.files | _shard_files(got.postings, got.title_ranks, settings)
    files |= {urls.search_file(f"t/{theme}"): script(f"t/{theme}", encode(numbers))
              for theme, numbers in got.by_theme.items()}
    files[urls.search_file("t2s")] = script("t2s", t2s_pairs())
    meta = _meta(index, settings, got.count, _shards(got.postings, settings),
                 [plan_row(p, locality_at[p.locality]) for p in plans], directory_urls)
    files[urls.search_file("meta")] = script("meta", meta)
    return files


def _collect(index: Index, plans: list[Plan], settings: SearchRules) -> _Collected:
    """Items numbered in the order of plans: their files, a few items to each, and postings."""
    theme_at = {theme.id: at for at, theme in enumerate(index.catalog.themes)}
    got = _Collected()
    chunk: list[list] = []
    for plan in plans:
        for item in plan.all_items():
            entry = item_entry(index, plan, item, theme_at)
            titled = title_pairs(item)
            for key in indexed_keys(search_form(searched(entry))):
                if key in titled:
                    got.title_ranks[key].append(len(got.postings[key]))
                got.postings[key].append(got.count)
            for theme in column(entry, "themes"):
                got.by_theme[theme].append(got.count)
            chunk.append(entry)
            got.count += 1
            if len(chunk) == settings.items_per_file:
                got.files.update(_items_file(got.count, chunk, settings))
                chunk = []
    if chunk:
        got.files.update(_items_file(got.count, chunk, settings))
    return got


def _shard_files(postings: dict[str, array], title_ranks: dict[str, array],
                 settings: SearchRules) -> dict[str, str]:
    """The shards of keys, and a file of its own for each frequent key's postings."""
    count = _shards(postings, settings)
    files: dict[str, str] = {}
    shards: list[dict[str, str | int]] = [{} for _ in range(count)]
    for key, numbers in postings.items():
        encoded = postings_value(numbers, title_ranks.get(key))
        if len(encoded) > settings.own_file_over:
            files[urls.search_file(own_file(key))] = script(own_file(key), encoded)
            shards[shard_of(key, count)][key] = len(numbers)
        else:
            shards[shard_of(key, count)][key] = encoded
    for at, shard in enumerate(shards):
        files[urls.search_file(f"k/{at}")] = script(f"k/{at}", dict(sorted(shard.items())))
    return files


def _meta(index: Index, settings: SearchRules, count: int, shards: int, plan_rows: list[list],
          directory_urls: bool) -> dict:
    """What the page loads first: plans, localities and the facets' values, URL and label forms."""
    localities = index.catalog.localities
    ids = sorted(localities)
    at = {lid: n for n, lid in enumerate(ids)}
    provinces = sorted({loc.province or "" for loc in localities.values()}, key=lambda p: urls.province_slug(p or None))
    return {
        "items": count,
        "chunk": settings.items_per_file,
        "shards": shards,
        "label": labels.plan_label("{locality}", "{year}"),
        "plans": plan_rows,
        "localities": [locality_row(localities[lid], provinces, at, settings) for lid in ids],
        "provinces": [p or labels.UNKNOWN_PROVINCE for p in provinces],
        "levels": list(settings.levels),
        "themes": [[t.id, t.name] for t in index.catalog.themes],
        "rules": browser_rules(),
        "columns": {"item": list(ITEM_COLUMNS), "plan": list(PLAN_COLUMNS), "locality": list(LOCALITY_COLUMNS)},
        "url": {"plan": urls.public(urls.plan("{id}"), directory_urls=directory_urls),
                "locality": urls.public(urls.locality("{id}"), directory_urls=directory_urls)},
    }


def plan_row(plan: Plan, locality_at: int) -> list:
    """A plan's row (PLAN_COLUMNS): the id as what follows the locality's id, or whole
    when it does not begin with the locality's (the page rebuilds the id and the label)."""
    suffix = plan.id[len(plan.locality):] if plan.id.startswith(plan.locality) else ""
    named = {"locality": locality_at, "year": plan.year, "items": plan.item_count, "suffix": suffix, "id": plan.id}
    row = [named[column] for column in PLAN_COLUMNS]
    return row if not suffix else row[:PLAN_COLUMNS.index("id")]  # id is the last column, written only when needed


def locality_row(locality: Locality, provinces: list[str], at: dict[str, int], settings: SearchRules) -> list:
    """A locality's row (LOCALITY_COLUMNS): province, level and parent by their places in meta."""
    named = {"name": locality.name, "aliases": list(locality.aliases), "province": provinces.index(locality.province or ""),
             "level": settings.level_of(locality.level), "parent": at.get(locality.parent or "", -1), "id": locality.id}
    return [named[column] for column in LOCALITY_COLUMNS]


def _items_file(count: int, chunk: list[list], settings: SearchRules) -> dict[str, str]:
    """Items are stored settings.items_per_file to a file: verifying a hit fetches a few KB."""
    name = f"d/{(count - 1) // settings.items_per_file}"
    return {urls.search_file(name): script(name, packed(chunk))}


def _shards(postings: dict[str, array], settings: SearchRules) -> int:
    """A power of two, so that a shard's keys weigh about settings.shard_bytes."""
    inline = sum(min(len(n) * 2, settings.own_file_over) + len(k) * 3 + 8 for k, n in postings.items())
    count = 1
    while inline / count > settings.shard_bytes:
        count *= 2
    return count


@lru_cache(maxsize=1)
def t2s_pairs() -> str:
    """Traditional and simplified characters alternating (T S T S …): OpenCC's t2s applied
    to each CJK character on its own (a query is converted character by character)."""
    import opencc

    chars = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        raise ValueError("OpenCC changed the number of lines while converting characters one per line")
    # both of a pair in the Basic Multilingual Plane, so that the browser reads the pairs
    # two UTF-16 units at a time
    return "".join(t + s for t, s in zip(chars, converted) if len(s) == 1 and s != t and ord(s) < 0x10000)
