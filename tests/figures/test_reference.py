"""The figures layer against an independent reference, on hundreds of random workbooks and results.

The reference below is written from DESIGN.md §3 alone, in plain Python with Fractions, and takes its
intervals from statsmodels (Wilson: `proportion_confint(method="wilson")`; Newcombe's hybrid score interval:
`confint_proportions_2indep(method="newcomb")`): every value, change, target status, note and statement
figure `build_figures` computes must equal the reference's, field by field. (Fields the reference does not
know, added later, are not compared.) `make mutation` runs this file against mutants of figures/compute.py.
"""

from __future__ import annotations

import dataclasses
import random
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from b2c_cli.figures import build_figures
from b2c_cli.models import FIXED_INDICATOR_IDS, Part3
from b2c_cli.models.results import Results

MINIMUM = 50
PERIODS = ["baseline", "2026", "2027", "2028"]


# -- the reference ---------------------------------------------------------------------------------------
def half_up(value: Fraction | float, places: int) -> Decimal:
    exact = value if isinstance(value, Fraction) else Fraction(Decimal(repr(float(value))))
    quantum = Decimal(1).scaleb(-places)
    number = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(quantum, rounding=ROUND_HALF_UP)
    return number if number != 0 else abs(number)


def as_written(value: float) -> Decimal:
    number = Decimal(repr(value))
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def wilson(share: Fraction, n: int) -> dict[str, Decimal]:
    low, high = proportion_confint(float(share * n), n, alpha=0.05, method="wilson")
    return {"low": half_up(low * 100, 1), "high": half_up(high * 100, 1)}


def share_value(share: Fraction, n: int | None, source: str, **counts: Any) -> dict[str, Any]:
    return {
        "source": source,
        "share": share,
        "number": None,
        "n": n,
        "percent": half_up(share * 100, 1),
        "whole": int(half_up(share * 100, 0)),
        "ci95": wilson(share, n) if n else None,
        "small": n is not None and n < MINIMUM,
        "positive": counts.get("positive"),
        "dont_know": counts.get("dont_know"),
        "blank": counts.get("blank"),
    }


def statements(result: dict[str, Any]) -> list[tuple[str, bool]]:
    return [(" ".join(item["text"].split()).casefold(), item["reverse"]) for item in result["items"]]


def change(against: str, period: str, earlier: tuple[Any, Any], later: tuple[Any, Any]) -> dict[str, Any]:
    (e, e_result), (lat, l_result) = earlier, later
    if statements(e_result) != statements(l_result):
        return {
            "against": against,
            "period": period,
            "comparable": False,
            "difference": None,
            "ci95": None,
            "significant": None,
            "reason": "statement-changed",
        }
    low, high = confint_proportions_2indep(
        lat["positive"], lat["n"], e["positive"], e["n"], method="newcomb", compare="diff"
    )
    return {
        "against": against,
        "period": period,
        "comparable": True,
        "difference": half_up((lat["share"] - e["share"]) * 100, 1),
        "ci95": {"low": half_up(low * 100, 1), "high": half_up(high * 100, 1)},
        "significant": not low <= 0 <= high,
        "reason": None,
    }


def count_value(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "source": "manual",
        "share": None,
        "number": as_written(entry["value"]),
        "n": None,
        "percent": None,
        "whole": None,
        "ci95": None,
        "small": False,
        "positive": None,
        "dont_know": None,
        "blank": None,
    }


def survey_result(found: dict[str, Any]) -> dict[str, Any]:
    counts = {key: found[key] for key in ("positive", "dont_know", "blank")}
    return share_value(Fraction(found["positive"], found["n"]), found["n"], "survey", **counts)


THRESHOLD = 5  # the disclosure threshold of every random workbook (the default)


def hidden(positive: int | None, n: int | None) -> bool:
    """The disclosure rules, from their words: fewer answers than the threshold, or all alike at it."""
    return n is not None and (n < THRESHOLD or (n == THRESHOLD and positive in (0, n)))


def item_figure(item: dict[str, Any]) -> dict[str, Any]:
    value = None
    small = hidden(item["positive"], item["n"])
    if item["n"] and not small:
        value = share_value(
            Fraction(item["positive"], item["n"]), item["n"], "survey", positive=item["positive"]
        )
    return {
        "text": item["text"],
        "column": item["column"],
        "reverse": item["reverse"],
        "value": value,
        "steps": () if small else tuple(item["steps"][step] for step in sorted(item["steps"])),
        "dont_know": item["dont_know"],
        "blank": item["blank"],
    }


