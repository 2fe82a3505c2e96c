"""What every workbook model shares: unknown keys are errors, and the few small types the guide needs."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator

Party = Literal["housing", "company"]
Responsible = Literal["housing", "company", "both"]
Size = Literal["small", "large"]
Language = Literal["da", "en"]

_DANISH_BOOLEANS = {"ja": True, "nej": False}


def _danish_yes_no(value: Any) -> Any:
    return _DANISH_BOOLEANS.get(value.strip().casefold(), value) if isinstance(value, str) else value


# yes/no in either language: Pydantic's true/false/yes/no/on/off/1/0, and the Danish ja/nej.
YesNo = Annotated[bool, BeforeValidator(_danish_yes_no)]

# Text a person types. Optional everywhere the guide asks a question that may not be answered yet.
Text = str | None


class StrictModel(BaseModel):
    """A workbook section: unknown keys are refused (so a misspelt key is found, not ignored)."""

    # allow_inf_nan: Pydantic would read the text 'nan', 'inf' or 'infinity' as a number.
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, validate_default=False, allow_inf_nan=False
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_means_default(cls, data: Any) -> Any:
        """A key left empty (`key_points:`) means "not filled in yet": the field's default applies."""
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields
        return {
            key: value
            for key, value in data.items()
            if value is not None or key not in fields or fields[key].is_required()
        }


class Contact(StrictModel):
    name: Text = None
    role: Text = None
    email: Text = None
    phone: Text = None
