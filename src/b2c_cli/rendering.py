"""The Jinja environment for b2c's templates: StrictUndefined (a missing value is a bug, not a blank), and
the filters the YAML and Markdown templates need.

An organisation's own templates (`--template-dir`) are not trusted: they run in Jinja's immutable sandbox,
are read only from inside their folder (a symlink to a file outside it is refused, so no template can pull
another readable file into a report), and render under limits (issue 12): TEMPLATE_SECONDS of time (nested
loops), MAX_OUTPUT characters of output, no `*` or `**` that would build a value over MAX_VALUE, and (where
the system allows it) TEMPLATE_MEMORY bytes of memory more than b2c held when rendering began. Breaking a
limit is a SecurityError, which the report names as an error in the template, with its line."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


TEMPLATE_SECONDS = 10.0  # a report's template renders in well under a second
MAX_OUTPUT = 50_000_000  # characters one template may write
MAX_VALUE = 10_000_000  # items or characters one `*` may build; digits one `**` may give
TEMPLATE_MEMORY = 1024 * 1024 * 1024  # bytes of address space a template may add


class _Limited(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """The sandbox, with `*` and `**` checked before they run (`'x' * 10**9` is refused, not attempted)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                sized = isinstance(sequence, str | list | tuple) and isinstance(times, int)
                if sized and len(sequence) * times > MAX_VALUE:
                    raise jinja2.exceptions.SecurityError(
                        f"'*' would build a value of {len(sequence) * times} items (at most {MAX_VALUE})"
                    )
        ints = isinstance(left, int) and isinstance(right, int)
        if operator == "**" and ints and abs(left) > 1 and right * abs(left).bit_length() > MAX_VALUE:
            raise jinja2.exceptions.SecurityError("'**' would build a number with too many digits")
        return super().call_binop(context, operator, left, right)

    def compile(self, source: Any, name: str | None = None, filename: str | None = None, *args: Any) -> Any:
        """Compiling runs under the limits too: Jinja works out constant expressions (`'x' | center(10**9)`)
        while it compiles."""
        with _time_limit(TEMPLATE_SECONDS), _memory_limit(TEMPLATE_MEMORY):
            try:
                return super().compile(source, name, filename, *args)
            except MemoryError:
                raise _limit_error("the template needs more memory than allowed", filename) from None


def _limit_error(text: str, filename: str | None) -> jinja2.exceptions.SecurityError:
    error = jinja2.exceptions.SecurityError(text)
    error.filename = filename  # type: ignore[attr-defined]  # where the report's message looks for it
    return error


class _LimitedTemplate(jinja2.Template):
    """A template that renders under the time, output and memory limits."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        parts: list[str] = []
        size = 0
        with _time_limit(TEMPLATE_SECONDS) as expired, _memory_limit(TEMPLATE_MEMORY):
            try:
                for chunk in self.generate(*args, **kwargs):
                    size += len(chunk)
                    if size > MAX_OUTPUT:
                        raise _limit_error(
                            f"the template writes more than {MAX_OUTPUT} characters", self.filename
                        )
                    expired()
                    parts.append(chunk)
            except MemoryError:
                raise _limit_error("the template needs more memory than allowed", self.filename) from None
        return "".join(parts)


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[Callable[[], None]]:
    """A deadline: in the main thread a timer interrupts the template wherever it is (a loop that writes
    nothing); in any thread the check it yields raises once the time is up."""
    deadline = time.monotonic() + seconds
    message = f"the template ran for more than {seconds:g} seconds"

    def expired() -> None:
        if time.monotonic() > deadline:
            raise jinja2.exceptions.SecurityError(message)

    def alarm(*_: object) -> None:
        raise jinja2.exceptions.SecurityError(message)

    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if timer and signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        timer = False  # an include compiled while its template renders: the outer limit holds
    if not timer:
        yield expired
        return
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield expired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _memory_limit(extra: int) -> Iterator[None]:
    """At most `extra` bytes more address space than now while the body runs (Linux; elsewhere, or when
    the hard limit does not allow it, no limit): an allocation beyond it is a MemoryError in the
    template, not a machine swapping to a halt."""
    if _limits.memory:
        yield  # nested (an include compiled while its template renders): the outer limit holds
        return
    try:
        import resource

        used = int(Path("/proc/self/statm").read_bytes().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = used + extra
        if any(limit != resource.RLIM_INFINITY and wanted > limit for limit in (soft, hard)):
            raise ValueError("an existing limit is lower")
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ImportError, OSError, ValueError):
        yield
        return
    _limits.memory = True
    try:
        yield
    finally:
        _limits.memory = False
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


class _Limits(threading.local):
    memory = False


_limits = _Limits()


class _FolderLoader(jinja2.FileSystemLoader):
    """An organisation's templates from `folder`, and only from inside it (a template whose real path, its
    symlinks resolved, is outside the folder is refused), then b2c's own from `ours`."""

    def __init__(self, folder: Path, ours: Path) -> None:
        super().__init__([str(folder), str(ours)])
        self.root = folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        candidate = self.root.joinpath(*jinja2.loaders.split_template_path(template))
        if candidate.is_symlink() or candidate.exists():
            real = candidate.resolve()
            if not real.is_relative_to(self.root):
                raise jinja2.exceptions.SecurityError(
                    f"{template} is a link to a file outside the template folder; copy the file into it"
                )
        return super().get_source(environment, template)


def environment(folder: str, extra: Path | None = None, *, sandboxed: bool = False) -> jinja2.Environment:
    """Templates from `templates/<folder>`, and first from `extra` (an organisation's own) when given.
    HTML templates (*.html.j2) autoescape; an organisation's templates run in Jinja's (immutable) sandbox."""
    ours = templates_dir() / folder
    loader = jinja2.FileSystemLoader([str(ours)]) if extra is None else _FolderLoader(extra, ours)
    # Immutable: an organisation's template may read the report's data but not change it for the other
    # documents and the XLSX rendered from the same data.
    cls = _Limited if sandboxed or extra is not None else jinja2.Environment
    env = cls(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        finalize=_finalize,
    )
    if cls is _Limited:
        env.template_class = _LimitedTemplate
    env.filters["md"] = markdown_cell
    env.filters["css_string"] = css_string
    env.filters["yq"] = yaml_quote
    env.filters["comment"] = yaml_comment
    return env
