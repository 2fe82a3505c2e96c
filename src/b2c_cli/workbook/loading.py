"""One workbook file from bytes to a model: the strict YAML parse, then Pydantic, with every error turned into
a Problem that points at the YAML node it is about (Pydantic's `loc` mapped back to line and column)."""

from __future__ import annotations

import copy
import difflib
import re
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from b2c_cli.i18n import Msg
from b2c_cli.workbook.problems import Problem, format_path
from b2c_cli.yamlfile import YamlDocument, YamlProblem, parse, read_file

M = TypeVar("M", bound=BaseModel)

_SHORT = 60  # longest value quoted back in a message


@dataclass
class Loaded(Generic[M]):
    """The outcome of loading one file: the model when it is valid, the parsed document when it parsed."""

    name: str
    model: M | None = None
    document: YamlDocument | None = None
    problems: list[Problem] = field(default_factory=list)
    # For a file with type errors: the model of what is left once the wrong values are taken out, so the
    # guide's rules can still check the rest, and the key paths that were taken out.
    partial: M | None = None
    pruned: list[tuple[str | int, ...]] = field(default_factory=list)


def load_file(path: Path, name: str, model: type[M]) -> Loaded[M]:
    loaded: Loaded[M] = Loaded(name)
    try:
        raw = read_file(path)
    except YamlProblem as problem:
        loaded.problems.append(Problem(name, None, None, "", problem.key, params=problem.params))
        return loaded
    except OSError as exc:
        loaded.problems.append(
            Problem(name, None, None, "", "yaml-unreadable", params={"reason": exc.strerror})
        )
        return loaded
    try:
        document = parse(raw)
    except YamlProblem as problem:
        loaded.problems.append(
            Problem(name, problem.line, problem.column, "", problem.key, params=problem.params)
        )
        return loaded
    loaded.document = document
    if not isinstance(document.data, dict):
        found = _kind_of(document.data)
        loaded.problems.append(Problem(name, 1, 1, "", "root-not-mapping", params={"found": found}))
        return loaded
    try:
        loaded.model = model.model_validate(document.data)
    except ValidationError as exc:
        loaded.problems.extend(_problem(name, document, model, error) for error in exc.errors())
        loaded.partial, loaded.pruned = _without_errors(document.data, model, exc)
    return loaded


_PRUNE_ROUNDS = 10


def _without_errors(
    data: dict[str, Any], model: type[M], exc: ValidationError
) -> tuple[M | None, list[tuple[str | int, ...]]]:
    """The model of `data` with each wrong value's key taken out (the nearest key above it that the file
    has), round by round while taking one out makes a required key missing above it."""
    data = copy.deepcopy(data)
    pruned: list[tuple[str | int, ...]] = []
    errors = exc.errors()
    for _ in range(_PRUNE_ROUNDS):
        for error in errors:
            loc = tuple(part for part in error["loc"] if part != "[key]")
            point = _prune_point(data, loc, missing=error["type"] == "missing")
            if point is None:
                return None, pruned
            if point not in pruned:
                holder: Any = data
                for part in point[:-1]:
                    holder = holder[part]
                holder.pop(point[-1], None)
                pruned.append(point)
        try:
            return model.model_validate(data), pruned
        except ValidationError as again:
            errors = again.errors()
    return None, pruned


def _prune_point(data: Any, loc: tuple[Any, ...], *, missing: bool) -> tuple[str | int, ...] | None:
    """The longest key path along `loc` that names a key of a mapping in `data` (not `loc` itself when the
    problem is that it is missing)."""
    for end in range(len(loc) - (1 if missing else 0), 0, -1):
        holder: Any = data
        for part in loc[: end - 1]:
            if (isinstance(holder, dict) and part in holder) or (
                isinstance(holder, list) and isinstance(part, int) and part < len(holder)
            ):
                holder = holder[part]
            else:
                holder = None
                break
        key = loc[end - 1]
        if isinstance(holder, dict) and isinstance(key, str) and key in holder:
            return tuple(loc[:end])
    return None


def short(value: object) -> str:
    """A value quoted back to the user, cut short: messages never carry long text."""
    text = str(value)
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def _problem(name: str, document: YamlDocument, model: type[BaseModel], error: ErrorDetails) -> Problem:
    loc = tuple(part for part in error["loc"] if part != "[key]")
    mark = document.mark(loc)
    code, params = _describe(model, loc, error)
    return Problem(name, mark.line, mark.column, format_path(loc), code, params=params)


def _describe(
    model: type[BaseModel], loc: tuple[str | int, ...], error: ErrorDetails
) -> tuple[str, dict[str, object]]:
    kind = error["type"]
    value = error.get("input")
    key = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        allowed = sorted(_model_at(model, loc[:-1]).model_fields)
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            return "unknown-key-suggest", {"key": key, "suggestion": close[0]}
        return "unknown-key", {"key": key, "allowed": ", ".join(allowed)}
    if kind == "missing":
        return "missing-key", {"key": key}
    if value is None:
        return "empty-value", {"key": key}
    if kind in ("int_parsing", "int_from_float", "float_parsing", "int_type", "float_type", "finite_number"):
        if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value.strip()) and kind.startswith("float"):
            return "decimal-comma", {"value": short(value), "fixed": value.strip().replace(",", ".")}
        return ("not-a-whole-number" if kind.startswith("int") else "not-a-number"), {"value": short(value)}
    if kind.startswith(("date_", "datetime_")):
        return "invalid-date", {"value": short(value)}
    if kind == "bool_parsing":
        return "not-yes-no", {"value": short(value)}
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        return "invalid-choice", {"value": short(value), "choices": ", ".join(choices)}
    if kind == "list_type":
        return "expected-list", {"found": _kind_of(value)}
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "expected-mapping", {"found": _kind_of(value)}
    if kind == "string_type":
        return "expected-text", {"found": _kind_of(value)}
    return "invalid-value", {"value": short(value)}


def _kind_of(value: object) -> Msg:
    if isinstance(value, dict):
        return Msg("kind-mapping")
    if isinstance(value, list):
        return Msg("kind-list")
    if value is None:
        return Msg("kind-empty")
    return Msg("kind-text")


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel]:
    """The model class that holds the keys at `loc` (for "did you mean")."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        found = _find_model(info.annotation) if info is not None else None
        if found is None:
            return current
        current = found
    return current


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, dict, Union, types.UnionType, Literal):
        for arg in get_args(annotation):
            found = _find_model(arg)
            if found is not None:
                return found
    return None
