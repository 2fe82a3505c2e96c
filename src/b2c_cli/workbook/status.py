"""`b2c status`: where a partnership stands in the guide. How many of each part's questions are answered,
which party has not prepared Part 1, the guide's next step, the next meeting and measurement dates, and the
validation problems in short."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from b2c_cli.i18n import Lang
from b2c_cli.models import Part1, Part2, Part3
from b2c_cli.models.common import Party
from b2c_cli.workbook.folder import PART1_FILES, PART2_FILE, PART3_FILE, REPORTS_DIR, RESULTS_DIR, Workbook
from b2c_cli.workbook.validate import ValidationReport, check
from b2c_cli.yamlfile import YamlDocument


@dataclass(frozen=True)
class PartProgress:
    part: str  # part1-housing, part1-company, part2, part3
    file: str
    answered: int
    total: int
    required: bool
    present: bool
    unanswered: tuple[tuple[str, str], ...] = ()  # the unanswered questions: (key in the file, wording key)


# Each part's questions as status counts them, in its order: the key in the file and the guide's wording
# (a field's doc text, or a message key where the question is not one field).
QUESTION_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "part1": (
        ("priorities.focus", "OwnPriorities.focus"),
        ("priorities.initiatives", "OwnPriorities.initiatives"),
        ("priorities.indicator_contribution", "OwnPriorities.indicator_contribution"),
        ("priorities.site_specific_indicators", "OwnPriorities.site_specific_indicators"),
        ("resources", "Part1.resources"),
        ("expectations.partnership_size", "Expectations.partnership_size"),
        ("expectations.interest", "Expectations.interest"),
        ("key_points", "Part1.key_points"),
    ),
    "part2": (
        ("joint_priorities.focus", "JointPriorities.focus"),
        ("joint_priorities.joint_actions", "JointPriorities.joint_actions"),
        ("joint_priorities.resources", "JointPriorities.resources"),
        ("joint_priorities.site_specific_indicators", "JointPriorities.site_specific_indicators"),
        ("joint_priorities.other_resources_considered", "JointPriorities.other_resources_considered"),
        ("agreement.initiatives", "Agreement.initiatives"),
        ("agreement.annual_wheel", "Agreement.annual_wheel"),
        ("agreement.evaluation_meetings", "Agreement.evaluation_meetings"),
        ("agreement.measurement", "Agreement.measurement"),
    ),
    "part3": (
        ("periods", "Period.planned_date"),
        ("indicators", "Indicator.items"),
        ("results", "step-baseline-hint"),
        ("evaluation_meetings", "Part3.evaluation_meetings"),
        ("evaluation_meetings", "MeetingLog.experiences"),
    ),
}


def question_wording(doc: str, lang: Lang) -> str:
    """The guide's wording of a question in QUESTION_KEYS: its field's doc text, or its message."""
    from b2c_cli.i18n import tr
    from b2c_cli.resources import field_doc

    model, _, name = doc.partition(".")
    return (field_doc(model, name, lang) if name else None) or tr(doc, lang)


def _unanswered(family: str, checks: list[bool]) -> tuple[tuple[str, str], ...]:
    return tuple(question for question, done in zip(QUESTION_KEYS[family], checks, strict=True) if not done)


@dataclass(frozen=True)
class Step:
    key: str  # names the step and, with "-hint", what to do
    done: bool


@dataclass
class Status:
    root: Path
    lang: Lang
    name: str | None
    size: str | None
    parts: list[PartProgress]
    steps: list[Step]
    unprepared: list[Party]
    next_meeting: date | None
    next_measurement: str | None  # period id
    next_measurement_date: date | None
    validation: ValidationReport
    measured: list[str] = field(default_factory=list)  # periods with results
    # period -> the names of the survey indicators its results file lists as not measured (`b2c status`)
    not_measured: dict[str, list[str]] = field(default_factory=dict)

    @property
    def next_step(self) -> Step | None:
        return next((step for step in self.steps if not step.done), None)

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON shape of `b2c status --json`."""
        next_step = self.next_step
        return {
            "name": self.name,
            "size": self.size,
            "parts": [
                {
                    "part": p.part,
                    "file": p.file,
                    "answered": p.answered,
                    "total": p.total,
                    "required": p.required,
                    "present": p.present,
                    "unanswered": list(dict.fromkeys(key for key, _ in p.unanswered)),
                }
                for p in self.parts
            ],
            "steps": [{"step": s.key, "done": s.done} for s in self.steps],
            "next_step": next_step.key if next_step else None,
            "unprepared_parties": list(self.unprepared),
            "next_meeting": self.next_meeting.isoformat() if self.next_meeting else None,
            "next_measurement": (
                {
                    "period": self.next_measurement,
                    "date": self.next_measurement_date.isoformat() if self.next_measurement_date else None,
                }
                if self.next_measurement
                else None
            ),
            "measured_periods": self.measured,
            "not_measured": self.not_measured,
            "errors": len(self.validation.errors),
            "warnings": len(self.validation.warnings),
        }


