"""Where the shipped templates are, and the guide's texts in them. In a wheel the `templates/` folder is
packaged inside b2c_cli; in a source checkout it sits at the repository root."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from b2c_cli.i18n import Lang
from b2c_cli.yamlfile import parse


@cache
def templates_dir() -> Path:
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


@cache
def texts(lang: Lang) -> dict[str, Any]:
    """templates/texts/<lang>.yaml: the guide's questions and the fixed indicators in one language."""
    data: dict[str, Any] = parse((templates_dir() / "texts" / f"{lang}.yaml").read_bytes()).data
    return data


def field_doc(model: str, field: str, lang: Lang) -> str | None:
    """The guide's question or explanation for `model.field`, or None when there is none."""
    docs: dict[str, str] = texts(lang)["fields"]
    return docs.get(f"{model}.{field}")
