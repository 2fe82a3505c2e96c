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

    def render(self, lang: Lang) -> str:
        return tr(self, lang)


class Phrase(Msg):
    """A parameter that is a message with parameters of its own, translated with the message it fills."""

    params: Mapping[str, object]

    def __new__(cls, key: str, /, **params: object) -> Phrase:
        phrase = super().__new__(cls, key)
        phrase.params = params
        return phrase

    def render(self, lang: Lang) -> str:
        return tr(self, lang, **self.params)


class Lines(Msg):
    """A parameter that is a list of messages, one per line (each after its place, "file:row: "), each
    translated with the message it fills."""

    items: tuple[tuple[str, Msg], ...]

    def __new__(cls, items: tuple[tuple[str, Msg], ...]) -> Lines:
        lines = super().__new__(cls, "")
        lines.items = items
        return lines

    def render(self, lang: Lang) -> str:
        return "".join(
            f"\n  - {where}: {item.render(lang)}" if where else f"\n  - {item.render(lang)}"
            for where, item in self.items
        )


class _Param:
    """A message parameter. `{count:# advarsel|# advarsler}` picks the singular for 1 and the plural for
    any other count, with # standing for the number; every other format is the value's own."""

    def __init__(self, value: object) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return format(self.value, spec)
        one, other = spec.split("|", 1)
        value = self.value
        count = int(str(value)) if isinstance(value, int) or str(value).isdigit() else None
        return (one if count == 1 else other).replace("#", str(value))


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
        name: _Param(
            value.render(lang)
            if isinstance(value, Msg)
            else value.text(lang)
            if isinstance(value, Pieces)
            else value
        )
        for name, value in params.items()
    }
    return template.format(**filled)


def has_message(key: str) -> bool:
    return key in CATALOGUES["da"]
