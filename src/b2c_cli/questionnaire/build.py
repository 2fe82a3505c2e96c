"""`b2c questionnaire` as a library call: the questionnaire from the workbook, rendered in the chosen
formats (`formats.QUESTIONNAIRE_FORMATS`) in memory, then written where it changed, atomically."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from b2c_cli.errors import Refused, UsageError, WorkbookInvalid
from b2c_cli.i18n import Lang
from b2c_cli.models import Part3, Partnership
from b2c_cli.outputs import Written, write_outputs
from b2c_cli.questionnaire.formats import QUESTIONNAIRE_FORMATS
from b2c_cli.workbook.folder import PART3_FILE, PARTNERSHIP_FILE
from b2c_cli.workbook.validate import check, require

OUTPUT_DIR = "questionnaire"
# The files a user types into: written again only over b2c's own, empty form, or with --force.
TYPED_IN = ("data-entry.xlsx",)


@dataclass(frozen=True)
class QuestionnaireRequest:
    root: Path
    today: date
    formats: tuple[str, ...] = QUESTIONNAIRE_FORMATS.defaults
    output: Path | None = None
    lang: Lang | None = None
    dry_run: bool = False
    force: bool = False  # replace a data-entry workbook someone has typed answers into
    survey_lang: str | None = None  # a survey language, or "all" of Part 3's: questionnaire.TAG.html/.md


def build_questionnaire_files(request: QuestionnaireRequest) -> tuple[list[Written], Lang]:
    from b2c_cli.questionnaire.model import build_questionnaire

    workbook, validation = check(request.root, request.today)
    require(validation, "q-workbook-invalid", (PARTNERSHIP_FILE, PART3_FILE))
    if workbook.partnership is None or workbook.part3 is None:
        raise WorkbookInvalid("q-workbook-invalid", where=PART3_FILE, count=1)
    lang = request.lang or workbook.lang
    q = build_questionnaire(workbook.partnership, workbook.part3, lang)

    outputs = QUESTIONNAIRE_FORMATS.render(request.formats, q)
    if request.survey_lang:
        outputs.update(_survey_languages(request, workbook.partnership, workbook.part3, lang))
    folder = request.output if request.output is not None else request.root / OUTPUT_DIR
    if not request.force:
        for name in outputs:
            if name in TYPED_IN or (name.startswith("data-entry.") and name.endswith(".xlsx")):
                _refuse_typed_in(folder / name, outputs[name])
    return write_outputs(folder, outputs, request.dry_run), lang


def _refuse_typed_in(path: Path, new: bytes) -> None:
    """Refuse (exit 4) to replace `path` when someone has typed into it: a cell that holds a value where
    the new form has none. A file that is no readable workbook any more counts as typed into too."""
    if not path.is_file():
        return  # nothing there, or no file (write_outputs names that)
    try:
        old = path.read_bytes()
    except OSError:
        old = b""
    if old == new:
        return
    typed = typed_cells(old, new)
    if typed:
        raise Refused("q-data-entry-typed", where=str(path), count=len(typed), cells=", ".join(typed[:3]))


def typed_cells(old: bytes, new: bytes) -> list[str]:
    """'Sheet!B7' for each cell of workbook `old` that holds a value where workbook `new` holds none (or
    ['?'] when `old` cannot be read as a workbook)."""
    import io

    from python_calamine import CalamineWorkbook

    def cells(data: bytes) -> dict[tuple[int, int, int], object]:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        found: dict[tuple[int, int, int], object] = {}
        for number, name in enumerate(book.sheet_names):
            sheet = book.get_sheet_by_name(name)
            left = sheet.start[1] if sheet.start is not None else 0  # rows from row 1, cells from `left`
            for r, row in enumerate(sheet.iter_rows()):
                for c, value in enumerate(row):
                    if value not in ("", None):
                        found[(number, r, left + c)] = value
        names.append(list(book.sheet_names))
        return found

    names: list[list[str]] = []

    try:
        before = cells(old)
    except BaseException as exc:  # calamine raises its own errors and Rust panics for a damaged file
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        return ["?"]
    after = cells(new)
    from openpyxl.utils import get_column_letter

    return [
        f"{names[0][sheet]}!{get_column_letter(column + 1)}{row + 1}"
        for (sheet, row, column) in sorted(before)
        if (sheet, row, column) not in after
    ]


def _survey_languages(
    request: QuestionnaireRequest, partnership: Partnership, part3: Part3, lang: Lang
) -> dict[str, bytes]:
    """questionnaire.TAG.html and .md for the survey language asked for, or for every one with `all`; with
    the xlsx format also data-entry.TAG.xlsx, whose headers and dropdowns are that language's (issue 16)."""
    from b2c_cli.questionnaire.documents import render_survey_language
    from b2c_cli.questionnaire.model import build_questionnaire

    known = part3.survey.languages
    # `all`: every survey language but the one questionnaire.html is already in.
    tags = [t for t in known if t != lang] if request.survey_lang == "all" else [request.survey_lang or ""]
    unknown = [tag for tag in tags if tag not in known]
    if unknown or not tags:
        raise UsageError(
            "q-unknown-survey-lang", lang=unknown[0] if unknown else "", known=", ".join(known) or "-"
        )
    outputs = {}
    for tag in tags:
        q = build_questionnaire(partnership, part3, lang, tag)
        for kind in ("html", "md"):
            outputs[f"questionnaire.{tag}.{kind}"] = render_survey_language(q, kind)
        if "xlsx" in request.formats:
            from b2c_cli.questionnaire.sheets import entry_workbook

            outputs[f"data-entry.{tag}.xlsx"] = entry_workbook(q)
    return outputs
