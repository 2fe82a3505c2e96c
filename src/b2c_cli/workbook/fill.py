"""`b2c fill`: the guide's questions asked one at a time, in the guide's order, with the current answer as
the default; each answer checked at once; the answers written back into the file by targeted edits
(yamledit), so only the lines of the changed values change. Nothing is written until the part is done: an
interrupted fill leaves the file as it was.

The core never prints: it talks through a Conversation the command line gives it (a terminal prompt, or
plain lines on stdin for scripts)."""

from __future__ import annotations

import contextlib
import re
import types
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol, Union, get_args, get_origin

from pydantic import BaseModel

from b2c_cli import yamledit
from b2c_cli.atomic import write_atomic
from b2c_cli.errors import InputError, UsageError
from b2c_cli.i18n import Lang, tr
from b2c_cli.models import Part1, Part2, Part3
from b2c_cli.resources import field_doc
from b2c_cli.workbook import choices
from b2c_cli.workbook.folder import PART1_FILES, PART2_FILE, PART3_FILE
from b2c_cli.yamlfile import Path as KeyPath
from b2c_cli.yamlfile import YamlProblem, parse, read_file

PARTS: dict[str, tuple[str, type[BaseModel]]] = {
    "part1-housing": (PART1_FILES["housing"], Part1),
    "part1-company": (PART1_FILES["company"], Part1),
    "part2": (PART2_FILE, Part2),
    "part3": (PART3_FILE, Part3),
}
# The top-level keys `fill` asks about, in the guide's order. Part 3's indicators (statements, targets,
# ESRS codes) are edited in the file; its periods and meetings are asked here.
KEYS: dict[type[BaseModel], tuple[str, ...]] = {
    Part1: ("prepared_by", "priorities", "resources", "expectations", "key_points"),
    Part2: ("joint_priorities", "other_resources", "agreement"),
    Part3: ("periods", "evaluation_meetings"),
}
# Lists the guide limits: the five most important points.
MAX_ITEMS: dict[str, int] = {"key_points": 5}

# Part 2's lists of indicator ids: an answer must be one of Part 3's indicators, as `validate` checks.
REFERS_TO_INDICATORS = frozenset({"site_specific_indicators", "indicators"})

CLEAR = "-"  # the answer that empties a question or removes a list item


class Conversation(Protocol):
    """How the core talks to the person filling in: `say` shows a line, `ask` returns their answer to a
    question (the default when they just press Enter). Raising EOFError ends the questions early."""

    def say(self, text: str) -> None: ...

    def ask(self, question: str, default: str) -> str: ...


@dataclass
class FillResult:
    part: str
    path: Path
    changed: list[KeyPath] = field(default_factory=list)
    written: bool = False


def choose_part(root: Path, part: str | None, unfinished: list[str]) -> str:
    """The part named, or the first one not yet answered in full."""
    if part is None:
        return unfinished[0] if unfinished else "part1-housing"
    if part not in PARTS:
        raise UsageError("fill-unknown-part", part=part, parts=", ".join(PARTS))
    if not (root / PARTS[part][0]).is_file():
        raise UsageError("fill-missing-file", file=PARTS[part][0])
    return part


# -- the kinds of question, from the model's annotations -----------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: Literal["text", "choice", "date", "number", "month", "yesno", "decimal"]
    choices: tuple[str, ...] = ()


def _unwrap(annotation: Any) -> Any:
    """The annotation without `| None` and Annotated."""
    if get_origin(annotation) is Annotated:
        return _unwrap(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def _kind(annotation: Any, name: str) -> Kind | None:
    bare = _unwrap(annotation)
    if get_origin(bare) is Literal:
        return Kind("choice", tuple(str(a) for a in get_args(bare)))
    if bare is str:
        return Kind("text")
    if bare is date:
        return Kind("date")
    if bare is bool:
        return Kind("yesno")
    if bare is int:
        return Kind("month") if name == "month" else Kind("number")
    if bare is float:
        return Kind("decimal")
    return None


def _list_of(annotation: Any) -> Any | None:
    bare = _unwrap(annotation)
    return get_args(bare)[0] if get_origin(bare) is list else None


def _model(annotation: Any) -> type[BaseModel] | None:
    bare = _unwrap(annotation)
    return bare if isinstance(bare, type) and issubclass(bare, BaseModel) else None


# -- checking one answer -------------------------------------------------------------------------------------

_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_YMD = re.compile(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})")


