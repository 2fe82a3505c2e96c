"""Which folders the portfolio finds, and how a broken partnership is reported: listed with its problems
(file:line:col and the message), everywhere the portfolio is written, without stopping the others."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from typer.testing import Result

from b2c_cli.portfolio.build import find_partnerships
from b2c_cli.rendering import markdown_cell
from benchmarks.tree import Made
from portfolio.kit import (
    NESTED,
    PART3_BROKEN,
    SKIPPED,
    TREE_SIZE,
    YAML_BROKEN,
    build_tree,
    html_rows,
    md_rows,
    portfolio,
    tree_path,
    xlsx_sheets,
)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Made]]:
    root = tmp_path_factory.mktemp("tree")
    return root, build_tree(root)


@pytest.fixture(scope="module")
def ran(tree: tuple[Path, list[Made]]) -> tuple[Result, dict[str, Any], Path]:
    root, _ = tree
    result = portfolio(root)
    assert result.exit_code == 0, result.stdout + result.stderr
    out = root / "portfolio"
    return result, json.loads((out / "portfolio.json").read_text("utf-8")), out


def test_every_partnership_is_found_and_nothing_else(tree: tuple[Path, list[Made]]) -> None:
    root, _ = tree
    found = [path.relative_to(root).as_posix() for path in find_partnerships(root)]
    assert found == sorted(tree_path(index) for index in range(TREE_SIZE))
    # The decoys do hold a b2c.yaml: they are skipped because of where they are.
    for folder in (*SKIPPED, NESTED):
        assert (root / folder / "b2c.yaml").is_file()
        assert not any(path.startswith(folder) for path in found)


def test_the_root_itself_can_be_the_partnership(tree: tuple[Path, list[Made]]) -> None:
    folder = tree[1][0].folder
    assert find_partnerships(folder) == [folder]  # and its archive/ (a nested partnership) is not looked at


def test_the_json_lists_every_found_partnership_once(ran: tuple[Result, dict[str, Any], Path]) -> None:
    _, data, _ = ran
    paths = [p["path"] for p in data["partnerships"]]
    assert paths == sorted(tree_path(index) for index in range(TREE_SIZE))
    assert (data["valid"], data["broken"]) == (TREE_SIZE - 2, 2)
    broken = {p["path"] for p in data["partnerships"] if not p["valid"]}
    assert broken == {tree_path(YAML_BROKEN), tree_path(PART3_BROKEN)}


def _problems(data: dict[str, Any], index: int) -> list[dict[str, str]]:
    found = next(p for p in data["partnerships"] if p["path"] == tree_path(index))
    assert found["valid"] is False and found["errors"] >= 1
    problems: list[dict[str, str]] = found["problems"]
    return problems


def test_a_yaml_error_is_listed_with_file_line_and_message(ran: tuple[Result, dict[str, Any], Path]) -> None:
    _, data, _ = ran
    problems = _problems(data, YAML_BROKEN)
    # `size: [large` on line 25: the flow sequence is never closed.
    assert [(p["location"], p["code"]) for p in problems] == [("b2c.yaml:25:7", "yaml-syntax")]
    assert "YAML" in problems[0]["message"]


def test_an_invalid_part3_is_listed_with_file_line_and_message(
    ran: tuple[Result, dict[str, Any], Path],
) -> None:
    _, data, _ = ran
    problems = _problems(data, PART3_BROKEN)
    assert [(p["location"], p["code"]) for p in problems] == [
        ("part3-evaluation.yaml:74:5", "invalid-choice")
    ]
    assert "'tally'" in problems[0]["message"] and "count" in problems[0]["message"]


def test_a_broken_partnership_does_not_stop_the_others(ran: tuple[Result, dict[str, Any], Path]) -> None:
    _, data, _ = ran
    valid = [p for p in data["partnerships"] if p["valid"]]
    assert len(valid) == TREE_SIZE - 2
    for p in valid:
        assert p["problems"] == [] and p["name"].startswith("Partnerskab ")
        assert set(p["indicators"]) == {"belonging", "trust", "co-creation", "tryghed", "unge-i-praktik"}
    # A broken partnership adds nothing to the figures: every roll-up row counts the ten valid ones.
    assert {row["partnerships"] for row in data["rollup"]} == {TREE_SIZE - 2}


def test_broken_partnerships_are_reported_not_fatal(ran: tuple[Result, dict[str, Any], Path]) -> None:
    """Exit 0: the portfolio was written, and the broken partnerships are in it and on stderr. (DESIGN §5's
    exit 1 is for `validate` failing a workbook; the portfolio reports and goes on.)"""
    result, data, _ = ran
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0] == f"{TREE_SIZE} partnerskaber: {TREE_SIZE - 2} gyldige, 2 med fejl."
    for index in (YAML_BROKEN, PART3_BROKEN):
        for problem in _problems(data, index):
            assert f"  {tree_path(index)}: {problem['location']}: {problem['message']}" in lines
    assert len(lines) == 3


def test_broken_partnerships_are_listed_in_every_document(ran: tuple[Result, dict[str, Any], Path]) -> None:
    _, data, out = ran
    md = (out / "portfolio.md").read_text("utf-8")
    html = (out / "portfolio.html").read_text("utf-8")
    sheets = xlsx_sheets((out / "portfolio.xlsx").read_bytes())
    problem_rows = sheets["Fejl"][1:]
    assert len(problem_rows) == 2
    for index in (YAML_BROKEN, PART3_BROKEN):
        (problem,) = _problems(data, index)
        parts = (tree_path(index), problem["location"], problem["message"])
        assert "- " + ": ".join(markdown_cell(part) for part in parts) in md.splitlines()
        assert f"<li>{escape(': '.join(parts))}</li>" in html
        assert [tree_path(index), problem["location"], problem["message"]] in problem_rows
    # A broken partnership has no row among the partnerships: it is only in the list of errors.
    for index in (YAML_BROKEN, PART3_BROKEN):
        assert not md_rows(md, f"Partnerskab {index:04d}")
        assert not any(row and row[0] == f"Partnerskab {index:04d}" for row in html_rows(html))


def test_a_tree_with_only_broken_partnerships_still_exits_0(tmp_path: Path) -> None:
    root = tmp_path / "root"
    made = build_tree(root)
    for m in made:
        if not m.broken:
            (m.folder / "b2c.yaml").write_text("name: [\n", "utf-8")
    result = portfolio(root, "--format", "json", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["valid"], data["broken"]) == (0, TREE_SIZE)
    assert data["rollup"] == [] and all(not p["indicators"] for p in data["partnerships"])
