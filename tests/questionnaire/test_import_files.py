"""The import sheets for online tools (import.csv, import.xlsx, qualtrics-import.txt), and the round trip they
exist for: an online survey built from them asks exactly the workbook's statements, so its export is scored
with no `column:` mapping at all."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from b2c_cli.i18n import Lang, tr
from conftest import Run
from helpers import GOLDEN_FLAGS
from ingest.factories import make_export

from .data import EXAMPLE_ROWS, EXPECTED, EXPECTED_ITEMS, EXPECTED_SEGMENTS
from .kit import (
    DK,
    EXAMPLE_BACKGROUND,
    EXAMPLE_STATEMENTS,
    LABELS,
    PART3,
    SCAFFOLD_STATEMENTS,
    Answer,
    copy_example,
    edit_part3,
    figures,
    fill_entry_workbook,
    formulas_in,
    generate,
    item_figures,
    label_for,
    score_json,
)

AGE = "Hvor gammel er du?"


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "import.csv must start with a UTF-8 byte order mark"
    text = data[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "CRLF line ends only"
    return list(csv.reader(io.StringIO(text, newline="")))


def expected_rows(
    lang: Lang, statements: tuple[str, ...], background: dict[str, tuple[str, ...]]
) -> list[list[str]]:
    width = max(6, *(len(options) for options in background.values()))
    header = [
        tr("q-col-number", lang),
        tr("q-col-type", lang),
        tr("q-col-question", lang),
        tr("q-col-statement", lang),
    ]
    rows = [header + [tr("q-col-option", lang, n=n) for n in range(1, width + 1)]]
    for number, statement in enumerate(statements, start=1):
        rows.append(
            [str(number), tr("q-type-scale", lang), tr("q-question", lang), statement, *LABELS[lang]]
            + [""] * (width - 6)
        )
    for number, (question, options) in enumerate(background.items(), start=1):
        rows.append(
            [f"B{number}", tr("q-type-choice", lang), question, "", *options] + [""] * (width - len(options))
        )
    return rows


@pytest.mark.parametrize("lang", ["da", "en"])
def test_import_csv_and_xlsx_list_every_statement_with_the_six_labels(
    run: Run, tmp_path: Path, lang: Lang
) -> None:
    folder = copy_example(tmp_path)
    out = tmp_path / "out"
    generate(run, folder, "--lang", lang, "--format", "csv,xlsx", "-o", out)
    expected = expected_rows(lang, EXAMPLE_STATEMENTS, EXAMPLE_BACKGROUND)

    assert read_csv(out / "import.csv") == expected

    workbook = load_workbook(out / "import.xlsx")
    assert len(workbook.worksheets) == 1
    sheet = workbook.worksheets[0]
    assert sheet.title == tr("q-sheet-import", lang)
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert {cell.data_type for cell in cells} == {"s"}, "every cell is text"
    assert formulas_in(out / "import.xlsx") == []
    assert [[("" if v is None else v) for v in row] for row in sheet.iter_rows(values_only=True)] == expected
    assert sheet.freeze_panes == "A2"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_qualtrics_advanced_format(run: Run, tmp_path: Path, lang: Lang) -> None:
    folder = copy_example(tmp_path)
    out = tmp_path / "out"
    generate(run, folder, "--lang", lang, "--format", "csv", "-o", out)
    lines = (out / "qualtrics-import.txt").read_text("utf-8").split("\n")

    (age, ages), (lived, lengths), (sex, sexes) = EXAMPLE_BACKGROUND.items()
    assert lines == [
        "[[AdvancedFormat]]",
        "",
        "[[Block:Business2Community]]",
        "",
        "[[Question:Matrix]]",
        "[[ID:B2C]]",
        tr("q-question", lang),
        "[[Choices]]",
        *EXAMPLE_STATEMENTS,
        "[[Answers]]",
        *LABELS[lang],
        "",
        "[[Question:MC:SingleAnswer:Vertical]]",
        "[[ID:B1]]",
        age,
        "[[Choices]]",
        *ages,
        "",
        "[[Question:MC:SingleAnswer:Vertical]]",
        "[[ID:B2]]",
        lived,
        "[[Choices]]",
        *lengths,
        "",
        "[[Question:MC:SingleAnswer:Vertical]]",
        "[[ID:B3]]",
        sex,
        "[[Choices]]",
        *sexes,
        "",
        "",
    ]


def test_statements_that_look_like_formulas_stay_text(run: Run, tmp_path: Path, all_counts: None) -> None:
    """A statement starting with =, +, - or @ gets a leading apostrophe in the CSV (a spreadsheet opening it
    never runs it); the workbooks store it as text, exactly, marked so Excel keeps it text; the entry
    workbook still scores back."""
    folder = tmp_path / "scaffold"
    assert run("init", folder, *GOLDEN_FLAGS).exit_code == 0
    risky = ("=1+1 er to", "+45 er landekoden, og jeg føler mig hjemme", "-Jeg stoler på mine naboer")
    for old, new in zip(SCAFFOLD_STATEMENTS["da"], risky, strict=True):
        edit_part3(folder, f'"{old}"', f'"{new}"')
    edit_part3(
        folder,
        "  background:\n",
        "  background:\n"
        "    - id: kanal\n"
        '      text: "@Hvordan fik du skemaet?"\n'
        '      options: ["=Papir", "+Dør til dør", "-Online"]\n',
    )
    edit_part3(
        folder,
        '      - text: "+45 er landekoden, og jeg føler mig hjemme"\n',
        '      - text: "+45 er landekoden, og jeg føler mig hjemme"\n      - text: "@naboen hjælper"\n',
    )
    generate(run, folder)
    out = folder / "questionnaire"

    rows = read_csv(out / "import.csv")
    assert [row[3] for row in rows[1:5]] == [
        "'=1+1 er to",
        "'+45 er landekoden, og jeg føler mig hjemme",
        "'@naboen hjælper",
        "'-Jeg stoler på mine naboer",
    ]
    assert rows[5][2] == "'@Hvordan fik du skemaet?"
    assert rows[5][4:7] == ["'=Papir", "'+Dør til dør", "'-Online"]
    # Nothing else gets an apostrophe.
    assert not [
        cell for row in rows for cell in row if cell.startswith("'") and cell[1:2] not in ("=", "+", "-", "@")
    ]

    statements = [
        "=1+1 er to",
        "+45 er landekoden, og jeg føler mig hjemme",
        "@naboen hjælper",
        "-Jeg stoler på mine naboer",
    ]
    for name in ("import.xlsx", "data-entry.xlsx"):
        assert formulas_in(out / name) == [], name
    import_sheet = load_workbook(out / "import.xlsx").worksheets[0]
    assert [import_sheet.cell(row=r, column=4).value for r in range(2, 6)] == statements
    assert all(import_sheet.cell(row=r, column=4).quotePrefix for r in range(2, 6))
    entry = load_workbook(out / "data-entry.xlsx")
    headings = [cell.value for cell in entry.worksheets[0][1]]
    assert headings[1:] == [*statements, "@Hvordan fik du skemaet?"]
    assert all(cell.data_type == "s" for cell in entry.worksheets[0][1])
    assert list(entry.worksheets[2].iter_rows(min_col=2, values_only=True))[:3] == [
        ("=Papir",),
        ("+Dør til dør",),
        ("-Online",),
    ]

    # And the typed-in answers come back, matched by the exact (formula-looking) text.
    filled = tmp_path / "filled.xlsx"
    fill_entry_workbook(
        out / "data-entry.xlsx",
        filled,
        [
            (1, [5, 4, 2, 1], ["=Papir"]),
            (2, [4, 4, 5, None], ["-Online"]),
            (3, [1, 2, 4, 5], ["+Dør til dør"]),
        ],
        "da",
    )
    data = score_json(run, folder, filled, "--dry-run")
    # belonging: "=1+1" 5, 4, 1 -> 2/3.  trust: "+45" and "@naboen" r1 (4+2)/2 = 3.0, r2 (4+5)/2 = 4.5 +,
    # r3 (2+4)/2 = 3.0 -> 1/3.  co-creation: "-Jeg" 1, blank, 5 -> 1/2 with 1 blank.
    # Three respondents: under the disclosure threshold, so the JSON shows n and the counts only.
    assert figures(data) == {
        "belonging": (None, None, 3, 0, 0),
        "trust": (None, None, 3, 0, 0),
        "co-creation": (None, None, 2, 0, 1),
    }
    assert {m["text"]: m["column"] for m in data["matches"]} == {s: s for s in statements}


# -- the online round trip ---------------------------------------------------------------------------------


def statements_from_import_csv(path: Path) -> tuple[str, list[str], dict[str, list[str]]]:
    """What a person building the online survey copies from import.csv: the question text, the statements in
    order, and each background question's options."""
    rows = read_csv(path)[1:]
    scale = [row for row in rows if not row[0].startswith("B")]
    question = {row[2] for row in scale}
    assert len(question) == 1
    background = {row[2]: [cell for cell in row[4:] if cell] for row in rows if row[0].startswith("B")}
    return question.pop(), [row[3] for row in scale], background


