"""`b2c.yaml`: who the partnership is between, where, how large, in which language."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from b2c_cli.models.common import Contact, Language, Size, StrictModel, Text

SCHEMA_VERSION = 1

# The set of ESRS the report's ESRS section follows: as adopted in 2023, or as revised in 2026 (the default).
EsrsBasis = Literal["2023", "2026"]


class Area(StrictModel):
    name: str
    afdeling: Text = None
    municipality: Text = None


class HousingOrganisation(StrictModel):
    name: str
    contact: Contact = Contact()


class Company(StrictModel):
    name: str
    cvr: Text = None
    contact: Contact = Contact()


class Partnership(StrictModel):
    schema_version: int
    name: str
    area: Area
    housing: HousingOrganisation
    company: Company
    size: Size
    language: Language = "da"
    start_date: date
    # Optional, so a b2c.yaml written before it stays valid. An editor reads an unquoted 2023 as a number;
    # b2c takes it as the text it is.
    esrs: EsrsBasis = Field(
        default="2026",
        json_schema_extra={"type": ["string", "integer"], "enum": ["2023", "2026", 2023, 2026]},
    )
