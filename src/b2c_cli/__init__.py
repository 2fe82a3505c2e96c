"""b2c: Business2Community partnerships as git-versioned YAML workbooks.

The public API is loaded lazily, so `import b2c_cli` (and `b2c --version`) stays fast.
"""

from __future__ import annotations

import importlib
import os

from b2c_cli.__about__ import __version__

# openpyxl writes its XML through lxml when lxml is installed (python-docx brings it) and through the
# standard library otherwise, and the two differ in bytes. b2c's XLSX files must depend on their content
# only, so openpyxl keeps to the standard library unless the user says otherwise. Set before anything
# imports openpyxl: every b2c module is imported through this package.
os.environ.setdefault("OPENPYXL_LXML", "False")

_API: dict[str, str] = {
    "B2CError": "b2c_cli.errors",
    "ExitCode": "b2c_cli.errors",
    "InitOptions": "b2c_cli.workbook.scaffold",
    "init_partnership": "b2c_cli.workbook.scaffold",
    "check": "b2c_cli.workbook.validate",
    "status": "b2c_cli.workbook.status",
    "load_workbook": "b2c_cli.workbook.folder",
    "find_root": "b2c_cli.workbook.folder",
    "render_schemas": "b2c_cli.workbook.schema",
}

__all__ = ["__version__", *sorted(_API)]


def __getattr__(name: str) -> object:  # no `typing` import: `b2c --version` stays a few milliseconds
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'b2c_cli' has no attribute {name!r}")
