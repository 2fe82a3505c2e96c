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


def _recognises(header: Header) -> bool:
    codes = {_split(name)[0].casefold() for name in header.names}
    return len(codes & {"submitdate", "lastpage", "startlanguage", "datestamp"}) >= 2 or (
        len(set(header.folded) & META_TEXT) >= 3
    )


def _columns(header: Header) -> list[Column]:
    columns = []
    for index, name in enumerate(header.names):
        code, text = _split(name)
        columns.append(Column(index, name, _texts(name, code, text), metadata=_is_meta(name, code)))
    return columns


def _texts(name: str, code: str, text: str) -> tuple[str, ...]:
    if text and text != name:
        return (text, *bracketed(text))
    if not code:
        return bracketed(name)
    return ()


def _is_meta(name: str, code: str) -> bool:
    folded_code = code.casefold()
    return (
        folded_code in META
        or name.casefold() in META_TEXT
        or folded_code.startswith("grouptime")
        or (bool(code) and code.endswith("Time") and "[" not in code)
    )


PROFILE = Profile("limesurvey", _recognises, _columns)
