"""Part 1, 'Interne overvejelser': one file per party, filled in before the parties meet."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from b2c_cli.models.common import Party, Size, StrictModel, Text

ResourceKind = Literal["hours", "facilities", "volunteers", "skills", "money", "other"]


class OwnPriorities(StrictModel):
    focus: Text = None
    initiatives: Text = None
    indicator_contribution: Text = None
    site_specific_indicators: list[str] = []


class ResourceOffer(StrictModel):
    kind: ResourceKind
    description: Text = None
    amount: Text = None


class Expectations(StrictModel):
    partnership_size: Size | None = None
    interest: Text = None


class Part1(StrictModel):
    party: Party
    prepared_by: Text = None
    priorities: OwnPriorities = OwnPriorities()
    resources: list[ResourceOffer] = []
    expectations: Expectations = Expectations()
    # The guide asks for at most five; validation says so (JSON Schema tells the editor too).
    key_points: list[str] = Field(default=[], json_schema_extra={"maxItems": 5})
