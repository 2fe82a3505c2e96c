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
    # A terminal or file in an encoding without every character b2c prints (cp1252 on Windows, C/POSIX
    # locales): a character it cannot show is escaped, never a crash after the work is done.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    from b2c_cli.cli.app import app

    app(prog_name="b2c")
