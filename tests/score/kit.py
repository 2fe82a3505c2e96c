"""Shared by the end-to-end tests of `b2c score`: a copy of the example partnership, small edits to its
Part 3, the CLI run with its JSON parsed, and the figures of a result to compare."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from typer.testing import Result

from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORTS = REPO / "examples" / "exports"
BASELINE_EXPORT = EXPORTS / "hedemarken-baseline-surveyxact.xlsx"
YEAR1_EXPORT = EXPORTS / "hedemarken-2026-google-forms.csv"
PART3 = "part3-evaluation.yaml"

# The example's survey indicators and which of the six statements (in workbook order) belong to each.
INDICATORS: dict[str, tuple[int, ...]] = {
    "belonging": (0, 1),
    "trust": (2,),
    "co-creation": (3,),
    "tryghed": (4, 5),
}
REVERSED = frozenset({5})  # "Der er steder i Hedemarken, jeg undgår, fordi jeg føler mig utryg"


def survey_items() -> list[tuple[str, str, bool]]:
    """(indicator id, statement, reverse-worded) of every survey item in the example, in workbook order."""
    data = yaml.safe_load((EXAMPLE / PART3).read_text("utf-8"))
    return [
        (indicator["id"], item["text"], bool(item.get("reverse", False)))
        for indicator in data["indicators"]
        if indicator["kind"] == "survey"
        for item in indicator["items"]
    ]


STATEMENTS = tuple(text for _, text, _ in survey_items())

# The Danish agree scale: HE Helt enig (step 5), DE (4), HV (3), DU (2), HU Helt uenig (1); VI Ved ikke is
# don't know. In answer tables a blank is None.
HE, DE, HV, DU, HU, VI = (
    "Helt enig",
    "Delvis enig",
    "Hverken enig eller uenig",
    "Delvis uenig",
    "Helt uenig",
    "Ved ikke",
)


def copy_partnership(tmp_path: Path, name: str = "hedemarken") -> Path:
    """The example partnership without its results, so every test starts from an unscored workbook."""
    target = tmp_path / name
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("results"))
    return target


def drop_population(folder: Path) -> None:
    """Take Part 3's `survey: population:` out (the example compares its answers with the population)."""
    path = folder / PART3
    text = path.read_text("utf-8")
    cut = re.sub(r"\n  population:\n(?:    .*\n)+", "\n", text)
    assert cut != text
    path.write_text(cut, "utf-8")


def edit_part3(folder: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in Part 3 (exactly `count` times, so a silent no-op cannot happen)."""
    path = folder / PART3
    text = path.read_text("utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times in {PART3}"
    path.write_text(text.replace(old, new), "utf-8")


def set_columns(folder: Path, columns: Sequence[str]) -> None:
    """Give each of the six statements (in workbook order) an explicit `column:`."""
    assert len(columns) == len(STATEMENTS)
    for statement, column in zip(STATEMENTS, columns, strict=True):
        edit_part3(folder, f'- text: "{statement}"\n', f'- text: "{statement}"\n        column: "{column}"\n')


def set_survey(folder: Path, *, threshold: int | None = None, codes: Mapping[int, str] | None = None) -> None:
    """Change `survey: disclosure_threshold:` and/or add `survey: codes:`."""
    if threshold is not None:
        edit_part3(folder, "  disclosure_threshold: 5\n", f"  disclosure_threshold: {threshold}\n")
    if codes:
        lines = "".join(f'    {code}: "{label}"\n' for code, label in sorted(codes.items()))
        edit_part3(folder, "\nsurvey:\n", f"\nsurvey:\n  codes:\n{lines}")


def score(run: Any, export: Path, folder: Path, *args: object, period: str | None = "baseline") -> Result:
    extra = ["--period", period] if period is not None else []
    result: Result = run("score", export, "--dir", folder, *extra, *args)
    return result


def score_json(
    run: Any, export: Path, folder: Path, *args: object, period: str = "baseline"
) -> dict[str, Any]:
    """`b2c score EXPORT --dir FOLDER --period PERIOD --json ...`, which must succeed; its JSON."""
    result = score(run, export, folder, "--json", *args, period=period)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def indicator(data: Mapping[str, Any], indicator_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(i for i in data["indicators"] if i["id"] == indicator_id)
    return found


def figures(entry: Mapping[str, Any]) -> tuple[Any, ...]:
    """percent, positive, n, ci95 of an indicator or item."""
    return entry.get("percent"), entry.get("positive"), entry.get("n"), entry.get("ci95")


def all_figures(data: Mapping[str, Any]) -> list[Any]:
    """Every figure of every indicator and item, for comparing two runs (not the source)."""
    return [
        (
            i["id"],
            figures(i),
            i.get("dont_know"),
            i.get("blank"),
            [
                (it["column"], figures(it), it.get("dont_know"), it.get("blank"), it.get("steps"))
                for it in i["items"]
            ],
        )
        for i in data["indicators"]
    ]


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def set_scale(folder: Path, scale: str) -> None:
    """Give every survey indicator of the example `scale: SCALE`."""
    edit_part3(folder, "    kind: survey\n", f"    kind: survey\n    scale: {scale}\n", count=len(INDICATORS))
