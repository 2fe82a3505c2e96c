"""`b2c validate`: exit codes, what goes to stdout and stderr, the --json shape, the language of messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from b2c_cli.i18n import tr
from conftest import Run
from helpers import leaked

FIELDS = ["file", "line", "column", "path", "code", "severity", "message"]


def break_two_files(folder: Path) -> None:
    """A misspelt key in Part 1 and a target of 120 % in Part 3."""
    part1 = folder / "part1-housing.yaml"
    part1.write_text(part1.read_text("utf-8").replace("  focus:\n", "  fokus: Unge\n"), "utf-8")
    part3 = folder / "part3-evaluation.yaml"
    part3.write_text(part3.read_text("utf-8").replace("      value: 85\n", "      value: 120\n"), "utf-8")


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1) if text in line)


def test_fresh_partnership_is_valid(run: Run, partnership: Path) -> None:
    result = run("validate", partnership)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.strip() == tr("cli-validate-ok", "da", path=str(partnership))


def test_fresh_english_partnership_is_valid_and_says_so_in_english(run: Run, partnership_en: Path) -> None:
    result = run("validate", partnership_en)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.strip() == f"No problems in {partnership_en}."


def test_fresh_partnership_json_is_an_empty_list(run: Run, partnership: Path) -> None:
    result = run("validate", partnership, "--json")
    assert result.exit_code == 0
    assert result.stdout == "[]\n"
    assert result.stderr == ""


def test_finds_the_partnership_from_a_subfolder(
    run: Run, partnership: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    break_two_files(partnership)
    monkeypatch.chdir(partnership / "surveys")
    result = run("validate", "--json")
    assert result.exit_code == 1
    assert {p["file"] for p in json.loads(result.stdout)} == {"part1-housing.yaml", "part3-evaluation.yaml"}


def test_outside_a_partnership_is_a_usage_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert tr("no-partnership", "da", path=str(tmp_path.resolve())) in result.stderr


def test_problems_on_stdout_summary_on_stderr(run: Run, partnership: Path) -> None:
    break_two_files(partnership)
    part1_line = line_of(partnership / "part1-housing.yaml", "fokus:")
    part3_line = line_of(partnership / "part3-evaluation.yaml", "value: 120")

    result = run("validate", partnership)

    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"part1-housing.yaml:{part1_line}:3: fejl [unknown-key-suggest] priorities.fokus: "
        "Ukendt nøgle 'fokus'. Mente du 'focus'?",
        f"part3-evaluation.yaml:{part3_line}:7: fejl [target-out-of-range] "
        "indikatoren Tilhørsforhold (versus isolation): target.value: "
        + tr("target-out-of-range", "da", value="120"),
    ]
    assert result.stderr.strip() == tr(
        "cli-validate-summary", "da", errors=2, warnings=0, path=str(partnership)
    )


def test_json_is_a_stable_list_of_problems(run: Run, partnership: Path) -> None:
    break_two_files(partnership)
    result = run("validate", partnership, "--json")

    assert result.exit_code == 1
    assert result.stderr == ""
    problems = json.loads(result.stdout)
    assert isinstance(problems, list)
    assert [list(problem) for problem in problems] == [FIELDS, FIELDS]
    first = problems[0]
    assert first == {
        "file": "part1-housing.yaml",
        "line": line_of(partnership / "part1-housing.yaml", "fokus:"),
        "column": 3,
        "path": "priorities.fokus",
        "code": "unknown-key-suggest",
        "severity": "error",
        "message": "Ukendt nøgle 'fokus'. Mente du 'focus'?",
    }
    assert problems[1]["code"] == "target-out-of-range"
    assert problems[1]["path"] == "indicators[0].target.value"


def test_problem_without_a_line_has_null_line_and_column(run: Run, partnership: Path) -> None:
    (partnership / "part2-joint.yaml").unlink()
    problems = json.loads(run("validate", partnership, "--json").stdout)
    assert problems == [
        {
            "file": "part2-joint.yaml",
            "line": None,
            "column": None,
            "path": "",
            "code": "missing-file",
            "severity": "error",
            "message": tr("missing-file", "da", file="part2-joint.yaml"),
        }
    ]


def test_warnings_pass_unless_strict(run: Run, partnership: Path) -> None:
    part2 = partnership / "part2-joint.yaml"
    part2.write_text(part2.read_text("utf-8").replace("    respondents:\n", "    respondents: 20\n"), "utf-8")

    relaxed = run("validate", partnership)
    strict = run("validate", partnership, "--strict")

    assert relaxed.exit_code == 0
    assert "advarsel [few-respondents-planned]" in relaxed.stdout
    assert relaxed.stderr.strip() == tr(
        "cli-validate-summary", "da", errors=0, warnings=1, path=str(partnership)
    )
    assert strict.exit_code == 1
    assert strict.stdout == relaxed.stdout


def test_unreadable_yaml_wins_over_other_problems(run: Run, partnership: Path) -> None:
    break_two_files(partnership)
    part2 = partnership / "part2-joint.yaml"
    part2.write_text("joint_priorities:\n\tfocus: Unge\n", "utf-8")
    result = run("validate", partnership, "--json")
    assert result.exit_code == 3
    codes = {(p["file"], p["code"]) for p in json.loads(result.stdout)}
    assert ("part2-joint.yaml", "yaml-tab") in codes
    assert ("part3-evaluation.yaml", "target-out-of-range") in codes


def test_lang_en_on_a_danish_partnership(run: Run, partnership: Path) -> None:
    break_two_files(partnership)
    result = run("validate", partnership, "--lang", "en")
    assert result.exit_code == 1
    assert (
        "error [unknown-key-suggest] priorities.fokus: Unknown key 'fokus'. Did you mean 'focus'?"
        in result.stdout
    )
    assert "2 errors and 0 warnings" in result.stderr
    assert leaked(result.stdout + result.stderr, "en") == []


def test_default_language_is_the_partnerships(run: Run, partnership: Path, partnership_en: Path) -> None:
    for folder in (partnership, partnership_en):
        break_two_files(folder)
    danish = run("validate", partnership)
    english = run("validate", partnership_en)
    assert "fejl [" in danish.stdout
    assert leaked(danish.stdout + danish.stderr, "da") == []
    assert "error [" in english.stdout
    assert leaked(english.stdout + english.stderr, "en") == []


def test_json_messages_follow_lang(run: Run, partnership: Path) -> None:
    break_two_files(partnership)
    problems = json.loads(run("validate", partnership, "--json", "--lang", "en").stdout)
    assert problems[0]["message"] == "Unknown key 'fokus'. Did you mean 'focus'?"


def test_every_problem_in_every_file_at_once(run: Run, partnership: Path) -> None:
    """Problems are collected, not raised at the first: one per file here, all four reported."""
    edits = {
        "b2c.yaml": ("size: large\n", "size: medium\n"),
        "part1-company.yaml": ("party: company\n", "party: housing\n"),
        "part2-joint.yaml": ("    month:\n", "    month: 13\n"),
        "part3-evaluation.yaml": ("      value: 75\n", "      value: -1\n"),
    }
    for name, (old, new) in edits.items():
        path = partnership / name
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    problems = json.loads(run("validate", partnership, "--json").stdout)
    assert [(p["file"], p["code"]) for p in problems] == [
        ("b2c.yaml", "invalid-choice"),
        ("part1-company.yaml", "wrong-party"),
        ("part2-joint.yaml", "month-out-of-range"),
        ("part3-evaluation.yaml", "target-out-of-range"),
    ]


def test_yaml_1_1_lookalikes_are_read_as_text(run: Run, partnership: Path) -> None:
    """What a consultant types is what b2c reads: no booleans, sexagesimal or octal numbers."""
    from b2c_cli.workbook.folder import load_workbook

    part1 = partnership / "part1-housing.yaml"
    text = part1.read_text("utf-8")
    for key, value in [
        ("prepared_by", "NO"),
        ("  focus", "nej"),
        ("  initiatives", "on"),
        ("  indicator_contribution", "10:30"),
        ("  interest", "0555"),
    ]:
        assert f"\n{key}:\n" in text
        text = text.replace(f"\n{key}:\n", f"\n{key}: {value}\n")
    part1.write_text(text, "utf-8")

    assert run("validate", partnership).exit_code == 0
    part = load_workbook(partnership).part1["housing"]
    assert part.prepared_by == "NO"
    assert part.priorities.focus == "nej"
    assert part.priorities.initiatives == "on"
    assert part.priorities.indicator_contribution == "10:30"
    assert part.expectations.interest == "0555"
