"""What vulture (dead code, `make lint`) reports as unused but is used in a way it cannot see.

vulture matches by name: an entry here keeps every definition of that name from being reported, so the list
stays short, each entry says who uses the name, and dead code is deleted rather than listed. The last block
is the exception: dead code in modules being rewritten for the figures layer (issue 10), to delete there.
"""

# ruff: noqa: B018 - a whitelist is names used for vulture to see, nothing else

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Python calls these.
_.__getattr__  # b2c_cli/__init__.py: the lazy public API (PEP 562 module __getattr__)

# Typer and click call these.
_.main_options  # cli/app.py: @app.callback(), run before every command
_.version  # cli/app.py: main_options' --version option, handled by its eager callback
_.list_commands  # cli/app.py: B2CGroup overrides click's Group methods
_.format_commands
_.format_epilog  # cli/app.py: B2CGroup and LocalizedCommand write the help page in the help language
_.format_usage
_.obj  # click's Context.obj, where the run's State lives for every command
_.validate  # cli/*_cmd.py: command functions looked up by name from cli.app.COMMANDS
_.report
_.questionnaire

# Pydantic reads these.
_.model_config  # models/: each model's configuration
_._empty_means_default  # models/common.py: @model_validator
_._positive_within_n  # models/results.py: @model_validator
_._all_or_none  # models/results.py: @model_validator (a held-back figure has no count)
# Workbook and results keys that b2c stores, validates and writes to the JSON schema but never reads by name.
_.email  # models/common.py: Contact
_.phone
_.amount  # models/part1.py: a resource the party can allocate
_.prepared_by  # models/part1.py
_.participants  # models/part3.py: an evaluation meeting's log
_.reallocated_resources
_.afdeling  # models/partnership.py: the housing organisation's department
_.municipality
_.contact  # models/partnership.py: the housing organisation's and the company's contact
_.cvr  # models/partnership.py: the company's CVR number
_.b2c_version  # models/results.py: Source, the b2c that wrote a results file
_.match_items  # survey/matching.py: one column per item as a list, for library callers (tests)
_.rows_dropped  # models/results.py: Source, each export's rows left out by reason (several exports)

# Jinja reads these.
_.template_class  # rendering.py: the class Jinja makes every template of a limited environment with
_.intercepted_binops  # rendering.py: the operators Jinja's sandbox hands to call_binop

# Jinja templates (templates/) read these fields of the objects rendered.
_.minutes  # questionnaire/model.py: questionnaire.*.j2, "it takes about {minutes} minutes"
_.site_indicators  # report/agreement.py: agreement.*.j2
_.measurement_month
_.standard  # report/esrs.py: esg-report.*.j2, the ESRS section
_.standard_name
_.unit
_.base_label

# openpyxl and rich read these attributes when the workbook or table is written.
_.font  # openpyxl cell and sheet styles (questionnaire/, report/xlsx.py, portfolio/sheets.py, xlsxutil.py)
_.fill
_.alignment
_.freeze_panes
_.sheet_state
_.data_type
_.quotePrefix
_.tableStyleInfo  # openpyxl Excel Table
_.showErrorMessage  # openpyxl DataValidation (questionnaire/sheets.py: the data-entry dropdowns)
_.showInputMessage
_.errorTitle
_.legend  # openpyxl chart (report/xlsx.py)
_.delete  # openpyxl chart axis
_.caption  # rich Table (cli/score_cmd.py)
_.target_met  # report/table.py Row.target_met: read by organisations' own templates written before Row.status
_.render_markdown  # renderers named in a formats registry (report/, questionnaire/, portfolio/formats.py)
_.render_html
_.render_xlsx
_.render_csv
_.render_json
_.render_calendar
_.render_docx
_.render_pdf
_.render_vsme

# python-docx writes these properties into the Word document (docxutil.py, report/docx.py).
_.page_width  # a section's page size and orientation
_.page_height
_.orientation  # also openpyxl's page setup (report/xlsx.py)
_.rgb  # a style's font colour
_.keep_with_next  # a paragraph kept on the page of the next one
_.space_after
_.superscript  # a note's number
_.autofit  # a table keeps the column widths given
_.author  # the document's core properties
_.last_modified_by
_.comments
_.modified
_.revision

# openpyxl writes these into the workbook (report/xlsx.py: charts and the print setup).
_.errBars  # a bar series' 95 % interval
_.smooth  # the target line
_.solidFill
_.dashStyle
_.paperSize
_.fitToWidth
_.fitToHeight
_.pageSetUpPr
_.print_title_rows
_.print_area

# Survey practice (issue 16).
_.surveys  # cli/surveys_cmd.py: the command function looked up by name from cli.app.COMMANDS
_._indicator_or_statement  # models/benchmark.py: @model_validator
_.sample_share  # report/weighting.py: RepresentativenessRow, read by esg-report.*.j2
_.address  # figures/benchmarks.py: BenchmarkView, read by esg-report.html.j2 and portfolio.html.j2
