"""`b2c.yaml`: who the partnership is between, where, how large, in which language."""

from __future__ import annotations

from datetime import date

from b2c_cli.models.common import Contact, Language, Size, StrictModel, Text

SCHEMA_VERSION = 1


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
