"""`--help` and `--version` stay fast: the heavy libraries are imported inside the commands that need them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from b2c_cli.__about__ import __version__

HEAVY = ("openpyxl", "jinja2", "pydantic", "b2c_cli.models")


def modules_after(code: str) -> tuple[set[str], str]:
    """Run `code` in a fresh interpreter and return the modules it imported and what it printed."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1])), done.stdout


def heavy_in(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


@pytest.mark.slow
def test_importing_the_cli_app_imports_no_heavy_library() -> None:
    modules, _ = modules_after("import b2c_cli.cli.app")
    assert "b2c_cli.cli.app" in modules
    assert heavy_in(modules, HEAVY) == []


@pytest.mark.slow
def test_help_imports_no_heavy_library() -> None:
    modules, out = modules_after(
        "import sys\nsys.argv = ['b2c', '--help']\nfrom b2c_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    assert "Brug: b2c" in out or "Usage: b2c" in out
    assert heavy_in(modules, HEAVY) == []


@pytest.mark.slow
@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_imports_neither_typer_nor_pydantic(flag: str) -> None:
    modules, out = modules_after(
        f"import sys\nsys.argv = ['b2c', {flag!r}]\nfrom b2c_cli.cli import main\nmain()"
    )
    assert out == f"b2c {__version__}\n"
    assert heavy_in(modules, ("typer", "click", "rich", *HEAVY)) == []


@pytest.mark.slow
def test_python_dash_m_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "b2c_cli", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout == f"b2c {__version__}\n"


@pytest.mark.slow
def test_importing_the_package_is_lazy() -> None:
    modules, _ = modules_after("import b2c_cli\nassert b2c_cli.__version__")
    assert heavy_in(modules, ("typer", "yaml", *HEAVY)) == []
