"""The importer's rules are data: every pattern it matches plan text against lives in
generator/ingest/rules/*.yml with a comment on what it catches, none in the code."""

from __future__ import annotations

import ast

from conftest import ROOT

INGEST = ROOT / "generator" / "ingest"
RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
# Expressions that say nothing about how plans are written: the syntax of a file format or
# of the importer's own messages. Anything else belongs in rules/.
NOT_RULES = {
    ("fetch.py", r"^[A-Za-z][A-Za-z0-9+.-]*://"),  # an address has a scheme (RFC 3986)
    ("localities.py", r"^[a-z0-9]+(-[a-z0-9]+)*$"),  # the registry's id format
    ("review.py", r"^(?:outline: )?line (\d+): "),  # the importer's own warnings name their line
    ("chrome.py", "(?!)"),  # matches nothing: a family without patterns of a kind
    ("readers/html.py", rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)"),  # HTML's charset declaration
    ("readers/html.py", r"^\s*<\?xml[^>]*>"),  # an XML declaration lxml refuses in a decoded string
    ("readers/html.py", r"\|(\s*:?-+:?\s*\|)+"),  # Markdown's rule under a table header (trafilatura's output)
    ("readers/pdf.py", r"\d+"),  # a line's shape with its page number masked, to find repeated headers
    ("tables.py", r"\d+"),  # the digits of a row-number cell already matched by rules row_number
}


def literal_patterns():
    """(file, pattern, line) of every re call in generator/ingest whose pattern is written
    in the code (a string, bytes or f-string literal)."""
    for path in sorted(INGEST.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in RE_CALLS and node.args):
                continue
            pattern = node.args[0]
            if isinstance(pattern, ast.Constant) and isinstance(pattern.value, (str, bytes)):
                yield path.relative_to(INGEST).as_posix(), pattern.value, node.lineno
            elif isinstance(pattern, ast.JoinedStr):
                yield path.relative_to(INGEST).as_posix(), ast.unparse(pattern), node.lineno


def test_no_pattern_of_the_importer_is_written_in_its_code():
    stray = [f"generator/ingest/{file}:{line}: {pattern!r}" for file, pattern, line in literal_patterns()
             if (file, pattern) not in NOT_RULES]
    assert not stray, "move these patterns to generator/ingest/rules/*.yml, with a comment on what they " \
                      "catch:\n" + "\n".join(stray)


def test_the_exceptions_are_still_in_the_code():
    """An exception no longer needed is removed from the list, so that it cannot hide a new one."""
    assert NOT_RULES <= {(file, pattern) for file, pattern, _ in literal_patterns()}


def test_what_ends_a_sentence():
    """One set for every stage: 。！？； last, or right before the tail closing the line."""
    from generator.ingest.outline import ends_sentence

    for line in ("全面推进课程改革。", "是否落实到位？", "一是推进课改；", "推进课改。（责任单位：基教科）"):
        assert ends_sentence(line), line
    for line in ("2025年全区教育工作要点", "加强党建，", "推进课改（责任单位：基教科）", "主要任务如下："):
        assert not ends_sentence(line), line


def test_a_text_breaks_off_where_it_neither_ends_nor_closes_a_sentence():
    from generator.ingest.outline import stops_mid_sentence

    for text in ("各校要结合实际，制定", "学前三年毛入园率达到2."):  # the copy cut 2.5% short
        assert stops_mid_sentence(text), text
    for text in ("推进课改。", "推进课改（责任单位：基教科）", "提出“办好人民满意的教育。”"):
        assert not stops_mid_sentence(text), text
