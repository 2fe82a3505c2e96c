"""`b2c score`'s result as data: the results file's aggregates beside the scored period's figures from the
figures layer (the changes against the base and the previous period), the warnings in words, and where
the results went. `b2c score --json` prints exactly `score_data`; the terminal shows the same values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from b2c_cli.figures.compute import build_figures, survey_value, weighted_value
from b2c_cli.figures.model import Change, Figures, Value
from b2c_cli.i18n import Lang, tr
from b2c_cli.models.results import Results, SegmentCellResult
from b2c_cli.survey import disclosure
from b2c_cli.survey.pipeline import ScoreOutcome


def outcome_figures(outcome: ScoreOutcome) -> Figures:
    """The figures with the period just scored among the others (also in a dry run, before it is written)."""
    results = {**outcome.others, outcome.results.period: outcome.results}
    return build_figures(outcome.part3, results)


def segment_value(cell: dict[str, Any]) -> Value | None:
    """A segment cell of the results as a figure (None when it is suppressed or has no answers)."""
    if cell.get("suppressed") or not cell.get("n"):
        return None
    if cell.get("weighted"):
        return weighted_value(SegmentCellResult.model_validate(cell))
    return survey_value(cell["positive"], cell["n"])


def change_data(change: Change) -> dict[str, Any]:
    """One change as JSON. `against` is "baseline" for the indicator's base period (its declared
    `target.base_period`, else its first measured period; `period` names it) or "previous"."""
    computed = change.comparable and change.difference is not None and change.ci95 is not None
    return {
        "against": "baseline" if change.against == "base" else "previous",
        "period": change.period,
        "difference": float(change.difference) if computed and change.difference is not None else None,
        "ci95": [float(change.ci95.low), float(change.ci95.high)] if computed and change.ci95 else None,
        "significant": change.significant if computed else None,
        "comparable": change.comparable,
        "reason": change.reason,
    }


def score_data(outcome: ScoreOutcome, figures: Figures, root: Path) -> dict[str, Any]:
    """The stable JSON shape of `b2c score --json`: the results file's figures, plus each indicator's name
    and changes, the warnings as messages in the outcome's language, and where the results went."""
    data = outcome.results.model_dump(mode="json")
    period = outcome.results.period
    names = {indicator.id: indicator.name for indicator in outcome.indicators}
    threshold = outcome.part3.survey.disclosure_threshold
    for indicator in data["indicators"]:
        indicator["name"] = names.get(indicator["id"], indicator["id"])
        found = figures.indicator(indicator["id"])
        figure = found.at(period) if found is not None else None
        indicator["changes"] = [change_data(c) for c in figure.changes] if figure is not None else []
        held = indicator["suppressed"]  # held back in the results file: it has no count to show
        hidden = held or disclosure.dominated(indicator["positive"], indicator["n"], threshold)
        _mask(indicator, hidden)
        for item in indicator["items"]:
            item["steps"] = {str(step): count for step, count in (item["steps"] or {}).items()}
            statement_hidden = disclosure.dominated(item["positive"], item["n"], threshold)
            _mask(item, hidden or item["suppressed"] or statement_hidden)
        indicator["not_measured"] = False
    data["held_back"] = held_back(outcome.results, threshold)
    # An indicator the period's exports did not measure: listed with its state and no figures (never a 0).
    data["indicators"] += [_not_measured(i, names.get(i, i)) for i in outcome.results.not_measured]
    data["warnings"] = [
        {**warning, "message": warning_message(warning, outcome.lang, names)} for warning in data["warnings"]
    ]
    data["results_file"] = outcome.path.relative_to(root).as_posix()
    data["action"] = outcome.action
    data["matches"] = [
        {"indicator": m.item.indicator, "text": m.item.text, "column": m.column.name, "reason": m.reason}
        for m in outcome.matches
    ]
    data["unused_scale_columns"] = outcome.unused_scale_columns
    return data


def held_back(results: Results, threshold: int) -> dict[str, Any]:
    """What the results file holds back, and why: the indicators and the statements resting on fewer
    answers than the threshold (an indicator also at it with every answer alike)."""
    return {
        "threshold": threshold,
        "indicators": [i.id for i in results.indicators if i.suppressed],
        "statements": [
            {"indicator": i.id, "text": item.text, "column": item.column}
            for i in results.indicators
            if not i.suppressed
            for item in i.items
            if item.suppressed
        ],
    }


def _not_measured(indicator_id: str, name: str) -> dict[str, Any]:
    """A survey indicator the period's exports did not measure, in the shape of a measured one."""
    empty: dict[str, Any] = dict.fromkeys(("percent", "positive", "n", "ci95", "dont_know", "blank"))
    return {
        "id": indicator_id,
        **empty,
        "items": [],
        "weighted": None,
        "name": name,
        "changes": [],
        "suppressed": False,
        "not_measured": True,
    }


def _mask(figure: dict[str, Any], hidden: bool) -> None:
    """The disclosure rules on a figure of the JSON: hidden, it keeps its n and its don't-know and blank
    counts but not its positives, percentage, interval, answers per step or changes."""
    figure["suppressed"] = hidden
    if hidden:
        figure.update(percent=None, positive=None, ci95=None)
        if "steps" in figure:
            figure["steps"] = {}
        if "changes" in figure:
            figure["changes"] = []


def warning_message(warning: dict[str, Any], lang: Lang, names: dict[str, str] | None = None) -> str:
    """A warning in words, naming the indicator as the workbook names it."""
    params = {key: value for key, value in warning.items() if key != "code" and value is not None}
    if names and "indicator" in params:
        params["indicator"] = names.get(str(params["indicator"]), params["indicator"])
    return tr(f"warning-{warning['code']}", lang, **params)
