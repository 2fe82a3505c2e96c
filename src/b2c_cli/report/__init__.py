"""`b2c report`: the ESG table and ESRS section, and the partnership documents, as Markdown, HTML, XLSX and
iCalendar, from the workbook and every results file. Every output is deterministic: the same inputs give
the same bytes, so a re-run leaves git clean."""
