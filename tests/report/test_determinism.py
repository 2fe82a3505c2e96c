"""Same inputs, same bytes: a second run rewrites nothing and says so, the run does not depend on the day
or on where the folder is, and re-running the demo leaves the committed example reports as they are."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from b2c_cli.i18n import tr
from helpers import snapshot

from .kit import DOCX, EXAMPLE, ICS, OUTPUTS, PDF, XLSX, copy_example, render, report


def _lines(stdout: str) -> list[str]:
    return [" ".join(line.split()) for line in stdout.strip().splitlines()]


def _expected(key: str, folder: Path) -> list[str]:
    return [" ".join(tr(key, "da", path=str(folder / name)).split()) for name in OUTPUTS]


def test_two_runs_give_the_same_bytes_and_the_second_writes_nothing(example: Path) -> None:
    first = render(example)
    assert sorted(first) == sorted(OUTPUTS)
    before = snapshot(example / "reports")
    result = report(example)
    assert result.exit_code == 0, result.stderr
    assert _lines(result.stdout) == _expected("report-unchanged", example / "reports")
    # Not even rewritten with the same bytes: every file keeps its modification time.
    assert snapshot(example / "reports") == before


def test_first_run_says_written(example: Path) -> None:
    result = report(example)
    assert result.exit_code == 0, result.stderr
    assert _lines(result.stdout) == _expected("report-wrote", example / "reports")


def test_output_does_not_depend_on_the_day_the_folder_or_the_time_zone(tmp_path: Path) -> None:
    # B2C_LANG is not in the list: it chooses the language of the output (flag, B2C_LANG, partnership).
    one = copy_example(tmp_path / "one")
    other = copy_example(tmp_path / "somewhere" / "else")
    first = render(one)
    second = render(other, env={"B2C_TODAY": "2031-07-01", "TZ": "America/New_York"})
    assert first == second


def test_only_a_changed_output_is_rewritten(example: Path) -> None:
    render(example)
    (example / "reports" / ICS).write_bytes(b"edited by hand\r\n")
    before = snapshot(example / "reports")
    result = report(example)
    assert result.exit_code == 0
    lines = _lines(result.stdout)
    unchanged = _expected("report-unchanged", example / "reports")
    wrote = _expected("report-wrote", example / "reports")
    assert lines == [wrote[i] if name == ICS else unchanged[i] for i, name in enumerate(OUTPUTS)]
    after = snapshot(example / "reports")
    assert {name for name in after if after[name] != before[name]} == {ICS}


def _xlsx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_rerunning_the_demo_leaves_the_committed_reports_unchanged(tmp_path: Path) -> None:
    """`make demo` runs `b2c report examples/hedemarken-nortec`: on a copy with the committed reports, the
    run finds every file unchanged (git stays clean)."""
    folder = copy_example(tmp_path / "hedemarken", reports=True)
    result = report(folder)
    assert result.exit_code == 0, result.stderr
    assert _lines(result.stdout) == _expected("report-unchanged", folder / "reports")
    for name in OUTPUTS:
        committed = (EXAMPLE / "reports" / name).read_bytes()
        written = (folder / "reports" / name).read_bytes()
        if name == XLSX or name in DOCX:  # the same parts with the same content (zlib may compress otherwise)
            assert _xlsx_parts(written) == _xlsx_parts(committed)
        else:
            assert written == committed, name
    # The PDFs too (make demo asks for them; they are not a default format): see test_pdf.py.
    assert sorted(path.name for path in (EXAMPLE / "reports").iterdir()) == sorted([*OUTPUTS, *PDF])


def test_xlsx_is_reproducible_zip(example: Path) -> None:
    """Fixed timestamps inside the workbook and on its zip entries: nothing says when it was written."""
    data = render(example)[XLSX]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2000-01-01T00:00:00Z" in core
    assert core.count("2000-01-01T00:00:00Z") == 2
