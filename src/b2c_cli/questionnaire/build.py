"""`b2c questionnaire` as a library call: the questionnaire from the workbook, rendered in the chosen
formats in memory, then written where it changed, atomically."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from b2c_cli.errors import WorkbookInvalid
from b2c_cli.i18n import Lang, tr
from b2c_cli.outputs import Written, write_outputs
from b2c_cli.rendering import environment
from b2c_cli.workbook.folder import PART3_FILE, PARTNERSHIP_FILE
from b2c_cli.workbook.validate import check, require

FORMATS = ("md", "html", "xlsx", "csv")
OUTPUT_DIR = "questionnaire"


@dataclass(frozen=True)
class QuestionnaireRequest:
    root: Path
    today: date
    formats: tuple[str, ...] = FORMATS
    output: Path | None = None
    lang: Lang | None = None
    dry_run: bool = False


def build_questionnaire_files(request: QuestionnaireRequest) -> tuple[list[Written], Lang]:
    from b2c_cli.questionnaire.model import build_questionnaire
    from b2c_cli.questionnaire.sheets import entry_workbook, import_csv, import_workbook, qualtrics_txt

    workbook, validation = check(request.root, request.today)
    require(validation, "q-workbook-invalid", (PARTNERSHIP_FILE, PART3_FILE))
    if workbook.partnership is None or workbook.part3 is None:
        raise WorkbookInvalid("q-workbook-invalid", where=PART3_FILE, count=1)
    lang = request.lang or workbook.lang
    q = build_questionnaire(workbook.partnership, workbook.part3, lang)

    outputs: dict[str, bytes] = {}
    if "md" in request.formats or "html" in request.formats:
        env = environment("questionnaire")
        env.globals["tr"] = lambda key, **params: tr(key, lang, **params)
        for kind in ("md", "html"):
            if kind in request.formats:
                text = env.get_template(f"questionnaire.{kind}.j2").render(q=q, p=q.partnership, lang=lang)
                outputs[f"questionnaire.{kind}"] = text.encode("utf-8")
    if "xlsx" in request.formats:
        outputs["data-entry.xlsx"] = entry_workbook(q)
        outputs["import.xlsx"] = import_workbook(q)
    if "csv" in request.formats:
        outputs["import.csv"] = import_csv(q)
        outputs["qualtrics-import.txt"] = qualtrics_txt(q)
    folder = request.output if request.output is not None else request.root / OUTPUT_DIR
    return write_outputs(folder, outputs, request.dry_run), lang