@pytest.mark.parametrize(("layout", "reverse_columns"), [("qualtrics", False), ("google-forms", True)])
def test_an_online_survey_built_from_the_import_sheet_scores_with_no_mapping(
    run: Run, tmp_path: Path, layout: str, reverse_columns: bool
) -> None:
    folder = copy_example(tmp_path)
    assert "column:" not in (folder / PART3).read_text("utf-8")
    generate(run, folder)
    question, statements, background = statements_from_import_csv(folder / "questionnaire" / "import.csv")
    assert statements == list(EXAMPLE_STATEMENTS)
    assert background == {q: list(options) for q, options in EXAMPLE_BACKGROUND.items()}

    # The tool's export: the same answers as the paper round trip, one column per statement headed the way
    # the tool heads a matrix question ("question - statement" or "question [statement]"); the Google Forms
    # one with the columns in the opposite order, since columns are matched by text, never by position.
    answers = [[label_for(answer, "da") for answer in row[1]] for row in EXAMPLE_ROWS]
    order = list(range(len(statements)))[::-1] if reverse_columns else list(range(len(statements)))
    export = make_export(
        tmp_path,
        layout,
        [statements[i] for i in order],
        [[row[i] for i in order] for row in answers],
        question=question,
        extra_columns={AGE: [row[2][0] for row in EXAMPLE_ROWS]},
    )

    data = score_json(run, folder, export, "--period", "2027", "--segment", "alder", "--dry-run")

    assert data["respondents"] == len(EXAMPLE_ROWS)
    assert [(m["text"], m["reason"] != "column") for m in data["matches"]] == [
        (s, True) for s in EXAMPLE_STATEMENTS
    ]
    assert figures(data) == EXPECTED
    assert item_figures(data) == EXPECTED_ITEMS
    found = {
        group["group"]: {
            cell["indicator"]: (cell["percent"], cell["positive"], cell["n"]) for cell in group["indicators"]
        }
        for group in data["segments"]["groups"]
    }
    assert found == {group: cells for group, (_, cells) in EXPECTED_SEGMENTS.items()}


