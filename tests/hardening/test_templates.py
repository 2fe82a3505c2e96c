"""An organisation's own templates (`--template-dir`), second round (issue 12): a symlink inside the folder
cannot pull another readable file into a report, and a template renders under a time limit (nested loops)
and a memory limit (`'x' * 10**9`, a huge `center`), and may write only so much. Each is refused as an
error in the template (exit 3) with its name, quickly, with nothing written."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from b2c_cli import rendering
from conftest import Run
from helpers import REPO, files_in

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
SECRET = "Beboer 17: Jens Hansen, tlf. 12345678"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, target)
    return target


def _own(tmp_path: Path, text: str, name: str = "esg-report.md.j2") -> Path:
    own = tmp_path / "ours"
    own.mkdir(exist_ok=True)
    (own / name).write_text(text, "utf-8")
    return own


def _report(run: Run, folder: Path, own: Path, tmp_path: Path) -> tuple[int, str, float]:
    started = time.monotonic()
    result = run(
        "report", folder, "--template-dir", own, "--format", "md", "-o", tmp_path / "out", "--lang", "en"
    )
    return result.exit_code, result.stdout + result.stderr, time.monotonic() - started


@pytest.mark.parametrize("how", ["template-is-a-link", "include-of-a-link", "link-to-a-folder"])
def test_a_symlink_out_of_the_template_folder_is_refused(
    folder: Path, tmp_path: Path, run: Run, how: str
) -> None:
    private = tmp_path / "private"
    private.mkdir()
    (private / "notes.txt").write_text(SECRET, "utf-8")
    own = tmp_path / "ours"
    own.mkdir()
    if how == "template-is-a-link":
        (own / "esg-report.md.j2").symlink_to(private / "notes.txt")
    elif how == "include-of-a-link":
        (own / "extra.j2").symlink_to(private / "notes.txt")
        _own(tmp_path, "# Report\n{% include 'extra.j2' %}\n")
    else:
        (own / "shared").symlink_to(private)
        _own(tmp_path, "# Report\n{% include 'shared/notes.txt' %}\n")
    code, said, _ = _report(run, folder, own, tmp_path)
    assert code == 3, said
    assert "outside the template folder" in said
    assert SECRET not in said
    assert not (tmp_path / "out").exists()


def test_a_link_inside_the_folder_is_fine(folder: Path, tmp_path: Path, run: Run) -> None:
    own = _own(tmp_path, "# Our report for {{ p.name | md }}\n", name="base.j2")
    (own / "esg-report.md.j2").symlink_to(own / "base.j2")
    code, said, _ = _report(run, folder, own, tmp_path)
    assert code == 0, said
    assert (tmp_path / "out" / "esg-report.md").read_text("utf-8").startswith("# Our report for Bo-Vest")


def test_a_huge_repetition_is_refused_before_it_is_built(folder: Path, tmp_path: Path, run: Run) -> None:
    own = _own(tmp_path, "# Report\n{{ 'x' * 10**9 }}\n")
    code, said, took = _report(run, folder, own, tmp_path)
    assert code == 3, said
    assert "esg-report.md.j2" in said and "'*' would build a value" in said
    assert took < 10
    assert not (tmp_path / "out").exists()


def test_a_huge_power_is_refused(folder: Path, tmp_path: Path, run: Run) -> None:
    own = _own(tmp_path, "# Report\n{{ 10 ** 100000000 }}\n")
    code, said, took = _report(run, folder, own, tmp_path)
    assert code == 3, said
    assert "too many digits" in said
    assert took < 10


def test_nested_loops_stop_at_the_time_limit(
    folder: Path, tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three nested loops of 100,000 (the sandbox's largest range) would run for days, writing nothing."""
    monkeypatch.setattr(rendering, "TEMPLATE_SECONDS", 1.0)
    own = _own(
        tmp_path,
        "# Report\n{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
        "{% endfor %}{% endfor %}{% endfor %}\n",
    )
    code, said, took = _report(run, folder, own, tmp_path)
    assert code == 3, said
    assert "esg-report.md.j2:2" in said and "more than 1 seconds" in said
    assert took < 10
    assert not (tmp_path / "out").exists()


def test_a_huge_value_built_otherwise_hits_the_memory_limit(
    folder: Path, tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rendering, "TEMPLATE_MEMORY", 200 * 1024 * 1024)
    own = _own(tmp_path, "# Report\n{{ 'x' | center(2000000000) }}\n")
    code, said, took = _report(run, folder, own, tmp_path)
    assert code == 3, said
    assert "esg-report.md.j2" in said and "more memory than allowed" in said
    assert took < 20
    # the limit is lifted again afterwards: the next report renders normally
    code, said, _ = _report(run, folder, _own(tmp_path, "# Fine\n"), tmp_path)
    assert code == 0, said


def test_an_include_keeps_the_time_limit(
    folder: Path, tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The included template is compiled while the first renders: the first's limit still holds."""
    monkeypatch.setattr(rendering, "TEMPLATE_SECONDS", 1.0)
    _own(tmp_path, "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "l.j2")
    own = _own(tmp_path, "# Report\n{% include 'l.j2' %}\n")
    code, said, took = _report(run, folder, own, tmp_path)
    assert code == 3, said
    assert took < 10


def test_a_template_may_write_only_so_much(
    folder: Path, tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rendering, "MAX_OUTPUT", 100_000)
    own = _own(tmp_path, "# Report\n{% for a in range(100000) %}many words {% endfor %}\n")
    code, said, _ = _report(run, folder, own, tmp_path)
    assert code == 3, said
    assert "esg-report.md.j2" in said and "writes more than 100000 characters" in said
    before = files_in(folder)
    assert files_in(folder) == before
