"""Partnership folders: the strict YAML loader, loading, validation, scaffolding, status and schemas."""
