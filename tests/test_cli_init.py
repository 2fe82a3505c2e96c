"""`b2c init`: what it writes, what it refuses (exit 4, nothing changed), --force, --dry-run, prompts, git."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from b2c_cli.i18n import tr
from conftest import Run
from helpers import GOLDEN_FLAGS, SCAFFOLD_FILES, files_in, leaked, snapshot

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_init_writes_every_file_and_lists_each_on_stdout(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "hedemarken"
    result = run("init", folder, *GOLDEN_FLAGS)

    assert result.exit_code == 0
    assert set(files_in(folder)) == SCAFFOLD_FILES
    listed = result.stdout.splitlines()
    assert sorted(listed) == sorted(
        tr("cli-init-wrote", "da", path=str(folder / name)) for name in SCAFFOLD_FILES
    )
    assert result.stderr.strip() == tr("cli-init-next", "da", path=str(folder))
    assert leaked(result.stdout + result.stderr, "da") == []


def test_init_in_english_speaks_english(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "hedemarken"
    result = run("init", folder, *GOLDEN_FLAGS, "--lang", "en")

    assert result.exit_code == 0
    assert tr("cli-init-wrote", "en", path=str(folder / "b2c.yaml")) in result.stdout.splitlines()
    assert "The partnership is ready" in result.stderr
    assert leaked(result.stdout + result.stderr, "en") == []
    assert "language: en\n" in (folder / "b2c.yaml").read_text("utf-8")


def test_small_partnership_has_no_company_part1(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "lille"
    flags = [flag if flag != "large" else "small" for flag in GOLDEN_FLAGS]
    result = run("init", folder, *flags)

    assert result.exit_code == 0
    assert set(files_in(folder)) == SCAFFOLD_FILES - {"part1-company.yaml"}
    assert "size: small\n" in (folder / "b2c.yaml").read_text("utf-8")
    assert run("validate", folder).exit_code == 0


def test_gitignore_keeps_raw_survey_exports_out(partnership: Path) -> None:
    lines = (partnership / ".gitignore").read_text("utf-8").splitlines()
    assert "surveys/*" in lines
    assert "!surveys/README.md" in lines


def test_pre_commit_hook_runs_validate(partnership: Path) -> None:
    import yaml

    config = yaml.safe_load((partnership / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [hook["entry"] for hook in hooks] == ["b2c validate"]


# ---------------------------------------------------------------------------------------------- refusals
def test_refuses_a_non_empty_folder_and_changes_nothing(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "minutes.txt").write_text("Møde med Nortec\n", "utf-8")
    (folder / "sub").mkdir()
    before = snapshot(tmp_path)

    result = run("init", folder, *GOLDEN_FLAGS)

    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr.strip() == f"fejl: {tr('init-not-empty', 'da', path=str(folder))}"
    assert snapshot(tmp_path) == before


def test_refuses_an_existing_partnership_and_changes_nothing(run: Run, partnership: Path) -> None:
    (partnership / "part1-housing.yaml").write_text("party: housing\nprepared_by: Søren\n", "utf-8")
    before = snapshot(partnership.parent)

    result = run("init", partnership, *GOLDEN_FLAGS)

    assert result.exit_code == 4
    assert result.stdout == ""
    assert tr("init-existing-partnership", "da", path=str(partnership)) in result.stderr
    assert snapshot(partnership.parent) == before


def test_refuses_an_existing_partnership_even_in_a_dry_run(run: Run, partnership: Path) -> None:
    before = snapshot(partnership)
    result = run("init", partnership, *GOLDEN_FLAGS, "--dry-run")
    assert result.exit_code == 4
    assert snapshot(partnership) == before


def test_refuses_a_path_that_is_a_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "hedemarken"
    target.write_text("not a folder\n", "utf-8")
    before = snapshot(tmp_path)

    result = run("init", target, *GOLDEN_FLAGS)

    assert result.exit_code == 4
    assert result.stdout == ""
    assert tr("init-target-is-file", "da", path=str(target)) in result.stderr
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------------------------------------------ --force
def test_force_adds_missing_files_and_never_overwrites(run: Run, partnership: Path) -> None:
    original = files_in(partnership)
    edited = partnership / "part1-housing.yaml"
    edited.write_bytes(edited.read_bytes() + "# Søren har tilføjet en note\n".encode())
    (partnership / "part2-joint.yaml").unlink()
    (partnership / ".b2c" / "schema" / "part3.schema.json").unlink()
    before = snapshot(partnership)

    # Different flags on purpose: the existing b2c.yaml decides what the missing files say; --lang only
    # the language of the messages.
    result = run("init", partnership, "--force", "--housing", "Andet", "--lang", "en", "--no-git")

    assert result.exit_code == 0, result.stderr
    after = snapshot(partnership)
    restored = {"part2-joint.yaml", ".b2c/schema/part3.schema.json"}
    assert {name for name in after if name not in before} == restored
    for name, state in before.items():
        if state[0] == "file":
            assert after[name] == state, f"{name} was touched"
    assert files_in(partnership)["part2-joint.yaml"] == original["part2-joint.yaml"]
    assert files_in(partnership)[".b2c/schema/part3.schema.json"] == original[".b2c/schema/part3.schema.json"]
    stdout = result.stdout.splitlines()
    assert tr("cli-init-wrote", "en", path=str(partnership / "part2-joint.yaml")) in stdout
    assert tr("cli-init-kept", "en", path=str(edited)) in stdout
    assert len(stdout) == len(SCAFFOLD_FILES)


def test_force_in_a_folder_without_partnership_keeps_other_files(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "hedemarken"
    folder.mkdir()
    (folder / "minutes.txt").write_text("Møde\n", "utf-8")
    (folder / "part2-joint.yaml").write_text("joint_priorities:\n  focus: Unge\n", "utf-8")
    before = snapshot(folder)

    result = run("init", folder, *GOLDEN_FLAGS, "--force")

    assert result.exit_code == 0
    after = snapshot(folder)
    assert after["minutes.txt"] == before["minutes.txt"]
    assert after["part2-joint.yaml"] == before["part2-joint.yaml"]
    assert set(files_in(folder)) == SCAFFOLD_FILES | {"minutes.txt"}


def test_force_with_a_broken_b2c_yaml_says_where_and_writes_nothing(run: Run, partnership: Path) -> None:
    (partnership / "b2c.yaml").write_text("schema_version: 1\nname: [x\n", "utf-8")
    (partnership / "part2-joint.yaml").unlink()
    before = snapshot(partnership)

    result = run("init", partnership, "--force")

    assert result.exit_code == 3
    assert result.stdout == ""
    assert "b2c.yaml:2:7" in result.stderr
    assert snapshot(partnership) == before


def test_force_on_a_complete_partnership_writes_nothing(run: Run, partnership: Path) -> None:
    before = snapshot(partnership)
    result = run("init", partnership, "--force", "--no-git")
    assert result.exit_code == 0
    assert snapshot(partnership) == before
    assert all(
        line.startswith(tr("cli-init-kept", "da", path="").strip()) for line in result.stdout.splitlines()
    )


# ---------------------------------------------------------------------------------------------- --dry-run
def test_dry_run_lists_the_files_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "hedemarken"
    result = run("init", folder, *GOLDEN_FLAGS, "--dry-run")

    assert result.exit_code == 0
    assert not folder.exists()
    assert list(tmp_path.iterdir()) == []
    assert sorted(result.stdout.splitlines()) == sorted(
        tr("cli-init-would-write", "da", path=str(folder / name)) for name in SCAFFOLD_FILES
    )
    assert result.stderr == ""


def test_dry_run_with_force_lists_only_the_missing_files(run: Run, partnership: Path) -> None:
    (partnership / "part3-evaluation.yaml").unlink()
    before = snapshot(partnership)
    result = run("init", partnership, "--force", "--dry-run", "--no-git")
    assert result.exit_code == 0
    assert snapshot(partnership) == before
    would = [line for line in result.stdout.splitlines() if "part3-evaluation.yaml" in line]
    assert would == [tr("cli-init-would-write", "da", path=str(partnership / "part3-evaluation.yaml"))]


# ------------------------------------------------------------------------------------ options and prompts
@pytest.mark.parametrize("missing", ["--housing", "--company", "--area"])
def test_missing_party_without_a_terminal_is_a_usage_error(run: Run, tmp_path: Path, missing: str) -> None:
    flags = list(GOLDEN_FLAGS)
    index = flags.index(missing)
    del flags[index : index + 2]
    folder = tmp_path / "hedemarken"

    result = run("init", folder, *flags)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert tr("cli-init-missing", "da", options=missing) in result.stderr
    assert not folder.exists()


def test_prompts_for_missing_values_on_a_terminal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("b2c_cli.cli.init_cmd._interactive", lambda: True)
    folder = tmp_path / "hedemarken"

    result = run(
        "init", folder, "--start", "2024-09-01", "--no-git", input="Bo-Vest\nNortec\nHedemarken\nsmall\n\n\n"
    )

    assert result.exit_code == 0, result.stderr
    text = (folder / "b2c.yaml").read_text("utf-8")
    assert 'name: "Bo-Vest × Nortec i Hedemarken"' in text
    assert "size: small\n" in text
    assert not (folder / "part1-company.yaml").exists()


def test_danish_size_words_and_contact_persons_on_a_terminal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`lille` used to give a large partnership without a word; now it is small, and a wrong word is
    asked again."""
    monkeypatch.setattr("b2c_cli.cli.init_cmd._interactive", lambda: True)
    folder = tmp_path / "hedemarken"
    answers = "Bo-Vest\nNortec\nHedemarken\nmellem\nlille\nSara Holm\nJonas Berg\n"
    result = run("init", folder, "--start", "2024-09-01", "--no-git", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "'mellem' er ikke en størrelse" in result.stderr
    text = (folder / "b2c.yaml").read_text("utf-8")
    assert "size: small\n" in text
    assert '    name: "Sara Holm"\n' in text and '    name: "Jonas Berg"\n' in text


def test_size_flag_takes_danish_words(run: Run, tmp_path: Path) -> None:
    flags = [flag if flag != "large" else "lille" for flag in GOLDEN_FLAGS]
    result = run("init", tmp_path / "x", *flags)
    assert result.exit_code == 0, result.stderr
    assert "size: small\n" in (tmp_path / "x" / "b2c.yaml").read_text("utf-8")


def test_a_bad_start_date_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    flags = [flag if flag != "2024-09-01" else "1.9.2024" for flag in GOLDEN_FLAGS]
    result = run("init", tmp_path / "x", *flags)
    assert result.exit_code == 2
    assert tr("cli-bad-date", "da", value="1.9.2024", option="--start") in result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    "args",
    [["--size", "medium"], ["--lang", "de"], ["--unknown-option"], []],
    ids=["bad-size", "bad-lang", "unknown-option", "no-folder"],
)
def test_bad_options_are_usage_errors(run: Run, tmp_path: Path, args: list[str]) -> None:
    folder = [] if args == [] else [str(tmp_path / "x")]
    result = run("init", *folder, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr
    assert list(tmp_path.iterdir()) == []


def test_names_with_quotes_and_colons_stay_valid_yaml(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "quoted"
    result = run(
        "init",
        folder,
        "--housing",
        'Bo "Vest": #1',
        "--company",
        "NO",
        "--area",
        "10:30",
        "--start",
        "2024-09-01",
        "--no-git",
    )
    assert result.exit_code == 0
    assert run("validate", folder).exit_code == 0
    from b2c_cli.workbook.folder import load_workbook

    workbook = load_workbook(folder)
    assert workbook.partnership is not None
    assert workbook.partnership.housing.name == 'Bo "Vest": #1'
    assert workbook.partnership.company.name == "NO"
    assert workbook.partnership.area.name == "10:30"


# ---------------------------------------------------------------------------------------------------- git
@needs_git
def test_git_init_when_not_inside_a_repository(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "hedemarken"
    flags = [flag for flag in GOLDEN_FLAGS if flag != "--no-git"]
    result = run("init", folder, *flags)

    assert result.exit_code == 0
    assert (folder / ".git").is_dir()
    assert tr("cli-init-git", "da", path=str(folder)) in result.stdout.splitlines()
    status = subprocess.run(
        ["git", "-C", str(folder), "status", "--porcelain", "--untracked-files=all", "--ignored"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout == "", "init made the first commit of everything it wrote"
    tracked = subprocess.run(
        ["git", "-C", str(folder), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert {"b2c.yaml", "part1-housing.yaml", "surveys/README.md"} <= set(tracked)
    log = subprocess.run(
        ["git", "-C", str(folder), "log", "--format=%s"], capture_output=True, text=True, check=True
    )
    assert log.stdout == tr("init-first-commit", "da") + "\n"
    (folder / "surveys" / "export.xlsx").write_bytes(b"raw answers")
    ignored = subprocess.run(["git", "-C", str(folder), "check-ignore", "surveys/export.xlsx"], check=False)
    assert ignored.returncode == 0, "raw survey exports must be ignored by git"


@needs_git
def test_no_git_init_inside_a_repository(run: Run, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    folder = tmp_path / "partnerships" / "hedemarken"
    flags = [flag for flag in GOLDEN_FLAGS if flag != "--no-git"]
    result = run("init", folder, *flags)

    assert result.exit_code == 0
    assert not (folder / ".git").exists()
    assert tr("cli-init-git", "da", path=str(folder)) not in result.stdout.splitlines()
    assert len(result.stdout.splitlines()) == len(SCAFFOLD_FILES)


@needs_git
def test_dry_run_says_it_would_create_a_repository(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "hedemarken"
    flags = [flag for flag in GOLDEN_FLAGS if flag != "--no-git"]
    result = run("init", folder, *flags, "--dry-run")
    assert result.exit_code == 0
    assert tr("cli-init-git-would", "da", path=str(folder)) in result.stdout.splitlines()
    assert not folder.exists()


def test_no_git_flag_skips_git(partnership: Path) -> None:
    assert not (partnership / ".git").exists()


# --------------------------------------------------------------------------------------- failing to write
def test_read_only_parent_is_a_clean_error(run: Run, tmp_path: Path) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        if os.access(parent, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable")
        result = run("init", parent / "hedemarken", *GOLDEN_FLAGS)
        assert result.exit_code == 3
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert list(parent.iterdir()) == []
    finally:
        parent.chmod(0o755)


def test_a_failed_write_removes_what_this_run_created(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like a full disk after a few files: exit 3, one line, and no half-made partnership left behind."""
    from b2c_cli import atomic

    written: list[Path] = []

    def fail_on_fourth(path: Path, data: bytes | str) -> None:
        if len(written) == 3:
            raise OSError(28, "No space left on device", str(path))
        atomic.write_atomic(path, data)
        written.append(path)

    monkeypatch.setattr("b2c_cli.workbook.scaffold.write_atomic", fail_on_fourth)
    folder = tmp_path / "hedemarken"

    result = run("init", folder, *GOLDEN_FLAGS)

    assert result.exit_code == 3
    assert result.stdout == ""
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(written) == 3
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_with_force_keeps_the_existing_files(
    run: Run, partnership: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (partnership / "part2-joint.yaml").unlink()
    (partnership / "part3-evaluation.yaml").unlink()
    before = snapshot(partnership)
    from b2c_cli import atomic

    calls: list[Path] = []

    def fail_on_second(path: Path, data: bytes | str) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(13, "Permission denied", str(path))
        atomic.write_atomic(path, data)

    monkeypatch.setattr("b2c_cli.workbook.scaffold.write_atomic", fail_on_second)

    result = run("init", partnership, "--force", "--no-git")

    assert result.exit_code == 3
    assert snapshot(partnership) == before
