"""`b2c questionnaire`: from Part 3's survey indicators to the survey residents answer (printable HTML and
Markdown), a data-entry workbook for answers collected on paper, and an import sheet for online tools, all
asking exactly the workbook's statements so `b2c score` reads the answers back without mapping work."""