def _answered(checks: list[bool]) -> tuple[int, int]:
    return sum(checks), len(checks)


def part1_questions(part1: Part1) -> list[bool]:
    p = part1.priorities
    return [
        bool(p.focus),
        bool(p.initiatives),
        bool(p.indicator_contribution),
        bool(p.site_specific_indicators),
        bool(part1.resources),
        part1.expectations.partnership_size is not None,
        bool(part1.expectations.interest),
        bool(part1.key_points),
    ]


def part1_prepared(part1: Part1 | None) -> bool:
    """The guide closes Part 1 by writing down the most important points to bring to the partner."""
    return part1 is not None and bool(part1.key_points) and bool(part1.priorities.focus)


def part2_questions(part2: Part2) -> list[bool]:
    joint, agreement = part2.joint_priorities, part2.agreement
    return [
        bool(joint.focus),
        bool(joint.joint_actions),
        bool(joint.resources),
        bool(joint.site_specific_indicators),
        bool(joint.other_resources_considered or part2.other_resources),
        bool(agreement.initiatives),
        bool(agreement.annual_wheel),
        len(agreement.evaluation_meetings) >= 2,
        bool(agreement.measurement.scope) and agreement.measurement.month is not None,
    ]


def agreement_made(part2: Part2 | None) -> bool:
    if part2 is None:
        return False
    checks = part2_questions(part2)
    return all(checks[5:])


def part3_questions(part3: Part3, measured: list[str]) -> list[bool]:
    survey = [i for i in part3.indicators if i.kind == "survey"]
    last = part3.evaluation_meetings[-1] if part3.evaluation_meetings else None
    return [
        bool(part3.periods) and all(p.planned_date for p in part3.periods),
        bool(survey) and all(i.items for i in survey),
        bool(part3.periods) and part3.periods[0].id in measured,
        last is not None,
        last is not None and bool(last.experiences and last.learnings and last.adjustments),
    ]


def measured_periods(root: Path, part3: Part3 | None) -> list[str]:
    """Periods that have a results file from `b2c score`."""
    if part3 is None:
        return []
    return [p.id for p in part3.periods if _is_file(root / RESULTS_DIR / f"{p.id}.yaml")]


def _is_file(path: Path) -> bool:
    """Path.is_file, False also for a name the OS refuses (a period id too long for a file name: validate
    names that as the problem)."""
    try:
        return path.is_file()
    except OSError:
        return False


def status(root: Path, today: date) -> Status:
    workbook, validation = check(root, today)
    found = status_of(workbook, validation, today)
    found.not_measured = not_measured(validation.results, workbook.part3, found.measured)
    return found


def not_measured(
    results: Mapping[str, YamlDocument], part3: Part3 | None, measured: list[str]
) -> dict[str, list[str]]:
    """Per period with results, the survey indicators its exports did not measure (the results file's
    `not_measured`, from the files as validate parsed them), by the workbook's names; a file that could not
    be read, or whose list is not one of indicator ids, is left out (validate says why)."""
    if part3 is None:
        return {}
    names = {indicator.id: indicator.name for indicator in part3.indicators}
    found: dict[str, list[str]] = {}
    for period in measured:
        document = results.get(period)
        data = document.data if document is not None else None
        ids = data.get("not_measured") if isinstance(data, dict) else None
        if isinstance(ids, list) and ids and all(isinstance(i, str) for i in ids):
            found[period] = [names.get(i) or i for i in ids]
    return found


