"""The strict YAML loader: what a consultant types is what b2c reads.

Every plain scalar stays a string until the Pydantic schema types it, so `NO`, `nej`, `on`, `10:30`, `0555`
and `1,5` are never turned into booleans, sexagesimal or octal numbers behind the user's back. An empty value,
`~` and `null` are the only spellings of "nothing". Duplicate keys, anchors and aliases (and so alias bombs),
explicit tags such as `!!python/object`, tab or non-breaking-space indentation and files that are not UTF-8
are refused with the line and column. Every node's position is kept, so validation messages can point at
`file:line:col` for any key path.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any, NamedTuple

import yaml
from yaml.composer import Composer
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner


def _libyaml_parser() -> Any:
    """libyaml's parser, shipped in PyYAML's wheels, for the fast path below; None in a PyYAML built
    without it (then the pure-Python path does it all)."""
    try:
        from yaml import _yaml
    except ImportError:  # pragma: no cover
        return None
    return _yaml.CParser


_CParser: Any = _libyaml_parser()

Path = tuple[str | int, ...]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NBSP = ("\u00a0", "\u202f", "\u2007")  # non-breaking spaces that look like indentation


class Mark(NamedTuple):
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
        self.depth = 0  # collections open around the node being composed

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
        if not isinstance(event, SequenceStartEvent | MappingStartEvent):
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise YamlProblem("yaml-syntax", mark.line, mark.column)
        node = super().compose_node(parent, index)
        self.depth -= 1
        return node


def _mark(yaml_mark: Any) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


MAX_BYTES = 8 * 1024 * 1024  # a workbook or results file is kilobytes; anything this large is no such file


def read_file(path: FilePath, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a YAML file, read without ever blocking or reading without end: a FIFO, a device
    (`/dev/zero`) or a folder in its place is refused before a byte is read (YamlProblem
    'yaml-not-a-file'), a file over `limit` bytes after reading at most `limit + 1` ('yaml-too-large').
    OSError as open() raises it (missing, no permission)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise YamlProblem("yaml-not-a-file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise YamlProblem("yaml-too-large", params={"limit": limit // (1024 * 1024)})
        return b"".join(chunks)
    finally:
        os.close(fd)


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


# The line breaks YAML counts (and so PyYAML's marks); str.splitlines() knows more, e.g. form feed.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _check_indentation(text: str, inside_scalars: frozenset[int] = frozenset()) -> None:
    """Refuse a line indented with a tab or a non-breaking space, except a continuation line of a multi-line
    text, where the character is part of the text (and where `dump` may put it)."""
    if "\t" not in text and not any(space in text for space in _NBSP):
        return  # nearly every file: nothing to look for
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if number in inside_scalars:
            continue
        stripped = line.lstrip(" ")
        lead = len(line) - len(stripped)
        if stripped.startswith("\t"):
            raise YamlProblem("yaml-tab", number, lead + 1)
        if stripped.startswith(_NBSP):
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


# Problems PyYAML notices only where it gives up (the next line, or the end of the file), while the place to
# fix is where the key, the quoted text or the [list] began: its context mark.
_AT_CONTEXT = frozenset({"yaml-missing-colon", "yaml-unclosed-quote"})
_FLOW_CONTEXTS = ("while parsing a flow sequence", "while parsing a flow mapping")


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    text = f"{exc.context or ''} {exc.problem or ''}"
    key = next((key for needle, key in _SYNTAX_HINTS if needle in text), "yaml-syntax")
    at_context = key in _AT_CONTEXT or (exc.context or "").startswith(_FLOW_CONTEXTS)
    mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    return YamlProblem(key, line, column, {"tag": "?"} if key == "yaml-tag" else {})


def parse(raw: bytes) -> YamlDocument:
    """Parse one YAML file's bytes into plain dicts, lists, strings and None, with positions."""
    text = decode(raw)
    try:
        fast = _parse_fast(text)
    except YamlProblem:
        _check_indentation(text)
        raise
    if fast is not None:
        document, continuation = fast
        _check_indentation(text, continuation)
        return document
    try:
        root = _Loader(text).get_single_node()
        if root is None:
            raise YamlProblem("yaml-empty", 1, 1)
        doc = YamlDocument(None, {}, {})
        doc.data = _build(root, (), doc)
    except (yaml.YAMLError, YamlProblem, RecursionError) as exc:
        _check_indentation(text)  # a tab or a non-breaking space is the likely cause: say that first
        raise _as_problem(exc, text) from None
    _check_indentation(text, _continuation_lines(root))
    return doc


# Workbooks nest six deep. Deeper nesting is refused at the collection that goes too deep, by both paths:
# PyYAML's scanner slows down with every open bracket, and its composer would hit the recursion limit.
MAX_DEPTH = 50


