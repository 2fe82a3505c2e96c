"""Every human-facing message of b2c, in Danish and English. Messages are looked up by a stable key; the
catalogues in `da.py` and `en.py` must hold the same keys with the same placeholders (a test checks)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Literal

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")
DEFAULT_LANG: Lang = "da"


class _Catalogues(Mapping[Lang, dict[str, str]]):
    """The catalogues by language, each imported when first needed (most runs need one, `--help` none)."""

    def __getitem__(self, lang: Lang) -> dict[str, str]:
        messages: dict[str, str] = importlib.import_module(f"b2c_cli.i18n.{lang}").MESSAGES
        return messages

    def __iter__(self) -> Iterator[Lang]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


CATALOGUES: Mapping[Lang, dict[str, str]] = _Catalogues()


def as_lang(value: object) -> Lang:
    """A language code from user input or a workbook, falling back to Danish."""
    return "en" if value == "en" else "da"


class Msg(str):
    """A parameter that is itself a message key, translated along with the message it fills."""


class Pieces(tuple[str, ...]):
    """A parameter of several pieces, texts and Msg keys, each Msg translated, joined as they are."""

    def text(self, lang: Lang) -> str:
        return "".join(tr(piece, lang) if isinstance(piece, Msg) else piece for piece in self)


def tr(key: str, lang: Lang, /, **params: object) -> str:
    """The message `key` in `lang` with `params` filled in."""
    template = CATALOGUES[lang][key]
    if not params:
        return template
    filled = {
        name: tr(value, lang)
        if isinstance(value, Msg)
        else value.text(lang)
        if isinstance(value, Pieces)
        else value
        for name, value in params.items()
    }
    return template.format(**filled)


def has_message(key: str) -> bool:
    return key in CATALOGUES["da"]