def guess_date(text: str) -> date | None:
    """What a date typed another way probably means: 12-03-2026, 12.3.2026, 2026-3-12 -> 2026-03-12."""
    text = text.strip()
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        found = pattern.fullmatch(text)
        if found:
            parts = [int(found.group(i + 1)) for i in order]
            try:
                return date(parts[0], parts[1], parts[2])
            except ValueError:
                return None
    return None


@dataclass(frozen=True)
class Checked:
    value: str | None = None  # what goes in the file
    problem: str | None = None  # what to tell the person, who is then asked again
    suggestion: str | None = None  # the default for asking again ("mente du 2026-03-12?")


def check_answer(kind: Kind, answer: str, lang: Lang) -> Checked:
    """One answer against the same rules `validate` applies to that key."""
    text = answer.strip()
    if kind.name == "text":
        return Checked(text)
    if kind.name == "choice":
        value = choices.choice(text, kind.choices)
        if value is None:
            shown = ", ".join(choices.word(c, lang) for c in kind.choices)
            return Checked(problem=tr("fill-choose", lang, value=text, choices=shown))
        return Checked(value)
    if kind.name == "date":
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return Checked(date.fromisoformat(text).isoformat())
            except ValueError:
                return Checked(problem=tr("fill-date", lang, value=text))
        guess = guess_date(text)
        if guess is not None:
            return Checked(
                problem=tr("fill-date-guess", lang, value=text, guess=guess.isoformat()),
                suggestion=guess.isoformat(),
            )
        return Checked(problem=tr("fill-date", lang, value=text))
    if kind.name == "month":
        month = choices.month(text)
        if month is None:
            return Checked(problem=tr("fill-month", lang, value=text))
        return Checked(str(month))
    if kind.name == "yesno":
        yes = choices.yes_no(text)
        if yes is None:
            return Checked(problem=tr("fill-yes-no", lang, value=text))
        return Checked(
            choices.word("yes" if yes else "no", lang) if lang == "en" else ("ja" if yes else "nej")
        )
    if kind.name == "decimal":
        number = text.replace(",", ".")
        if re.fullmatch(r"-?\d+(\.\d+)?", number):
            return Checked(number)
        return Checked(problem=tr("fill-number", lang, value=text))
    if re.fullmatch(r"\d+", text):
        return Checked(text)
    return Checked(problem=tr("fill-whole-number", lang, value=text))


def shown(kind: Kind, value: Any, lang: Lang) -> str:
    """The current value as the default of its question: `stor` for `large`, a month by its name."""
    if value is None:
        return ""
    text = str(value)
    if kind.name == "choice":
        return choices.word(text, lang)
    if kind.name == "month" and text.isdigit() and 1 <= int(text) <= 12:
        return choices.MONTHS[lang][int(text) - 1]
    if kind.name == "yesno":
        yes = choices.yes_no(text)
        if yes is not None:
            return ("ja" if yes else "nej") if lang == "da" else ("yes" if yes else "no")
    return text


# -- the session ---------------------------------------------------------------------------------------------


