"""Targeted edits of a YAML file a person wrote: a value is replaced, a list item added or removed, a key
added, and nothing else in the file moves. Every comment, the key order, the quoting and the indentation of
the untouched lines stay byte for byte as they were.

Positions come from PyYAML's composer (the start and end of each node); the strict loader in yamlfile stays
the only reader of the data. After each edit the new text is parsed by the strict loader and compared with
what the edit meant to do: an edit that would change anything else is refused (EditFailed), never written.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from b2c_cli.yamlfile import Path, YamlProblem, parse


class EditFailed(Exception):
    """The edit could not be made without changing more than the one value (a bug or a very unusual file)."""


@dataclass(frozen=True)
class Set:
    """Give the key or list item at `path` this value (a string, None, a list or a mapping)."""

    path: Path
    value: Any


@dataclass(frozen=True)
class Append:
    """Add `value` at the end of the list at `path` (an empty key becomes a one-item list)."""

    path: Path
    value: Any


@dataclass(frozen=True)
class Delete:
    """Remove the list item at `path`."""

    path: Path


Edit = Set | Append | Delete


def apply(text: str, edits: list[Edit]) -> str:
    """`text` with every edit made in order; each one checked by the strict loader."""
    for edit in edits:
        text = _apply_one(text, edit)
    return text


def apply_to_data(data: Any, edit: Edit) -> Any:
    """What the data must be after `edit`: the reference every text edit is checked against."""
    data = copy.deepcopy(data)
    *parents, last = edit.path
    holder = data
    for part in parents:
        holder = holder[part]
    if isinstance(edit, Set):
        holder[last] = edit.value
    elif isinstance(edit, Append):
        current = holder[int(last)] if isinstance(holder, list) else holder.get(last)
        holder[last] = [*(current or []), edit.value]
    else:
        del holder[int(last)]
        if not holder and len(parents) > 0:
            *grand, parent_key = parents
            owner = data
            for part in grand:
                owner = owner[part]
            owner[parent_key] = None  # the last item gone: the key is left empty, as a new file has it
    return data


_SAFE_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*")
_NULL_WORDS = frozenset({"~", "null", "Null", "NULL"})


def _plain_ok(text: str) -> bool:
    """Whether `text` can be written without quotes and read back as the same text."""
    return (
        bool(_SAFE_PLAIN.fullmatch(text))
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text not in _NULL_WORDS
    )


def scalar(text: str, style: str | None = None) -> str:
    """`text` as one YAML scalar on one line: in the given quote style when there was one, else plain when
    it reads back the same, else double-quoted."""
    if style == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if style is None and _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _block(value: Any, indent: int) -> list[str]:
    """`value` (a list or a mapping) as block lines at `indent`."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list) and item:
                inner = _block(item, indent + 2)
                lines.append(pad + "- " + inner[0][indent + 2 :])
                lines.extend(inner[1:])
            else:
                lines.append(pad + "- " + _inline(item))
        return lines
    for key, item in value.items():
        if isinstance(item, dict | list) and item:
            lines.append(f"{pad}{key}:")
            lines.extend(_block(item, indent + 2))
        else:
            lines.append(f"{pad}{key}: {_inline(item)}".rstrip())
    return lines


