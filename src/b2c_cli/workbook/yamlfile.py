"""The strict YAML loader: what a consultant types is what b2c reads.

Every plain scalar stays a string until the Pydantic schema types it, so `NO`, `nej`, `on`, `10:30`, `0555`
and `1,5` are never turned into booleans, sexagesimal or octal numbers behind the user's back. An empty value,
`~` and `null` are the only spellings of "nothing". Duplicate keys, anchors and aliases (and so alias bombs),
explicit tags such as `!!python/object`, tab or non-breaking-space indentation and files that are not UTF-8
are refused with the line and column. Every node's position is kept, so validation messages can point at
`file:line:col` for any key path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

Path = tuple[str | int, ...]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class YamlProblem(Exception):
    """The file cannot be read as the plain YAML b2c accepts. `key` names a message; `params` fill it."""

    key: str
    line: int | None = None
    column: int | None = None
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass
class YamlDocument:
    data: Any
    marks: dict[Path, Mark]  # where each value starts
    key_marks: dict[Path, Mark]  # where each mapping key starts

    def mark(self, path: Path) -> Mark:
        """The best position for `path`: its key, its value, or the nearest enclosing node that exists."""
        for end in range(len(path), -1, -1):
            sub = path[:end]
            if sub in self.key_marks:
                return self.key_marks[sub]
            if sub in self.marks:
                return self.marks[sub]
        return Mark(1, 1)


class _Loader(Reader, Scanner, Parser, Composer, BaseResolver):
    """PyYAML's pipeline with the resolver that knows no implicit types, and a composer that refuses
    anchors, aliases and explicit tags before they can build anything."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        mark = _mark(event.start_mark)
        if isinstance(event, AliasEvent):
            raise YamlProblem("yaml-alias", mark.line, mark.column, {"name": event.anchor})
        if isinstance(event, ScalarEvent | SequenceStartEvent | MappingStartEvent):
            if event.anchor is not None:
                raise YamlProblem("yaml-anchor", mark.line, mark.column, {"name": event.anchor})
            if event.tag not in (None, "!"):
                raise YamlProblem("yaml-tag", mark.line, mark.column, {"tag": event.tag})
        return super().compose_node(parent, index)


def _mark(yaml_mark: Any) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is allowed) or a YamlProblem that says where the first bad byte is and what the
    file was probably saved as."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem("yaml-utf16", 1, 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        try:
            raw.decode("cp1252")
        except UnicodeDecodeError:
            raise YamlProblem("yaml-not-utf8", line, column) from None
        raise YamlProblem("yaml-cp1252", line, column) from None


def _check_indentation(text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        lead = len(line) - len(stripped)
        if stripped.startswith("\t"):
            raise YamlProblem("yaml-tab", number, lead + 1)
        if stripped.startswith(("\u00a0", "\u202f", "\u2007")):
            raise YamlProblem("yaml-nbsp", number, lead + 1)


# PyYAML's English problem texts mapped to our message keys, most specific first.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "yaml-tab"),
    ("mapping values are not allowed", "yaml-colon"),
    ("could not find expected ':'", "yaml-missing-colon"),
    ("found unexpected end of stream", "yaml-unclosed-quote"),
    ("while scanning a quoted scalar", "yaml-unclosed-quote"),
    ("expected <block end>", "yaml-indent"),
    ("but found another document", "yaml-many-documents"),
    ("expected a single document", "yaml-many-documents"),
    ("found undefined tag handle", "yaml-tag"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, key in _SYNTAX_HINTS:
        if needle in text:
            return YamlProblem(key, line, column, {"tag": "?"} if key == "yaml-tag" else {})
    return YamlProblem("yaml-syntax", line, column)


def parse(raw: bytes) -> YamlDocument:
    """Parse one YAML file's bytes into plain dicts, lists, strings and None, with positions."""
    text = decode(raw)
    _check_indentation(text)
    try:
        root = _Loader(text).get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc) from None
    except yaml.YAMLError:
        raise YamlProblem("yaml-syntax") from None
    if root is None:
        raise YamlProblem("yaml-empty", 1, 1)
    doc = YamlDocument(None, {}, {})
    doc.data = _build(root, (), doc)
    return doc


def _build(node: Node, path: Path, doc: YamlDocument) -> Any:
    doc.marks[path] = _mark(node.start_mark)
    if isinstance(node, ScalarNode):
        value: str = node.value
        return None if node.style is None and value in _NULLS else value
    if isinstance(node, SequenceNode):
        return [_build(child, (*path, index), doc) for index, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_mark = _mark(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem("yaml-complex-key", key_mark.line, key_mark.column)
            key = key_node.value
            if key in result:
                first = doc.key_marks[(*path, key)]
                raise YamlProblem(
                    "yaml-duplicate-key", key_mark.line, key_mark.column, {"key": key, "first": first.line}
                )
            doc.key_marks[(*path, key)] = key_mark
            result[key] = _build(value_node, (*path, key), doc)
        return result
    raise YamlProblem("yaml-syntax", doc.marks[path].line, doc.marks[path].column)  # pragma: no cover


def dump(data: Any) -> str:
    """YAML for files b2c writes: block style, keys in the given order, Unicode kept, strings that would
    look like something else quoted. `parse(dump(x))` gives back x with every scalar as a string."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
