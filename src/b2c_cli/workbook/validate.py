"""The guide's rules, within and across the workbook files. Each rule adds Problems with a stable code; none
stops at the first. The file-level checks (YAML, types, unknown keys) have already run in `load_workbook`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from b2c_cli.errors import ExitCode, InputError, WorkbookInvalid
from b2c_cli.i18n import Lang
from b2c_cli.models import FIXED_INDICATOR_IDS, Part1, Part2, Part3, Partnership
from b2c_cli.models.part3 import MIN_DISCLOSURE_THRESHOLD, MIN_SAMPLE, QUESTIONNAIRE_TEXTS, Indicator
from b2c_cli.models.partnership import SCHEMA_VERSION
from b2c_cli.models.scale import BLANK, DEFAULT_SCALE, DONT_KNOW, MIXED, SCALES, label_key, normalise
from b2c_cli.workbook.folder import (
    PART1_FILES,
    PART2_FILE,
    PART3_FILE,
    PARTNERSHIP_FILE,
    RESULTS_DIR,
    Workbook,
    load_workbook,
)
from b2c_cli.workbook.problems import Problem, Severity, format_path
from b2c_cli.workbook.retention import overdue
from b2c_cli.yamlfile import YamlDocument

# At most 64 characters: a period id names a file (results/<id>.yaml), and ids become sheet names and
# headings; a 260-letter one used to pass validate and then break status and portfolio.
ID_PATTERN = re.compile(r"(?=.{1,64}\Z)[a-z0-9]+(?:[-_][a-z0-9]+)*", re.DOTALL)
PERIOD_PATTERN = re.compile(r"(?=.{1,64}\Z)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", re.DOTALL)
MAX_KEY_POINTS = 5
MEETINGS_PER_YEAR = (2, 4)
PERCENT_KINDS = ("survey", "percent")
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")  # IETF BCP 47, as survey languages use it
QUESTIONNAIRE_LABELS = 6  # the five agree steps, most agreeing first, then don't-know

FIRST_YEAR, LAST_YEAR = 1900, 2199  # the years a partnership's dates can be in


def _dates(value: object, path: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], date]]:
    """Every date in a model, with its key path. Only containers are descended into: a workbook has
    hundreds of text leaves, and a generator for each was most of this walk's time."""
    from pydantic import BaseModel

    items: Iterable[tuple[str | int, object]]
    if isinstance(value, BaseModel):
        items = ((name, getattr(value, name)) for name in type(value).model_fields)
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    elif isinstance(value, dict):
        items = value.items()
    else:
        return
    for key, item in items:
        if isinstance(item, date):
            yield (*path, key), item
        elif isinstance(item, BaseModel | list | tuple | dict):
            yield from _dates(item, (*path, key))


Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass
class ValidationReport:
    """The outcome of `b2c validate`: every problem, sorted, and the exit code they add up to."""

    root: Path
    lang: Lang
    problems: list[Problem]
    # The results files the rules read, by period (file name without .yaml), as parsed: the commands that
    # read them next (status, report, score, portfolio) need not parse them a second time.
    results: dict[str, YamlDocument] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def exit_code(self, strict: bool = False) -> ExitCode:
        if any(p.unreadable for p in self.problems):
            return ExitCode.INPUT
        if self.errors or (strict and self.warnings):
            return ExitCode.INVALID
        return ExitCode.OK


def require(validation: ValidationReport, key: str, files: Iterable[str] | None = None) -> None:
    """Stop a command whose work depends on `files` (all when None) while they have errors: exit 3 when
    one of them cannot be read at all (YAML syntax), else exit 1 (DESIGN.md §5)."""
    wanted = set(files) if files is not None else None
    blocking = [p for p in validation.errors if wanted is None or p.file in wanted]
    if blocking:
        error = InputError if any(p.unreadable for p in blocking) else WorkbookInvalid
        raise error(key, where=blocking[0].location, count=len(blocking))


def check(root: Path, today: date) -> tuple[Workbook, ValidationReport]:
    """Load the partnership at `root` and run every rule."""
    workbook = load_workbook(root)
    rules = _Rules(workbook, today)
    rules.run()
    results = {path.stem: doc for path, doc in rules.results_read().items() if doc is not None}
    return workbook, ValidationReport(root, workbook.lang, workbook.sorted_problems(), results)


