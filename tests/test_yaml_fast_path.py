"""The libyaml fast path of the strict loader gives exactly what the pure-Python path gives (data, every
position, continuation lines), and leaves everything unusual to the pure-Python path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from b2c_cli import yamlfile

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(yamlfile._CParser is None, reason="PyYAML without libyaml")


def slow(text: str) -> tuple[yamlfile.YamlDocument, frozenset[int]]:
    root = yamlfile._Loader(text).get_single_node()
    document = yamlfile.YamlDocument(None, {}, {})
    document.data = yamlfile._build(root, (), document)
    return document, yamlfile._continuation_lines(root)


def assert_same(text: str) -> None:
    fast = yamlfile._parse_fast(text)
    assert fast is not None
    reference = slow(text)
    assert fast[0].data == reference[0].data
    assert fast[0].marks == reference[0].marks
    assert fast[0].key_marks == reference[0].key_marks
    assert fast[1] == reference[1]


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "examples").rglob("*.yaml")) + sorted((ROOT / "tests" / "golden").rglob("*.yaml")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_every_file_we_ship_parses_the_same_both_ways(path: Path) -> None:
    assert_same(yamlfile.decode(path.read_bytes()))


SNIPPETS = [
    "a: 1\nb:\n  - x\n  - 'y'\n  - \"z\"\nc: ~\nd:\ne: null\n",
    "text: >-\n  folded\n  over lines\nnext: |\n  literal\n   kept\n",
    "flow: [1, two, 'three']\nmap: {a: b, c: [d]}\n",
    "# comment\nkey: value # trailing\n\n\nother:   spaced   \n",
    "q: 'it''s'\nd: \"tab\\there\"\nlong: this plain scalar\n  continues here\n",
    "- a\n- - b\n  - c\n- d: e\n  f: g\n",
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_snippets_parse_the_same_both_ways(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !!python/object x\n",  # tag
        "a: 1\na: 2\n",  # duplicate key
        "? [a]\n: b\n",  # complex key
        "a: 1\n---\nb: 2\n",  # two documents
        "",  # nothing
        "a: [1, 2\n",  # syntax error
    ],
)
def test_anything_unusual_is_left_to_the_precise_path(text: str) -> None:
    assert yamlfile._parse_fast(text) is None


scalars = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
values = st.recursive(
    scalars | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(scalars, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(scalars, values, min_size=1, max_size=5))
def test_dumped_documents_parse_the_same_both_ways(data: dict[str, Any]) -> None:
    assert_same(yamlfile.dump(data))
