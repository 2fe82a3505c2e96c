"""Partnership folders: loading, validation, scaffolding, status and schemas."""
