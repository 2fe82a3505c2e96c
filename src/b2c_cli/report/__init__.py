"""`b2c report`: the guide's ESG table, the ESRS S3/S4 section and the partnership documents.

The flow (`build.build_report`): the workbook is validated; the results files are read; the figures layer
computes every value, change and target status once (`b2c_cli.figures`); `table` lays them out as the
guide's table (fixed and site-specific indicators, a column per period), `esrs` as the ESRS section (method,
target with its base and target period, progress), `agreement` as the agreement; `documents.build_context`
puts the figures into words in the report's language. Each format is a renderer named in `formats.py`
(Markdown and HTML from Jinja templates, XLSX with openpyxl, iCalendar); renderers compute nothing. Every
output is deterministic: the same inputs give the same bytes, so a re-run leaves git clean."""