def partnership_years(start: date, dates: Iterable[date]) -> Counter[int]:
    """How many of `dates` fall in each partnership year (year 1 begins on the start date)."""
    counts: Counter[int] = Counter()
    for day in dates:
        year = day.year - start.year
        if (day.month, day.day) >= (start.month, start.day):
            year += 1
        counts[year] += 1
    return counts


class _Rules:
    """The guide's rules. A file with type errors is checked too, on what is left of it once the wrong
    values are taken out (Workbook.partial), so every problem is listed at once; a rule finding at or
    around a value taken out is not reported (it would be about the gap, not the file)."""

    def __init__(self, workbook: Workbook, today: date) -> None:
        self.wb = workbook
        self.today = today
        self._results: dict[Path, YamlDocument | None] = {}  # results file -> parsed once (None: unreadable)
        self.partnership_model = workbook.partnership or _partial(workbook, PARTNERSHIP_FILE, Partnership)
        part3 = workbook.part3 or _partial(workbook, PART3_FILE, Part3)
        self.part3_model = part3
        pruned3 = workbook.pruned.get(PART3_FILE, [])
        known = part3 is not None
        self.indicator_ids = (
            {i.id for i in part3.indicators}
            if part3 is not None and known and not any(p[:1] == ("indicators",) for p in pruned3)
            else None
        )
        self.period_ids = (
            {p.id for p in part3.periods}
            if part3 is not None and not any(p[:1] == ("periods",) for p in pruned3)
            else None
        )

    def add(
        self, file: str, path: Path_, code: str, severity: Severity = "error", /, **params: object
    ) -> None:
        for taken in self.wb.pruned.get(file, []):
            if path[: len(taken)] == taken or taken[: len(path)] == path:
                return
        line, column = self.wb.mark(file, path)
        self.wb.add(Problem(file, line, column, format_path(path), code, severity, params))

    def run(self) -> None:
        self.files_present()
        self.dates_in_range()
        partnership = self.partnership_model
        if partnership is not None:
            self.partnership(partnership)
        for party, name in PART1_FILES.items():
            part1 = self.wb.part1.get(party) or _partial(self.wb, name, Part1)
            if part1 is not None:
                self.part1(name, party, part1)
        part2 = self.wb.part2 or _partial(self.wb, PART2_FILE, Part2)
        if part2 is not None:
            self.part2(part2)
        if self.part3_model is not None:
            self.part3(self.part3_model)

    def dates_in_range(self) -> None:
        """A date before LAST_YEAR + 1 and from FIRST_YEAR on (issue 12): 9999-12-31 passed and then broke
        the calendar (a day after it does not exist) with exit 70."""
        models: list[tuple[str, object]] = [(PARTNERSHIP_FILE, self.wb.partnership)]
        models += [(PART1_FILES[party], part1) for party, part1 in self.wb.part1.items()]
        models += [(PART2_FILE, self.wb.part2), (PART3_FILE, self.wb.part3)]
        for file, model in models:
            for path, value in _dates(model, ()):
                if not FIRST_YEAR <= value.year <= LAST_YEAR:
                    self.add(file, path, "date-out-of-range", date=value, first=FIRST_YEAR, last=LAST_YEAR)

    # -- which files must exist -------------------------------------------------------------------------
    def files_present(self) -> None:
        required = [PART1_FILES["housing"], PART2_FILE, PART3_FILE]
        partnership = self.partnership_model
        if partnership is not None and partnership.size == "large":
            required.insert(1, PART1_FILES["company"])
        for name in required:
            if name not in self.wb.present:
                code = "missing-part1-company" if name == PART1_FILES["company"] else "missing-file"
                self.wb.add(Problem(name, None, None, "", code, params={"file": name}))

    # -- b2c.yaml ---------------------------------------------------------------------------------------
    def partnership(self, partnership: Partnership) -> None:
        if partnership.schema_version != SCHEMA_VERSION:
            self.add(
                PARTNERSHIP_FILE,
                ("schema_version",),
                "unsupported-schema-version",
                found=partnership.schema_version,
                supported=SCHEMA_VERSION,
            )

    # -- Part 1 -----------------------------------------------------------------------------------------
    def part1(self, file: str, party: str, part1: Part1) -> None:
        if part1.party != party:
            self.add(file, ("party",), "wrong-party", found=part1.party, expected=party)
        if len(part1.key_points) > MAX_KEY_POINTS:
            self.add(file, ("key_points", MAX_KEY_POINTS), "too-many-key-points", count=len(part1.key_points))
        wanted = part1.expectations.partnership_size
        partnership = self.partnership_model
        if wanted is not None and partnership is not None and wanted != partnership.size:
            self.add(
                file,
                ("expectations", "partnership_size"),
                "size-mismatch",
                "warning",
                wanted=wanted,
                size=partnership.size,
            )

    # -- Part 2 -----------------------------------------------------------------------------------------
    def part2(self, part2: Part2) -> None:
        file = PART2_FILE
        for index, ref in enumerate(part2.joint_priorities.site_specific_indicators):
            self.indicator_ref(file, ("joint_priorities", "site_specific_indicators", index), ref)

        agreement = part2.agreement
        initiative_ids = self.unique_ids(
            file,
            [("agreement", "initiatives", i, "id") for i in range(len(agreement.initiatives))],
            [initiative.id for initiative in agreement.initiatives],
        )
        for i, initiative in enumerate(agreement.initiatives):
            for j, ref in enumerate(initiative.indicators):
                self.indicator_ref(file, ("agreement", "initiatives", i, "indicators", j), ref)

        for i, entry in enumerate(agreement.annual_wheel):
            path: Path_ = ("agreement", "annual_wheel", i)
            if entry.month is None and entry.date is None:
                self.add(file, path, "wheel-no-time")
            if entry.month is not None and not 1 <= entry.month <= 12:
                self.add(file, (*path, "month"), "month-out-of-range", value=entry.month)
            elif entry.month is not None and entry.date is not None and entry.date.month != entry.month:
                self.add(
                    file, (*path, "month"), "wheel-month-date-mismatch", month=entry.month, date=entry.date
                )
            if entry.initiative is not None and entry.initiative not in initiative_ids:
                self.add(
                    file,
                    (*path, "initiative"),
                    "unknown-initiative",
                    ref=entry.initiative,
                    known=", ".join(sorted(initiative_ids)) or "-",
                )

        meetings = agreement.evaluation_meetings
        self.in_order(file, ("agreement", "evaluation_meetings"), meetings, severity="warning")
        partnership = self.partnership_model
        if partnership is not None:
            for i, day in enumerate(meetings):
                if day < partnership.start_date:
                    self.add(
                        file,
                        ("agreement", "evaluation_meetings", i),
                        "date-before-start",
                        date=day,
                        start=partnership.start_date,
                    )
            low, high = MEETINGS_PER_YEAR
            counts = partnership_years(
                partnership.start_date, (d for d in meetings if d >= partnership.start_date)
            )
            # Every partnership year from the first to the last one with meetings planned (a year with
            # none in between is a gap the guide's rhythm does not allow).
            years = range(min(counts), max(counts) + 1) if counts else range(0)
            for year, count in ((y, counts[y]) for y in years):
                if count == 1:
                    first = _add_years(partnership.start_date, year - 1)
                    self.add(
                        file,
                        ("agreement", "evaluation_meetings"),
                        "one-meeting-in-year",
                        "warning",
                        year=year,
                        start=first,
                        end=_add_years(partnership.start_date, year) - timedelta(days=1),
                    )
                elif not low <= count <= high:
                    self.add(
                        file,
                        ("agreement", "evaluation_meetings"),
                        "meetings-per-year",
                        year=year,
                        count=count,
                    )

        measurement = agreement.measurement
        if measurement.month is not None and not 1 <= measurement.month <= 12:
            self.add(
                file, ("agreement", "measurement", "month"), "month-out-of-range", value=measurement.month
            )
        if measurement.respondents is not None and measurement.respondents < MIN_SAMPLE:
            self.add(
                file,
                ("agreement", "measurement", "respondents"),
                "few-respondents-planned",
                "warning",
                count=measurement.respondents,
                minimum=MIN_SAMPLE,
            )

    # -- Part 3 -----------------------------------------------------------------------------------------
    def part3(self, part3: Part3) -> None:
        file = PART3_FILE
        self.unique_ids(
            file,
            [("periods", i, "id") for i in range(len(part3.periods))],
            [period.id for period in part3.periods],
            pattern=PERIOD_PATTERN,
        )
        for i in range(1, len(part3.periods)):
            if part3.periods[i].year <= part3.periods[i - 1].year:
                self.add(file, ("periods", i, "year"), "periods-out-of-order", year=part3.periods[i].year)
        self.in_order(file, ("periods",), [p.planned_date for p in part3.periods], suffix="planned_date")

        self.unique_ids(
            file,
            [("indicators", i, "id") for i in range(len(part3.indicators))],
            [indicator.id for indicator in part3.indicators],
        )
        present = {indicator.id for indicator in part3.indicators}
        for fixed in FIXED_INDICATOR_IDS:
            if fixed not in present:
                self.add(file, ("indicators",), "missing-fixed-indicator", id=fixed)
        texts: Counter[str] = Counter()
        columns: Counter[str] = Counter()
        for i, indicator in enumerate(part3.indicators):
            self.indicator(file, ("indicators", i), indicator)
            texts.update(" ".join(item.text.split()).casefold() for item in indicator.items)
            columns.update(item.column for item in indicator.items if item.column)
        for i, indicator in enumerate(part3.indicators):
            for j, item in enumerate(indicator.items):
                path = ("indicators", i, "items", j)
                if texts[" ".join(item.text.split()).casefold()] > 1:
                    self.add(file, (*path, "text"), "duplicate-item-text", "warning", text=item.text[:60])
                if item.column and columns[item.column] > 1:
                    self.add(file, (*path, "column"), "duplicate-column", column=item.column)

        threshold = part3.survey.disclosure_threshold
        if threshold < MIN_DISCLOSURE_THRESHOLD:
            self.add(
                file,
                ("survey", "disclosure_threshold"),
                "threshold-too-low",
                value=threshold,
                minimum=MIN_DISCLOSURE_THRESHOLD,
            )

        scales = part3.scales()
        for i, indicator in enumerate(part3.indicators):
            if indicator.scale is not None and indicator.scale not in scales:
                known = ", ".join(sorted(scales))
                self.add(
                    file, ("indicators", i, "scale"), "unknown-scale", scale=indicator.scale, known=known
                )
        for code, label in part3.survey.codes.items():
            if all(scale.classify(label) in (None, MIXED, BLANK) for scale in scales.values()):
                self.add(
                    file, ("survey", "codes", str(code)), "unknown-code-label", code=code, label=label[:60]
                )

        self.in_order(
            file,
            ("evaluation_meetings",),
            [m.date for m in part3.evaluation_meetings],
            suffix="date",
            severity="warning",
        )
        for i, meeting in enumerate(part3.evaluation_meetings):
            if meeting.date > self.today:
                self.add(
                    file,
                    ("evaluation_meetings", i, "date"),
                    "meeting-in-future",
                    "warning",
                    date=meeting.date,
                )

        self.manual_values(file, part3)
        self.overdue_measurements(file, part3)
        self.reworded_between_periods(file, part3)
        self.results_periods()
        self.population(file, part3)
        self.retention(file, part3)
        self.survey_languages(file, part3)

    def reworded_between_periods(self, file: str, part3: Part3) -> None:
        """An indicator whose statements (or answer scale) differ between two periods' results: the change
        between them is reported as not comparable, which the workbook's authors should know."""
        measured: list[tuple[str, dict[str, tuple[tuple[str, bool, str], ...]]]] = []
        for period in part3.periods:
            path = self.wb.root / RESULTS_DIR / f"{period.id}.yaml"
            document = self._results_document(path)  # None when there is no such file
            found = _result_statements(document.data) if document is not None else None
            if found is not None:
                measured.append((period.id, found))
        for (earlier, before), (later, after) in pairwise(measured):
            for i, indicator in enumerate(part3.indicators):
                if (
                    indicator.id in before
                    and indicator.id in after
                    and before[indicator.id] != after[indicator.id]
                ):
                    self.add(
                        file,
                        ("indicators", i, "items"),
                        "statement-changed-between-periods",
                        "warning",
                        indicator=indicator.id,
                        earlier=earlier,
                        later=later,
                    )

    def results_read(self) -> dict[Path, YamlDocument | None]:
        """Every results file the rules read, parsed (None: unreadable)."""
        return self._results

    def _results_document(self, path: Path) -> YamlDocument | None:
        """A results file, parsed once for every rule that reads it (None when it cannot be read: `report`
        and `score` say why)."""
        from b2c_cli.yamlfile import YamlProblem, parse, read_file

        if path not in self._results:
            try:
                self._results[path] = parse(read_file(path))
            except (OSError, YamlProblem):
                self._results[path] = None
        return self._results[path]

    def results_periods(self) -> None:
        """A results file whose `period` is not its name (copied to another period's name) would show one
        year's figures as another's (issue 12). Only the `period` key is read; `report` reads the rest."""
        folder = self.wb.root / RESULTS_DIR
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.yaml")):
            document = self._results_document(path)
            data = document.data if document is not None else None
            period = data.get("period") if isinstance(data, dict) else None
            if document is not None and period is not None and str(period) != path.stem:
                name = f"{RESULTS_DIR}/{path.name}"
                line = document.mark(("period",)).line
                self.wb.add(
                    Problem(
                        name,
                        line,
                        1,
                        "period",
                        "results-period-mismatch",
                        "error",
                        {"period": period, "name": path.stem},
                    )
                )

    def survey_languages(self, file: str, part3: Part3) -> None:
        """Every survey language has each statement, background question and (beyond da and en) the answer
        labels and questionnaire texts written by the partnership: b2c never machine-translates."""
        survey = part3.survey
        own = self.wb.lang
        for index, tag in enumerate(survey.languages):
            if not LANGUAGE_TAG.fullmatch(tag):
                self.add(file, ("survey", "languages", index), "survey-language-bad-tag", tag=tag[:20])
        wanted = [tag for tag in survey.languages if tag != own and LANGUAGE_TAG.fullmatch(tag)]
        for tag in wanted:
            for i, indicator in enumerate(part3.indicators):
                for j, item in enumerate(indicator.items if indicator.kind == "survey" else []):
                    if not item.translations.get(tag):
                        path: Path_ = ("indicators", i, "items", j, "text")
                        self.add(file, path, "translation-missing", "warning", lang=tag, item=item.text[:50])
            for i, question in enumerate(survey.background):
                found = question.translations.get(tag)
                if found is None or len(found.options) != len(question.options):
                    path = ("survey", "background", i, "text")
                    self.add(file, path, "translation-missing", "warning", lang=tag, item=question.text[:50])
            self._label_clashes(file, part3, tag)
            if tag in ("da", "en"):
                continue
            words = survey.translations.get(tag)
            labels = len(words.labels) if words else 0
            missing = [key for key in QUESTIONNAIRE_TEXTS if not words or key not in words.texts]
            if labels != QUESTIONNAIRE_LABELS or missing:
                self.add(
                    file,
                    ("survey", "languages", survey.languages.index(tag)),
                    "translation-texts-missing",
                    "warning",
                    lang=tag,
                    labels=labels,
                    wanted=QUESTIONNAIRE_LABELS,
                    texts=", ".join(missing) or "-",
                )

    def _label_clashes(self, file: str, part3: Part3, tag: str) -> None:
        """A survey language's answer label that another language uses for another step (issue 16): `b2c
        score` reads labels in every survey language, so such a label would be read as the wrong step."""
        words = part3.survey.translations.get(tag)
        default = SCALES[DEFAULT_SCALE]
        if words is None or len(words.labels) not in (default.k, default.k + 1):
            return
        scale = part3.scales()[DEFAULT_SCALE]
        # Every other language's label on the scale -> the (step, language) pairs writing it, in order.
        written: dict[str, dict[tuple[int, str], None]] = {}
        for step_position, step in enumerate(scale.steps):
            for lang, labels in step.labels.items():
                if lang != tag:
                    for other in labels:
                        written.setdefault(label_key(other), {})[(scale.value_of(step_position), lang)] = None
        for position, label in enumerate(words.labels):
            value = default.value_of(position) if position < default.k else DONT_KNOW
            for step_value, lang in written.get(label_key(label), {}):
                if step_value != value:
                    self.add(
                        file,
                        ("survey", "translations", tag, "labels", position),
                        "translation-label-clash",
                        label=label[:40],
                        lang=tag,
                        other=lang,
                    )

    def population(self, file: str, part3: Part3) -> None:
        """The population to weight to names background questions and their options (issue 16)."""
        population = part3.survey.population
        if population is None:
            return
        questions = {q.id: q for q in part3.survey.background}
        for question, counts in population.margins.items():
            path: Path_ = ("survey", "population", "margins", question)
            if question not in questions:
                known = ", ".join(sorted(questions)) or "-"
                self.add(file, path, "population-unknown-question", question=question, known=known)
                continue
            if any(value <= 0 for value in counts.values()) or len(counts) < 2:
                self.add(file, path, "population-bad-counts", question=question)
            options = {normalise(option) for option in questions[question].options}
            for option in counts:
                if options and normalise(option) not in options:
                    self.add(
                        file,
                        (*path, option),
                        "population-unknown-option",
                        "warning",
                        option=option[:60],
                        question=question,
                    )

    def retention(self, file: str, part3: Part3) -> None:
        """Raw exports kept longer than Part 3 says (GDPR): a warning per file, until purged."""
        days = part3.survey.raw_retention_days
        if days is None:
            return
        for name, age in overdue(self.wb.root, days, self.today):
            self.add(
                file,
                ("survey", "raw_retention_days"),
                "raw-export-expired",
                "warning",
                file=name,
                age=age,
                days=days,
            )

    def overdue_measurements(self, file: str, part3: Part3) -> None:
        """A survey period whose planned date has passed with no results file: the yearly measurement the
        guide asks for has not been scored."""
        if not any(indicator.kind == "survey" for indicator in part3.indicators):
            return
        for i, period in enumerate(part3.periods):
            planned = period.planned_date
            if planned is None or planned >= self.today:
                continue
            if not (self.wb.root / RESULTS_DIR / f"{period.id}.yaml").exists():
                self.add(
                    file,
                    ("periods", i, "planned_date"),
                    "measurement-overdue",
                    "warning",
                    period=period.id,
                    date=planned,
                )

    def indicator(self, file: str, path: Path_, indicator: Indicator) -> None:
        if indicator.id in FIXED_INDICATOR_IDS and indicator.kind != "survey":
            self.add(file, (*path, "kind"), "fixed-indicator-kind", id=indicator.id, kind=indicator.kind)
        target = indicator.target
        if target is None:
            if not indicator.no_target_reason:
                self.add(file, path, "no-target-reason", id=indicator.id)
        else:
            if indicator.kind in PERCENT_KINDS and not 0 <= target.value <= 100:
                self.add(file, (*path, "target", "value"), "target-out-of-range", value=_number(target.value))
            elif indicator.kind == "count" and target.value < 0:
                self.add(file, (*path, "target", "value"), "target-negative", value=_number(target.value))
            for key in ("period", "base_period"):
                ref = getattr(target, key)
                if ref is not None:
                    self.period_ref(file, (*path, "target", key), ref)
        if indicator.kind == "survey" and not indicator.items:
            self.add(file, (*path, "items"), "no-items", "warning", id=indicator.id)
        if indicator.kind != "survey" and indicator.items:
            self.add(file, (*path, "items"), "items-on-non-survey", id=indicator.id, kind=indicator.kind)
        if not indicator.method:
            self.add(file, path, "no-method", "warning", id=indicator.id)
        statements = len(indicator.items) if indicator.kind == "survey" else 1
        if not 1 <= indicator.min_answered <= max(statements, 1):
            self.add(
                file,
                (*path, "min_answered"),
                "min-answered-out-of-range",
                id=indicator.id,
                value=indicator.min_answered,
                statements=statements,
            )

    def manual_values(self, file: str, part3: Part3) -> None:
        kinds = {indicator.id: indicator.kind for indicator in part3.indicators}
        seen: set[tuple[str, str]] = set()
        for i, entry in enumerate(part3.manual_values):
            path: Path_ = ("manual_values", i)
            if self.indicator_ref(file, (*path, "indicator"), entry.indicator):
                kind = kinds[entry.indicator]
                if kind == "survey":
                    self.add(file, (*path, "indicator"), "manual-for-survey", id=entry.indicator)
                elif kind == "percent" and not 0 <= entry.value <= 100:
                    self.add(file, (*path, "value"), "value-out-of-range", value=_number(entry.value))
                elif kind == "count" and (entry.value < 0 or entry.value != int(entry.value)):
                    self.add(file, (*path, "value"), "count-not-whole", value=_number(entry.value))
            self.period_ref(file, (*path, "period"), entry.period)
            if (entry.indicator, entry.period) in seen:
                self.add(file, path, "duplicate-manual-value", id=entry.indicator, period=entry.period)
            seen.add((entry.indicator, entry.period))
            if entry.n is not None and entry.n < 0:
                self.add(file, (*path, "n"), "value-out-of-range", value=entry.n)

    # -- shared checks ----------------------------------------------------------------------------------
    def unique_ids(
        self, file: str, paths: list[Path_], ids: list[str], pattern: re.Pattern[str] = ID_PATTERN
    ) -> set[str]:
        seen: set[str] = set()
        for path, value in zip(paths, ids, strict=True):
            if not pattern.fullmatch(value):
                self.add(file, path, "invalid-id", value=value)
            if value in seen:
                self.add(file, path, "duplicate-id", value=value)
            seen.add(value)
        return seen

    def indicator_ref(self, file: str, path: Path_, ref: str) -> bool:
        if self.indicator_ids is None or ref in self.indicator_ids:
            return self.indicator_ids is not None
        self.add(file, path, "unknown-indicator", ref=ref, known=", ".join(sorted(self.indicator_ids)) or "-")
        return False

    def period_ref(self, file: str, path: Path_, ref: str) -> None:
        if self.period_ids is not None and ref not in self.period_ids:
            self.add(file, path, "unknown-period", ref=ref, known=", ".join(sorted(self.period_ids)) or "-")

    def in_order(
        self,
        file: str,
        path: Path_,
        dates: list[date] | list[date | None],
        suffix: str = "",
        severity: Severity = "error",
    ) -> None:
        previous: date | None = None
        for i, day in enumerate(dates):
            if day is None:
                continue
            here: Path_ = (*path, i, suffix) if suffix else (*path, i)
            if previous is not None and day <= previous:
                self.add(file, here, "dates-out-of-order", severity, date=day, previous=previous)
            previous = day


def _partial(workbook: Workbook, file: str, model: type[M]) -> M | None:
    found = workbook.partial.get(file)
    return found if isinstance(found, model) else None


def _add_years(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February in a year without it)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _result_statements(data: object) -> dict[str, tuple[tuple[str, bool, str], ...]] | None:
    """Each indicator's statements in a results file's data (normalised text, reverse-worded, scale); None
    when the file is missing or not shaped like a results file (the commands that read it say why). Read
    from the plain data, not through the Results model: validate needs three keys of each statement."""
    if not isinstance(data, dict) or not isinstance(indicators := data.get("indicators"), list):
        return None
    out: dict[str, tuple[tuple[str, bool, str], ...]] = {}
    for indicator in indicators:
        if not isinstance(indicator, dict) or not isinstance(items := indicator.get("items", []), list):
            return None
        statements = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(text := item.get("text"), str):
                return None
            scale = item.get("scale")
            statements.append(
                (
                    normalise(text),
                    item.get("reverse") is True,
                    scale if isinstance(scale, str) and scale else DEFAULT_SCALE,  # as `scale or DEFAULT`
                )
            )
        out[str(indicator.get("id"))] = tuple(statements)
    return out
