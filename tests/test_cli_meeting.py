"""`b2c meeting add` writes a meeting into Part 3 by adding lines only; `b2c meeting agenda` writes the next
meeting's agenda with the latest results and their Wilson intervals (checked against statsmodels), the
wheel's coming activities, what was agreed last time and the guide's questions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from statsmodels.stats.proportion import proportion_confint

from b2c_cli.figures import build_figures
from b2c_cli.i18n import numbers
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.folder import load_workbook
from b2c_cli.yamlfile import parse
from conftest import Run
from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, folder)
    return folder


def test_meeting_add_with_options_only_adds_lines(run: Run, example: Path) -> None:
    before = (example / "part3-evaluation.yaml").read_text(encoding="utf-8")
    result = run(
        "meeting", "add", "--dir", example, "--date", "2026-12-01", "--participant", "Sara Holm",
        "--participant", "Jonas Berg", "--experiences", "Godt: mange kom", "--adjustments", "Flere aftener",
        env={"B2C_TODAY": "2026-12-01"},
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    after = (example / "part3-evaluation.yaml").read_text(encoding="utf-8")
    old_lines, new_lines = before.splitlines(), after.splitlines()
    # every old line is still there, in order: the meeting was only added
    iterator = iter(new_lines)
    assert all(any(line == new for new in iterator) for line in old_lines)
    meetings = parse(after.encode()).data["evaluation_meetings"]
    assert meetings[-1] == {
        "date": "2026-12-01",
        "participants": ["Sara Holm", "Jonas Berg"],
        "experiences": "Godt: mange kom",
        "learnings": None,
        "adjustments": "Flere aftener",
        "reallocated_resources": None,
    }
    assert run("validate", example, env={"B2C_TODAY": "2026-12-01"}).exit_code == 0


def test_meeting_add_asks_the_guides_questions(run: Run, example: Path) -> None:
    answers = "15-12-2026\n\nSara Holm\n\nBeboerne tager ansvar\nVi lærte meget\n\n\n"
    result = run("meeting", "add", "--dir", example, input=answers, env={"B2C_TODAY": "2026-12-20"})
    assert result.exit_code == 0, result.stderr
    assert "mente du 2026-12-15?" in result.stderr
    assert "Hvordan oplever virksomhed, boligorganisation og beboere de nye tiltag?" in result.stderr
    meeting = parse((example / "part3-evaluation.yaml").read_bytes()).data["evaluation_meetings"][-1]
    assert meeting["date"] == "2026-12-15"
    assert meeting["participants"] == ["Sara Holm"]
    assert meeting["experiences"] == "Beboerne tager ansvar"
    assert meeting["learnings"] == "Vi lærte meget"


def test_agenda_has_results_with_intervals_wheel_and_last_agreed(run: Run, example: Path) -> None:
    result = run("meeting", "agenda", "--dir", example, env={"B2C_TODAY": "2026-05-01"})
    assert result.exit_code == 0, result.stderr
    md = (example / "reports" / "agenda-2026-06-10.md").read_text(encoding="utf-8")
    html = (example / "reports" / "agenda-2026-06-10.html").read_text(encoding="utf-8")
    assert "size: A4" in html
    assert "En beboergruppe får ansvar for en aften om ugen." in md  # agreed on 2026-03-11
    assert "september 2026: Mødestedet holder 'åbent hus' for nye beboere" in md
    for question in ("Hvordan oplever virksomhed", "Skal I justere tiltagene eller re-allokere ressourcer?"):
        assert question in md and question in html
    workbook = load_workbook(example)
    assert workbook.part3 is not None
    figures = build_figures(workbook.part3, load_all(example, workbook.part3))
    checked = 0
    for indicator in figures.indicators:
        latest = indicator.latest
        if latest is None or latest.value is None or latest.value.n is None:
            continue
        value = latest.value
        assert value.positive is not None
        low, high = proportion_confint(value.positive, value.n, alpha=0.05, method="wilson")
        interval = numbers.interval(round(low * 100, 1), round(high * 100, 1), "da")  # type: ignore[arg-type]
        assert f"| {indicator.name} | " in md
        assert f"95 %-interval {interval}" in md, (indicator.name, interval)
        assert f"n = {value.n}" in md
        checked += 1
    assert checked >= 3
