"""Terminal output. Markup is off everywhere: survey and workbook text may contain `[...]`, which rich
would otherwise read as styling. Data goes to stdout; messages, warnings and progress to stderr."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from b2c_cli.i18n import Lang, tr

if TYPE_CHECKING:
    from rich.console import Console


# rich is imported when something is printed, not when the command line starts (`b2c --help` stays fast).
def stdout() -> Console:
    from rich.console import Console

    return Console(markup=False, highlight=False, soft_wrap=True)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, markup=False, highlight=False, soft_wrap=True)


def message(key: str, lang: Lang, **params: object) -> None:
    stderr().print(tr(key, lang, **params))


def error(text: str, lang: Lang) -> None:
    stderr().print(f"{tr('cli-error', lang)}: {text}", style="bold red")


def warning(text: str, lang: Lang) -> None:
    stderr().print(f"{tr('cli-warning', lang)}: {text}", style="yellow")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
