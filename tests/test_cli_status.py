"""`b2c status`: progress through the guide's parts and steps, the next step and dates, problems in short."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.i18n import tr
from conftest import Run
from helpers import GOLDEN_FLAGS, leaked

TOP_KEYS = [
    "name",
    "size",
    "parts",
    "steps",
    "next_step",
    "unprepared_parties",
    "next_meeting",
    "next_measurement",
    "measured_periods",
    "not_measured",
    "errors",
    "warnings",
]
PART_KEYS = ["part", "file", "answered", "total", "required", "present", "unanswered"]
PART1_UNANSWERED = [
    "priorities.focus",
    "priorities.initiatives",
    "priorities.indicator_contribution",
    "priorities.site_specific_indicators",
    "resources",
    "expectations.partnership_size",
    "expectations.interest",
    "key_points",
]
PART2_UNANSWERED = [
    "joint_priorities.focus",
    "joint_priorities.joint_actions",
    "joint_priorities.resources",
    "joint_priorities.site_specific_indicators",
    "joint_priorities.other_resources_considered",
    "agreement.initiatives",
    "agreement.annual_wheel",
    "agreement.evaluation_meetings",
    "agreement.measurement",
]
STEPS_LARGE = [
    "step-part1-housing",
    "step-part1-company",
    "step-joint-priorities",
    "step-agreement",
    "step-baseline",
    "step-evaluation-meeting",
    "step-yearly-measurement",
    "step-report",
]


def fill(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text("utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")


def prepare_part1(folder: Path, party: str) -> None:
    fill(
        folder / f"part1-{party}.yaml",
        ("  focus:\n", "  focus: Unge uden fritidsjob\n"),
        ("key_points:\n", "key_points:\n  - Praktikpladser til unge\n"),
    )


def status_json(run: Run, folder: Path) -> dict[str, Any]:
    result = run("status", folder, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_fresh_partnership_json(run: Run, partnership: Path) -> None:
    data = status_json(run, partnership)

    assert list(data) == TOP_KEYS
    assert data == {
        "name": "Bo-Vest × Nortec i Hedemarken",
        "size": "large",
        "parts": [
            {
                "part": "part1-housing",
                "file": "part1-housing.yaml",
                "answered": 0,
                "total": 8,
                "required": True,
                "present": True,
                "unanswered": PART1_UNANSWERED,
            },
            {
                "part": "part1-company",
                "file": "part1-company.yaml",
                "answered": 0,
                "total": 8,
                "required": True,
                "present": True,
                "unanswered": PART1_UNANSWERED,
            },
            {
                "part": "part2",
                "file": "part2-joint.yaml",
                "answered": 0,
                "total": 9,
                "required": True,
                "present": True,
                "unanswered": PART2_UNANSWERED,
            },
            {
                "part": "part3",
                "file": "part3-evaluation.yaml",
                "answered": 1,
                "total": 5,
                "required": True,
                "present": True,
                "unanswered": ["periods", "results", "evaluation_meetings"],
            },
        ],
        "steps": [{"step": step, "done": False} for step in STEPS_LARGE],
        "next_step": "step-part1-housing",
        "unprepared_parties": ["housing", "company"],
        "next_meeting": None,
        "next_measurement": {"period": "baseline", "date": None},
        "measured_periods": [],
        "not_measured": {},
        "errors": 0,
        "warnings": 0,
    }
    assert all(list(part) == PART_KEYS for part in data["parts"])


def test_fresh_partnership_table(run: Run, partnership: Path) -> None:
    result = run("status", partnership)

    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    assert out.splitlines()[0] == "Bo-Vest × Nortec i Hedemarken"
    for text in (
        "Guidens dele",
        "Trin for trin",
        "part1-housing.yaml",
        "part3-evaluation.yaml",
        "0/8",
        "0/9",
        "1/5",
    ):
        assert text in out
    assert tr("cli-status-unprepared", "da", party="Boligorganisationen") in out
    assert tr("cli-status-unprepared", "da", party="Virksomheden") in out
    assert (
        "Næste skridt: Boligorganisationen forbereder Del 1. " + tr("step-part1-housing-hint", "da")
    ) in out
    assert "Næste evalueringsmøde: intet planlagt" in out
    assert "Næste måling: baseline (ingen dato planlagt)" in out
    assert leaked(out, "da") == []


def test_english_table(run: Run, partnership: Path, partnership_en: Path) -> None:
    for result in (run("status", partnership, "--lang", "en"), run("status", partnership_en)):
        assert result.exit_code == 0
        assert "The guide's parts" in result.stdout
        assert "Next step: The housing organisation prepares Part 1." in result.stdout
        assert "Next evaluation meeting: none planned" in result.stdout
        assert leaked(result.stdout, "en") == []


def test_progress_moves_the_next_step(run: Run, partnership: Path) -> None:
    prepare_part1(partnership, "housing")
    data = status_json(run, partnership)
    assert data["unprepared_parties"] == ["company"]
    assert data["next_step"] == "step-part1-company"
    assert data["parts"][0]["answered"] == 2

    prepare_part1(partnership, "company")
    fill(
        partnership / "part2-joint.yaml",
        ("  focus:\n", "  focus: Unge uden job\n"),
        ("  joint_actions:\n", "  joint_actions: Praktikpladser hos Nortec\n"),
    )
    data = status_json(run, partnership)
    assert data["unprepared_parties"] == []
    assert data["next_step"] == "step-agreement"
    assert [step["done"] for step in data["steps"]][:4] == [True, True, True, False]


def test_next_meeting_and_measurement_dates_follow_today(run: Run, partnership: Path) -> None:
    """B2C_TODAY is 2025-01-15: the December meeting is past, the March one is next."""
    fill(
        partnership / "part2-joint.yaml",
        ("  evaluation_meetings:\n", "  evaluation_meetings:\n    - 2024-12-01\n    - 2025-03-01\n"),
    )
    fill(partnership / "part3-evaluation.yaml", ("    planned_date:\n", "    planned_date: 2024-10-15\n"))

    data = status_json(run, partnership)
    assert data["next_meeting"] == "2025-03-01"
    assert data["next_measurement"] == {"period": "baseline", "date": "2024-10-15"}
    table = run("status", partnership).stdout
    assert "Næste evalueringsmøde: 2025-03-01" in table
    assert "Næste måling: baseline (2024-10-15)" in table

    later = run("status", partnership, "--json", env={"B2C_TODAY": "2025-06-01"})
    assert json.loads(later.stdout)["next_meeting"] is None


def test_a_results_file_marks_the_baseline_measured(run: Run, partnership: Path) -> None:
    (partnership / "results").mkdir()
    (partnership / "results" / "baseline.yaml").write_text("period: baseline\n", "utf-8")
    data = status_json(run, partnership)
    assert data["measured_periods"] == ["baseline"]
    assert data["next_measurement"] == {"period": "2025", "date": None}
    assert {"step": "step-baseline", "done": True} in data["steps"]


def test_small_partnership_has_no_company_step(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "lille"
    flags = [flag if flag != "large" else "small" for flag in GOLDEN_FLAGS]
    assert run("init", folder, *flags).exit_code == 0
    data = status_json(run, folder)
    assert data["size"] == "small"
    assert [part["part"] for part in data["parts"]] == ["part1-housing", "part2", "part3"]
    assert [step["step"] for step in data["steps"]] == [
        step for step in STEPS_LARGE if step != "step-part1-company"
    ]
    assert data["unprepared_parties"] == ["housing"]


def test_problems_in_short(run: Run, partnership: Path) -> None:
    fill(partnership / "part3-evaluation.yaml", ("      value: 85\n", "      value: 185\n"))
    fill(partnership / "part2-joint.yaml", ("    month:\n", "    month: 13\n"))
    fill(partnership / "part1-company.yaml", ("party: company\n", "party: housing\n"))
    fill(partnership / "b2c.yaml", ("  cvr:\n", "  cvr:\n  branche: IT\n"))
    fill(partnership / "part1-housing.yaml", ("prepared_by:\n", "prepared_by:\nprepared_on: 2025-01-01\n"))
    fill(partnership / "part3-evaluation.yaml", ("      value: 80\n", "      value: 180\n"))

    result = run("status", partnership)
    data = status_json(run, partnership)

    assert result.exit_code == 0
    assert data["errors"] == 6
    out = result.stdout
    assert tr("cli-validate-summary", "da", errors=6, warnings=0, path=str(partnership)) in out
    shown = [line for line in out.splitlines() if re.match(r"  [\w.-]+\.yaml:\d+:\d+: \S", line)]
    assert len(shown) == 5
    assert tr("cli-status-more-problems", "da", count=1) in out


def test_missing_file_is_shown(run: Run, partnership: Path) -> None:
    (partnership / "part2-joint.yaml").unlink()
    data = status_json(run, partnership)
    assert data["parts"][2] == {
        "part": "part2",
        "file": "part2-joint.yaml",
        "answered": 0,
        "total": 9,
        "required": True,
        "present": False,
        "unanswered": PART2_UNANSWERED,
    }
    assert data["errors"] == 1
    assert "mangler" in run("status", partnership).stdout


def test_outside_a_partnership_is_a_usage_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("status")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "b2c.yaml" in result.stderr


def test_unanswered_questions_in_the_guides_words(run: Run, partnership: Path) -> None:
    part1 = partnership / "part1-housing.yaml"
    part1.write_text(
        part1.read_text("utf-8").replace("  focus:\n", "  focus: Unge uden job\n", 1), encoding="utf-8"
    )
    out = run("status", partnership).stdout
    assert "Ubesvaret i Del 1: Interne overvejelser (boligorganisationen) (part1-housing.yaml):" in out
    assert "  - Gennem hvilke indsatser kan partnerskabet tackle udfordringerne og opnå mulighederne?" in out
    assert "  - Hvilke udfordringer eller muligheder er i fokus i området?" not in out


def test_a_part_with_a_type_error_still_counts_its_answers(run: Run, partnership: Path) -> None:
    """Part 1 with its answers and one wrong value elsewhere (a resource of an unknown kind) is still
    counted as prepared, as far as its answers go."""
    part1 = partnership / "part1-housing.yaml"
    text = part1.read_text("utf-8")
    text = text.replace("  focus:\n", "  focus: Unge uden job\n", 1)
    text = text.replace("key_points:\n", "key_points:\n  - Vi vil øge tryghed.\n", 1)
    text = text.replace("resources:\n", "resources:\n  - kind: tid\n", 1)
    part1.write_text(text, encoding="utf-8")
    data = status_json(run, partnership)
    assert data["errors"] >= 1
    assert data["parts"][0]["answered"] == 2
    assert "housing" not in data["unprepared_parties"]
    assert data["steps"][0] == {"step": "step-part1-housing", "done": True}
