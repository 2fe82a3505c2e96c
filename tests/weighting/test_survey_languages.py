"""Survey languages: Part 3 lists them, statements and background questions carry the partnership's
translations, `validate` names what is missing, and `b2c questionnaire --survey-lang` writes the
questionnaire per language with the same items in the same order, right to left for Arabic."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None)
AR_LABELS = ["موافق بشدة", "موافق", "محايد", "غير موافق", "غير موافق بشدة", "لا أعرف"]
AR_TEXTS = {
    "title": "استبيان عن الحياة في {area}",
    "intro-who": "{housing} و{company} يتعاونان في {area}.",
    "intro-why": "نريد أن نعرف رأيك في الحي.",
    "intro-anonymous": "إجاباتك مجهولة. لا تُعرض المجموعات التي تقل عن {threshold} إجابات.",
    "intro-time": "يستغرق حوالي {minutes} دقائق.",
    "question": "إلى أي مدى توافق على العبارات التالية؟",
    "how-to-answer": "ضع علامة واحدة لكل عبارة.",
    "col-statement": "العبارة",
    "about-you": "عنك",
    "thanks": "شكرا لمساعدتك!",
    "respondent-number": "رقم الاستبيان",
}


def _partnership(tmp_path: Path, *, complete: bool = True) -> tuple[Path, list[str]]:
    folder = tmp_path / "p"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("results", "reports", "questionnaire"))
    path = folder / "part3-evaluation.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    statements = []
    for indicator in data["indicators"]:
        for k, item in enumerate(indicator.get("items", [])):
            statements.append(item["text"])
            if complete or k == 0:
                item["translations"] = {
                    "ar": f"عبارة {len(statements)}",
                    "en": f"Statement {len(statements)}",
                }
            else:  # the example's own translation taken away
                item.pop("translations", None)
    survey = data["survey"]
    survey["languages"] = ["da", "en", "ar"]
    survey["translations"] = {"ar": {"labels": AR_LABELS, "texts": AR_TEXTS}}
    for question in survey["background"]:
        options = question["options"]
        question["translations"] = {
            "ar": {"text": f"سؤال {question['id']}", "options": [f"خيار {i}" for i in range(len(options))]},
            "en": {
                "text": f"Question {question['id']}",
                "options": [f"Option {i}" for i in range(len(options))],
            },
        }
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return folder, statements


def test_every_survey_language_gets_its_questionnaire_with_the_same_items(run: Any, tmp_path: Path) -> None:
    folder, statements = _partnership(tmp_path)
    result = run("questionnaire", folder, "--survey-lang", "all", "--format", "html")
    assert result.exit_code == 0, result.stderr
    out = folder / "questionnaire"
    arabic = (out / "questionnaire.ar.html").read_text("utf-8")
    english = (out / "questionnaire.en.html").read_text("utf-8")
    danish = (out / "questionnaire.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert '<html lang="en">' in english and '<html lang="da">' in danish
    numbers = [f"عبارة {n}" for n in range(1, len(statements) + 1)]
    positions = [arabic.index(f'<td class="statement">{text}</td>') for text in numbers]
    assert positions == sorted(positions)  # the same order as the Danish questionnaire
    assert all(label in arabic for label in AR_LABELS)
    assert "استبيان عن الحياة في Hedemarken" in arabic and "Helt enig" not in arabic
    assert "Strongly agree" in english and "Statement 1" in english
    assert (out / "questionnaire.ar.md").is_file() and (out / "questionnaire.da.html").exists() is False
    assert re.search(r"html\[dir=\"rtl\"\] \{ font-family: \"Noto Naskh Arabic\"", arabic)


def test_validate_names_each_missing_translation(run: Any, tmp_path: Path) -> None:
    folder, statements = _partnership(tmp_path, complete=False)
    problems = json.loads(run("validate", folder, "--json").stdout)
    missing = [p for p in problems if p["code"] == "translation-missing"]
    # Each indicator's first statement is translated; the others are missing in en and ar.
    assert len(missing) == 2 * (len(statements) - 4)
    assert all(p["severity"] == "warning" for p in missing)


def test_an_unknown_survey_language_is_a_usage_error(run: Any, tmp_path: Path) -> None:
    folder, _ = _partnership(tmp_path)
    result = run("questionnaire", folder, "--survey-lang", "tr")
    assert result.exit_code == 2
    assert "survey.languages" in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_arabic_questionnaire_renders_right_to_left_in_chromium(run: Any, tmp_path: Path) -> None:
    folder, _ = _partnership(tmp_path)
    assert run("questionnaire", folder, "--survey-lang", "ar", "--format", "html").exit_code == 0
    page = folder / "questionnaire" / "questionnaire.ar.html"
    assert CHROMIUM is not None
    completed = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    dom = completed.stdout.decode("utf-8", "replace")
    assert 'dir="rtl"' in dom and "عبارة 1" in dom, completed.stderr.decode("utf-8", "replace")[-2000:]
