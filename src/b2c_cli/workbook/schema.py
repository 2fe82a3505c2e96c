"""JSON Schema for each workbook file, for editors (yaml-language-server reads draft-07): key completion,
the guide's question as each key's description in the partnership's language, and checks while typing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from b2c_cli.errors import UsageError
from b2c_cli.i18n import Lang
from b2c_cli.models import Part1, Part2, Part3, Partnership
from b2c_cli.outputs import write_outputs
from b2c_cli.resources import field_doc

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "b2c.schema.json": Partnership,
    "part1.schema.json": Part1,
    "part2.schema.json": Part2,
    "part3.schema.json": Part3,
}


def json_schema(model: type[BaseModel], lang: Lang) -> dict[str, Any]:
    raw = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions: dict[str, Any] = raw.pop("$defs", {})
    for name, definition in definitions.items():
        _describe(definition, name, lang)
    _describe(raw, model.__name__, lang)
    schema: dict[str, Any] = {"$schema": DRAFT_07, **raw}
    if definitions:
        schema["definitions"] = dict(sorted(definitions.items()))
    return schema


def _describe(definition: dict[str, Any], model_name: str, lang: Lang) -> None:
    """Put the guide's text on each property, drop Pydantic's English titles, and let every optional key
    be left empty (an empty value means "not filled in yet")."""
    definition.pop("title", None)
    required = set(definition.get("required", []))
    for field, prop in definition.get("properties", {}).items():
        prop.pop("title", None)
        doc = field_doc(model_name, field, lang)
        if doc:
            prop["description"] = doc
        if field not in required and not _allows_null(prop):
            default = prop.pop("default", None)
            inner = {k: prop.pop(k) for k in list(prop) if k != "description"}
            prop["anyOf"] = [inner, {"type": "null"}]
            if default is not None:
                prop["default"] = default


def _allows_null(prop: dict[str, Any]) -> bool:
    return any(option.get("type") == "null" for option in prop.get("anyOf", []))


def render_schemas(lang: Lang) -> dict[str, str]:
    """File name -> JSON text, deterministic (sorted keys, trailing newline)."""
    return {
        name: json.dumps(json_schema(model, lang), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMA_FILES.items()
    }


def write_schemas(
    output: Path | None, lang: Lang | None, cwd: Path, *, dry_run: bool = False
) -> tuple[list[tuple[Path, bool]], Lang]:
    """Write the schemas to `output`, or to the partnership's .b2c/schema when run inside one, in `lang` or
    the partnership's language. Returns each path with whether it changed, and the language used."""
    from b2c_cli.workbook.folder import SCHEMA_DIR, find_root, language_hint

    try:
        root: Path | None = find_root(cwd)
    except UsageError:
        root = None
    if output is not None:
        folder = output
    elif root is not None:
        folder = root / SCHEMA_DIR
    else:
        raise UsageError("schema-no-output")
    lang = lang or (language_hint(root) if root is not None else "da")
    outputs = {name: text.encode("utf-8") for name, text in render_schemas(lang).items()}
    written = write_outputs(folder, outputs, dry_run)
    return [(item.path, item.changed) for item in written], lang
