"""What the whole invocation shares: whether to show tracebacks, and the language of its messages (set
from `--lang` or, once a command has loaded it, the partnership's own language)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from b2c_cli.i18n import Lang, as_lang


def _env_lang() -> Lang:
    return as_lang(os.environ.get("B2C_LANG", "da"))


@dataclass
class State:
    debug: bool = False
    lang: Lang = field(default_factory=_env_lang)


def today() -> date:
    """Today, or B2C_TODAY (YYYY-MM-DD) so tests and demos of date-dependent output are reproducible."""
    fixed = os.environ.get("B2C_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()
