"""The message catalogues and the guide's texts: the same keys and placeholders in Danish and English, a
message for every problem code, and a doc text for every field of every model."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest
from pydantic import BaseModel

from b2c_cli.i18n import CATALOGUES, da, en, tr
from b2c_cli.resources import texts
from helpers import placeholders, problem_codes

MODEL_MODULES = [
    "b2c_cli.models.common",
    "b2c_cli.models.partnership",
    "b2c_cli.models.part1",
    "b2c_cli.models.part2",
    "b2c_cli.models.part3",
]


def workbook_models() -> list[type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {}
    for name in MODEL_MODULES:
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseModel) and value.__module__ == name and value.model_fields:
                models[value.__name__] = value
    return list(models.values())


def test_both_catalogues_have_the_same_keys() -> None:
    assert set(da.MESSAGES) - set(en.MESSAGES) == set(), "only in Danish"
    assert set(en.MESSAGES) - set(da.MESSAGES) == set(), "only in English"


@pytest.mark.parametrize("key", sorted(da.MESSAGES))
def test_same_placeholders(key: str) -> None:
    assert placeholders(da.MESSAGES[key]) == placeholders(en.MESSAGES[key])


def test_catalogues_are_not_copies_of_each_other() -> None:
    same = [key for key in da.MESSAGES if da.MESSAGES[key] == en.MESSAGES[key] and len(da.MESSAGES[key]) > 12]
    assert same == []


@pytest.mark.parametrize("code", sorted(problem_codes()))
def test_every_problem_code_has_a_message_in_both_languages(code: str) -> None:
    for lang, catalogue in CATALOGUES.items():
        assert catalogue.get(code), f"{code} has no {lang} message"


@pytest.mark.parametrize("key", sorted(da.MESSAGES))
def test_every_message_renders_in_both_languages(key: str) -> None:
    params = dict.fromkeys(placeholders(da.MESSAGES[key]), "X")
    for lang in ("da", "en"):
        text = tr(key, lang, **params)
        assert text.strip() and "{" not in text


def test_every_model_field_has_a_doc_text_in_both_languages() -> None:
    models = workbook_models()
    assert {"Partnership", "Part1", "Part2", "Part3", "Indicator", "Contact"} <= {m.__name__ for m in models}
    wanted = {f"{model.__name__}.{field}" for model in models for field in model.model_fields}
    for lang in ("da", "en"):
        fields: dict[str, str] = texts(lang)["fields"]
        assert wanted - set(fields) == set(), f"fields without a {lang} doc text"
        assert all(isinstance(fields[key], str) and fields[key].strip() for key in wanted)


def test_no_doc_text_for_a_field_that_does_not_exist() -> None:
    wanted = {f"{model.__name__}.{field}" for model in workbook_models() for field in model.model_fields}
    for lang in ("da", "en"):
        assert set(texts(lang)["fields"]) - wanted == set(), f"stale {lang} doc texts"


def _shape(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _shape(value) for key, value in node.items()}
    return type(node).__name__


def test_guide_texts_have_the_same_shape_in_both_languages() -> None:
    assert _shape(texts("da")) == _shape(texts("en"))
    for key, spec in texts("da")["fixed_indicators"].items():
        assert placeholders(spec["statement"]) == placeholders(
            texts("en")["fixed_indicators"][key]["statement"]
        )
        assert spec["target"] == texts("en")["fixed_indicators"][key]["target"]
