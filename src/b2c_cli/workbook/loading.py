"""One workbook file from bytes to a model: the strict YAML parse, then Pydantic, with every error turned into
a Problem that points at the YAML node it is about (Pydantic's `loc` mapped back to line and column)."""

from __future__ import annotations

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
    return loaded


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
