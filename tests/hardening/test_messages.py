"""Privacy of messages and what is printed (issue 12): an answer is quoted back only when it looks like a
scale label, otherwise it is "a free-text answer" with its row; a free-text column is refused as
--segment (its values would become group labels in the committed results/); control sequences and
invisible characters from files and answers are printed escaped; output in cp1252 and a stdout that fails
after the results are written never end in exit 70; an invalid B2C_TODAY, a deleted current folder and
overlong period ids are clear errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run
from helpers import REPO, TODAY

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORT = REPO / "examples" / "exports" / "hedemarken-2026-google-forms.csv"
PRIVATE = "Ring til Jens Hansen på 22334455, jens@example.dk"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, target)
    (target / "results" / "2026.yaml").unlink()
    return target


def _export_with(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = EXPORT.read_text("utf-8")
    assert text.count(old) >= count
    path = tmp_path / "eksport.csv"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def test_a_free_text_answer_is_not_printed(folder: Path, tmp_path: Path, run: Run) -> None:
    export = _export_with(tmp_path, ",Helt enig,", f',"{PRIVATE}",')
    for extra in ((), ("--json",)):
        result = run("score", export, "--dir", folder, "--period", "2026", *extra)
        said = result.stdout + result.stderr
        assert result.exit_code == 3, said
        assert "fritekstsvar" in said
        for part in ("Jens", "22334455", "jens@example.dk"):
            assert part not in said


def test_a_label_like_answer_is_still_quoted(folder: Path, tmp_path: Path, run: Run) -> None:
    export = _export_with(tmp_path, ",Helt enig,", ",Helt enig!,")
    result = run("score", export, "--dir", folder, "--period", "2026")
    assert result.exit_code == 3, result.stdout + result.stderr
    assert "'Helt enig!'" in result.stderr


def test_a_free_text_column_is_refused_as_segment(folder: Path, run: Run) -> None:
    """The e-mail column as --segment: the old score wrote every address into results/ as a group."""
    result = run("score", EXPORT, "--dir", folder, "--period", "2026", "--segment", "Mailadresse")
    assert result.exit_code == 3, result.stdout + result.stderr
    assert "fritekst" in result.stderr and "Mailadresse" in result.stderr
    assert not (folder / "results" / "2026.yaml").exists()
    assert "@" not in result.stdout + result.stderr


def test_a_closed_column_is_still_a_segment(folder: Path, run: Run) -> None:
    result = run("score", EXPORT, "--dir", folder, "--period", "2026", "--segment", "Hvor gammel er du?")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_control_sequences_and_invisible_characters_are_printed_escaped(
    folder: Path, tmp_path: Path, run: Run
) -> None:
    name = "eksport\x1b]0;pwned\x07\x1b[2J\u200b.csv"
    result = run("score", tmp_path / name, "--dir", folder, "--period", "2026")
    assert result.exit_code == 3
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\u200b" not in result.stderr
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\u200b.csv" in result.stderr


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Enig", "Enig"),
        ("Tr\u00adyg", "Tr\\xadyg"),  # a soft hyphen
        ("ab\u202ecba", "ab\\u202ecba"),  # a right-to-left override
        ("x\x9b31m", "x\\x9b31m"),  # the one-byte CSI
        (os.fsdecode(b"navn-\xe6"), "navn-\\xe6"),  # a file name that is not UTF-8
        ("tab\tand\nline", "tab\tand\nline"),
    ],
)
def test_safe(text: str, shown: str) -> None:
    from b2c_cli.cli.output import safe

    assert safe(text) == shown


def _b2c(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "B2C_TODAY": TODAY, "PYTHONPATH": str(REPO / "src"), **(env or {})}
    code = "import sys; from b2c_cli.cli import main; sys.argv[0] = 'b2c'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=environment, capture_output=True, check=False
    )


def test_output_in_cp1252(folder: Path) -> None:
    """A Windows console or a redirect in cp1252 has no box-drawing characters: once exit 70."""
    done = _b2c("status", str(EXAMPLE), env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0, done.stderr.decode("cp1252")
    done = _b2c(
        "score", str(EXPORT), "--dir", str(folder), "--period", "2026", env={"PYTHONIOENCODING": "cp1252"}
    )
    assert done.returncode == 0, done.stderr.decode("cp1252")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stdout_after_the_results_are_written(folder: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        environment = {**os.environ, "B2C_TODAY": TODAY, "PYTHONPATH": str(REPO / "src")}
        code = "import sys; from b2c_cli.cli import main; sys.argv[0] = 'b2c'; main()"
        args = ["score", str(EXPORT), "--dir", str(folder), "--period", "2026"]
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            env=environment,
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    said = done.stderr.decode("utf-8")
    assert done.returncode == 3, said
    assert "results/2026.yaml" in said and "Resultaterne er skrevet" in said and "Intern fejl" not in said
    assert (folder / "results" / "2026.yaml").is_file()


def test_an_invalid_b2c_today(run: Run) -> None:
    result = run("status", EXAMPLE, env={"B2C_TODAY": "2026-02-30"})
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "B2C_TODAY" in result.stderr and "ÅÅÅÅ-MM-DD" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a folder in use cannot be deleted on Windows")
def test_a_deleted_current_folder(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
    script += "from b2c_cli.cli import main; sys.argv = ['b2c', 'status']; main()"
    environment = {**os.environ, "B2C_TODAY": TODAY, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, check=False)
    said = done.stderr.decode("utf-8")
    assert done.returncode == 2, said
    assert "findes ikke længere" in said


def test_a_260_letter_period_id_is_refused_by_validate(folder: Path, run: Run) -> None:
    """It passed validate and then broke status and portfolio (a file name too long)."""
    part3 = folder / "part3-evaluation.yaml"
    long_id = "a" * 260
    part3.write_text(part3.read_text("utf-8").replace('  - id: "2027"', f'  - id: "{long_id}"', 1), "utf-8")
    result = run("validate", folder)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "invalid-id" in result.stdout + result.stderr and "64 tegn" in result.stdout + result.stderr
    result = run("status", folder)
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    result = run("portfolio", folder.parent, "-o", folder.parent / "portfolio")
    assert result.exit_code in (0, 1), result.stdout + result.stderr


def test_a_300_letter_period_option(folder: Path, run: Run) -> None:
    result = run("score", EXPORT, "--dir", folder, "--period", "b" * 300)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "64 tegn" in result.stderr


def test_a_placeholder_date_is_refused_not_a_broken_calendar(folder: Path, run: Run, tmp_path: Path) -> None:
    """9999-12-31 as a planned meeting passed validate; the .ics then stopped with exit 70."""
    part2 = folder / "part2-joint.yaml"
    part2.write_text(
        part2.read_text("utf-8").replace("    - date: 2025-06-21", "    - date: 9999-12-31"), "utf-8"
    )
    result = run("validate", folder)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "date-out-of-range" in result.stdout + result.stderr
    result = run("report", folder, "--format", "ics", "-o", tmp_path / "out")
    assert result.exit_code == 1, result.stdout + result.stderr
