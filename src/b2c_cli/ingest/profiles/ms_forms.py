"""Microsoft Forms (XLSX, sheet "Sheet1").

ID, Start time, Completion time, Email, Name (Danish UI: Id, Starttidspunkt, Tidspunkt for fuldførelse,
Mail, Navn; newer forms add Last modified time / Tidspunkt for seneste ændring; quizzes add Total points,
Quiz feedback, Points - Q, Feedback - Q). Then one column per question headed by its title, answers as
label text. A Likert question becomes one column per statement headed by the statement ALONE (the question
text is not exported). Column order can drift from the form's order.

Sources: github.com/AndrewGodlewsky/AI-Dev-Survey docs/research/microsoft-forms-export.md (quoting
support.microsoft.com and techcommunity.microsoft.com), github.com/Ketsa143/Design-Thinking
assets/doc/encuesta.js (a real export as JSON).
"""

from __future__ import annotations

from b2c_cli.ingest import Column
from b2c_cli.ingest.profile import Header, Profile

META = {
    "id",
    "start time",
    "completion time",
    "email",
    "name",
    "last modified time",
    "starttidspunkt",
    "tidspunkt for fuldførelse",
    "mail",
    "navn",
    "tidspunkt for seneste ændring",
    "total points",
    "quiz feedback",
    "point i alt",
}
_QUIZ = ("points - ", "feedback - ", "point - ")  # a quiz's columns per question: "Points - Question"


def _recognises(header: Header) -> bool:
    names = set(header.folded)
    return (
        "id" in names
        and bool({"start time", "starttidspunkt"} & names)
        and bool({"completion time", "tidspunkt for fuldførelse"} & names)
    )


def _columns(header: Header) -> list[Column]:
    return [
        Column(index, name, metadata=folded in META or folded.startswith(_QUIZ))
        for index, (name, folded) in enumerate(zip(header.names, header.folded, strict=True))
    ]


PROFILE = Profile("ms-forms", _recognises, _columns)
