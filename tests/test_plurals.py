"""Plural forms: `{count:# advarsel|# advarsler}` says `1 advarsel` and `2 advarsler`, in both catalogues."""

from __future__ import annotations

import string

import pytest

from b2c_cli.i18n import da, en, tr


def _plural_fields(template: str) -> dict[str, str]:
    return {
        name: spec
        for _, name, spec, _ in string.Formatter().parse(template)
        if name is not None and spec and "|" in spec
    }


WITH_PLURALS = sorted(key for key in da.MESSAGES if _plural_fields(da.MESSAGES[key]))


def test_some_messages_have_plural_forms() -> None:
    assert {"cli-validate-summary", "meetings-per-year"} <= set(WITH_PLURALS)


@pytest.mark.parametrize("key", WITH_PLURALS)
def test_a_plural_in_danish_is_a_plural_in_english(key: str) -> None:
    da_fields = set(_plural_fields(da.MESSAGES[key]))
    en_fields = set(_plural_fields(en.MESSAGES[key]))
    assert da_fields <= en_fields, f"{key}: English has no plural form for {da_fields - en_fields}"


@pytest.mark.parametrize("catalogue", [da.MESSAGES, en.MESSAGES], ids=["da", "en"])
def test_every_plural_form_has_the_number_in_both_forms(catalogue: dict[str, str]) -> None:
    for key, template in catalogue.items():
        for name, spec in _plural_fields(template).items():
            one, other = spec.split("|")
            assert "#" in one and "#" in other, f"{key}.{name}: {spec}"


@pytest.mark.parametrize(
    ("lang", "warnings", "expected"),
    [
        ("da", 1, "0 fejl og 1 advarsel i x."),
        ("da", 2, "0 fejl og 2 advarsler i x."),
        ("da", 0, "0 fejl og 0 advarsler i x."),
        ("en", 1, "0 errors and 1 warning in x."),
        ("en", 2, "0 errors and 2 warnings in x."),
    ],
)
def test_validate_summary(lang: str, warnings: int, expected: str) -> None:
    assert tr("cli-validate-summary", lang, errors=0, warnings=warnings, path="x") == expected  # type: ignore[arg-type]


def test_meetings_in_a_year() -> None:
    assert "har 1 evalueringsmøde;" in tr("meetings-per-year", "da", year=2, count=1)
    assert "har 5 evalueringsmøder;" in tr("meetings-per-year", "da", year=2, count=5)
    assert "has 1 evaluation meeting;" in tr("meetings-per-year", "en", year=2, count=1)
    assert "has 5 evaluation meetings;" in tr("meetings-per-year", "en", year=2, count=5)
    assert tr("fill-saved", "en", file="f", count=1) == "Saved in f: 1 answer changed."
    assert tr("fill-saved", "en", file="f", count=3) == "Saved in f: 3 answers changed."
