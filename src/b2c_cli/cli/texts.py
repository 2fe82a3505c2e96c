"""What `b2c --help` and each command's help say: kept apart from the commands, so the list of commands
shows without importing or building any of them."""

from __future__ import annotations

HELP: dict[str, str] = {
    "init": (
        "Create a partnership folder: b2c.yaml, Part 1-3 as YAML with the guide's questions as "
        "comments, the three fixed indicators, a .gitignore that keeps raw survey exports out of git, "
        "a pre-commit hook and JSON Schemas for editor completion. Refuses to touch a folder that is "
        "not empty (exit 4); --force only adds missing files and never overwrites one."
    ),
    "validate": (
        "Check every workbook file and the rules between them: YAML syntax, unknown or misspelt keys, "
        "types, dates, targets, indicator references, the guide's limits. Exit 0 when valid, 1 with "
        "problems, 3 when a file cannot be read."
    ),
    "fill": (
        "Answer the guide's questions one at a time, in the guide's order, with the current answer as "
        "the default; each answer is checked at once, and written into the part's file in place: "
        "comments, key order and formatting stay, only the answered values change. Nothing is saved "
        "until the part is done; Ctrl-C leaves the file as it was. Reads plain lines from stdin when it "
        "is not a terminal."
    ),
    "meeting": (
        "Evaluation meetings. 'b2c meeting add' records one in Part 3 with the guide's questions "
        "(experiences, learnings, adjustments, re-allocated resources), asked one at a time or given as "
        "options. 'b2c meeting agenda' writes the next meeting's agenda to reports/ (Markdown and A4 "
        "HTML): what was agreed last time, the latest results with their 95 % intervals, the annual "
        "wheel's coming activities and the guide's questions."
    ),
    "save": (
        "Save a version of the partnership: commit its own files (workbooks, results, reports, "
        "questionnaires) to git with your message, never anything under surveys/ (raw answers are "
        "personal data). No git knowledge needed; git stays the store."
    ),
    "history": (
        "List the saved versions, newest first, with what each changed in words: answers changed per "
        "part, results added per period, other files."
    ),
    "status": (
        "Show the partnership's progress through the guide: answered questions per part, which party "
        "has not prepared Part 1, the next step, the next evaluation meeting and measurement, and "
        "validation problems in short."
    ),
    "schema": (
        "Write a JSON Schema (draft-07) for each workbook file, with the guide's questions as "
        "descriptions. The scaffolded files point at them (first line), so editors with YAML support "
        "complete and check keys. Default folder: .b2c/schema in the partnership."
    ),
    "score": (
        "Read a survey export (SurveyXact, Microsoft Forms, Google Forms, Qualtrics, SurveyMonkey, "
        "LimeSurvey or a plain sheet; XLSX or CSV), match its columns to the workbook's statements, "
        "score every survey indicator (top-2-box, 95 % Wilson interval) and write results/PERIOD.yaml "
        "(aggregates only). The same export again changes nothing; another export for a scored period "
        "is refused (exit 4) unless --force."
    ),
    "report": (
        "Write the ESG report (the guide's table with n, 95 % intervals and changes, and the ESRS "
        "S3/S4 section) and the partnership agreement, as Markdown, HTML (self-contained, printable "
        "on A4), XLSX (a real Excel Table with charts, ready to print) and Word, plus the annual wheel "
        "as an iCalendar file, into reports/; on request A4 PDFs and EFRAG's VSME template filled in."
    ),
    "questionnaire": (
        "Write the residents' questionnaire from Part 3's statements (HTML printable on A4 with tick "
        "boxes, and Markdown), a data-entry workbook for paper answers (one dropdown per answer cell; "
        "'b2c score' reads it back as it is) and an import sheet for online tools (CSV, XLSX, "
        "Qualtrics Advanced Format), into questionnaire/."
    ),
    "portfolio": (
        "Find every partnership (b2c.yaml) under ROOT, validate each (a broken one is listed with its "
        "problems and does not stop the others), and write one organisation-level view: a row per "
        "partnership with each indicator's latest value against its target and its step in the guide, "
        "a roll-up per indicator and year (partnerships measuring it, how many met their target, the "
        "pooled percentage with its Wilson interval) and an ESRS S3/S4 summary. Small groups stay "
        "hidden."
    ),
    "surveys": (
        "Raw survey exports in surveys/: 'purge' deletes those older than Part 3's "
        "survey.raw_retention_days (GDPR), after confirmation (--yes for scripts). Only an export whose "
        "SHA-256 a results file records is deleted, so its aggregates stay in results/; one that is not "
        "scored, or that git tracks, is kept and named. Exit 4 when not confirmed."
    ),
}

APP_EXAMPLES = (
    "Examples:  b2c init hedemarken --housing Bo-Vest --company Nortec --area Hedemarken  |  "
    "b2c fill part1-housing --dir hedemarken  |  b2c validate hedemarken  |  b2c status hedemarken"
)

EXAMPLES: dict[str, str] = {
    "init": (
        "Examples:  b2c init hedemarken --housing Bo-Vest --company Nortec --area Hedemarken  |  "
        "b2c init hedemarken --lang en --size small --dry-run  |  "
        "b2c init hedemarken --force"
    ),
    "validate": ("Examples:  b2c validate  |  b2c validate hedemarken --json  |  b2c validate --strict"),
    "fill": ("Examples:  b2c fill part1-housing  |  b2c fill part2 --dir hedemarken  |  b2c fill"),
    "meeting": (
        "Examples:  b2c meeting agenda  |  b2c meeting add  |  "
        'b2c meeting add --date 2026-03-12 --participant "Sara Holm" --experiences "Godt modtaget"'
    ),
    "save": ('Examples:  b2c save "Del 2 udfyldt på mødet"  |  b2c save "Resultater 2026" --dir hedemarken'),
    "history": ("Examples:  b2c history  |  b2c history --dir hedemarken -n 10  |  b2c history --json"),
    "status": ("Examples:  b2c status  |  b2c status hedemarken --json"),
    "schema": ("Examples:  b2c schema  |  b2c schema -o schemas --lang en"),
    "score": (
        "Examples:  b2c score surveys/baseline.xlsx --period baseline  |  "
        "b2c score surveys/2026.csv --period 2026 --segment alder  |  "
        "b2c score export.xlsx --dry-run --explain"
    ),
    "report": (
        "Examples:  b2c report  |  "
        "b2c report hedemarken --format xlsx,html -o ~/esg  |  "
        "b2c report --lang en --template-dir our-templates  |  "
        "b2c report --format pdf  |  "
        "b2c report --format vsme --vsme-template VSME-Digital-Template-1.3.0.xlsx"
    ),
    "surveys": ("Examples:  b2c surveys purge --dry-run  |  b2c surveys purge hedemarken --yes --json"),
    "questionnaire": (
        "Examples:  b2c questionnaire  |  b2c questionnaire --format html,xlsx --lang en -o print"
    ),
    "portfolio": (
        "Examples:  b2c portfolio partnerships/  |  "
        "b2c portfolio . --year 2026 --format xlsx,json  |  "
        "b2c portfolio . --json"
    ),
}
