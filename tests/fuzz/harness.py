"""What every fuzz target shares: the Hypothesis profiles, the per-example deadline, a forked sandbox for
inputs that reach python-calamine (Rust code that can abort the whole process: a failed allocation is an
abort, not an exception), and the tally of inputs tried that `conftest.py` prints at the end of the session.

Profiles: `b2c-fuzz` (the default, part of `make test`: a bounded, derandomized run) and `b2c-fuzz-long`
(`B2C_FUZZ=long`, what `make fuzz` runs: random, many more examples; `B2C_FUZZ_EXAMPLES` scales it).
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import json
import os
import resource
import select
import shutil
import signal
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from hypothesis import HealthCheck, settings

LONG = os.environ.get("B2C_FUZZ", "") == "long"
PROFILE = "b2c-fuzz-long" if LONG else "b2c-fuzz"

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "b2c-fuzz",
    max_examples=100,
    deadline=None,  # timing is enforced below, hard, rather than measured after the fact
    derandomize=True,  # make test runs the same inputs every time; make fuzz explores
    suppress_health_check=_HEALTH,
)
settings.register_profile(
    "b2c-fuzz-long",
    max_examples=int(os.environ.get("B2C_FUZZ_EXAMPLES", "4000")),
    deadline=None,
    suppress_health_check=_HEALTH,
)


def fuzz_settings(weight: float = 1.0) -> settings:
    """The active profile, with `weight` times its examples: targets differ a hundredfold in speed."""
    base = settings.get_profile(PROFILE)
    return settings(base, max_examples=max(1, int(base.max_examples * weight)))


def scratch(prefix: str) -> Path:
    """A temporary folder for the session, removed at exit (by this process only: the sandbox's children
    leave through os._exit)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    return folder


# -- the tally ---------------------------------------------------------------------------------------------


@dataclass
class Tally:
    inputs: int = 0
    seconds: float = 0.0  # reading the inputs only
    wall: float = 0.0  # the whole test: generating, reading, shrinking
    outcomes: Counter[str] = field(default_factory=Counter)


TALLY: dict[str, Tally] = {}
_TESTS: dict[str, str] = {}  # test function name -> its target


def add_wall_time(test: str, seconds: float) -> None:
    target = _TESTS.get(test)
    if target is not None:
        TALLY[target].wall += seconds


def record(target: str, outcome: str, seconds: float) -> None:
    tally = TALLY.setdefault(target, Tally())
    test = os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0].rpartition("::")[2].split("[")[0]
    _TESTS[test] = target
    tally.inputs += 1
    tally.seconds += seconds
    tally.outcomes[outcome] += 1


def summary() -> list[str]:
    """Inputs tried per target, the test's wall time, and what became of the inputs (all outcomes in the
    long run, the commonest otherwise)."""
    if not TALLY:
        return []
    lines = [f"profile {PROFILE}: inputs tried per target (wall time of the test; time spent reading)"]
    shown = None if LONG else 4
    for target, tally in TALLY.items():
        top = ", ".join(f"{key} {count}" for key, count in tally.outcomes.most_common(shown))
        more = len(tally.outcomes) - len(tally.outcomes.most_common(shown))
        lines.append(
            f"  {target:<22} {tally.inputs:>7} inputs  {tally.wall:6.1f} s  ({tally.seconds:5.1f} s reading)"
            f"  {top}{f', +{more} more outcomes' if more > 0 else ''}"
        )
    total = sum(t.inputs for t in TALLY.values())
    lines.append(f"  {'total':<22} {total:>7} inputs  {sum(t.wall for t in TALLY.values()):6.1f} s")
    return lines


# -- deadlines ---------------------------------------------------------------------------------------------

DEADLINE = 10.0  # seconds one input may take, parsed in-process
SANDBOX_DEADLINE = 20.0  # ... or in the forked sandbox (calamine on a mutated workbook)
SANDBOX_MEMORY = 2 * 1024**3  # address space the sandbox may add to what the test process already has


class Hang(Exception):
    """An input took longer than its deadline."""


@contextlib.contextmanager
def deadline(seconds: float = DEADLINE) -> Iterator[None]:
    """Raise Hang in the code under test after `seconds` (SIGALRM: Python code is interrupted between
    bytecodes). A hang inside native code never returns to Python, so faulthandler stands behind it: at
    three times the deadline it dumps every thread's stack and ends the process rather than let it hang."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"an input took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(seconds * 3, exit=True)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)


# -- the sandbox -------------------------------------------------------------------------------------------


class SandboxFailure(AssertionError):
    """What happened in the forked child: an exception that escaped, a hang, or a crash of the process."""


def sandboxed(work: Callable[[], str], seconds: float = SANDBOX_DEADLINE) -> str:
    """Run `work` in a forked child under a time and memory limit and return the outcome it returns. An
    exception in the child, a child that outlives the deadline (killed) and a child killed by a signal
    (a Rust abort on a failed allocation, a segfault) raise SandboxFailure with what the child said."""
    with tempfile.TemporaryFile() as errors:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns, never runs pytest's or Hypothesis' exit handlers
            os.close(read_end)
            status = 0
            try:
                faulthandler.disable()  # pytest's handler writes to the terminal; the parent reports instead
                os.dup2(errors.fileno(), 2)
                _limit_memory()
                outcome = {"outcome": work()}
            except BaseException:
                outcome = {"error": traceback.format_exc()}
            try:
                with os.fdopen(write_end, "w") as pipe:
                    json.dump(outcome, pipe)
            except BaseException:
                status = 1
            os._exit(status)
        os.close(write_end)
        try:
            message = _read_within(read_end, seconds)
        finally:
            os.close(read_end)
        if message is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise SandboxFailure(f"hang: no outcome within {seconds} s (child killed)")
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace")
            name = signal.Signals(os.WTERMSIG(status)).name
            raise SandboxFailure(f"crash: the process died of {name}\n{_tail(said)}")
        try:
            result = json.loads(message)
        except ValueError:
            raise SandboxFailure(f"the child said nothing readable: {message[:200]!r}") from None
        if "error" in result:
            raise SandboxFailure(result["error"])
        return str(result["outcome"])


def _limit_memory() -> None:
    used = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        status = Path("/proc/self/status").read_text()
        used = int(status.split("VmSize:")[1].split()[0]) * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if used:
        limit = used + SANDBOX_MEMORY
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _read_within(fd: int, seconds: float) -> str | None:
    chunks: list[bytes] = []
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks).decode("utf-8", "replace")
        chunks.append(chunk)


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[:lines])
