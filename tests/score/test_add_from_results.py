"""`b2c score NEW --period P --add` without the period's earlier exports: the results file's counts and the
new exports' counts added. The decisive check: scoring the exports together in one run and scoring them one
`--add` at a time write the same bytes. Every case that cannot be combined exactly is refused, naming the
results file and saying to give the earlier exports again, with the file unchanged."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from ingest.factories import write_csv

from .kit import (
    BASELINE_EXPORT,
    DE,
    HE,
    HU,
    HV,
    INDICATORS,
    STATEMENTS,
    VI,
    YEAR1_EXPORT,
    copy_partnership,
    drop_population,
    edit_part3,
    score,
    score_json,
)

DU = "Delvis uenig"
ANSWERS = (HE, DE, HV, DU, HU, VI, None, None)  # blanks twice as likely as any one label
PERIOD = "2026"
RESULTS = f"results/{PERIOD}.yaml"
AGE = "Hvor gammel er du?"  # the background question `alder`
AGES = ("Under 25 år", "25-39 år", "40-64 år", "65 år eller derover")


def unweighted(tmp_path: Path, name: str) -> Path:
    """The example partnership without its population (a weighted period cannot be added to)."""
    folder = copy_partnership(tmp_path, name)
    drop_population(folder)
    return folder


def both_belonging_statements(folder: Path) -> None:
    """`min_answered: 2` for belonging: a respondent who answered one of its two statements is left out."""
    kpi = '    esrs: S3\n    kpi: "% der oplever tilhørsforhold'
    edit_part3(folder, f"    kind: survey\n{kpi}", f"    kind: survey\n    min_answered: 2\n{kpi}")


def results_bytes(folder: Path) -> bytes:
    return (folder / RESULTS).read_bytes()


def together(run: Any, folder: Path, *exports: Path) -> bytes:
    score_json(run, exports[0], folder, *exports[1:], period=PERIOD)
    return results_bytes(folder)


def one_at_a_time(run: Any, folder: Path, *steps: tuple[Path, ...]) -> bytes:
    first, *rest = steps
    score_json(run, first[0], folder, *first[1:], period=PERIOD)
    for step in rest:
        data = score_json(run, step[0], folder, *step[1:], "--add", period=PERIOD)
        assert data["action"] == "updated"
    return results_bytes(folder)


def without_id_warnings(text: bytes) -> Any:
    data = yaml.safe_load(text)
    data["warnings"] = [w for w in data["warnings"] if w["code"] != "ids-not-checked"]
    return data


def test_the_examples_exports_added_one_at_a_time_equal_scoring_them_together(
    run: Any, tmp_path: Path
) -> None:
    joint = together(run, unweighted(tmp_path, "joint"), BASELINE_EXPORT, YEAR1_EXPORT)
    steps = one_at_a_time(run, unweighted(tmp_path, "steps"), (BASELINE_EXPORT,), (YEAR1_EXPORT,))
    assert steps == joint  # the Google Forms export has no respondent id: nothing was left unchecked
    data = yaml.safe_load(steps)
    assert [s["file"] for s in data["sources"]] == [BASELINE_EXPORT.name, YEAR1_EXPORT.name]
    assert sum(s["rows_used"] for s in data["sources"]) == data["respondents"]

    # The other way round the added SurveyXact export has respondent ids the earlier rows are not here to
    # be compared with: the same figures, and a warning that says so.
    joint = together(run, unweighted(tmp_path, "joint2"), YEAR1_EXPORT, BASELINE_EXPORT)
    folder = unweighted(tmp_path, "steps2")
    score_json(run, YEAR1_EXPORT, folder, period=PERIOD)
    added = score(run, BASELINE_EXPORT, folder, "--add", "--lang", "en", period=PERIOD)
    assert added.exit_code == 0, added.stderr
    message = " ".join(added.stderr.split())
    assert f"The respondent IDs in {BASELINE_EXPORT.name} were not checked" in message
    assert YEAR1_EXPORT.name in message
    assert f"The answers from {BASELINE_EXPORT.name} were added to the results in {RESULTS}." in message
    steps = results_bytes(folder)
    assert steps != joint
    assert without_id_warnings(steps) == without_id_warnings(joint)
    warning = next(w for w in yaml.safe_load(steps)["warnings"] if w["code"] == "ids-not-checked")
    assert (warning["file"], warning["files"]) == (BASELINE_EXPORT.name, YEAR1_EXPORT.name)


def random_export(rng: random.Random, path: Path, asked: list[int], rows: int) -> Path:
    """A plain sheet asking the age and the statements `asked` (by index), random answers: don't know,
    blanks, partial answers."""
    table: list[list[Any]] = [[AGE, *(STATEMENTS[index] for index in asked)]]
    table += [[rng.choice(AGES), *(rng.choice(ANSWERS) for _ in asked)] for _ in range(rows)]
    return write_csv(path, table)


@pytest.mark.parametrize("seed", range(6))
def test_random_exports_added_in_steps_equal_scoring_them_together(
    run: Any, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    exports = []
    for name in ("online.csv", "papir.csv", "dør.csv"):
        # some exports leave out whole indicators (not measured there); blanks make partial answers
        chosen = rng.sample(sorted(INDICATORS), rng.randint(1, len(INDICATORS)))
        asked = sorted(index for name in chosen for index in INDICATORS[name])
        # enough rows that no figure of any step is held back under the disclosure threshold (an --add onto
        # a held-back figure is refused: test_a_figure_without_counts_is_refused)
        exports.append(random_export(rng, tmp_path / name, asked, rng.randint(20, 60)))
    folders = []
    for name in ("joint", "two", "three", "pair"):
        folder = unweighted(tmp_path, name)
        if seed % 2:  # a respondent must answer both belonging statements to be scored
            both_belonging_statements(folder)
        folders.append(folder)
    a, b, c = exports
    joint = together(run, folders[0], a, b, c)
    assert one_at_a_time(run, folders[1], (a, b), (c,)) == joint
    assert one_at_a_time(run, folders[2], (a,), (b,), (c,)) == joint
    assert one_at_a_time(run, folders[3], (a,), (b, c)) == joint
    # the check is not empty: the answers carry don't-knows, blanks and partial answers
    data = yaml.safe_load(joint)
    assert data["respondents"] == sum(s["rows_used"] for s in data["sources"])
    assert any(i["dont_know"] for i in data["indicators"]) and any(i["blank"] for i in data["indicators"])


def test_the_earlier_way_giving_every_export_again_still_works(run: Any, tmp_path: Path) -> None:
    rng = random.Random(1)
    a = random_export(rng, tmp_path / "a.csv", list(range(6)), 12)
    b = random_export(rng, tmp_path / "b.csv", list(range(6)), 9)
    folder = unweighted(tmp_path, "again")
    joint = together(run, unweighted(tmp_path, "joint"), a, b)
    score_json(run, a, folder, period=PERIOD)
    assert score_json(run, a, folder, b, "--add", period=PERIOD)["action"] == "updated"
    assert results_bytes(folder) == joint
    # the same file added again: as before, a no-op when it is the period's only export ...
    assert score_json(run, a, unweighted(tmp_path, "once"), period=PERIOD)["action"] == "written"
    # ... and refused, naming the export to give again, when it is one of several
    again = score(run, b, folder, "--add", "--lang", "en", period=PERIOD)
    assert again.exit_code == 4
    assert "a.csv" in again.stderr
    assert results_bytes(folder) == joint


# -- refusals -----------------------------------------------------------------------------------------


def refused(run: Any, export: Path, folder: Path, *args: object) -> str:
    """`--add EXPORT` refused: exit 4, the results file unchanged byte for byte; the message in English."""
    before = results_bytes(folder)
    result = score(run, export, folder, "--add", "--lang", "en", *args, period=PERIOD)
    assert result.exit_code == 4, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert results_bytes(folder) == before
    return " ".join(result.stderr.split())


def assert_says_how(message: str, earlier: str) -> None:
    assert RESULTS in message
    assert f"Give the earlier exports ({earlier}) again with the new ones and --add" in message
    assert "Nothing was changed" in message


def scored(run: Any, tmp_path: Path, folder: Path) -> tuple[Path, Path]:
    rng = random.Random(7)
    a = random_export(rng, tmp_path / "a.csv", list(range(6)), 12)
    b = random_export(rng, tmp_path / "b.csv", list(range(6)), 9)
    score_json(run, a, folder, period=PERIOD)
    return a, b


def test_a_period_compared_with_the_population_is_compared_again(run: Any, tmp_path: Path) -> None:
    """The example compares its answers with the area's population (`weight: false`): with every weight 1
    the comparison rests on the counts per category alone, which the results file keeps."""
    joint = together(run, copy_partnership(tmp_path, "joint"), BASELINE_EXPORT, YEAR1_EXPORT)
    steps = one_at_a_time(run, copy_partnership(tmp_path, "steps"), (BASELINE_EXPORT,), (YEAR1_EXPORT,))
    assert steps == joint
    variables = yaml.safe_load(steps)["weighting"]["variables"]
    assert sum(c["sample"] for c in variables[0]["categories"]) == yaml.safe_load(steps)["respondents"]


def test_a_weighted_period_is_refused(run: Any, tmp_path: Path) -> None:
    folder = copy_partnership(tmp_path)
    edit_part3(folder, "    weight: false\n", "    weight: true\n")
    score_json(run, BASELINE_EXPORT, folder, period=PERIOD)
    message = refused(run, YEAR1_EXPORT, folder)
    assert "the period is weighted" in message
    assert_says_how(message, BASELINE_EXPORT.name)
    danish = score(run, YEAR1_EXPORT, folder, "--add", period=PERIOD)
    assert danish.exit_code == 4 and "Giv de tidligere eksporter" in " ".join(danish.stderr.split())


def test_a_comparison_the_earlier_export_had_no_column_for_is_refused(run: Any, tmp_path: Path) -> None:
    """Without an age column the period was not compared with the population; whether because of the
    export or because the population came later, the file does not say: refused, not guessed."""
    folder = copy_partnership(tmp_path)
    rng = random.Random(5)
    bare = write_csv(
        tmp_path / "a.csv", [list(STATEMENTS), *[[rng.choice(ANSWERS) for _ in STATEMENTS] for _ in range(9)]]
    )
    score_json(run, bare, folder, period=PERIOD)
    assert "weighting" not in yaml.safe_load(results_bytes(folder))
    assert "compared with the area's population" in refused(run, YEAR1_EXPORT, folder)


def test_a_segment_table_or_a_segment_asked_for_is_refused(run: Any, tmp_path: Path) -> None:
    folder = unweighted(tmp_path, "segments")
    a, b = scored(run, tmp_path, folder)
    message = refused(run, b, folder, "--segment", "alder")
    assert "broken down by group" in message
    assert_says_how(message, "a.csv")
    by_age = unweighted(tmp_path, "by-age")
    score_json(run, a, by_age, "--segment", "alder", period=PERIOD)
    assert "broken down by group" in refused(run, b, by_age)


def test_a_changed_statement_reverse_or_min_answered_is_refused(run: Any, tmp_path: Path) -> None:
    folder = unweighted(tmp_path, "changed")
    _, b = scored(run, tmp_path, folder)
    edit_part3(folder, "        reverse: yes\n", "        reverse: no\n")
    message = refused(run, b, folder)
    assert "'tryghed' are not the same in the results file" in message
    assert_says_how(message, "a.csv")
    edit_part3(folder, "        reverse: no\n", "        reverse: yes\n")
    both_belonging_statements(folder)
    message = refused(run, b, folder)
    assert "min_answered for 'belonging' was 1 when the period was scored and is 2 now" in message
    edit_part3(folder, "    min_answered: 2\n", "")
    # a reworded statement: the new export asks the new words, the results file kept the old ones
    old = STATEMENTS[2]
    edit_part3(folder, f'"{old}"', f'"{old} i dag"')
    table = [[*STATEMENTS[:2], f"{old} i dag", *STATEMENTS[3:]], *[[HE] * 6 for _ in range(6)]]
    reworded = write_csv(tmp_path / "c.csv", table)
    message = refused(run, reworded, folder)
    assert "'trust' are not the same" in message


def test_a_scale_whose_positive_steps_moved_is_refused(run: Any, tmp_path: Path) -> None:
    """The workbook redeclares agree-5 with only its top step positive: the same scale id, but the results
    file's answers per step no longer give its positives."""
    folder = unweighted(tmp_path, "scale")
    _, b = scored(run, tmp_path, folder)
    steps = "\n".join(f'        - labels: {{da: ["{label}"]}}' for label in (HE, DE, HV, DU, HU))
    declared = f"\nsurvey:\n  scales:\n    - id: agree-5\n      positive: 1\n      steps:\n{steps}\n"
    edit_part3(folder, "\nsurvey:\n", declared + '      dont_know: {da: ["Ved ikke"]}\n')
    message = refused(run, b, folder)
    assert "answer scale or reverse of 'belonging' are not the same in the results file" in message


