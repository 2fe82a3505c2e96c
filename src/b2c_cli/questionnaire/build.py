"""`b2c questionnaire` as a library call: the questionnaire from the workbook, rendered in the chosen
formats (`formats.QUESTIONNAIRE_FORMATS`) in memory, then written where it changed, atomically."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from b2c_cli.errors import WorkbookInvalid
from b2c_cli.i18n import Lang
from b2c_cli.outputs import Written, write_outputs
from b2c_cli.questionnaire.formats import QUESTIONNAIRE_FORMATS
from b2c_cli.workbook.folder import PART3_FILE, PARTNERSHIP_FILE
from b2c_cli.workbook.validate import check, require

OUTPUT_DIR = "questionnaire"


@dataclass(frozen=True)
class QuestionnaireRequest:
    root: Path
    today: date
    formats: tuple[str, ...] = QUESTIONNAIRE_FORMATS.defaults
    output: Path | None = None
    lang: Lang | None = None
    dry_run: bool = False


def build_questionnaire_files(request: QuestionnaireRequest) -> tuple[list[Written], Lang]:
    from b2c_cli.questionnaire.model import build_questionnaire

    workbook, validation = check(request.root, request.today)
    require(validation, "q-workbook-invalid", (PARTNERSHIP_FILE, PART3_FILE))
    if workbook.partnership is None or workbook.part3 is None:
        raise WorkbookInvalid("q-workbook-invalid", where=PART3_FILE, count=1)
    lang = request.lang or workbook.lang
    q = build_questionnaire(workbook.partnership, workbook.part3, lang)

    outputs = QUESTIONNAIRE_FORMATS.render(request.formats, q)
    folder = request.output if request.output is not None else request.root / OUTPUT_DIR
    return write_outputs(folder, outputs, request.dry_run), lang
