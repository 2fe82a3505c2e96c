"""`b2c schema`: draft-07 JSON Schemas (what yaml-language-server reads) with the guide's texts as
descriptions; the scaffold passes them, a misspelt key does not."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from b2c_cli.i18n import Lang, tr
from b2c_cli.resources import texts
from conftest import Run
from helpers import files_in, leaked, snapshot

SCHEMAS = ["b2c.schema.json", "part1.schema.json", "part2.schema.json", "part3.schema.json"]
SCHEMA_OF = {
    "b2c.yaml": "b2c.schema.json",
    "part1-housing.yaml": "part1.schema.json",
    "part1-company.yaml": "part1.schema.json",
    "part2-joint.yaml": "part2.schema.json",
    "part3-evaluation.yaml": "part3.schema.json",
}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def write_schemas(run: Run, folder: Path, *flags: str) -> dict[str, dict[str, Any]]:
    result = run("schema", "-o", folder, *flags)
    assert result.exit_code == 0, result.stderr
    return {name: json.loads((folder / name).read_text("utf-8")) for name in SCHEMAS}


def walk(node: Any) -> list[tuple[str, Any]]:
    """Every (key, value) pair in a JSON document."""
    pairs: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            pairs.append((key, value))
            pairs.extend(walk(value))
    elif isinstance(node, list):
        for item in node:
            pairs.extend(walk(item))
    return pairs


def safe_load_with_dates_as_text(text: str) -> Any:
    def as_text(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: as_text(value) for key, value in node.items()}
        if isinstance(node, list):
            return [as_text(item) for item in node]
        return node.isoformat() if isinstance(node, dt.date) else node

    return as_text(yaml.safe_load(text))


class Yaml12Loader(yaml.SafeLoader):
    """Plain scalars typed as YAML 1.2's core schema does, like yaml-language-server in an editor: `no` and
    `on` are text, only true/false are booleans, and there are no dates."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$",
        "-+.0123456789",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_schemas_are_draft_07_with_definitions(run: Run, tmp_path: Path, lang: Lang) -> None:
    schemas = write_schemas(run, tmp_path / "schemas", "--lang", lang)
    for name, schema in schemas.items():
        assert schema["$schema"] == DRAFT_07, name
        keys = [key for key, _ in walk(schema)]
        assert "$defs" not in keys, name
        refs = [value for key, value in walk(schema) if key == "$ref"]
        assert all(ref.startswith("#/definitions/") for ref in refs), name
        for ref in refs:
            assert ref.removeprefix("#/definitions/") in schema["definitions"], f"{name}: {ref} is dangling"
        assert "$defs" not in json.dumps(schema)
        jsonschema.Draft7Validator.check_schema(schema)
    assert "definitions" in schemas["part3.schema.json"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_descriptions_are_the_guides_texts_in_the_chosen_language(
    run: Run, tmp_path: Path, lang: Lang
) -> None:
    schemas = write_schemas(run, tmp_path / "schemas", "--lang", lang)
    fields = texts(lang)["fields"]
    part1 = schemas["part1.schema.json"]
    assert part1["properties"]["key_points"]["description"] == fields["Part1.key_points"]
    assert (
        part1["definitions"]["OwnPriorities"]["properties"]["focus"]["description"]
        == fields["OwnPriorities.focus"]
    )
    part3 = schemas["part3.schema.json"]
    assert (
        part3["definitions"]["MeetingLog"]["properties"]["adjustments"]["description"]
        == fields["MeetingLog.adjustments"]
    )
    other: Lang = "en" if lang == "da" else "da"
    foreign = set(texts(other)["fields"].values()) - set(fields.values())
    descriptions = {
        value
        for name in SCHEMAS
        for key, value in walk(schemas[name])
        if key == "description" and isinstance(value, str)
    }
    assert descriptions & foreign == set()
    titles = [
        value
        for name in SCHEMAS
        for key, value in walk(schemas[name])
        if key == "title" and isinstance(value, str)
    ]
    assert titles == [], "Pydantic's English titles would show in the editor"


def test_every_property_has_a_description(run: Run, tmp_path: Path) -> None:
    schemas = write_schemas(run, tmp_path / "schemas")
    for name, schema in schemas.items():
        objects = [schema, *schema.get("definitions", {}).values()]
        for definition in objects:
            for field, prop in definition.get("properties", {}).items():
                assert prop.get("description"), f"{name}: {field} has no description"


def test_default_language_is_danish_outside_a_partnership(run: Run, tmp_path: Path) -> None:
    schemas = write_schemas(run, tmp_path / "schemas")
    assert (
        schemas["b2c.schema.json"]["properties"]["size"]["description"]
        == texts("da")["fields"]["Partnership.size"]
    )


def test_stdout_lists_the_files_and_a_rerun_says_unchanged(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    first = run("schema", "-o", folder)
    second = run("schema", "-o", folder)
    assert first.stdout.splitlines() == [
        tr("cli-schema-wrote", "da", path=str(folder / name)) for name in SCHEMAS
    ]
    assert second.stdout.splitlines() == [
        tr("cli-schema-unchanged", "da", path=str(folder / name)) for name in SCHEMAS
    ]
    assert first.stderr == second.stderr == ""


def test_messages_follow_lang(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    result = run("schema", "-o", folder, "--lang", "en")
    assert result.stdout.splitlines()[0] == f"written   {folder / 'b2c.schema.json'}"
    assert leaked(result.stdout, "en") == []
    assert leaked(run("schema", "-o", tmp_path / "other").stdout, "da") == []


def test_dry_run_writes_nothing(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    result = run("schema", "-o", folder, "--dry-run")
    assert result.exit_code == 0
    assert not folder.exists()
    assert result.stdout.splitlines() == [
        tr("cli-schema-would-write", "da", path=str(folder / name)) for name in SCHEMAS
    ]


def test_inside_a_partnership_it_refreshes_the_schemas_the_modelines_point_at(
    run: Run, partnership: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(partnership / "surveys")
    before = snapshot(partnership)
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        tr("cli-schema-unchanged", "da", path=str(partnership / ".b2c" / "schema" / name)) for name in SCHEMAS
    ]
    assert snapshot(partnership) == before

    (partnership / ".b2c" / "schema" / "part2.schema.json").unlink()
    assert run("schema").exit_code == 0
    standalone = write_schemas(run, tmp_path / "standalone")
    written = files_in(partnership / ".b2c" / "schema")
    assert {name: json.loads(data) for name, data in written.items()} == standalone


def test_english_partnership_gets_english_schemas(
    run: Run, partnership_en: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = json.loads((partnership_en / ".b2c" / "schema" / "part1.schema.json").read_text("utf-8"))
    assert schema["properties"]["key_points"]["description"] == texts("en")["fields"]["Part1.key_points"]


def test_without_a_partnership_or_output_it_is_a_usage_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("schema")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert tr("schema-no-output", "da") in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fixture", ["partnership", "partnership_en"])
@pytest.mark.parametrize("loader", ["safe_load", "yaml-1.2"])
def test_the_scaffold_passes_its_schemas(request: pytest.FixtureRequest, fixture: str, loader: str) -> None:
    """PyYAML's safe_load (dates as text), and YAML 1.2 as an editor reads it, where `no` is not false."""
    folder: Path = request.getfixturevalue(fixture)
    for name, schema_name in SCHEMA_OF.items():
        schema = json.loads((folder / ".b2c" / "schema" / schema_name).read_text("utf-8"))
        text = (folder / name).read_text("utf-8")
        data = safe_load_with_dates_as_text(text) if loader == "safe_load" else yaml.load(text, Yaml12Loader)
        errors = [error.message for error in jsonschema.Draft7Validator(schema).iter_errors(data)]
        assert errors == [], f"{name}: {errors}"


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "part1-housing.yaml",
            "  focus:",
            "  fokus:",
            "Additional properties are not allowed ('fokus' was unexpected)",
        ),
        ("b2c.yaml", "size: large", "size: medium", "'medium' is not one of ['small', 'large']"),
        (
            "part3-evaluation.yaml",
            '    esrs: S3\n    kpi: "% der stoler',
            '    kpi: "% der stoler',
            "'esrs' is a required property",
        ),
        ("part1-housing.yaml", "key_points:\n", "key_points: [a, b, c, d, e, f]\n", "is too long"),
        ("part2-joint.yaml", "    month:\n", "    month: 13\n", "13 is greater than the maximum of 12"),
    ],
    ids=["misspelt-key", "invalid-choice", "missing-key", "six-key-points", "month-13"],
)
def test_a_broken_file_fails_its_schema(
    partnership: Path, name: str, old: str, new: str, expected: str
) -> None:
    text = (partnership / name).read_text("utf-8")
    assert old in text
    data = safe_load_with_dates_as_text(text.replace(old, new, 1))
    schema = json.loads((partnership / ".b2c" / "schema" / SCHEMA_OF[name]).read_text("utf-8"))
    messages = all_messages(jsonschema.Draft7Validator(schema).iter_errors(data))
    assert any(expected in message for message in messages), messages


def all_messages(errors: Any) -> list[str]:
    """Error messages including those inside anyOf branches (optional keys may also be empty)."""
    found: list[str] = []
    for error in errors:
        found.append(error.message)
        found.extend(all_messages(error.context or []))
    return found
