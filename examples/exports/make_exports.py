"""Make the example partnership's two survey exports: made-up residents whose answers reproduce the guide's
example table exactly (Tilhørsforhold 41 % -> 43 %, Tillid 45 % -> 54 %, Medskabende 22 % -> 31 %).

Background questions: age, years lived in Hedemarken, sex (the last, added later, from a generator of its
own so the other answers stayed the same).

- hedemarken-baseline-surveyxact.xlsx: the baseline as SurveyXact exports it (sheets Dataset with codes,
  Labels, Structure), 104 respondents.
- hedemarken-2026-google-forms.csv: year 1 as Google Forms exports it (Tidsstempel, grid questions as
  "Question [statement]", a free-text column), 103 respondents.

Every name, e-mail and answer is invented. Run from the repository root:

    .venv/bin/python examples/exports/make_exports.py

The files are committed; this script shows how they were made. It writes the same bytes every time.
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
QUESTION = "Hvor enig eller uenig er du i følgende udsagn?"
LABELS = ("Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig")
DONT_KNOW = "Ved ikke"
STEP = {label: 5 - i for i, label in enumerate(LABELS)}  # Helt enig = 5 ... Helt uenig = 1
BELONGING = (
    "Siden Nortec åbnede mødestedet i vaskeriet, er jeg blevet mere stolt af at fortælle, hvor jeg bor",
    "Jeg føler mig som en del af fællesskabet i Hedemarken",
)
TRUST = "Siden Nortec etablerede indendørs mødesteder, har jeg fået større tillid til mine naboer"
CO_CREATION = "Efter jeg deltog i Nortecs aktiviteter, føler jeg, at jeg bedre kan bidrage til lokalområdet"
SAFETY = (
    "Jeg føler mig tryg, når jeg går rundt i Hedemarken om aftenen",
    "Der er steder i Hedemarken, jeg undgår, fordi jeg føler mig utryg",  # reverse-worded
)
STATEMENTS = (*BELONGING, TRUST, CO_CREATION, *SAFETY)
AGES = ("Under 25 år", "25-39 år", "40-64 år", "65 år eller derover")
YEARS_LIVED = ("Under 2 år", "2-10 år", "Over 10 år")
SEXES = ("Kvinde", "Mand")
SEX_QUESTION = "Hvad er dit køn?"
FIRST = ("Mette", "Jørgen", "Åse", "Ahmed", "Fatima", "Lars", "Sofie", "Mustafa", "Birgit", "Henrik", "Amira")
LAST = ("Sørensen", "Ærø", "Østergaard", "Hansen", "Ali", "Nielsen", "Jensen", "Yilmaz", "Madsen", "Holm")
COMMENTS = (
    "Mødestedet er blevet mit faste sted om onsdagen.",
    "Flere aktiviteter for unge, tak.",
    "Jeg kender flere af mine naboer nu.",
    "",
)


def one_item(rng: random.Random, positive: int, n: int) -> list[int]:
    """n answers (steps) of which exactly `positive` are 4 or 5."""
    steps = [rng.choice((4, 5, 5)) for _ in range(positive)] + [
        rng.choice((1, 2, 3, 3)) for _ in range(n - positive)
    ]
    rng.shuffle(steps)
    return steps


def two_items(
    rng: random.Random, positive: int, n: int, reverse_second: bool = False
) -> list[tuple[int, int]]:
    """n answer pairs of which exactly `positive` have a mean of at least 4 (the second item mirrored when
    it is reverse-worded), so the respondent-mean rule gives positive/n."""
    good = [(5, 5), (5, 4), (4, 4), (4, 5), (5, 3), (3, 5)]
    bad = [(4, 3), (3, 3), (2, 4), (3, 2), (2, 2), (1, 3), (5, 2), (4, 2)]
    pairs = [rng.choice(good) for _ in range(positive)] + [rng.choice(bad) for _ in range(n - positive)]
    rng.shuffle(pairs)
    return [(a, 6 - b) if reverse_second else (a, b) for a, b in pairs]


def answers(seed: int, targets: dict[str, int], extra_dont_know: int, extra_blank: int) -> list[list[str]]:
    """Rows of six answer labels: 100 respondents who answered everything, then some who answered "Ved
    ikke" to every statement and some who left them all blank (they answered the background questions)."""
    rng = random.Random(seed)
    belonging = two_items(rng, targets["belonging"], 100)
    trust = one_item(rng, targets["trust"], 100)
    co_creation = one_item(rng, targets["co-creation"], 100)
    safety = two_items(rng, targets["tryghed"], 100, reverse_second=True)
    rows = []
    for i in range(100):
        steps = (*belonging[i], trust[i], co_creation[i], *safety[i])
        rows.append([LABELS[5 - step] for step in steps])
    rows += [[DONT_KNOW] * len(STATEMENTS) for _ in range(extra_dont_know)]
    rows += [[""] * len(STATEMENTS) for _ in range(extra_blank)]
    return rows