def test_a_sample_that_differs_by_fewer_than_the_threshold_is_refused(run: Any, tmp_path: Path) -> None:
    folder = unweighted(tmp_path, "small")
    scored(run, tmp_path, folder)
    few = random_export(random.Random(3), tmp_path / "few.csv", list(range(6)), 3)
    message = refused(run, few, folder)
    assert RESULTS in message and "12" in message and "15" in message


def test_the_figures_of_an_addition_are_the_sums(run: Any, tmp_path: Path) -> None:
    """An independent check of one addition: counts summed by hand, Wilson from statsmodels."""
    from statsmodels.stats.proportion import proportion_confint

    folder = unweighted(tmp_path, "sums")
    rng = random.Random(11)
    a = random_export(rng, tmp_path / "a.csv", list(range(6)), 30)
    b = random_export(rng, tmp_path / "b.csv", [0, 1, 2], 25)  # co-creation and tryghed not asked
    first = score_json(run, a, folder, period=PERIOD)
    second = score_json(run, b, unweighted(tmp_path, "b-alone"), period=PERIOD)
    added = score_json(run, b, folder, "--add", period=PERIOD)
    assert added["respondents"] == first["respondents"] + second["respondents"] == 55
    for one, two, both in zip(first["indicators"], second["indicators"], added["indicators"], strict=True):
        if two["not_measured"]:
            assert both["blank"] == one["blank"] + 25
            assert (both["positive"], both["n"]) == (one["positive"], one["n"])
            continue
        for key in ("positive", "n", "dont_know", "blank"):
            assert both[key] == one[key] + two[key], (both["id"], key)
        low, high = proportion_confint(both["positive"], both["n"], method="wilson")
        assert both["ci95"] == [round(low * 100, 1), round(high * 100, 1)]
        assert both["percent"] == round(100 * both["positive"] / both["n"], 1)


