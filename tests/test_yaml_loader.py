"""The strict YAML loader (b2c_cli.yamlfile): what a consultant types is what b2c reads."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from b2c_cli.yamlfile import Mark, YamlProblem, dump, parse

# Scalars that YAML 1.1 (PyYAML's default) would turn into booleans, numbers, dates or sexagesimals.
LOOKALIKES = [
    "NO",
    "No",
    "no",
    "nej",
    "ja",
    "yes",
    "Yes",
    "YES",
    "y",
    "n",
    "on",
    "On",
    "off",
    "OFF",
    "true",
    "False",
    "10:30",
    "1:20:30",
    "0555",
    "0o17",
    "0x1F",
    "0b101",
    "1,5",
    "8,5",
    "1e3",
    "1E3",
    "1_000",
    ".5",
    "-.5",
    "+12",
    ".inf",
    "-.Inf",
    ".NaN",
    "2025-13-45",
    "2024-09-01",
    "2024-09-01T10:00:00",
    "2024-9-1 10:00",
    "=",
    "<<",
    "12.",
    "0",
    "-0",
    "190:20:30",
    "1.5e-3",
    "Y",
    "N",
]
NOTHING = ["", "~", "null", "Null", "NULL"]

# Text that is a plain YAML scalar: no leading indicator, no ': ' or ' #', no surrounding space.
_FIRST = st.sampled_from("abcxyzABCXYZæøåÆØÅ0123456789._+()/=<")
_REST = st.text(alphabet="abcxyzæøåÆØÅ0123456789 .,:-_/+()=<>%?'\"", max_size=20)
PLAIN = st.builds(lambda first, rest: first + rest, _FIRST, _REST).filter(
    lambda s: ": " not in s and " #" not in s and not s.endswith((" ", ":")) and s not in NOTHING
)
SCALARS = st.one_of(st.sampled_from(LOOKALIKES), PLAIN)

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=25)
TREES = st.recursive(
    TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=15,
)

TOKENS = st.sampled_from(
    [
        ":",
        ": ",
        "- ",
        "\n",
        "  ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "!!str ",
        "!x ",
        "? ",
        "'",
        '"',
        "#",
        "|",
        ">",
        "---",
        "...",
        "%YAML 1.1",
        "a",
        "key",
        "æø",
        "\u00a0",
        "\r",
        "\x85",
        "\ufeff",
        "1",
        "~",
    ]
)


def data(text: str) -> Any:
    return parse(text.encode("utf-8")).data


def problem(raw: bytes | str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        parse(raw.encode("utf-8") if isinstance(raw, str) else raw)
    return caught.value


# ------------------------------------------------------------------------------------------ properties
@settings(max_examples=400, suppress_health_check=[HealthCheck.filter_too_much])
@given(SCALARS)
def test_plain_scalars_stay_exactly_the_text_typed(scalar: str) -> None:
    assert data(f"key: {scalar}\n") == {"key": scalar}
    assert data(f"- {scalar}\n- x\n") == [scalar, "x"]
    assert data(f"outer:\n  inner:\n    - {scalar}\n") == {"outer": {"inner": [scalar]}}
    if not scalar.startswith(("?", "-")):
        assert data(f"{scalar}: value\n") == {scalar: "value"}


@pytest.mark.parametrize("scalar", LOOKALIKES)
def test_every_lookalike_is_text(scalar: str) -> None:
    assert data(f"key: {scalar}\n") == {"key": scalar}


@pytest.mark.parametrize("nothing", NOTHING)
def test_only_empty_tilde_and_null_mean_nothing(nothing: str) -> None:
    assert data(f"key: {nothing}\n") == {"key": None}
    assert data(f"key: '{nothing}'\n") == {"key": nothing}


@settings(max_examples=500)
@given(TREES)
@example({"a": "x\n\u00a0b"})  # a continuation line that starts with a non-breaking space
@example({"\u00a0key": "value"})  # text that starts with one
@example(["\x85", "a\u2028b", "c\u2029"])  # NEL, LS and PS: line breaks to YAML
@example({"": ""})
def test_parse_of_dump_gives_back_the_data(tree: Any) -> None:
    assert parse(dump(tree).encode("utf-8")).data == tree


@settings(max_examples=500)
@given(st.binary(max_size=200))
def test_any_bytes_parse_or_raise_a_yaml_problem(raw: bytes) -> None:
    try:
        parse(raw)
    except YamlProblem as found:
        assert found.key.startswith("yaml-")


@settings(max_examples=500)
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_any_yaml_ish_text_parses_or_raises_a_yaml_problem(text: str) -> None:
    try:
        parse(text.encode("utf-8"))
    except YamlProblem as found:
        assert found.key.startswith("yaml-")
        assert found.line is None or found.line >= 1


# --------------------------------------------------------------------------------------------- refusals
@pytest.mark.parametrize(
    ("text", "key", "line", "column"),
    [
        ("a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3, 1),
        ("a:\n\tb: 1\n", "yaml-tab", 2, 1),
        ("a:\n  \u00a0b: 1\n", "yaml-nbsp", 2, 3),
        ("a:\n\u202fb: 1\n", "yaml-nbsp", 2, 1),
        ("a: &x 1\n", "yaml-anchor", 1, 4),
        ("a: 1\nb: *x\n", "yaml-alias", 2, 4),
        ("a: !!python/object:os.system x\n", "yaml-tag", 1, 4),
        ("a: !!int 5\n", "yaml-tag", 1, 4),
        ("a: !x!y z\n", "yaml-tag", 1, 4),
        ("a: b: c\n", "yaml-colon", 1, 5),
        ("a: 1\nb\nc: 2\n", "yaml-missing-colon", 2, 1),
        ('a: "open\nb: 1\n', "yaml-unclosed-quote", 1, 4),
        ("a: [1, 2\nb: 1\n", "yaml-syntax", 1, 4),
        ("a:\n    b: 1\n  c: 2\n", "yaml-indent", 3, 3),
        ("a: 1\n---\nb: 2\n", "yaml-many-documents", 2, 1),
        ("[a]: 1\n", "yaml-complex-key", 1, 1),
        ("", "yaml-empty", 1, 1),
        ("# only a comment\n", "yaml-empty", 1, 1),
    ],
)
def test_refused_with_line_and_column(text: str, key: str, line: int, column: int) -> None:
    found = problem(text)
    assert (found.key, found.line, found.column) == (key, line, column)


def test_duplicate_key_names_the_first_line() -> None:
    assert problem("a: 1\nb: 2\na: 3\n").params == {"key": "a", "first": 1}


@pytest.mark.parametrize(
    ("raw", "key", "line", "column"),
    [
        ("a: æble\n".encode("cp1252"), "yaml-cp1252", 1, 4),
        ("a: 1\nb: Århus\n".encode("cp1252"), "yaml-cp1252", 2, 4),
        ("a: 1\n".encode("utf-16"), "yaml-utf16", 1, 1),
        ("a: 1\n".encode("utf-16-be"), "yaml-utf16", 1, 1),  # no BOM: a NUL byte every other byte
        (b"a: 1\nb: \x81\n", "yaml-not-utf8", 2, 4),
        (b"a: 1\nb: Word's line\x0bbreak\n", "yaml-syntax", 2, 15),  # Shift+Enter pasted from Word
    ],
    ids=["cp1252", "cp1252-line-2", "utf-16", "utf-16-be-without-bom", "not-utf8", "control-character"],
)
def test_encodings(raw: bytes, key: str, line: int, column: int) -> None:
    found = problem(raw)
    assert (found.key, found.line, found.column) == (key, line, column)


def test_utf8_with_bom_is_fine() -> None:
    assert parse("\ufeffa: æøå\n".encode()).data == {"a": "æøå"}


@pytest.mark.parametrize("depth", [1_000, 20_000])
def test_deep_nesting_is_a_problem_not_a_crash(depth: int) -> None:
    assert problem("[" * depth + "]" * depth).key == "yaml-syntax"
    assert problem("".join(" " * i + "a:\n" for i in range(depth))).key == "yaml-syntax"


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    bomb = (
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n"
    )
    assert problem(bomb).key == "yaml-anchor"


# ------------------------------------------------------------------------ indentation inside a text
def test_tab_or_nbsp_inside_a_multi_line_text_is_content_not_indentation() -> None:
    assert data("a: 'first\n  \u00a0second'\n") == {"a": "first \u00a0second"}
    assert data('a: "first\n  \tsecond"\n') == {"a": "first second"}
    assert data("a: |\n  first\n  \u00a0second\nb: 1\n") == {"a": "first\n\u00a0second\n", "b": "1"}


def test_nbsp_indentation_right_after_a_block_text_is_still_refused() -> None:
    found = problem("a: |\n  text\n\u00a0b: 1\n")
    assert (found.key, found.line, found.column) == ("yaml-nbsp", 3, 1)


def test_line_numbers_count_only_yaml_line_breaks() -> None:
    """A form feed is a line break to Python's splitlines() but not to YAML: positions must agree."""
    found = problem("a: 'x\x0cy'\nb:\n\tc: 1\n")
    assert (found.key, found.line) == ("yaml-tab", 3)


# ------------------------------------------------------------------------------------------ positions
def test_marks_point_at_keys_and_values() -> None:
    doc = parse(b"# comment\nroot:\n  items:\n    - name: a\n    - name: b\n")
    assert doc.key_marks[("root",)] == Mark(2, 1)
    assert doc.key_marks[("root", "items", 1, "name")] == Mark(5, 7)
    assert doc.marks[("root", "items", 1)] == Mark(5, 7)
    assert doc.mark(("root", "items", 1, "missing")) == Mark(5, 7)
    assert doc.mark(("nowhere",)) == Mark(2, 1)


def test_dump_keeps_order_and_unicode() -> None:
    text = dump({"z": "Ærø", "a": ["NO", "10:30"]})
    assert text.splitlines()[0] == "z: Ærø"
    assert parse(text.encode()).data == {"z": "Ærø", "a": ["NO", "10:30"]}
