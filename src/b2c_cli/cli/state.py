"""What the whole invocation shares: whether to show tracebacks, whether errors are JSON, and the language
b2c speaks, which `interface_lang` alone decides."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from b2c_cli.i18n import DEFAULT_LANG, LANGS, Lang


def interface_lang(flag: Lang | None, root: Path | None = None) -> Lang:
    """The language of messages and output: `--lang`, then B2C_LANG, then the language of the partnership
    at `root` (its b2c.yaml; only once a command has found it), then Danish. An unknown B2C_LANG counts as
    unset: the environment is not the place to fail a command over."""
    if flag is not None:
        return flag
    env = os.environ.get("B2C_LANG", "")
    if env in LANGS:
        return env
    if root is not None:
        from b2c_cli.workbook.folder import language_hint

        return language_hint(root)
    return DEFAULT_LANG


@dataclass
class State:
    debug: bool = False
    lang_flag: Lang | None = None  # --lang as given to the command, if it was
    as_json: bool = False  # --json was given: an error is a JSON object on stdout too
    lang: Lang = field(default_factory=lambda: interface_lang(None))

    def partnership_lang(self, root: Path) -> Lang:
        """The language once the command has found its partnership: --lang and B2C_LANG still come first."""
        self.lang = interface_lang(self.lang_flag, root)
        return self.lang


def today() -> date:
    """Today, or B2C_TODAY (YYYY-MM-DD) so tests and demos of date-dependent output are reproducible."""
    fixed = os.environ.get("B2C_TODAY")
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed.strip())
    except ValueError:
        from b2c_cli.errors import UsageError

        raise UsageError("bad-b2c-today", value=fixed[:40]) from None
