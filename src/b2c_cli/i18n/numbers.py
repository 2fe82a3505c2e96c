"""Numbers as each language writes them, in one place (DESIGN.md §3), so one output never mixes styles.

Danish: `41 %`, `31,9–50,8 %`, `+2,0 procentpoint`, `1.234`. English: `41%`, `31.9–50.8%`,
`+2.0 percentage points`, `1,234`. A negative number has a minus sign (U+2212), never a hyphen, and zero
is never signed (`0,0`, not `−0,0`). These functions only format: the values (rounded half up, exactly)
come from the figures layer.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from b2c_cli.i18n import Lang

MINUS = "\u2212"
EN_DASH = "\u2013"

_POINT = {"da": ",", "en": "."}
_THOUSANDS = {"da": ".", "en": ","}
_PERCENT_SIGN = {"da": " %", "en": "%"}  # Danish puts a space before the sign
_POINTS_WORD = {"da": "procentpoint", "en": "percentage points"}


def _digits(value: Decimal, lang: Lang, thousands: bool) -> str:
    """A non-negative `value` with the language's decimal mark (and thousands separator)."""
    whole, _, fraction = f"{value:f}".partition(".")
    if thousands:
        groups: list[str] = []
        while len(whole) > 3:
            whole, group = whole[:-3], whole[-3:]
            groups.insert(0, group)
        whole = _THOUSANDS[lang].join([whole, *groups])
    return whole + (_POINT[lang] + fraction if fraction else "")


def number(value: Decimal | int | float, lang: Lang, places: int | None = None, signed: bool = False) -> str:
    """12.5 -> '12,5' (da) / '12.5' (en); 1234 -> '1.234' / '1,234'. `places` fixes the decimals (rounding
    half up; the figures layer has rounded already), `signed` writes '+' on positives."""
    exact = (
        Decimal(value)
        if isinstance(value, int)
        else value
        if isinstance(value, Decimal)
        else Decimal(repr(value))
    )
    if places is not None:
        exact = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    # Thousands only in whole numbers: '1.234' is a count; '1234,5' is never written by b2c.
    text = _digits(abs(exact), lang, thousands=exact == exact.to_integral_value())
    if exact == 0:
        return text
    if exact < 0:
        return MINUS + text
    return "+" + text if signed else text


def percent(value: Decimal | int, lang: Lang, places: int | None = None) -> str:
    """41 -> '41 %' (da) / '41%' (en); Decimal('12.5') -> '12,5 %'."""
    return number(value, lang, places) + _PERCENT_SIGN[lang]


def interval(low: Decimal, high: Decimal, lang: Lang, unit: str = "%") -> str:
    """A 95 % interval of a percentage: '31,9–50,8 %' (da) / '31.9–50.8%' (en). With `unit=''` the bare
    bounds, signed, for a change in percentage points: '−11,5 til +15,4' is written by the caller's message."""
    text = f"{number(low, lang, 1)}{EN_DASH}{number(high, lang, 1)}"
    return text + _PERCENT_SIGN[lang] if unit == "%" else text


def points(value: Decimal, lang: Lang) -> str:
    """A change in percentage points: '+2,0 procentpoint' (da) / '+2.0 percentage points' (en)."""
    return f"{number(value, lang, 1, signed=True)} {_POINTS_WORD[lang]}"


def signed(value: Decimal, lang: Lang, places: int = 1) -> str:
    """'+2,0', '−11,5', '0,0'."""
    return number(value, lang, places, signed=True)