def values_of(
    indicator: dict[str, Any],
    order: list[str],
    results: dict[str, Any],
    manual: dict[Any, Any],
    hidden_periods: list[str],
) -> dict[str, tuple[dict[str, Any], Any]]:
    """Each measured period's value (and the results entry it came from); the periods whose value the
    disclosure rules hide are left out, each with a note."""
    measured: dict[str, tuple[dict[str, Any], Any]] = {}
    for period in order:
        if indicator["kind"] == "survey":
            entries = results.get(period, {}).get("indicators", [])
            found = next((entry for entry in entries if entry["id"] == indicator["id"]), None)
            if found and found["n"]:
                measured[period] = (survey_result(found), found)
        elif (indicator["id"], period) in manual:
            entry = manual[(indicator["id"], period)]
            if indicator["kind"] == "count":
                measured[period] = (count_value(entry), None)
            else:
                share = Fraction(as_written(entry["value"])) / 100
                measured[period] = (share_value(share, entry.get("n") or None, "manual"), None)
        kept = measured[period][1] if period in measured else None
        items = (kept or {}).get("items", [])
        # several statements, one answered by 1 to 4 or by 5 all alike: the respondent means mix them in
        mixed = len(items) > 1 and any(item["n"] and hidden(item["positive"], item["n"]) for item in items)
        if period in measured and (
            hidden(measured[period][0]["positive"], measured[period][0]["n"]) or mixed
        ):
            del measured[period]
            hidden_periods.append(period)
    return measured


def note(kind: str, indicator: str, period: str, **params: Any) -> dict[str, Any]:
    return {"kind": kind, "indicator": indicator, "period": period, **params}


def target_status(target: dict[str, Any], order: list[str], figures: list[dict[str, Any]]) -> dict[str, Any]:
    goal = as_written(target["value"])
    direction = target.get("direction", "at_least")
    latest = next((figure for figure in reversed(figures) if figure["value"] is not None), None)
    if latest is None:
        status = "not-measured"
    else:
        value = latest["value"]
        level = value["share"] * 100 if value["share"] is not None else Fraction(value["number"])
        met = level >= Fraction(goal) if direction == "at_least" else level <= Fraction(goal)
        due = target.get("period")
        if met:
            status = "met"
        elif due in order and order.index(latest["period"]) < order.index(due):
            status = "not-yet-due"
        else:
            status = "not-met"
    return {"value": goal, "direction": direction, "due": target.get("period"), "status": status}


def indicator_figures(
    indicator: dict[str, Any], order: list[str], results: dict[str, Any], manual: dict[Any, Any]
) -> dict[str, Any]:
    key = indicator["id"]
    hidden_periods: list[str] = []
    measured = values_of(indicator, order, results, manual, hidden_periods)
    target = indicator.get("target")
    declared = target.get("base_period") if target else None
    base = declared if declared is not None else next(iter(measured), None)
    notes = [note("below-threshold", key, period, minimum=THRESHOLD) for period in hidden_periods]
    if declared is not None and declared not in measured and measured:
        notes.append(note("base-not-measured", key, declared))
    figures: list[dict[str, Any]] = []
    previous = None
    for period in order:
        if period not in measured:
            figures.append(
                {"period": period, "value": None, "vs_base": None, "vs_previous": None, "items": ()}
            )
            continue
        value, result = measured[period]
        counted = value["positive"] is not None
        vs_base = vs_previous = None
        after_base = base in measured and order.index(period) > order.index(base)
        if after_base and counted and measured[base][0]["positive"] is not None:
            vs_base = change("base", base, measured[base], measured[period])
        distinct = previous is not None and previous != base
        if distinct and counted and measured[previous][0]["positive"] is not None:
            vs_previous = change("previous", previous, measured[previous], measured[period])
        items = tuple(item_figure(item) for item in result["items"]) if result is not None else ()
        figures.append(
            {"period": period, "value": value, "vs_base": vs_base, "vs_previous": vs_previous, "items": items}
        )
        if value["small"] and value["n"] is not None:
            notes.append(note("small-sample", key, period, n=value["n"], minimum=MINIMUM))
        for found in (vs_base, vs_previous):
            if found is not None and not found["comparable"]:
                notes.append(
                    note("not-comparable", key, period, against=found["period"], reason=found["reason"])
                )
            elif found is not None and found["against"] == "base" and not found["significant"]:
                difference = found["difference"]
                notes.append(
                    note("change-within-noise", key, period, against=found["period"], difference=difference)
                )
        # no change against the first period measured at all (no declared base) or the one just before:
        # it did not measure the indicator, or its figure is hidden
        earlier = [p for p in order[: order.index(period)] if p in results or (key, p) in manual]
        looked_for = ([earlier[0]] if earlier and declared is None else []) + earlier[-1:]
        for other in dict.fromkeys(looked_for):
            unmeasured = key in results.get(other, {}).get("not_measured", []) and other not in measured
            why = "below-threshold" if other in hidden_periods else "not-measured" if unmeasured else None
            if why is not None and other != declared:
                notes.append(note("change-not-measured", key, period, against=other, reason=why))
        previous = period
    return {
        "id": key,
        "name": indicator["name"],
        "kind": indicator["kind"],
        "esrs": indicator["esrs"],
        "group": "fixed" if key in FIXED_INDICATOR_IDS else "site",
        "base_period": base,
        "target": target_status(target, order, figures) if target else None,
        "periods": figures,
        "notes": notes,
    }