class _Session:
    def __init__(
        self, data: dict[str, Any], talk: Conversation, lang: Lang, indicator_ids: set[str] | None = None
    ) -> None:
        self.data = data
        self.talk = talk
        self.lang = lang
        self.indicator_ids = indicator_ids  # Part 3's indicator ids, for the lists that refer to them
        self.edits: list[yamledit.Edit] = []

    def edit(self, change: yamledit.Edit) -> None:
        self.data = yamledit.apply_to_data(self.data, change)
        self.edits.append(change)

    def get(self, path: KeyPath) -> Any:
        current: Any = self.data
        for part in path:
            if isinstance(current, dict):
                current = current.get(part)
            elif isinstance(current, list) and isinstance(part, int) and part < len(current):
                current = current[part]
            else:
                return None
        return current

    def question(self, model: type[BaseModel], name: str) -> str:
        return field_doc(model.__name__, name, self.lang) or name

    def ask_value(
        self, text: str, kind: Kind, current: Any, *, required: bool = False, ids: set[str] | None = None
    ) -> str | None:
        """Ask until the answer passes; the value for the file (None for "leave it empty")."""
        default = original = shown(kind, current, self.lang)
        hint = ""
        if kind.name == "choice":
            hint = " (" + " / ".join(choices.word(c, self.lang) for c in kind.choices) + ")"
        while True:
            answer = self.talk.ask(text + hint, default).strip()
            if answer == CLEAR or (not answer and not default):
                if required:
                    self.talk.say(tr("fill-required", self.lang))
                    continue
                return None
            if answer == original and current is not None:
                return str(current)  # unchanged, as it is written
            checked = check_answer(kind, answer, self.lang)
            if checked.problem is None and ids is not None and checked.value not in ids:
                known = ", ".join(sorted(ids)) or "-"
                checked = Checked(problem=tr("fill-unknown-indicator", self.lang, value=answer, known=known))
            if checked.problem is None:
                return checked.value
            self.talk.say(checked.problem)
            if checked.suggestion is not None:
                default = checked.suggestion

    def scalar(self, path: KeyPath, model: type[BaseModel], name: str, kind: Kind) -> None:
        current = self.get(path)
        required = model.model_fields[name].is_required()
        value = self.ask_value(self.question(model, name), kind, current, required=required)
        if value != (None if current is None else str(current)):
            self.edit(yamledit.Set(path, value))

    def section(
        self, path: KeyPath, model: type[BaseModel], names: tuple[str, ...] | None = None, skip: Any = ()
    ) -> None:
        for name in names or tuple(model.model_fields):
            if name in skip:
                continue
            info = model.model_fields[name]
            here = (*path, name)
            kind = _kind(info.annotation, name)
            item = _list_of(info.annotation)
            sub = _model(info.annotation)
            if kind is not None:
                self.scalar(here, model, name, kind)
            elif item is not None:
                self.items(here, model, name, item)
            elif sub is not None:
                self.talk.say(self.question(model, name))
                if not isinstance(self.get(here), dict):
                    if self.get(here) is not None:
                        continue  # not a mapping: validate says so; nothing to ask here
                    self.edit(yamledit.Set(here, {}))
                self.section(here, sub)

    def ids_for(self, name: str) -> set[str] | None:
        """The ids a list of indicator references may hold (Part 2's), None for any other list."""
        return self.indicator_ids if name in REFERS_TO_INDICATORS else None

    def items(self, path: KeyPath, model: type[BaseModel], name: str, item: Any) -> None:
        """A list: each item asked in turn ("-" removes it), then new items until an empty answer."""
        self.talk.say(self.question(model, name))
        current = self.get(path)
        if current is not None and not isinstance(current, list):
            return  # validate says what is wrong with it
        limit = MAX_ITEMS.get(name)
        sub = _model(item)
        kind = _kind(item, name)
        index = 0
        while isinstance(self.get(path), list) and index < len(self.get(path)):
            number = tr("fill-item", self.lang, number=index + 1, count=len(self.get(path)))
            if sub is not None:
                keep = self.ask_value(number + " " + tr("fill-keep-item", self.lang), Kind("yesno"), "yes")
                if keep == ("nej" if self.lang == "da" else "no"):
                    self.edit(yamledit.Delete((*path, index)))
                    continue
                self.section((*path, index), sub)
            elif kind is not None:
                old = self.get((*path, index))
                value = self.ask_value(number, kind, old, ids=self.ids_for(name))
                if value is None:
                    self.edit(yamledit.Delete((*path, index)))
                    continue
                if value != str(old):
                    self.edit(yamledit.Set((*path, index), value))
            index += 1
        while True:
            count = len(self.get(path) or [])
            if limit is not None and count >= limit:
                self.talk.say(tr("fill-list-full", self.lang, count=limit))
                return
            if sub is not None:
                more = self.ask_value(tr("fill-add-item", self.lang), Kind("yesno"), "no")
                if more != ("ja" if self.lang == "da" else "yes"):
                    return
                new = self._new_item(sub)
                self.edit(yamledit.Append(path, new))
                self.section((*path, count), sub, skip={k for k, v in new.items() if v is not None})
            elif kind is not None:
                value = self.ask_value(tr("fill-new-item", self.lang), kind, None, ids=self.ids_for(name))
                if value is None:
                    return
                self.edit(yamledit.Append(path, value))
            else:
                return

    def _new_item(self, sub: type[BaseModel]) -> dict[str, Any]:
        """A new list item: each required key asked now, so the item is valid from the start."""
        item: dict[str, Any] = {}
        for name, info in sub.model_fields.items():
            kind = _kind(info.annotation, name)
            if info.is_required() and kind is not None:
                item[name] = self.ask_value(self.question(sub, name), kind, None, required=True)
            elif kind is not None or _list_of(info.annotation) is not None:
                item[name] = None
        return item