def test_a_figure_without_counts_is_refused() -> None:
    """A results file obeying the disclosure threshold may leave a figure's counts out: not combinable."""
    from b2c_cli.errors import Refused
    from b2c_cli.models.results import IndicatorResult, Results
    from b2c_cli.survey import combine

    text = (
        Path(__file__).parents[2] / "examples" / "hedemarken-nortec" / "results" / "2026.yaml"
    ).read_text()
    results = Results.model_validate(yaml.safe_load(text))
    trust = results.indicators[1]
    hidden = IndicatorResult.model_construct(**{**dict(trust), "positive": None})
    edited = results.model_copy(
        update={"indicators": [results.indicators[0], hidden, *results.indicators[2:]]}
    )
    earlier = combine.Earlier(edited.model_copy(update={"weighting": None}), RESULTS)
    with pytest.raises(Refused) as caught:
        combine.check_counts(earlier)
    assert caught.value.key == "score-add-from-results"
    assert caught.value.where == RESULTS
    combine.check_counts(combine.Earlier(results, RESULTS))  # with its counts: no refusal


def test_adding_to_a_period_whose_file_held_a_figure_back_is_refused(run: Any, tmp_path: Path) -> None:
    """End to end: a period scored from three residents keeps none of its counts (disclosure), so the new
    answers cannot be added to them; the earlier export must be given again, and nothing is written."""
    rng = random.Random(3)
    few = random_export(rng, tmp_path / "few.csv", list(range(6)), 3)
    more = random_export(rng, tmp_path / "more.csv", list(range(6)), 30)
    folder = unweighted(tmp_path, "held")
    score_json(run, few, folder, period=PERIOD)
    assert "suppressed: true" in results_bytes(folder).decode()
    before = results_bytes(folder)
    refused = score(run, more, folder, "--add", "--lang", "en", period=PERIOD)
    assert refused.exit_code == 4
    assert "few.csv" in refused.stderr and "results/2026.yaml" in refused.stderr
    assert results_bytes(folder) == before
    # given again with the new one, both score together
    assert score_json(run, few, folder, more, "--add", period=PERIOD)["action"] == "updated"


