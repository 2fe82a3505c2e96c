"""Terminal output. Data goes to stdout; messages, warnings and progress to stderr.

Plain lines go through a small printer (colour only on a terminal, and never with NO_COLOR), so most
commands never import rich; the tables of `status` and `score` and the progress bars use rich, imported when
they are drawn. Markup is off everywhere: survey and workbook text may contain `[...]`, which rich would
otherwise read as styling."""

from __future__ import annotations

import os
import re
import sys
from typing import IO, TYPE_CHECKING, Any

from b2c_cli.i18n import Lang, tr

if TYPE_CHECKING:
    from rich.console import Console

_ANSI = {"red": "31", "bold red": "1;31", "yellow": "33", "green": "32", "bold": "1"}


# What is never printed as it is: control characters but tab and line feed (an ESC from an answer or a file
# name would drive the terminal: move the cursor, retitle the window, hide the rest of the line), the
# invisible characters that make two texts look the same (soft hyphen, zero-width space and joiners,
# bidirectional controls, the BOM), and lone surrogates (a file name that is not UTF-8). Each is shown
# escaped: '\x1b', '\u200b', '\xe6' (the byte of a surrogate).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """`text` with every control, invisible or unencodable character shown escaped (see _UNSAFE)."""
    return _UNSAFE.sub(_escaped, text)


class Printer:
    """Lines to one stream, coloured only when it is a terminal; what a line carries from files and
    answers is escaped (`safe`), so it can neither drive the terminal nor hide in it."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def print(self, text: object = "", style: str | None = None) -> None:
        line = safe(str(text))
        code = _ANSI.get(style or "")
        if code and self.stream.isatty() and "NO_COLOR" not in os.environ:
            line = f"\x1b[{code}m{line}\x1b[0m"
        self.stream.write(line + "\n")
        self.stream.flush()


def stdout() -> Printer:
    return Printer(sys.stdout)


def stderr() -> Printer:
    return Printer(sys.stderr)


def console(*, to_stderr: bool = False) -> Console:
    """A rich console for tables and progress bars."""
    from rich.console import Console

    return Console(stderr=to_stderr, markup=False, highlight=False, soft_wrap=True)


def message(key: str, lang: Lang, **params: object) -> None:
    stderr().print(tr(key, lang, **params))


def error(text: str, lang: Lang) -> None:
    stderr().print(f"{tr('cli-error', lang)}: {text}", style="bold red")


def warning(text: str, lang: Lang) -> None:
    stderr().print(f"{tr('cli-warning', lang)}: {text}", style="yellow")


def print_json(data: Any) -> None:
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    # JSON escapes C0 controls itself; C1 controls, invisible characters and lone surrogates as \uXXXX too.
    sys.stdout.write(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def error_object(code: str, exit_code: int, message: str, where: str | None = None) -> dict[str, Any]:
    """What `--json` prints on stdout when a command fails: the error's stable code, its exit code, the
    message (without the place, which comes apart as file, line and column) and nothing else."""
    file, line, column = split_where(where)
    return {
        "error": {
            "code": code,
            "exit_code": int(exit_code),
            "message": message,
            "file": file,
            "line": line,
            "column": column,
        }
    }


def split_where(where: str | None) -> tuple[str | None, int | None, int | None]:
    """`file`, `file:line` or `file:line:col` apart; the numbers are taken from the end, so a file name
    with a colon in it (C:\\data\\x.csv) stays whole."""
    if not where:
        return None, None, None
    parts = where.split(":")
    numbers: list[int] = []
    while len(parts) > 1 and len(numbers) < 2 and parts[-1].isdigit():
        numbers.insert(0, int(parts.pop()))
    line = numbers[0] if numbers else None
    column = numbers[1] if len(numbers) > 1 else None
    return ":".join(parts), line, column


class ProgressBar:
    """A transient progress bar on stderr while a long job runs, only when stderr is a terminal and the job
    is worth one; otherwise nothing. Used as `with ProgressBar(enabled) as update: work(progress=update)`."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        from rich.progress import Progress

        self.bar = Progress(console=console(to_stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("", total=None)

        def update(done: int, total: int) -> None:
            self.bar.update(task, completed=done, total=total or None)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
