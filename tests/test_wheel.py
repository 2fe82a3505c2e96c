"""The wheel ships its templates: build it, install it into a fresh venv outside the checkout, and run `b2c`
from there in a folder outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import GOLDEN_FLAGS, REPO, SCAFFOLD_FILES, TESTS, TODAY, files_in

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    work: Path  # a scratch folder outside the checkout

    @property
    def b2c(self) -> Path:
        return self.venv / "bin" / "b2c"

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "B2C_TODAY": TODAY, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def _run(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=_env(), capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    assert not root.resolve().is_relative_to(REPO)
    dist = root / "dist"
    built = _run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO, cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("b2c_cli-*.whl")

    venv = root / "venv"
    made = _run(sys.executable, "-m", "venv", venv, cwd=root)
    assert made.returncode == 0, made.stderr
    pip = _run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, cwd=root)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    work = root / "work"
    work.mkdir()
    return Installed(wheel, venv, work)


def test_the_wheel_holds_the_templates(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert "b2c_cli/templates/texts/da.yaml" in names
    assert "b2c_cli/templates/texts/en.yaml" in names
    shipped = {
        name.removeprefix("b2c_cli/templates/") for name in names if name.startswith("b2c_cli/templates/")
    }
    in_checkout = {
        path.relative_to(REPO / "templates").as_posix()
        for path in (REPO / "templates").rglob("*")
        if path.is_file()
    }
    assert shipped == in_checkout


def test_the_installed_b2c_reads_templates_from_inside_the_wheel(installed: Installed) -> None:
    where = _run(
        installed.python,
        "-c",
        "from b2c_cli.resources import templates_dir; print(templates_dir())",
        cwd=installed.work,
    )
    assert where.returncode == 0, where.stderr
    templates = Path(where.stdout.strip())
    assert templates.is_relative_to(installed.venv)
    assert not templates.resolve().is_relative_to(REPO)


def test_init_and_validate_with_the_installed_b2c(installed: Installed) -> None:
    version = _run(installed.b2c, "--version", cwd=installed.work)
    assert version.returncode == 0
    assert version.stdout.startswith("b2c ")

    init = _run(installed.b2c, "init", "hedemarken", *GOLDEN_FLAGS, cwd=installed.work)
    assert init.returncode == 0, init.stderr
    folder = installed.work / "hedemarken"
    written = files_in(folder)
    assert set(written) == SCAFFOLD_FILES
    golden = files_in(TESTS / "golden" / "scaffold-da")
    assert written == golden, "the installed b2c writes a different scaffold from the checkout"

    validate = _run(installed.b2c, "validate", "hedemarken", cwd=installed.work)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert validate.stderr.startswith("Ingen problemer")

    status = _run(installed.b2c, "status", "--json", cwd=folder)
    assert status.returncode == 0, status.stderr
    assert '"next_step": "step-part1-housing"' in status.stdout