def test_an_english_online_survey_from_an_english_scaffold(
    run: Run, tmp_path: Path, all_counts: None
) -> None:
    folder = tmp_path / "scaffold-en"
    assert run("init", folder, *GOLDEN_FLAGS, "--lang", "en").exit_code == 0
    generate(run, folder, "--format", "csv")
    question, statements, background = statements_from_import_csv(folder / "questionnaire" / "import.csv")
    assert (question, statements, background) == (tr("q-question", "en"), list(SCAFFOLD_STATEMENTS["en"]), {})

    # belonging: Strongly agree, Disagree, Agree -> 2/3; trust: Don't know, Agree, blank -> 1/1;
    # co-creation: Neither, Strongly disagree, Strongly agree -> 1/3
    rows: list[list[Answer]] = [[5, DK, 3], [2, 4, 1], [4, None, 5]]
    export = make_export(
        tmp_path,
        "qualtrics",
        statements,
        [[label_for(a, "en") for a in row] for row in rows],
        question=question,
    )
    data = score_json(run, folder, export, "--dry-run")
    # Three respondents: under the disclosure threshold, so the JSON shows n and the counts only.
    assert figures(data) == {
        "belonging": (None, None, 3, 0, 0),
        "trust": (None, None, 1, 1, 1),
        "co-creation": (None, None, 3, 0, 0),
    }
