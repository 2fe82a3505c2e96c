"""The scaffold, byte for byte, in both languages. After an intended change to the templates, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden_scaffold.py` and review the diff like code."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.i18n import Lang
from b2c_cli.resources import texts
from conftest import Run
from helpers import GOLDEN_FLAGS, SCAFFOLD_FILES, TESTS, files_in

LANGS: tuple[Lang, ...] = ("da", "en")
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def golden_dir(lang: Lang) -> Path:
    return TESTS / "golden" / f"scaffold-{lang}"


def scaffold(run: Run, folder: Path, lang: Lang) -> dict[str, bytes]:
    result = run("init", folder, *GOLDEN_FLAGS, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return files_in(folder)


@pytest.mark.parametrize("lang", LANGS)
def test_scaffold_matches_golden_files(run: Run, tmp_path: Path, lang: Lang) -> None:
    written = scaffold(run, tmp_path / "hedemarken", lang)
    golden = golden_dir(lang)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(golden, ignore_errors=True)
        for name, data in written.items():
            (golden / name).parent.mkdir(parents=True, exist_ok=True)
            (golden / name).write_bytes(data)
    expected = files_in(golden)
    assert sorted(written) == sorted(expected)
    for name, data in written.items():
        assert data == expected[name], f"{name} differs from {golden / name}"


@pytest.mark.parametrize("lang", LANGS)
def test_golden_holds_every_file_init_writes(lang: Lang) -> None:
    assert set(files_in(golden_dir(lang))) == SCAFFOLD_FILES


@pytest.mark.parametrize("lang", LANGS)
def test_every_workbook_file_starts_with_a_modeline_to_a_written_schema(lang: Lang) -> None:
    golden = golden_dir(lang)
    for name in (
        "b2c.yaml",
        "part1-housing.yaml",
        "part1-company.yaml",
        "part2-joint.yaml",
        "part3-evaluation.yaml",
    ):
        text = (golden / name).read_text("utf-8")
        match = MODELINE.match(text)
        assert match, f"{name} does not start with the schema modeline"
        assert (golden / match.group(1)).is_file(), (
            f"{name} points at {match.group(1)}, which init did not write"
        )


def _leaves(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [leaf for value in node.values() for leaf in _leaves(value)]
    return [node] if isinstance(node, str) else []


def _flat(text: str) -> str:
    """The text with comment markers and line wrapping removed, so a wrapped comment reads as one line."""
    return " ".join(line.strip().lstrip("#").strip() for line in text.splitlines())


@pytest.mark.parametrize("lang", LANGS)
def test_golden_files_are_in_one_language(lang: Lang) -> None:
    """The Danish scaffold carries no English guide text and the English one no Danish, while the texts of
    its own language are there."""
    other: Lang = "en" if lang == "da" else "da"
    own_texts = [t for t in _leaves(texts(lang)) if len(t) > 15 and "{" not in t]
    foreign = [t for t in _leaves(texts(other)) if len(t) > 15 and "{" not in t and t not in own_texts]
    assert foreign
    golden = golden_dir(lang)
    everything = _flat("\n".join(data.decode("utf-8") for data in files_in(golden).values()))
    assert [t for t in foreign if " ".join(t.split()) in everything] == []
    for key in ("Part1.key_points", "Agreement.evaluation_meetings", "MeetingLog.adjustments"):
        assert " ".join(texts(lang)["fields"][key].split()) in everything


def test_danish_and_english_scaffolds_have_the_same_keys() -> None:
    """Keys are stable English identifiers: only comments and texts change with the language."""
    import yaml

    for name in (
        "b2c.yaml",
        "part1-housing.yaml",
        "part1-company.yaml",
        "part2-joint.yaml",
        "part3-evaluation.yaml",
    ):
        da = yaml.safe_load((golden_dir("da") / name).read_text("utf-8"))
        en = yaml.safe_load((golden_dir("en") / name).read_text("utf-8"))
        assert _key_paths(da) == _key_paths(en), name


def _key_paths(node: Any, prefix: str = "") -> set[str]:
    if isinstance(node, dict):
        return {
            p
            for key, value in node.items()
            for p in {f"{prefix}{key}"} | _key_paths(value, f"{prefix}{key}.")
        }
    if isinstance(node, list):
        return {p for item in node for p in _key_paths(item, f"{prefix}[].")}
    return set()
