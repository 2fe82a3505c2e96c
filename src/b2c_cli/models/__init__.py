"""Pydantic models of the workbook files (the guide as data)."""

from b2c_cli.models.common import Contact, StrictModel
from b2c_cli.models.part1 import Part1
from b2c_cli.models.part2 import Part2
from b2c_cli.models.part3 import FIXED_INDICATOR_IDS, Indicator, Part3
from b2c_cli.models.partnership import SCHEMA_VERSION, Partnership

__all__ = [
    "FIXED_INDICATOR_IDS",
    "SCHEMA_VERSION",
    "Contact",
    "Indicator",
    "Part1",
    "Part2",
    "Part3",
    "Partnership",
    "StrictModel",
]
