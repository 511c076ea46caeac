"""A plan against its raw source: nothing of the source lost, nothing moved.

Every plan cites the raw file it was imported from (``source.file``). For each raw
file and the plans citing it (a compilation feeds several plans) this checks, at a
cost linear in the files' sizes:

- the raw file exists, and every raw file is cited by a plan;
- each recorded typo correction's ``from`` is printed in the source;
- every sentence of the source (corrections applied) stands in one of the plans;
- every title and paragraph of a plan lies within one line of the source (text
  joined across lines, or moved between items, which sentence coverage misses).

Each problem is located: a lost sentence at its line of the source, a stray
paragraph or a wrong correction at its field in the plan file. The rules are data:
which outline markers are stripped in ``rules/fidelity.yml``, what ends a sentence in
``rules/outline.yml`` (the importer's one set).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..data import anchors, loader, yamlio
from ..data.validate import Problem, field_name
from ..data.yamlio import Document, FieldPath, Mark
from . import importer, outline, readers, text

RULES_FILE = Path(__file__).parent / "rules" / "fidelity.yml"
RAW_PREFIX = "raw/"


@dataclass(frozen=True)
class FidelityRules:
    sentence_end: re.Pattern[str]
    marker: re.Pattern[str]
    counted: re.Pattern[str]
    quote_chars: int


@lru_cache(maxsize=1)
def rules() -> FidelityRules:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    ends = outline.patterns().sentence_ends  # the importer's one set: rules/outline.yml
    return FidelityRules(outline.one_of(ends), re.compile(data["outline_marker"]),
                         re.compile(data["counted"]), data["quote_chars"])


def sentences(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(line, column, sentence) of every sentence of the lines: outline markers stripped,
    split at the sentence ends, whitespace removed (the plan may wrap or reflow)."""
    r = rules()
    for number, line in enumerate(lines, 1):
        marker = r.marker.match(line)
        start = marker.end() if marker else 0
        for piece in r.sentence_end.split(line[start:]):
            squeezed = "".join(piece.split())
            if r.counted.search(squeezed):
                yield number, start + len(piece) - len(piece.lstrip()) + 1, squeezed
            start += len(piece) + 1


