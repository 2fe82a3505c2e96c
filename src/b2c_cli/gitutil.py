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
