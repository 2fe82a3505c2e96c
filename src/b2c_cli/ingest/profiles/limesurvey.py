"""LimeSurvey (CSV, UTF-8 with BOM; also XLSX).

id, submitdate, lastpage, startlanguage, seed, (token), startdate, datestamp, ipaddr, refurl, then answers;
optional timings (interviewtime, groupTime.., ..Time). Headings are one of: question code (`Q1`, array
subquestions `Q1[SQ001]`), full text ("Question text [Subquestion]"), text abbreviated to 15 characters,
or code + separator (". ") + text. Metadata headings translate in the text modes ("Response ID", "Date
submitted", "Last page", ...).

Source: github.com/LimeSurvey/LimeSurvey application/helpers/admin/export/Writer.php (headingFormat code,
abbreviated, full, codetext).
"""

from __future__ import annotations

import re

from b2c_cli.ingest import Column
from b2c_cli.ingest.profile import Header, Profile
from b2c_cli.ingest.text import bracketed

META = {
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "token",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
    "interviewtime",
}
META_TEXT = {
    "response id",
    "date submitted",
    "last page",
    "start language",
    "seed",
    "date started",
    "date last action",
    "ip address",
    "referrer url",
    "total time",
}
_CODE = re.compile(r"^([A-Za-z][A-Za-z0-9_]*(?:\[[^\]]*\])*)(?:\. (.+))?$")


def _split(name: str) -> tuple[str, str]:
    """`Q1[SQ001]. Question [Statement]` -> ('Q1[SQ001]', 'Question [Statement]'); a bare code gives
    (code, ''); a heading that is not a code gives ('', heading)."""
    match = _CODE.match(name)
    if match is None:
        return "", name
    return match.group(1), match.group(2) or ""


_CODE_AND_TEXT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\[[^\]]*\])*\. .")
CODE_AND_TEXT_SHARE = 0.6  # of the headings, in "code. text" form: a code-and-text export without its fields
CODE_AND_TEXT_MIN = 5


def _recognises(header: Header) -> bool:
    """By two of its own fields, three of their translated headings, or (an export whose fields were
    dropped, as public data sets do) most headings in its "code. text" form."""
    codes = {_split(name)[0].casefold() for name in header.names}
    if len(codes & {"submitdate", "lastpage", "startlanguage", "datestamp"}) >= 2:
        return True
    if len(set(header.folded) & META_TEXT) >= 3:
        return True
    named = [name for name in header.names if name]
    coded = sum(1 for name in named if _CODE_AND_TEXT.match(name))
    return coded >= CODE_AND_TEXT_MIN and coded >= CODE_AND_TEXT_SHARE * len(named)


def _columns(header: Header) -> list[Column]:
    columns = []
    for index, name in enumerate(header.names):
        code, text = _split(name)
        columns.append(Column(index, name, _texts(name, code, text), metadata=_is_meta(name, code)))
    return columns


def _texts(name: str, code: str, text: str) -> tuple[str, ...]:
    """The statement (alone, and out of its brackets), and the code alone: `likert2[affSat1]` and its
    subquestion code `affSat1`, so `column:` may give either."""
    codes = _codes(code) if code and code != name else ()
    if text and text != name:
        return (text, *bracketed(text), *codes)
    if not code:
        return bracketed(name)
    return codes


def _codes(code: str) -> tuple[str, ...]:
    inner = [part.rstrip("]") for part in code.split("[")[1:]]
    return (code, *(part for part in inner if part))


def _is_meta(name: str, code: str) -> bool:
    folded_code = code.casefold()
    return (
        folded_code in META
        or name.casefold() in META_TEXT
        or folded_code.startswith("grouptime")
        or (bool(code) and code.endswith("Time") and "[" not in code)
    )


PROFILE = Profile("limesurvey", _recognises, _columns)
