"""`-h/--help` on every command, with examples; `--version`."""

from __future__ import annotations

import pytest

from b2c_cli.__about__ import __version__
from b2c_cli.cli.app import COMMANDS as ALL
from b2c_cli.cli.app import short_help
from b2c_cli.cli.texts_da import HELP_DA, OPTION_HELP_DA
from conftest import Run

COMMANDS = sorted(ALL)


def test_the_foundation_commands_are_there() -> None:
    assert {"init", "validate", "status", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_shows_usage_and_examples(run: Run, command: str, flag: str) -> None:
    """Danish by default, like every message; the examples one to a line, each a whole command that can be
    copied and pasted as it is."""
    result = run(command, flag)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert f"Brug: b2c {command}" in result.stdout
    assert HELP_DA[command].split()[0] in result.stdout
    lines = result.stdout.splitlines()
    heading = lines.index("  Eksempler:")
    examples = [line.strip() for line in lines[heading + 1 :] if line.strip()]
    assert examples and all(example.startswith(f"b2c {command}") for example in examples)
    assert all(" | " not in example for example in examples)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_in_english(run: Run, command: str) -> None:
    result = run(command, "--help", env={"B2C_LANG": "en"})
    assert result.exit_code == 0
    assert f"Usage: b2c {command}" in result.stdout
    assert "  Examples:" in result.stdout.splitlines()
    assert "Tilvalg" not in result.stdout


@pytest.mark.parametrize("command", ["init", "fill", "validate", "status", "meeting", "save", "history"])
def test_danish_help_has_no_english_option_text(run: Run, command: str) -> None:
    from b2c_cli.cli.app import build_command

    for param in build_command(command, "en").params:
        assert param.help in OPTION_HELP_DA, f"b2c {command} {param.name}: no Danish help text"  # type: ignore[attr-defined]
    shown = run(command, "--help").stdout
    assert "Options:" not in shown and "Arguments:" not in shown


def test_main_help_lists_every_command(run: Run) -> None:
    result = run("-h")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert "Eksempler:" in result.stdout
    assert "Kommandoer:" in result.stdout


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(run: Run, flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    assert result.stdout == f"b2c {__version__}\n"
    assert result.stderr == ""


def test_a_mistyped_command_is_suggested_from_every_command(run: Run) -> None:
    # No command has been built in this process yet, and the suggestion still comes.
    result = run("questionaire")
    assert result.exit_code == 2
    assert "No such command 'questionaire'. Did you mean 'questionnaire'?" in result.stderr


@pytest.mark.parametrize(
    ("text", "limit", "short"),
    [
        ("Show the status. And more.", 40, "Show the status."),
        ("Write one organisation-level view of every partnership", 31, "Write one organisation-level..."),
        ("Write one organisation-level view of every partnership", 30, "Write one..."),
        ("Short", 30, "Short"),
    ],
)
def test_the_command_list_shows_the_start_of_each_help_text(text: str, limit: int, short: str) -> None:
    assert short_help(text, limit) == short
    assert len(short_help(text, limit)) <= limit


def test_every_option_has_its_danish_help_text() -> None:
    """Danish is the default language of --help: an option whose text has no Danish version would print
    English in a Danish page (a format added to a registry changes its --format text: add it too)."""
    from b2c_cli.cli.app import COMMANDS, build_command
    from b2c_cli.cli.texts_da import OPTION_HELP_DA

    missing = [
        (name, param.name)
        for name in COMMANDS
        for param in build_command(name).params
        if getattr(param, "help", None) and getattr(param, "help", None) not in OPTION_HELP_DA
    ]
    assert missing == []