# -- real layouts (../shared/real-exports, read at run time and split into two exports in tmp) -----------


def _real_partnership(tmp_path: Path, items: dict[str, list[dict[str, Any]]], **options: Any) -> Path:
    from .real import partnership

    folder = partnership(tmp_path, items, **options)
    path = folder / "part3-evaluation.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    del data["survey"]["population"]  # these exports have no age column to compare with the population
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return folder


def _halves(export: Path, tmp_path: Path, encoding: str, headers: int) -> tuple[Path, Path]:
    """The export's rows in two files of the same layout: its header rows, then each half of the answers."""
    import csv
    import io

    from .real import read_csv

    rows = read_csv(export, encoding)
    head, body = rows[:headers], rows[headers:]
    middle = len(body) // 2
    out = []
    for name, part in (("first", body[:middle]), ("second", body[middle:])):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows([*head, *part])
        path = tmp_path / f"{name}-{export.name}"
        path.write_bytes(buffer.getvalue().encode(encoding))
        out.append(path)
    return out[0], out[1]


@pytest.mark.parametrize(
    ("relative", "encoding", "headers", "items", "options"),
    [
        (
            "carpentries/20180908_post_clean.csv",
            "utf-8",
            1,
            {
                "belonging": [
                    {"text": "Welcoming", "column": "AtmosphereWelcoming"},
                    {"text": "Skills", "column": "LearnedSkills"},
                ],
                "trust": [{"text": "Worth it", "column": "Worth"}],
                "co-creation": [{"text": "Recommend", "column": "Recommend"}],
            },
            {},
        ),
        (
            "rse-survey/2017_de_public_data.csv",
            "utf-8",
            1,
            {
                "belonging": [
                    {"text": "I find real enjoyment in my job"},
                    {"text": "Most days I am enthusiastic about my job"},
                ],
                "trust": [{"text": "I feel fairly well satisfied with my job"}],
                "co-creation": [{"text": "Supervisor", "column": "affRec1"}],
            },
            {},
        ),
        (
            "fivethirtyeight/StarWars.csv",
            "cp1252",
            2,
            {
                "belonging": [{"text": "Han Solo"}, {"text": "Luke Skywalker"}],
                "trust": [{"text": "Yoda"}],
                "co-creation": [{"text": "Jar Jar Binks"}],
            },
            {"scale": "favourable-5"},
        ),
    ],
)
def test_real_exports_split_in_two_and_added_equal_scoring_both_halves_together(
    run: Any,
    tmp_path: Path,
    relative: str,
    encoding: str,
    headers: int,
    items: dict[str, list[dict[str, Any]]],
    options: dict[str, Any],
) -> None:
    from .real import real

    first, second = _halves(real(relative), tmp_path, encoding, headers)
    joint_folder = _real_partnership(tmp_path / "joint", items, **options)
    joint = together(run, joint_folder, first, second)
    steps_folder = _real_partnership(tmp_path / "steps", items, **options)
    steps = one_at_a_time(run, steps_folder, (first,), (second,))
    if relative.startswith("fivethirtyeight"):  # SurveyMonkey's RespondentID: checked together, not added
        assert without_id_warnings(steps) == without_id_warnings(joint)
        assert [w["code"] for w in yaml.safe_load(steps)["warnings"]] == ["ids-not-checked"]
    else:
        assert steps == joint
    data = yaml.safe_load(joint)
    assert data["respondents"] > 100 and len(data["sources"]) == 2