def reference(part3: dict[str, Any], results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    order = [p["id"] for p in part3["periods"]]
    manual = {(m["indicator"], m["period"]): m for m in part3.get("manual_values", [])}
    periods = [
        {
            "id": p["id"],
            "year": p["year"],
            "index": index,
            "measured": p["id"] in results or any(period == p["id"] for _, period in manual),
        }
        for index, p in enumerate(part3["periods"])
    ]
    fixed = sorted(
        (i for i in part3["indicators"] if i["id"] in FIXED_INDICATOR_IDS),
        key=lambda i: FIXED_INDICATOR_IDS.index(i["id"]),
    )
    site = [i for i in part3["indicators"] if i["id"] not in FIXED_INDICATOR_IDS]
    indicators = [indicator_figures(indicator, order, results, manual) for indicator in (*fixed, *site)]
    return {"periods": periods, "indicators": indicators}


# -- random workbooks ------------------------------------------------------------------------------------
def random_target(rng: random.Random, ids: list[str]) -> dict[str, Any]:
    target: dict[str, Any] = {
        "value": rng.choice([rng.randint(0, 100), rng.randint(0, 199) / 2]),
        "direction": rng.choice(["at_least", "at_most"]),
    }
    if rng.random() < 0.6:
        target["period"] = rng.choice(ids)
    if rng.random() < 0.3:
        target["base_period"] = rng.choice(ids)
    return target


def random_item(rng: random.Random, text: str) -> dict[str, Any]:
    n = rng.randint(0, 200)
    steps = dict.fromkeys(range(1, 6), 0)
    for _ in range(n):
        steps[rng.randint(1, 5)] += 1
    return {
        "text": text,
        "column": f"Q {text}",
        "reverse": rng.random() < 0.2,
        "percent": None,
        "positive": rng.randint(0, n),
        "n": n,
        "ci95": None,
        "dont_know": rng.randint(0, 9),
        "blank": rng.randint(0, 9),
        "steps": steps,
    }


def random_result(rng: random.Random, indicator: str, statements: list[str]) -> dict[str, Any]:
    n = rng.choice([0, rng.randint(1, 60), rng.randint(1, 200)])
    texts = list(statements)
    if rng.random() < 0.15:
        texts[0] += " (ny formulering)"  # reworded this period: not comparable with the others
    return {
        "id": indicator,
        "percent": None,
        "positive": rng.randint(0, n),
        "n": n,
        "ci95": None,
        "dont_know": rng.randint(0, 9),
        "blank": rng.randint(0, 9),
        "items": [random_item(rng, text) for text in texts],
    }


def workbook(rng: random.Random) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """A random Part 3 (2-4 periods; some of the fixed indicators and up to three others of any kind, with
    and without targets, due and base periods) and random results files for it."""
    periods = [{"id": p, "year": 2025 + i} for i, p in enumerate(PERIODS[: rng.randint(2, 4)])]
    ids = [p["id"] for p in periods]
    kinds = dict.fromkeys(rng.sample(list(FIXED_INDICATOR_IDS), rng.randint(0, 3)), "survey")
    for index in range(rng.randint(0, 3)):
        kinds[f"site-{index}"] = rng.choice(["survey", "percent", "count"])
    names = list(kinds)
    rng.shuffle(names)
    indicators, manual = [], []
    results: dict[str, dict[str, Any]] = {}
    for name in names:
        indicator: dict[str, Any] = {
            "id": name,
            "name": name.title(),
            "kind": kinds[name],
            "esrs": rng.choice(["S3", "S4"]),
            "kpi": "%",
        }
        if rng.random() < 0.8:
            indicator["target"] = random_target(rng, ids)
        else:
            indicator["no_target_reason"] = "Endnu ikke"
        indicators.append(indicator)
        statements = [f"Udsagn {name} {j}" for j in range(rng.randint(1, 2))]
        for period in (p for p in ids if rng.random() >= 0.3):
            if kinds[name] == "survey":
                entry = random_result(rng, name, statements)
                results.setdefault(period, {"indicators": []})["indicators"].append(entry)
                continue
            if kinds[name] == "count":
                value: float = rng.randint(0, 40)
            else:
                value = rng.choice([rng.randint(0, 100), rng.randint(0, 999) / 10])
            entry = {"indicator": name, "period": period, "value": value}
            if kinds[name] == "percent" and rng.random() < 0.7:
                entry["n"] = rng.randint(1, 150)
            manual.append(entry)
    return {"periods": periods, "indicators": indicators, "manual_values": manual}, results


def results_model(period: str, data: dict[str, Any]) -> Results:
    source = {"file": "x.csv", "sha256": "0" * 64, "format": "csv", "layout": "plain", "b2c_version": "test"}
    return Results.model_validate(
        {"schema_version": 1, "period": period, "respondents": 0, "source": source, **data}
    )


def project(actual: Any, expected: Any, where: str = "") -> None:
    """Compare the fields the reference knows; a field added to the figures later is not compared."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            project(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list | tuple):
        assert len(actual) == len(expected), f"{where}: {len(actual)} != {len(expected)}"
        for index, (a, e) in enumerate(zip(actual, expected, strict=True)):
            project(a, e, f"{where}[{index}]")
    else:
        assert actual == expected and type(actual) is type(expected), f"{where}: {actual!r} != {expected!r}"


@pytest.mark.parametrize("seed", range(300))
def test_figures_equal_the_reference(seed: int) -> None:
    rng = random.Random(seed)
    part3, results = workbook(rng)
    models = {period: results_model(period, data) for period, data in results.items()}
    actual = dataclasses.asdict(build_figures(Part3.model_validate(part3), models))
    project(actual, reference(part3, results), f"seed {seed}")


# -- the portfolio's pooling and a year's target status ----------------------------------------------------
def random_value(rng: random.Random) -> Any:
    from b2c_cli.figures.compute import share_value, survey_value

    kind = rng.choice(["survey", "manual", "manual-without-n", "count"])
    if kind == "survey":
        n = rng.randint(1, 300)
        return survey_value(rng.randint(0, n), n)
    if kind == "count":
        from b2c_cli.figures.model import Value

        return Value(source="manual", number=Decimal(rng.randint(0, 30)))
    share = Fraction(rng.randint(0, 1000), 1000)
    return share_value(share, rng.randint(1, 200) if kind == "manual" else None, "manual")


@pytest.mark.parametrize("seed", range(200))
def test_pooling_equals_the_reference(seed: int) -> None:
    """Pooled over partnerships: the answers a share stands for (share x n, exact) over all answers, only
    of values with an n; counts and shares without an n take no part."""
    from b2c_cli.figures.compute import pooled

    rng = random.Random(seed)
    values = [random_value(rng) for _ in range(rng.randint(0, 6))]
    counted = [v for v in values if v.share is not None and v.n]
    found = pooled(values)
    if not counted:
        assert found is None
        return
    n = sum(v.n for v in counted)
    positive = sum((v.share * v.n for v in counted), Fraction(0))
    expected = share_value(
        positive / n, n, "pooled", positive=int(positive) if positive.denominator == 1 else None
    )
    project(dataclasses.asdict(found), expected, f"seed {seed}")


@pytest.mark.parametrize("seed", range(100))
def test_the_status_of_each_period_equals_the_reference(seed: int) -> None:
    """`status_at` (the portfolio's view of a year): the status the target would have if that period's
    value were the latest; "no-target" without a target."""
    from b2c_cli.figures.compute import status_at

    rng = random.Random(seed)
    part3, results = workbook(rng)
    models = {period: results_model(period, data) for period, data in results.items()}
    figures = build_figures(Part3.model_validate(part3), models)
    order = [p["id"] for p in part3["periods"]]
    expected = reference(part3, results)
    for indicator, wanted in zip(figures.indicators, expected["indicators"], strict=True):
        source = next(i for i in part3["indicators"] if i["id"] == indicator.id)
        for index, period in enumerate(order):
            found = status_at(figures, indicator, period)
            if "target" not in source:
                assert found == "no-target"
                continue
            upto = [*wanted["periods"][: index + 1]]
            if upto[-1]["value"] is None:
                assert found == "not-measured", (seed, indicator.id, period)
                continue
            assert found == target_status(source["target"], order, upto)["status"], (
                seed,
                indicator.id,
                period,
            )
