"""The language b2c speaks, decided in one place for every command: `--lang`, then B2C_LANG, then the
partnership's language (b2c.yaml), then Danish. The example partnership is Danish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from b2c_cli.cli.app import COMMANDS
from b2c_cli.i18n import CATALOGUES, Lang
from conftest import Run
from helpers import REPO, foreign_fragments, fragments, leaked

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORT = REPO / "examples" / "exports" / "hedemarken-2026-google-forms.csv"

# Each command run in (or on) the Danish partnership, writing nothing, and the messages one of which it must
# say: what it prints tells the language it speaks.
RUNS: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "init": (["init", "{p}", "--force", "--no-git", "--dry-run"], ("cli-init-kept",)),
    "validate": (["validate", "{p}"], ("cli-validate-summary", "cli-validate-ok")),
    "status": (["status", "{p}"], ("cli-status-parts",)),
    "schema": (["schema", "--dry-run"], ("cli-schema-would-write",)),
    "score": (
        ["score", str(EXPORT), "--dir", "{p}", "--period", "2026", "--dry-run"],
        ("score-action-dry-run",),
    ),
    "report": (["report", "{p}", "--dry-run"], ("report-would-write", "report-unchanged")),
    "questionnaire": (["questionnaire", "{p}", "--dry-run"], ("report-would-write", "report-unchanged")),
    "portfolio": (["portfolio", "{root}", "--dry-run"], ("pf-summary",)),
    "fill": (["fill", "part1-housing", "--dir", "{p}"], ("fill-nothing",)),
    "meeting": (
        ["meeting", "agenda", "--dir", "{p}", "--dry-run"],
        ("report-would-write", "report-unchanged"),
    ),
    # the copy is not in git: both say how to start, in the partnership's language
    "save": (["save", "Første udgave", "--dir", "{p}"], ("versions-no-repository",)),
    "history": (["history", "--dir", "{p}"], ("versions-no-repository",)),
    "surveys": (["surveys", "purge", "{p}", "--dry-run"], ("purge-nothing",)),
}


def test_every_command_is_covered() -> None:
    assert sorted(RUNS) == sorted(COMMANDS)


@pytest.fixture
def danish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the Danish example partnership, as the current folder (for `b2c schema`)."""
    folder = tmp_path / "partnerships" / "hedemarken"
    shutil.copytree(EXAMPLE, folder)
    monkeypatch.chdir(folder)
    return folder


def speak(run: Run, command: str, folder: Path, *extra: str, env: dict[str, str | None] | None = None) -> str:
    args, _ = RUNS[command]
    argv = [arg.format(p=folder, root=folder.parent) for arg in args]
    result = run(*argv, *extra, env=env)
    assert result.exit_code in (0, 1, 2), result.stdout + result.stderr
    return result.stdout + result.stderr


def says(text: str, command: str, lang: Lang) -> bool:
    """Whether `text` holds one of the command's messages in `lang`, and nothing of the other language."""
    _, keys = RUNS[command]
    found = any(fragments(CATALOGUES[lang][key])[0] in text for key in keys)
    return found and leaked(text, lang) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_without_lang_a_command_speaks_the_partnerships_danish(run: Run, danish: Path, command: str) -> None:
    assert says(speak(run, command, danish), command, "da")


@pytest.mark.parametrize("command", COMMANDS)
def test_lang_en_in_a_danish_partnership_speaks_english(run: Run, danish: Path, command: str) -> None:
    assert says(speak(run, command, danish, "--lang", "en"), command, "en")


@pytest.mark.parametrize("command", COMMANDS)
def test_b2c_lang_en_in_a_danish_partnership_speaks_english(run: Run, danish: Path, command: str) -> None:
    assert says(speak(run, command, danish, env={"B2C_LANG": "en"}), command, "en")


@pytest.mark.parametrize("command", COMMANDS)
def test_the_flag_beats_the_environment(run: Run, danish: Path, command: str) -> None:
    assert says(speak(run, command, danish, "--lang", "da", env={"B2C_LANG": "en"}), command, "da")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_b2c_lang_counts_as_unset(run: Run, danish: Path, command: str) -> None:
    assert says(speak(run, command, danish, env={"B2C_LANG": "de"}), command, "da")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_lang_is_a_usage_error(run: Run, danish: Path, command: str) -> None:
    args, _ = RUNS[command]
    result = run(*[arg.format(p=danish, root=danish.parent) for arg in args], "--lang", "xx")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--lang" in result.stderr
    assert "xx" in result.stderr


# -- the language of what commands write, not only of what they say


def written(
    run: Run, command: str, folder: Path, out: Path, *extra: str, env: dict[str, str | None] | None = None
) -> dict[str, bytes]:
    result = run(command, *([folder] if command != "schema" else []), "-o", out, *extra, env=env)
    assert result.exit_code == 0, result.stdout + result.stderr
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.mark.parametrize(
    ("command", "formats"), [("report", "md"), ("questionnaire", "md"), ("schema", None)]
)
def test_outputs_follow_the_same_order(
    run: Run, danish: Path, tmp_path: Path, command: str, formats: str | None
) -> None:
    extra = ["--format", formats] if formats else []
    default = written(run, command, danish, tmp_path / "default", *extra)
    flag = written(run, command, danish, tmp_path / "flag", "--lang", "en", *extra)
    env = written(run, command, danish, tmp_path / "env", *extra, env={"B2C_LANG": "en"})
    both = written(run, command, danish, tmp_path / "both", "--lang", "da", *extra, env={"B2C_LANG": "en"})
    assert flag == env != default == both
    # b2c's own English text is there (the partnership's own text stays in Danish, as written).
    english = b"\n".join(flag.values()).decode("utf-8")
    assert [text for text in foreign_fragments("da") if text in english]


def test_score_json_follows_lang_but_the_results_file_keeps_the_partnerships(run: Run, danish: Path) -> None:
    import json

    results = danish / "results" / "2026.yaml"
    before = results.read_bytes()
    results.unlink()
    result = run(
        "score", EXPORT, "--dir", danish, "--period", "2026", "--segment", "alder", "--json", "--lang", "en"
    )
    assert result.exit_code == 0, result.stderr
    assert leaked(result.stderr, "en") == []
    data = json.loads(result.stdout)
    assert all(leaked(warning["message"], "en") == [] for warning in data["warnings"])
    assert results.read_bytes() == before  # the file a git diff compares stays in the workbook's language
