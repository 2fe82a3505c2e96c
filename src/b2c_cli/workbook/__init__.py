"""Partnership folders (DESIGN.md §4): `folder` finds and loads one (the strict YAML loader, then the
Pydantic models, every problem kept with its file, line and column), `validate` runs the guide's rules
between the files, `scaffold` writes a new one (`b2c init`), `status` says where it stands in the guide,
`schema` writes JSON Schemas for editors."""