def strings(data: Any) -> Iterator[str]:
    """Every string in plan data, however deeply nested."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


def blob(*data: Any) -> str:
    """Every string of the plans' data, whitespace removed, joined by a character no
    sentence holds: a sentence is kept when it stands in this."""
    return "\u0001".join("".join(s.split()) for d in data for s in strings(d))


def _corrections(docs: list[Document]) -> Iterator[tuple[Document, FieldPath, dict[str, Any]]]:
    for doc in docs:
        for field_path, item, _ in anchors.item_anchors(doc.data):
            for c, correction in enumerate(item.get("corrections") or []):
                yield doc, (*field_path, "corrections", c), correction


def _pieces(data: dict[str, Any]) -> Iterator[tuple[FieldPath, str]]:
    """Titles and paragraphs of a plan, each of which must lie within one source line.
    A title composed by the importer cites its evidence instead (source.inferred)."""
    inferred = {i.get("field") for i in data.get("source", {}).get("inferred") or []}
    if "title" not in inferred and data.get("title"):
        yield ("title",), data["title"]

    def walk(sections: list[dict[str, Any]], at: FieldPath) -> Iterator[tuple[FieldPath, str]]:
        for s, section in enumerate(sections):
            here = (*at, s)
            yield (*here, "title"), section.get("title") or ""
            yield from (((*here, "intro"), p) for p in (section.get("intro") or "").split("\n"))
            yield from walk(section.get("sections") or [], (*here, "sections"))

    yield from walk(data.get("sections") or [], ("sections",))
    for field_path, item, _ in anchors.item_anchors(data):
        yield (*field_path, "title"), item.get("title") or ""
        yield from (((*field_path, "text"), p) for p in (item.get("text") or "").split("\n"))


def _squeeze(line: str) -> str:
    """A line without its whitespace: a stray space the plan drops (1200 个) is no move."""
    return "".join(line.split())


@dataclass(frozen=True)
class Source:
    """A raw file as the fidelity check reads it: its name under the repository
    (raw/…) and the plan documents that cite it."""

    file: str
    plans: tuple[Document, ...]

    @property
    def label(self) -> str:
        return ", ".join(Path(d.path).stem for d in self.plans)


def sources(docs: list[Document]) -> list[Source]:
    """The plans grouped by the raw file they cite, in file order."""
    cited: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        cited[str(doc.data.get("source", {}).get("file", ""))].append(doc)
    return [Source(name, tuple(group)) for name, group in sorted(cited.items())]


def check_source(root: Path, source: Source) -> list[Problem]:
    """Every problem of one raw file against the plans that cite it."""
    path = root / source.file
    if not source.file.startswith(RAW_PREFIX) or not path.is_file() or ".." in Path(source.file).parts:
        return [Problem(doc.path, doc.mark(("source", "file")), f"source.file '{source.file}' is not a file in raw/",
                        "put the document the plan was imported from into raw/ and name it here, e.g. "
                        "raw/weihai-2025.pdf", "source.file") for doc in source.plans]
    try:
        lines = importer.document_lines(path, path.read_bytes())
    except (readers.ReadError, text.DecodeError, OSError) as exc:
        return [Problem(source.file, Mark(1, 1), f"cannot read the source: {exc}", "replace it with the document "
                        "as found", "")]
    problems = _wrong_corrections(source, lines)
    for correction in _corrections(list(source.plans)):
        lines = [line.replace(correction[2]["from"], correction[2]["to"]) for line in lines]
    return problems + _lost_sentences(source, lines) + _stray_pieces(source, lines)


def _wrong_corrections(source: Source, lines: list[str]) -> list[Problem]:
    printed = "\n".join(lines)
    return [Problem(doc.path, doc.mark((*at, "from")), f"the correction's 'from' ({correction['from'][:30]}) is not "
                    f"printed in {source.file}", "write the wording exactly as the source prints it",
                    field_name((*at, "from")))
            for doc, at, correction in _corrections(list(source.plans)) if correction["from"] not in printed]


def _lost_sentences(source: Source, lines: list[str]) -> list[Problem]:
    everything = blob(*(doc.data for doc in source.plans))
    limit = rules().quote_chars
    return [Problem(source.file, Mark(line, column), f"sentence in no plan file ({source.label}): “{sentence[:limit]}”",
                    "copy it into the plan exactly as printed (item text, intro, preamble or closing); if the "
                    "source misprints it, fix the plan and record the fix under the item's corrections")
            for line, column, sentence in sentences(lines) if sentence not in everything]


def _stray_pieces(source: Source, lines: list[str]) -> list[Problem]:
    squeezed = [_squeeze(line) for line in lines]
    problems = []
    for doc in source.plans:
        for at, piece in _pieces(doc.data):
            if piece and not any(_squeeze(piece) in line for line in squeezed):
                problems.append(Problem(doc.path, doc.mark(at), f"“{piece[:30]}” lies within no one line of "
                                        f"{source.file}", "each title and paragraph is one line of the source, "
                                        "as printed: undo a join across lines or a move between items",
                                        field_name(at)))
    return problems


def uncited(raw_folder: Path, docs: list[Document]) -> list[Problem]:
    """Raw files no plan cites: a source kept for nothing, or a plan not yet imported."""
    cited = {str(d.data.get("source", {}).get("file", "")) for d in docs}
    return [Problem(f"{RAW_PREFIX}{p.name}", Mark(1, 1), f"no plan cites {RAW_PREFIX}{p.name}",
                    f"import it (python -m generator import {RAW_PREFIX}{p.name} --out-dir plans …), or remove it")
            for p in sorted(raw_folder.iterdir()) if p.is_file() and not p.name.startswith(".")
            and f"{RAW_PREFIX}{p.name}" not in cited]


def plan_documents(files: list[Path]) -> tuple[list[Document], list[Problem]]:
    """Plan files as documents (a file that does not parse is a problem,
    reported by validate as well)."""
    docs, problems = [], []
    for path in files:
        try:
            doc = yamlio.read_file(path)
        except yamlio.YamlError as exc:
            problems.append(Problem(exc.path, exc.mark, exc.message, exc.hint))
            continue
        if isinstance(doc.data, dict) and isinstance(doc.data.get("source"), dict):
            docs.append(doc)
    return docs, problems


def check(root: Path, paths: list[Path], folder: Path) -> list[Problem]:
    """The plans under paths against their sources. A source that also feeds plans not
    named (a compilation) is held against all of them; when paths is the whole plans
    folder, every raw file must be cited too."""
    named = loader.plan_files(paths)
    docs, problems = plan_documents(named)
    cited = {str(d.data["source"].get("file", "")) for d in docs}
    given, every = set(named), loader.plan_files([folder])
    companions = [p for p in every if p not in given and _cites_any(p, cited)]
    more, _ = plan_documents(companions)
    for source in sources(docs + more):
        if source.file in cited:
            problems += check_source(root, source)
    if given == set(every):
        problems += uncited(root / RAW_PREFIX.rstrip("/"), docs)
    return problems


def _cites_any(path: Path, cited: set[str]) -> bool:
    """Whether a plan file names one of these sources (its text read once, not parsed)."""
    text = path.read_text(encoding="utf-8")
    return any(f"file: {name}" in text for name in cited)
