"""Terminal output. Markup is off everywhere: survey and workbook text may contain `[...]`, which rich
would otherwise read as styling. Data goes to stdout; messages, warnings and progress to stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

from b2c_cli.i18n import Lang, tr


def stdout() -> Console:
    return Console(markup=False, highlight=False, soft_wrap=True)


def stderr() -> Console:
    return Console(stderr=True, markup=False, highlight=False, soft_wrap=True)


def message(key: str, lang: Lang, **params: object) -> None:
    stderr().print(tr(key, lang, **params))


def error(text: str, lang: Lang) -> None:
    stderr().print(f"{tr('cli-error', lang)}: {text}", style="bold red")


def warning(text: str, lang: Lang) -> None:
    stderr().print(f"{tr('cli-warning', lang)}: {text}", style="yellow")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
