"""The `b2c` command. `main` answers `--version` before importing anything heavy; everything else goes
through the Typer app in `b2c_cli.cli.app`."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from b2c_cli.__about__ import __version__

        sys.stdout.write(f"b2c {__version__}\n")
        return
    import os

    # b2c uses no Pydantic plugins; looking for them reads every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from b2c_cli.cli.app import app

    app(prog_name="b2c")
