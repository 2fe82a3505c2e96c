"""The Jinja environment for b2c's templates: StrictUndefined (a missing value is a bug, not a blank), and
the filters the YAML and Markdown templates need."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import jinja2
import jinja2.sandbox
from markupsafe import Markup

from b2c_cli.resources import templates_dir

COMMENT_WIDTH = 100
# C0 and C1 control characters other than tab and line breaks: a user's text may carry them (pasted from
# elsewhere), but no Markdown, HTML, XML or calendar file b2c writes may hold them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """`text` without control characters (tab, line feed and carriage return stay)."""
    return _CONTROL.sub("", text)


def _finalize(value: object) -> object:
    """Applied to everything a template prints: control characters removed, escaped HTML kept escaped."""
    if isinstance(value, Markup):
        return Markup(strip_controls(str(value)))
    return strip_controls(value) if isinstance(value, str) else value


def yaml_quote(value: object) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML): safe for any text a user gives."""
    return json.dumps(str(value), ensure_ascii=False)


def yaml_comment(text: str, indent: int = 0) -> str:
    """`text` as YAML comment lines at `indent`, wrapped so they stay readable in an editor."""
    prefix = " " * indent + "# "
    lines: list[str] = []
    for paragraph in str(text).splitlines() or [""]:
        wrapped = textwrap.wrap(
            paragraph, COMMENT_WIDTH - len(prefix), break_long_words=False, break_on_hyphens=False
        ) or [""]
        lines.extend(prefix + line for line in wrapped)
    return "\n".join(line.rstrip() for line in lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def markdown_cell(value: object) -> str:
    """Text made safe for a Markdown table cell or line: Markdown's special characters (and `|`, `<`)
    backslash-escaped, line breaks as <br>, so a user's text can neither break the table nor become
    markup or HTML."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "<br>".join(line for line in lines if line)


def css_string(value: object) -> Markup:
    """Text as a CSS string literal ("..."), every character but letters, digits and spaces written as a
    CSS escape, so no text can end the string or the style sheet."""
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in strip_controls(str(value)))
    return Markup(f'"{escaped}"')


def environment(folder: str, extra: Path | None = None, *, sandboxed: bool = False) -> jinja2.Environment:
    """Templates from `templates/<folder>`, and first from `extra` (an organisation's own) when given.
    HTML templates (*.html.j2) autoescape; an organisation's templates run in Jinja's (immutable) sandbox."""
    search = [str(templates_dir() / folder)]
    if extra is not None:
        search.insert(0, str(extra))
    # Immutable: an organisation's template may read the report's data but not change it for the other
    # documents and the XLSX rendered from the same data.
    sandbox = jinja2.sandbox.ImmutableSandboxedEnvironment
    cls = sandbox if sandboxed or extra is not None else jinja2.Environment
    env = cls(
        loader=jinja2.FileSystemLoader(search),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        finalize=_finalize,
    )
    env.filters["md"] = markdown_cell
    env.filters["css_string"] = css_string
    env.filters["yq"] = yaml_quote
    env.filters["comment"] = yaml_comment
    return env
