"""The formats of `b2c report`, `b2c questionnaire` and `b2c portfolio` as registries: every renderer named
there exists, --format takes exactly the registered names (in any case, order and repetition), and the
help lists what each writes."""

from __future__ import annotations

import importlib

import pytest

from b2c_cli.errors import UsageError
from b2c_cli.outputs import Formats
from b2c_cli.portfolio.formats import PORTFOLIO_FORMATS
from b2c_cli.questionnaire.formats import QUESTIONNAIRE_FORMATS
from b2c_cli.report.formats import REPORT_FORMATS

REGISTRIES: dict[str, Formats[object]] = {
    "report": REPORT_FORMATS,  # type: ignore[dict-item]
    "questionnaire": QUESTIONNAIRE_FORMATS,  # type: ignore[dict-item]
    "portfolio": PORTFOLIO_FORMATS,  # type: ignore[dict-item]
}


@pytest.mark.parametrize("feature", REGISTRIES)
def test_every_renderer_exists(feature: str) -> None:
    for found in REGISTRIES[feature].formats:
        module, _, function = found.renderer.partition(":")
        assert module.startswith(f"b2c_cli.{feature}."), found
        assert callable(getattr(importlib.import_module(module), function)), found


@pytest.mark.parametrize("feature", REGISTRIES)
def test_format_names_are_parsed_in_the_registrys_order(feature: str) -> None:
    registry = REGISTRIES[feature]
    names = registry.names
    assert len(set(names)) == len(names)
    assert registry.parse(None) == registry.parse("") == registry.defaults
    backwards = " , ".join(name.upper() for name in reversed(names)) + f",{names[0]}"
    assert registry.parse(backwards) == names
    with pytest.raises(UsageError) as raised:
        registry.parse(f"{names[0]},pdf-ish")
    assert raised.value.params["value"] == "pdf-ish"
    help_text = registry.help()
    assert all(f"{f.name} ({f.writes})" in help_text for f in registry.formats)
