"""`b2c report` as a library call: gather the workbook and results, compute the figures once, build the
table, ESRS section and agreement from them, render the chosen formats (`formats.REPORT_FORMATS`) in
memory, then write only what changed, atomically."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from b2c_cli.errors import WorkbookInvalid
from b2c_cli.i18n import Lang
from b2c_cli.outputs import Written, write_outputs
from b2c_cli.report.formats import REPORT_FORMATS
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.benchmarks import load_benchmarks
from b2c_cli.workbook.folder import REPORTS_DIR
from b2c_cli.workbook.validate import check, require


@dataclass(frozen=True)
class ReportRequest:
    root: Path
    today: date
    formats: tuple[str, ...] = REPORT_FORMATS.defaults
    output: Path | None = None
    lang: Lang | None = None
    template_dir: Path | None = None
    dry_run: bool = False
    vsme_template: Path | None = None  # EFRAG's VSME Digital Template to fill (--format vsme)


def build_report(request: ReportRequest) -> tuple[list[Written], Lang]:
    from b2c_cli.figures import build_figures
    from b2c_cli.figures.benchmarks import benchmark_views
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
    results = load_all(request.root, part3, parsed=validation.results)
    table = build_table(part3, build_figures(part3, results), lang)
    esrs = esrs_entries(table, lang, partnership.esrs)
    agreement = build_agreement(partnership, part2, part3, lang)
    context = build_context(partnership, part3, table, esrs, agreement, results, lang, request.template_dir)
    context.vsme_template = request.vsme_template
    context.benchmarks = benchmark_views(load_benchmarks(request.root), table.figures, lang)
    outputs = REPORT_FORMATS.render(request.formats, context)
    folder = request.output if request.output is not None else request.root / REPORTS_DIR
    return write_outputs(folder, outputs, request.dry_run), lang
