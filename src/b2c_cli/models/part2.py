"""Part 2, 'Fælles rammesætning': what the parties agree on together, ending in the partnership agreement."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from b2c_cli.models.common import Responsible, StrictModel, Text, YesNo

ResourceSource = Literal["municipality", "helhedsplan", "boligsocial", "company", "other"]
Focus = Literal["events", "skills", "employment", "place"]


class JointPriorities(StrictModel):
    focus: Text = None
    joint_actions: Text = None
    resources: Text = None
    site_specific_indicators: list[str] = []  # ids of Part 3 indicators
    other_resources_considered: Text = None


class OtherResource(StrictModel):
    source: ResourceSource
    name: Text = None
    contribution: Text = None


class Initiative(StrictModel):
    id: str
    title: str
    description: Text = None
    focus: Focus | None = None
    place: Text = None
    responsible: Responsible
    indicators: list[str] = []  # ids of Part 3 indicators this initiative works towards


class WheelEntry(StrictModel):
    month: int | None = Field(default=None, json_schema_extra={"minimum": 1, "maximum": 12})
    date: dt.date | None = None
    activity: str
    responsible: Responsible
    role: Text = None
    initiative: Text = None  # id of an initiative above


class Measurement(StrictModel):
    scope: Text = None
    respondents: int | None = None
    month: int | None = Field(default=None, json_schema_extra={"minimum": 1, "maximum": 12})
    joint: YesNo | None = None
    method: Text = None


class Agreement(StrictModel):
    initiatives: list[Initiative] = []
    annual_wheel: list[WheelEntry] = []
    evaluation_meetings: list[dt.date] = []
    measurement: Measurement = Measurement()


class Part2(StrictModel):
    joint_priorities: JointPriorities = JointPriorities()
    other_resources: list[OtherResource] = []
    agreement: Agreement = Agreement()
