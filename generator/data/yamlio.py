"""Reading and writing plan YAML.

Reading keeps the line and column of every value, so that a validation error can
point at ``plans/x.yml:12:7`` instead of a field path alone. PyYAML's composer
gives the nodes with their marks; we construct plain Python values ourselves,
which also lets us refuse what a plan file never needs and an attacker would
use: aliases (the "billion laughs" bomb), duplicate keys that PyYAML would
silently overwrite, custom tags, and absurd nesting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # the libyaml parser is several times faster; fall back when absent
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 2_000_000       # a plan file: the longest plan is a tenth of this
MAX_REGISTRY_BYTES = 20_000_000  # localities.yml for every education bureau of China (≈1.4 MB) has room to grow
MAX_DEPTH = 12

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class YamlError(Exception):
    path: str
    mark: Mark
    message: str
    hint: str = ""

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.mark.line}:{self.mark.column}: {self.message}{hint}"


@dataclass
class Document:
    """A parsed YAML file: the plain data and where each value stands in the file."""

    path: str
    data: Any
    marks: dict[FieldPath, Mark]

    def mark(self, field_path: FieldPath) -> Mark:
        """The mark of the value at field_path, or of its nearest ancestor."""
        while field_path not in self.marks and field_path:
            field_path = field_path[:-1]
        return self.marks.get(field_path, Mark(1, 1))


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.marks: dict[FieldPath, Mark] = {}
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
        yaml.constructor.SafeConstructor.__init__(self.constructor)

    def error(self, node: yaml.Node, message: str, hint: str = "") -> YamlError:
        return YamlError(self.path, _mark(node), message, hint)

    def build(self, node: yaml.Node, field_path: FieldPath = ()) -> Any:
        if id(node) in self.seen:
            raise self.error(
                node,
                "YAML aliases (*name) are not allowed in plan files",
                "write the value out in full",
            )
        self.seen.add(id(node))
        if len(field_path) > MAX_DEPTH:
            raise self.error(node, f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure")
        self.marks[field_path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, field_path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.error(node, f"unsupported tag {node.tag}", "remove the tag")
            return [self.build(child, (*field_path, i)) for i, child in enumerate(node.value)]
        if not isinstance(node, yaml.ScalarNode):  # pragma: no cover - the composer makes only these three
            raise self.error(node, "unsupported node", "write a plain value")
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, field_path: FieldPath) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.error(node, f"unsupported tag {node.tag}", "remove the tag")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.error(key_node, "merge keys (<<) are not allowed", "write the keys out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, "a key must be a plain word", "use a name such as 'title'")
            key = str(key_node.value)
            if key in result:
                raise self.error(
                    key_node,
                    f"duplicate key '{key}'",
                    "a key may appear once per mapping; merge the two values",
                )
            result[key] = self.build(value_node, (*field_path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise self.error(node, f"unsupported tag {node.tag}", "remove the tag")
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # keep dates as the ISO text the contributor wrote
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            raise self.error(node, f"cannot read value {node.value!r}: {exc}") from exc


REGISTRY_NAMES = ("localities.yml", "themes.yml")


def limit_for(name: str) -> int:
    """The size limit of a file of plans/: registries grow with the country, plans do not."""
    return MAX_REGISTRY_BYTES if Path(name).name in REGISTRY_NAMES else MAX_FILE_BYTES


def _too_large(path: str, limit: int) -> YamlError:
    hint = "split the plan" if limit == MAX_FILE_BYTES else "split the registry, or raise the limit in data/yamlio.py"
    return YamlError(path, Mark(1, 1), f"file larger than {limit:,} bytes", hint)


def parse(text: str, path: str, limit: int = MAX_FILE_BYTES) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`YamlError` on bad input."""
    if len(text.encode("utf-8", errors="surrogatepass")) > limit:
        raise _too_large(path, limit)
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        problem = exc.problem or str(exc)
        line = text.split("\n")[where.line - 1] if where.line <= text.count("\n") + 1 else ""
        raise YamlError(path, where, f"YAML syntax error: {problem}", _syntax_hint(problem, line)) from exc
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        where = Mark(before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
        raise YamlError(path, where, f"character U+{exc.character:04X} is not allowed in YAML",
                        "remove the invisible control character") from exc
    except yaml.YAMLError as exc:
        raise YamlError(path, Mark(1, 1), f"YAML error: {exc}") from exc
    if "*" in text:
        _refuse_aliases(text, path)
    if node is None:
        return Document(path, None, {(): Mark(1, 1)})
    builder = _Builder(path)
    data = builder.build(node)
    return Document(path, data, builder.marks)


def top_scalars(text: str, keys: frozenset[str]) -> dict[str, str]:
    """The plain values of some top-level keys, read with libyaml's event parser up to the
    last of them, without building or checking the document: enough to count files by
    what they say before loading them (a value that is not a scalar is left out)."""
    found: dict[str, str] = {}
    depth, key = 0, None  # key: the top-level key whose value comes next
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            key = None
        elif depth == 1 and isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            if key is None:
                key = event.value if isinstance(event, yaml.ScalarEvent) else ""
                continue
            if key in keys and isinstance(event, yaml.ScalarEvent):
                found[key] = event.value
                if len(found) == len(keys):
                    break
            key = None
    return found


def _refuse_aliases(text: str, path: str) -> None:
    """Point at the alias itself (the composed graph only remembers the anchor)."""
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
            raise YamlError(path, where,
                            "YAML aliases (*name) are not allowed in plan files", "write the value out in full")


def _syntax_hint(problem: str, line: str) -> str:
    """A fix for the usual mistakes; libyaml's messages do not name a tab, so look at the line."""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "tab" in problem or "\t" in indent:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, or written as a block with '|'"
    if "found character '@'" in problem or "found character '`'" in problem:
        return "quote a value that starts with @ or `"
    return "check indentation and quoting on this line and the one above"


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> Document:
    """Read and parse a YAML file, turning encoding problems into located errors."""
    shown = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlError(shown, Mark(1, 1), f"cannot read file: {exc.strerror}") from exc
    if size > limit:
        raise _too_large(shown, limit)
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError(shown, Mark(1, 1), "file is UTF-16", "save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(shown, Mark(line, column), "invalid UTF-8", "save the file as UTF-8") from exc
    return parse(text, shown, limit)


# ---------------------------------------------------------------------------
# Writing


class _Dumper(yaml.SafeDumper):
    """Block style, Chinese written as is, long text as literal blocks, lists indented."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value or len(value) > 120:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _list_representer(dumper: yaml.SafeDumper, value: list) -> yaml.SequenceNode:
    short = all(isinstance(v, str) and len(v) <= 20 and "\n" not in v for v in value)
    flow = bool(value) and short and sum(len(v) for v in value) <= 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(list, _list_representer)


def dump(data: Any, header: str = "") -> str:
    """Serialize plan data the way a person would write it."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        indent=2,
        default_flow_style=False,
    )
    return header + body
