"""The little b2c asks of git: is a folder inside a work tree, start a repository, is a file tracked."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def available() -> bool:
    return shutil.which("git") is not None


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=False)


def inside_work_tree(folder: Path) -> bool:
    return available() and _git(folder, "rev-parse", "--is-inside-work-tree").stdout.strip() == "true"


def init(folder: Path) -> bool:
    """`git init` in `folder`; False when git is missing or refuses."""
    return available() and _git(folder, "init", "--quiet").returncode == 0


def is_tracked(path: Path) -> bool:
    """Whether git tracks `path` (used to warn loudly about raw survey exports in a repository)."""
    return available() and _git(path.parent, "ls-files", "--error-unmatch", path.name).returncode == 0


def _identity(folder: Path) -> list[str]:
    """A committer for a machine where git was never told who the user is (git would refuse to commit)."""
    if _git(folder, "config", "user.email").stdout.strip():
        return []
    return ["-c", "user.name=b2c", "-c", "user.email=b2c@localhost"]


def changed_files(folder: Path) -> list[str]:
    """Files under `folder` (paths relative to it) that differ from the last commit or are new and not
    ignored."""
    done = _git(folder, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ".")
    names: list[str] = []
    for entry in done.stdout.split("\0"):
        if len(entry) > 3:
            names.append(entry[3:])
    # porcelain paths are relative to the repository's top; make them relative to `folder`
    top = _git(folder, "rev-parse", "--show-toplevel").stdout.strip()
    if not top:
        return []
    base = Path(top)
    here = folder.resolve()
    return sorted(
        (base / name).resolve().relative_to(here).as_posix()
        for name in names
        if (base / name).resolve().is_relative_to(here)
    )


def commit(folder: Path, files: list[str], message: str) -> str | None:
    """Commit exactly `files` (relative to `folder`) with `message`, whatever else is staged; the new
    commit's short id, or None when git refused."""
    if not files:
        return None
    if _git(folder, "add", "--all", "--", *files).returncode != 0:
        return None
    done = _git(folder, *_identity(folder), "commit", "--quiet", "-m", message, "--", *files)
    if done.returncode != 0:
        return None
    return _git(folder, "rev-parse", "--short", "HEAD").stdout.strip() or None


def log(folder: Path, limit: int) -> list[tuple[str, str, str]]:
    """The commits that touched `folder`, newest first: (id, date YYYY-MM-DD, message)."""
    done = _git(folder, "log", f"-n{limit}", "--date=short", "--format=%H%x1f%ad%x1f%s", "--", ".")
    rows: list[tuple[str, str, str]] = []
    for line in done.stdout.splitlines():
        parts = line.split("\x1f")
        if len(parts) == 3:
            rows.append((parts[0], parts[1], parts[2]))
    return rows


def changes(folder: Path, commit_id: str) -> list[tuple[str, str]]:
    """What one commit changed under `folder`: (A/M/D, path relative to `folder`)."""
    done = _git(
        folder, "diff-tree", "--root", "--relative", "--no-commit-id", "-r", "--name-status", "--no-renames",
        commit_id, "--", ".",
    )  # fmt: skip
    rows: list[tuple[str, str]] = []
    for line in done.stdout.splitlines():
        status, _, name = line.partition("\t")
        if name:
            rows.append((status[:1], name))
    return rows


def show(folder: Path, revision: str, path: str) -> bytes | None:
    """The bytes of `path` (relative to `folder`) at `revision`, or None when it did not exist there."""
    done = subprocess.run(
        ["git", "-C", str(folder), "show", f"{revision}:./{path}"], capture_output=True, check=False
    )
    return done.stdout if done.returncode == 0 else None


INVENTED_ATTRIBUTE = "b2c-invented"


def marked_invented(path: Path) -> bool:
    """Whether `path` is marked in .gitattributes as invented example data (`* b2c-invented`), which may
    be committed: the bundled example exports. A real export committed by mistake has no such mark."""
    done = _git(path.parent, "check-attr", INVENTED_ATTRIBUTE, "--", path.name)
    return done.returncode == 0 and done.stdout.strip().endswith(": set")