def _indicator_ids(root: Path) -> set[str] | None:
    """Part 3's indicator ids, or None when Part 3 cannot be read (then `validate` has the last word)."""
    try:
        data = parse(read_file(root / PART3_FILE)).data
    except (OSError, YamlProblem):
        return None
    indicators = data.get("indicators") if isinstance(data, dict) else None
    if not isinstance(indicators, list):
        return None
    return {str(i["id"]) for i in indicators if isinstance(i, dict) and i.get("id") is not None}


def _read_part(path: Path, name: str) -> tuple[dict[str, Any], str]:
    """A part's file as data (a mapping) and as the text the answers are written into."""
    try:
        raw = read_file(path)
        data = parse(raw).data
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, YamlProblem):
        raise InputError("fill-unreadable", where=name, file=name) from None
    if not isinstance(data, dict):
        raise InputError("fill-unreadable", where=name, file=name)
    return data, text


def fill(root: Path, part: str, talk: Conversation, lang: Lang) -> FillResult:
    """Ask the questions of `part` and write the answers into its file (once, at the end)."""
    name, model = PARTS[part]
    path = root / name
    data, text = _read_part(path, name)
    session = _Session(data, talk, lang, _indicator_ids(root) if model is Part2 else None)
    result = FillResult(part, path)
    # EOFError: the script's answers ran out: keep what was answered, the rest as it is
    with contextlib.suppress(EOFError):
        session.section((), model, KEYS[model])
    if not session.edits:
        return result
    try:
        new_text = yamledit.apply(text, session.edits)
    except yamledit.EditFailed:
        raise InputError("fill-cannot-edit", where=name, file=name) from None
    if new_text != text:
        write_atomic(path, new_text)
        result.written = True
    result.changed = [edit.path for edit in session.edits]
    return result


def add_meeting(
    root: Path, talk: Conversation | None, lang: Lang, given: dict[str, Any], today: date
) -> FillResult:
    """Record an evaluation meeting at the end of Part 3's evaluation_meetings: the date (today unless
    given), who took part, and the guide's questions. With `talk`, whatever `given` lacks is asked; without
    it, `given` is all there is. Written once, at the end."""
    from b2c_cli.models.part3 import MeetingLog

    name = PART3_FILE
    path = root / name
    data, text = _read_part(path, name)
    meetings = data.get("evaluation_meetings")
    if meetings is not None and not isinstance(meetings, list):
        raise InputError("fill-unreadable", where=name, file=name)
    item: dict[str, Any] = {"date": None}
    day = given.get("date")
    if day is not None:
        checked = check_answer(Kind("date"), str(day), lang)
        if checked.problem is not None:
            raise UsageError("meeting-bad-date", value=str(day), problem=checked.problem)
        item["date"] = checked.value
    participants = [p for p in given.get("participants", []) if p.strip()]
    item["participants"] = participants or None
    for key in QUESTION_KEYS:
        item[key] = given.get(key) or None
    session = _Session(data, talk or _Silent(), lang)
    index = len(meetings or [])
    session.edit(yamledit.Append(("evaluation_meetings",), item))
    here: KeyPath = ("evaluation_meetings", index)
    if talk is not None:
        with contextlib.suppress(EOFError):
            if item["date"] is None:
                value = session.ask_value(
                    session.question(MeetingLog, "date"), Kind("date"), today.isoformat(), required=True
                )
                session.edit(yamledit.Set((*here, "date"), value))
            if not participants:
                session.items((*here, "participants"), MeetingLog, "participants", str)
            for key in QUESTION_KEYS:
                if not given.get(key):
                    session.scalar((*here, key), MeetingLog, key, Kind("text"))
    if session.get((*here, "date")) is None:
        session.edit(yamledit.Set((*here, "date"), today.isoformat()))
    try:
        new_text = yamledit.apply(text, session.edits)
    except yamledit.EditFailed:
        raise InputError("fill-cannot-edit", where=name, file=name) from None
    write_atomic(path, new_text)
    return FillResult("part3", path, [edit.path for edit in session.edits], True)


QUESTION_KEYS = ("experiences", "learnings", "adjustments", "reallocated_resources")


class _Silent:
    """No one to ask: every question keeps its default."""

    def say(self, text: str) -> None:
        del text

    def ask(self, question: str, default: str) -> str:
        del question
        return default