def people(seed: int, count: int) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = (
            f"{first}.{last}.{i}@example.dk".lower().replace("ø", "oe").replace("æ", "ae").replace("å", "aa")
        )
        out.append((f"{first} {last}", email, rng.choice(AGES), rng.choice(YEARS_LIVED)))
    return out


def sexes(seed: int, count: int) -> list[str]:
    """Each respondent's answer to the sex question, from a generator of its own, so adding the question
    left every other answer as it was; about one in twenty leave it blank."""
    rng = random.Random(seed)
    return ["" if rng.random() < 0.05 else rng.choice((*SEXES, SEXES[0])) for _ in range(count)]


def surveyxact_baseline(path: Path) -> None:
    rows = answers(2025, {"belonging": 41, "trust": 45, "co-creation": 22, "tryghed": 38}, 2, 2)
    who = people(1, len(rows))
    sex = sexes(11, len(rows))
    codes = {label: i for i, label in enumerate(LABELS, start=1)} | {DONT_KNOW: 9}  # Helt enig = 1
    variables = [f"s_{k}" for k in range(1, len(STATEMENTS) + 1)]
    workbook = Workbook()
    dataset = workbook.active
    assert dataset is not None
    dataset.title = "Dataset"
    dataset.append(
        [
            "respondentid",
            "email",
            "name",
            "alder",
            "boet",
            "kon",
            *variables,
            *[f"statoverall_{k}" for k in range(1, 6)],
        ]
    )
    for i, (row, (name, email, age, lived), answer) in enumerate(zip(rows, who, sex, strict=True)):
        cells = [codes[a] if a else None for a in row]
        flags = [1 if k == 4 else 0 for k in range(1, 6)]
        background = [
            AGES.index(age) + 1,
            YEARS_LIVED.index(lived) + 1,
            SEXES.index(answer) + 1 if answer else None,
        ]
        dataset.append([48210000 + i, email, name, *background, *cells, *flags])
    labels = workbook.create_sheet("Labels")
    for variable in variables:
        for label, code in codes.items():
            labels.append([variable, code, label])
    for code, age in enumerate(AGES, start=1):
        labels.append(["alder", code, age])
    for code, lived in enumerate(YEARS_LIVED, start=1):
        labels.append(["boet", code, lived])
    for code, answer in enumerate(SEXES, start=1):
        labels.append(["kon", code, answer])
    structure = workbook.create_sheet("Structure")
    structure.append(
        [
            "questionName",
            "variableName",
            "questionType",
            "subType",
            "questionText",
            "choiceValue",
            "choiceText",
        ]
    )
    structure.append(["alder", "alder", "Closed", "Single", "Hvor gammel er du?", "", ""])
    structure.append(["boet", "boet", "Closed", "Single", "Hvor længe har du boet i Hedemarken?", "", ""])
    structure.append(["kon", "kon", "Closed", "Single", SEX_QUESTION, "", ""])
    for variable, statement in zip(variables, STATEMENTS, strict=True):
        structure.append([variable, variable, "Closed", "Single", f"{QUESTION} - {statement}", "", ""])
    workbook.save(path)
    _make_reproducible(path)


def google_forms_year1(path: Path) -> None:
    rows = answers(2026, {"belonging": 43, "trust": 54, "co-creation": 31, "tryghed": 47}, 2, 1)
    who = people(2, len(rows))
    sex = sexes(12, len(rows))
    rng = random.Random(3)
    start = datetime(2026, 2, 9, 10, 0, 0)
    header = [
        "Tidsstempel",
        "Mailadresse",
        "Hvor gammel er du?",
        "Hvor længe har du boet i Hedemarken?",
        SEX_QUESTION,
        *(f"{QUESTION} [{statement}]" for statement in STATEMENTS),
        "Har du andre kommentarer til mødestedet eller praktikforløbene?",
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for i, (row, (_, email, age, lived), answer) in enumerate(zip(rows, who, sex, strict=True)):
        stamp = start + timedelta(minutes=37 * i)
        writer.writerow(
            [stamp.strftime("%d/%m/%Y %H.%M.%S"), email, age, lived, answer, *row, rng.choice(COMMENTS)]
        )
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def _make_reproducible(path: Path) -> None:
    """openpyxl stamps the time of saving into the file and the zip; fix both, so the bytes (and so the
    SHA-256 kept in results files) are the same on every run."""
    fixed = (2025, 2, 14, 12, 0, 0)
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2025-02-14T12:00:00Z", data
                )
            target.writestr(zipfile.ZipInfo(name, date_time=fixed), data, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    surveyxact_baseline(HERE / "hedemarken-baseline-surveyxact.xlsx")
    google_forms_year1(HERE / "hedemarken-2026-google-forms.csv")