def status_of(workbook: Workbook, validation: ValidationReport, today: date) -> Status:
    """The status of a partnership already loaded and checked (the portfolio reuses its parse)."""
    root = workbook.root
    measured = measured_periods(root, workbook.part3)
    parts = _parts(workbook, measured)
    large = workbook.partnership is None or workbook.partnership.size == "large"
    parties: list[Party] = ["housing", "company"] if large else ["housing"]
    unprepared = [party for party in parties if not part1_prepared(_part1(workbook, party))]

    part2, part3 = workbook.part2, workbook.part3
    periods = part3.periods if part3 else []
    pending = [p for p in periods if p.id not in measured]
    meetings = part2.agreement.evaluation_meetings if part2 else []
    upcoming = [d for d in meetings if d >= today]

    step_checks: list[tuple[str, Callable[[], bool]]] = [
        ("step-part1-housing", lambda: "housing" not in unprepared),
        ("step-part1-company", lambda: "company" not in unprepared),
        ("step-joint-priorities", lambda: part2 is not None and all(part2_questions(part2)[:2])),
        ("step-agreement", lambda: agreement_made(part2)),
        ("step-baseline", lambda: bool(periods) and periods[0].id in measured),
        ("step-evaluation-meeting", lambda: part3 is not None and bool(part3.evaluation_meetings)),
        ("step-yearly-measurement", lambda: len(periods) > 1 and periods[1].id in measured),
        ("step-report", lambda: (root / REPORTS_DIR).is_dir() and any((root / REPORTS_DIR).iterdir())),
    ]
    steps = [
        Step(key, check_done()) for key, check_done in step_checks if large or key != "step-part1-company"
    ]
    return Status(
        root=root,
        lang=workbook.lang,
        name=workbook.partnership.name if workbook.partnership else None,
        size=workbook.partnership.size if workbook.partnership else None,
        parts=parts,
        steps=steps,
        unprepared=unprepared,
        next_meeting=upcoming[0] if upcoming else None,
        next_measurement=pending[0].id if pending else None,
        next_measurement_date=pending[0].planned_date if pending else None,
        validation=validation,
        measured=measured,
    )


def _parts(workbook: Workbook, measured: list[str]) -> list[PartProgress]:
    """Each part's answered questions. A file with type errors still counts what is answered in the rest
    of it (the validation problems say what to fix)."""
    large = workbook.partnership is None or workbook.partnership.size == "large"
    parts: list[PartProgress] = []
    for party, file in PART1_FILES.items():
        part1 = _part1(workbook, party)
        checks = part1_questions(part1) if part1 else [False] * 8
        answered, total = _answered(checks)
        required = party == "housing" or large
        if required or file in workbook.present:
            parts.append(
                PartProgress(
                    f"part1-{party}", file, answered, total, required, file in workbook.present,
                    _unanswered("part1", checks),
                )
            )  # fmt: skip
    part2 = _part2(workbook)
    checks = part2_questions(part2) if part2 else [False] * 9
    answered, total = _answered(checks)
    present = PART2_FILE in workbook.present
    parts.append(
        PartProgress("part2", PART2_FILE, answered, total, True, present, _unanswered("part2", checks))
    )
    part3 = _part3(workbook)
    checks = part3_questions(part3, measured) if part3 else [False] * 5
    answered, total = _answered(checks)
    present = PART3_FILE in workbook.present
    parts.append(
        PartProgress("part3", PART3_FILE, answered, total, True, present, _unanswered("part3", checks))
    )
    return parts


def _part1(workbook: Workbook, party: Party) -> Part1 | None:
    found = workbook.part1.get(party) or workbook.partial.get(PART1_FILES[party])
    return found if isinstance(found, Part1) else None


def _part2(workbook: Workbook) -> Part2 | None:
    found = workbook.part2 or workbook.partial.get(PART2_FILE)
    return found if isinstance(found, Part2) else None


def _part3(workbook: Workbook) -> Part3 | None:
    found = workbook.part3 or workbook.partial.get(PART3_FILE)
    return found if isinstance(found, Part3) else None