def _parse_fast(text: str) -> tuple[YamlDocument, frozenset[int]] | None:
    """The same document built straight from libyaml's events, about ten times faster than PyYAML's
    pure-Python parser (a portfolio reads thousands of files). Anything out of the ordinary (a syntax
    error, an alias, an anchor, a tag, a complex or duplicate key, several documents or none) gives None,
    and the pure-Python path above, which knows the precise message for each, decides. Nesting deeper than
    MAX_DEPTH is refused here, where it is cheap to see, as the pure-Python path would refuse it."""
    if _CParser is None:
        return None
    document = YamlDocument(None, {}, {})
    continuation: set[int] = set()
    # Each open collection: (its container, its path, the pending key of a mapping or None).
    stack: list[list[Any]] = []
    documents = 0
    try:
        parser = _CParser(text)
        while True:
            event: Any = parser.get_event()  # libyaml's events always carry their marks
            if isinstance(event, StreamEndEvent):
                break
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    return None
                continue
            if isinstance(event, MappingEndEvent | SequenceEndEvent):
                stack.pop()
                continue
            if isinstance(event, StreamStartEvent | DocumentEndEvent):
                continue
            if not isinstance(event, ScalarEvent | MappingStartEvent | SequenceStartEvent):
                return None  # an alias
            if event.anchor is not None or event.tag not in (None, "!"):
                return None
            mark = _mark(event.start_mark)
            if isinstance(event, ScalarEvent):
                start: Any = event.start_mark
                end: Any = event.end_mark
                last = end.line + 1 if end.column > 0 else end.line  # 1-based; a block text ends at column 0
                continuation.update(range(start.line + 2, last + 1))
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                container, path, _ = stack[-1]  # this event is a mapping key
                if not isinstance(event, ScalarEvent) or event.value in container:
                    return None
                stack[-1][2] = event.value
                document.key_marks[(*path, event.value)] = mark
                continue
            value: Any
            if isinstance(event, ScalarEvent):
                plain = event.style in (None, "")
                value = None if plain and event.value in _NULLS else event.value
            else:
                value = {} if isinstance(event, MappingStartEvent) else []
            if not stack:
                here: Path = ()
                document.data = value
            else:
                parent = stack[-1]
                if isinstance(parent[0], dict):
                    here = (*parent[1], parent[2])
                    parent[0][parent[2]] = value
                    parent[2] = None
                else:
                    here = (*parent[1], len(parent[0]))
                    parent[0].append(value)
            document.marks[here] = mark
            if not isinstance(event, ScalarEvent):
                stack.append([value, here, None])
                if len(stack) > MAX_DEPTH:
                    raise YamlProblem("yaml-syntax", mark.line, mark.column)
    except (yaml.YAMLError, RecursionError):
        return None
    if documents != 1 or () not in document.marks:
        return None
    return document, frozenset(continuation)


def _as_problem(exc: Exception, text: str) -> YamlProblem:
    if isinstance(exc, YamlProblem):
        return exc
    if isinstance(exc, yaml.MarkedYAMLError):
        return _plain_cause(_syntax_problem(exc), exc, text)
    if isinstance(exc, ReaderError):  # a character YAML does not allow, e.g. a control character from Word
        before = _LINE_BREAK.split(text[: exc.position])
        key = "yaml-utf16" if exc.character == 0 else "yaml-syntax"  # NUL bytes: UTF-16 without a BOM
        return YamlProblem(key, len(before), len(before[-1]) + 1)
    return YamlProblem("yaml-syntax")  # also nesting deeper than Python's recursion limit: not a crash


_RESERVED_START = re.compile(r"found character '([%@`])' that cannot start any token")
# What PyYAML reports on the line of `key:value` or the next one.
_GLUED_SYMPTOMS = frozenset({"yaml-missing-colon", "yaml-syntax", "yaml-colon", "yaml-indent"})
_NO_SPACE_AFTER_COLON = re.compile(r"\s*(?:-\s+)?([^\s:#'\"][^:#]*?):([^\s:].{0,19})")


def _plain_cause(problem: YamlProblem, exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """The cause a person can act on, where PyYAML's words do not name it: a value that begins with `%`,
    `@` or a backtick (every KPI the guide suggests begins with %) needs quotes; `key:value` needs a space
    after the colon."""
    reserved = _RESERVED_START.search(str(exc.problem or ""))
    if reserved and problem.line is not None:
        line = _LINE_BREAK.split(text)[problem.line - 1]
        value = line[(problem.column or 1) - 1 :].strip()
        return YamlProblem(
            "yaml-reserved-start", problem.line, problem.column, {"char": reserved.group(1), "value": value}
        )
    if problem.key in _GLUED_SYMPTOMS and problem.line is not None:
        lines = _LINE_BREAK.split(text)
        content = 0
        for number in range(min(problem.line, len(lines)), 0, -1):
            line = lines[number - 1]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            glued = _NO_SPACE_AFTER_COLON.match(line)
            if glued and not glued.group(2).startswith("//"):
                key = glued.group(1).strip()
                return YamlProblem(
                    "yaml-colon-space", number, line.index(key) + 1, {"key": key, "rest": glued.group(2)}
                )
            content += 1
            if content == 2:
                break
    return problem


def _continuation_lines(root: Node) -> frozenset[int]:
    """The 1-based numbers of the lines that continue a text begun on an earlier line."""
    lines: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            start, end = node.start_mark, node.end_mark
            last = end.line + 1 if end.column > 0 else end.line  # 1-based; a block text ends at column 0
            lines.update(range(start.line + 2, last + 1))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return frozenset(lines)


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
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    )


class _Dumper(yaml.SafeDumper):
    """PyYAML writes the line breaks NEL, LS and PS unescaped in plain and single-quoted text, where a reader
    folds them into spaces, and leaves text that starts with a non-breaking space plain, where `parse` takes
    it for indentation: such text is written double-quoted."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    quote = any(ch in text for ch in "\x85\u2028\u2029") or text.startswith(_NBSP)
    style = '"' if quote else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.SequenceNode:
    """A short list of numbers (an interval) on one line: `ci95: [31.9, 50.8]`."""
    flow = 0 < len(items) <= 5 and all(isinstance(x, int | float) and not isinstance(x, bool) for x in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)
