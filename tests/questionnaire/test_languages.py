"""Every output of `b2c questionnaire` in one language only: the English files hold no Danish text of b2c's
own, and the Danish ones no English. The statements, background questions and names are the user's own
words and are left out of the check (a scaffold in each language has statements in that language, so there
they are checked too)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from b2c_cli.i18n import CATALOGUES, Lang
from conftest import Run
from helpers import GOLDEN_FLAGS, fragments, leaked

from .kit import (
    ALL_FILES,
    EXAMPLE_BACKGROUND,
    EXAMPLE_STATEMENTS,
    LABELS,
    copy_example,
    generate,
    workbook_texts,
)

OTHER: dict[Lang, Lang] = {"da": "en", "en": "da"}


def output_texts(folder: Path) -> dict[str, str]:
    """Each file's text as a reader sees it (HTML entities decoded, every workbook cell and message)."""
    texts: dict[str, str] = {}
    for name in sorted(ALL_FILES):
        path = folder / name
        if name.endswith(".xlsx"):
            texts[name] = "\n".join(workbook_texts(path))
        elif name.endswith(".html"):
            texts[name] = html.unescape(path.read_text("utf-8"))
        else:
            texts[name] = path.read_bytes().decode("utf-8-sig")
    # Qualtrics' own markup ([[Question:Matrix]], [[Choices]], ...) is in English whatever the survey's
    # language: it is not text anyone reads.
    texts["qualtrics-import.txt"] = re.sub(r"\[\[[^\]]*\]\]", "", texts["qualtrics-import.txt"])
    return texts


def questionnaire_words(lang: Lang) -> set[str]:
    """Pieces of the other language's questionnaire texts (its `q-` messages and its answer labels), short
    ones included, that never occur in this language's own messages."""
    other = OTHER[lang]
    own = "\n".join(CATALOGUES[lang].values()) + "\n" + "\n".join(LABELS[lang])
    pieces = {
        piece
        for key, template in CATALOGUES[other].items()
        if key.startswith("q-")
        for piece in fragments(template)
    }
    pieces |= {line.strip(" .:") for piece in list(pieces) for line in piece.split("\n")}
    pieces |= set(LABELS[other])
    return {piece for piece in pieces if len(piece) >= 4 and piece not in own}


def foreign(text: str, lang: Lang) -> list[str]:
    return sorted(set(leaked(text, lang)) | {piece for piece in questionnaire_words(lang) if piece in text})


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_scaffold_in_one_language_gives_outputs_in_that_language_only(
    run: Run, tmp_path: Path, lang: Lang
) -> None:
    folder = tmp_path / f"scaffold-{lang}"
    assert run("init", folder, *GOLDEN_FLAGS, "--lang", lang).exit_code == 0
    result = generate(run, folder)
    texts = output_texts(folder / "questionnaire")

    assert set(texts) == ALL_FILES
    for name, text in texts.items():
        assert foreign(text, lang) == [], name
    assert f'<html lang="{lang}">' in texts["questionnaire.html"]
    # What the command prints is in the language too.
    assert foreign(result.stdout + result.stderr, lang) == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_danish_example_in_either_language(run: Run, tmp_path: Path, lang: Lang) -> None:
    """--lang en on the Danish example: b2c's own text in English, the statements as the user wrote them."""
    folder = copy_example(tmp_path)
    out = tmp_path / "out"
    generate(run, folder, "--lang", lang, "-o", out)
    users_words = [
        *EXAMPLE_STATEMENTS,
        *EXAMPLE_BACKGROUND,
        *(option for options in EXAMPLE_BACKGROUND.values() for option in options),
        "Bo-Vest × Nortec i Hedemarken",
        "Hedemarken",
        "Bo-Vest",
        "Nortec",
    ]
    for name, text in output_texts(out).items():
        for words in users_words:
            text = text.replace(words, " ")
        assert foreign(text, lang) == [], name
        for label in LABELS[lang]:
            assert label in text, (name, label)


def test_the_check_itself_finds_the_other_language(run: Run, tmp_path: Path) -> None:
    """The Danish files are full of Danish words: the English check must see them (so an empty list above
    means something)."""
    folder = tmp_path / "scaffold"
    assert run("init", folder, *GOLDEN_FLAGS).exit_code == 0
    generate(run, folder)
    for name, text in output_texts(folder / "questionnaire").items():
        assert foreign(text, "en"), name
