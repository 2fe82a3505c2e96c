"""`b2c report` as a library call: gather the workbook and results, build the table, ESRS section and
agreement once, render the chosen formats in memory, then write only what changed, atomically."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2

from b2c_cli.errors import InputError, WorkbookInvalid
from b2c_cli.i18n import Lang
from b2c_cli.outputs import Written, write_outputs
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.folder import REPORTS_DIR
from b2c_cli.workbook.validate import check, require

FORMATS = ("md", "html", "xlsx", "ics")
DEFAULT_FORMATS = FORMATS
XLSX_FILE = "esg-report.xlsx"
ICS_FILE = "annual-wheel.ics"


@dataclass(frozen=True)
class ReportRequest:
    root: Path
    today: date
    formats: tuple[str, ...] = DEFAULT_FORMATS
    output: Path | None = None
    lang: Lang | None = None
    template_dir: Path | None = None
    dry_run: bool = False


def build_report(request: ReportRequest) -> tuple[list[Written], Lang]:
    from b2c_cli.figures import build_figures
    from b2c_cli.report.agreement import build_agreement
    from b2c_cli.report.documents import build_context
    from b2c_cli.report.esrs import esrs_entries
    from b2c_cli.report.table import build_table

    workbook, validation = check(request.root, request.today)
    partnership, part2, part3 = workbook.partnership, workbook.part2, workbook.part3
    require(validation, "report-workbook-invalid")
    if partnership is None or part2 is None or part3 is None:  # missing files are errors require() raised
        raise WorkbookInvalid("report-workbook-invalid", count=1)
    lang = request.lang or workbook.lang
    results = load_all(request.root, part3)
    table = build_table(part3, build_figures(part3, results), lang)
    esrs = esrs_entries(table, lang)
    agreement = build_agreement(partnership, part2, part3, lang)
    context = build_context(partnership, part3, table, esrs, agreement, results, lang)

    outputs: dict[str, bytes] = {}
    if "md" in request.formats or "html" in request.formats:
        for name, text in _render(context, request.template_dir).items():
            if name.rsplit(".", 1)[1] in request.formats:
                outputs[name] = text.encode("utf-8")
    if "xlsx" in request.formats:
        from b2c_cli.report.xlsx import render_xlsx

        outputs[XLSX_FILE] = render_xlsx(context)
    if "ics" in request.formats:
        from b2c_cli.report.ics import render_ics

        outputs[ICS_FILE] = render_ics(partnership, agreement, part3, lang)
    folder = request.output if request.output is not None else request.root / REPORTS_DIR
    return write_outputs(folder, outputs, request.dry_run), lang


def _render(context: object, template_dir: Path | None) -> dict[str, str]:
    from b2c_cli.report.documents import ReportContext, render_documents

    assert isinstance(context, ReportContext)
    try:
        return render_documents(context, template_dir)
    except Exception as exc:
        # A mistake in b2c's own templates is a bug; one in an organisation's is a problem with its input.
        if not isinstance(exc, jinja2.TemplateError) and template_dir is None:
            raise
        name, line = _template_position(exc)
        where = f"{name}:{line}" if line else str(name)
        reason = str(exc)[:120].rstrip(".") or type(exc).__name__
        raise InputError(
            "report-template-error", where=where, template=Path(str(name)).name, reason=reason
        ) from None


def _template_position(exc: Exception) -> tuple[str, int | None]:
    """The template file (and line) an error happened in. Syntax errors carry it; errors while rendering
    (an undefined value, an unsafe attribute refused by the sandbox) are found in the traceback, where
    Jinja puts a frame for each template line it ran."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    if name and isinstance(exc, jinja2.TemplateError):
        return str(name), getattr(exc, "lineno", None)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return "?", None