def _inline(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return "[]" if isinstance(value, list) else "{}"
    return scalar(str(value))


def _compose(text: str) -> Node:
    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        raise EditFailed("not YAML") from exc
    if node is None:
        raise EditFailed("empty")
    return node


def _find(root: Node, path: Path) -> tuple[Node | None, Node | None]:
    """The node at `path` and, for a mapping entry, its key node."""
    node: Node | None = root
    key_node: Node | None = None
    for part in path:
        if isinstance(node, MappingNode) and isinstance(part, str):
            found = next(((k, v) for k, v in node.value if k.value == part), None)
            if found is None:
                return None, None
            key_node, node = found
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            key_node, node = None, node.value[part]
        else:
            return None, None
    return node, key_node


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _content_end(text: str, node: Node) -> int:
    """Where the node's own text ends: block scalars and block collections end after trailing line breaks
    (and a collection may end at the next key), so step back over whitespace."""
    end: int = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \n\r":
        end -= 1
    return end


def _empty(node: Node) -> bool:
    return (
        isinstance(node, ScalarNode)
        and getattr(node, "style", None) in (None, "")
        and node.value in ("", *_NULL_WORDS)
    )


def _apply_one(text: str, edit: Edit) -> str:
    before = parse(text.encode("utf-8")).data
    try:
        expected = apply_to_data(before, edit)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise EditFailed(f"no such place: {edit.path}") from exc
    root = _compose(text)
    if isinstance(edit, Set):
        new = _set(text, root, edit.path, edit.value)
    elif isinstance(edit, Append):
        new = _append(text, root, edit.path, edit.value)
    else:
        new = _delete(text, root, edit.path)
    try:
        after = parse(new.encode("utf-8")).data
    except YamlProblem as exc:
        raise EditFailed(f"edit of {edit.path} breaks the file") from exc
    if after != expected:
        raise EditFailed(f"edit of {edit.path} changed more than that value")
    return new


def _set(text: str, root: Node, path: Path, value: Any) -> str:
    node, key_node = _find(root, path)
    if node is None:
        return _add_key(text, root, path, value)
    if isinstance(value, str) and isinstance(node, ScalarNode) and not _empty(node):
        start, end = node.start_mark.index, _content_end(text, node)
        if node.style in ("|", ">"):
            return text[:start] + _block_scalar(text, node, value) + text[end:]
        style = node.style if node.style in ("'", '"') else None
        return text[:start] + scalar(value, style) + text[end:]
    if value is None and isinstance(node, ScalarNode) and _empty(node):
        return text
    if key_node is None:
        # a list item: rewrite it in place on its own line(s)
        start, end = node.start_mark.index, _content_end(text, node)
        indent = node.start_mark.column
        if isinstance(value, dict | list) and value:
            lines = _block(value, indent)
            return text[:start] + lines[0][indent:] + "".join("\n" + line for line in lines[1:]) + text[end:]
        return text[:start] + _inline(value) + text[end:]
    # a key whose value changes shape (empty to text, text to list, ...): rewrite it after the key
    colon = text.index(":", key_node.end_mark.index)
    value_end = colon + 1 if _empty(node) else _content_end(text, node)
    if isinstance(value, dict | list) and value:
        lines = _block(value, key_node.start_mark.column + 2)
        line_end = _line_end(text, colon)
        rest = text[colon + 1 : line_end]
        keep = rest if rest.strip().startswith("#") and _empty(node) else ""
        if not _empty(node):
            return text[: colon + 1] + "".join("\n" + line for line in lines) + text[value_end:]
        return text[: colon + 1] + keep + "".join("\n" + line for line in lines) + text[line_end:]
    rendered = _inline(value)
    return text[: colon + 1] + (" " + rendered if rendered else "") + text[value_end:]


def _block_scalar(text: str, node: Node, value: str) -> str:
    """A new value for a `>-` or `|` text, in the same style and indentation."""
    header_end = _line_end(text, node.start_mark.index)
    header = text[node.start_mark.index : header_end].split("#")[0].rstrip()
    first_line = text[header_end + 1 : _line_end(text, header_end + 1)]
    indent = len(first_line) - len(first_line.lstrip(" "))
    if indent == 0:
        indent = _line_indent(text, node.start_mark.index) + 2
    pad = " " * indent
    if not value.strip():
        return json.dumps(value)
    paragraphs = value.split("\n")
    separator = "\n\n" if getattr(node, "style", None) == ">" else "\n"
    body = separator.join(pad + line if line else "" for line in paragraphs)
    chomp = "" if value.endswith("\n") else "-"
    return header[0] + chomp + "\n" + body


def _line_indent(text: str, index: int) -> int:
    start = _line_start(text, index)
    line = text[start : _line_end(text, start)]
    return len(line) - len(line.lstrip(" "))


def _add_key(text: str, root: Node, path: Path, value: Any) -> str:
    """A key the file does not have yet, added after the last key of its mapping."""
    parent, parent_key = _find(root, path[:-1])
    key = path[-1]
    if not isinstance(key, str):
        raise EditFailed("no such list item")
    if parent is None or _empty(parent):
        return _set(text, root, path[:-1], {key: value})
    if not isinstance(parent, MappingNode) or parent.flow_style or not parent.value:
        raise EditFailed("cannot add a key here")
    indent = parent.value[0][0].start_mark.column
    last_key, last_value = parent.value[-1]
    end = _line_end(text, max(_content_end(text, last_value), last_key.end_mark.index))
    if isinstance(value, dict | list) and value:
        lines = [" " * indent + f"{key}:", *_block(value, indent + 2)]
    else:
        lines = [(" " * indent + f"{key}: {_inline(value)}").rstrip()]
    del parent_key
    return text[:end] + "".join("\n" + line for line in lines) + text[end:]


def _append(text: str, root: Node, path: Path, value: Any) -> str:
    node, _ = _find(root, path)
    if node is None or _empty(node):
        return _set(text, root, path, [value])
    if not isinstance(node, SequenceNode):
        raise EditFailed("not a list")
    if node.flow_style or not node.value:
        return _set(text, root, path, [*_flow_items(text, node), value])
    indent = node.start_mark.column
    end = _line_end(text, _content_end(text, node.value[-1]))
    lines = _block([value], indent)
    return text[:end] + "".join("\n" + line for line in lines) + text[end:]


def _flow_items(text: str, node: SequenceNode) -> list[Any]:
    data = parse(text[node.start_mark.index : node.end_mark.index].encode("utf-8")).data
    return list(data) if isinstance(data, list) else []


def _delete(text: str, root: Node, path: Path) -> str:
    parent, _ = _find(root, path[:-1])
    node, _ = _find(root, path)
    if not isinstance(parent, SequenceNode) or node is None:
        raise EditFailed("not a list item")
    if parent.flow_style or len(parent.value) == 1:
        items = _flow_items(text, parent) if parent.flow_style else [None]
        del items[path[-1] if isinstance(path[-1], int) else 0]
        return _set(text, root, path[:-1], items or None)
    start = _line_start(text, node.start_mark.index)
    end = _line_end(text, _content_end(text, node))
    return text[:start] + text[end + 1 :]
