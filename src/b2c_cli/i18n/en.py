"""English messages. Keys and placeholders must match da.py."""

MESSAGES: dict[str, str] = {
    "word-or": "or",
    "kind-mapping": "a mapping (key: value)",
    "kind-list": "a list",
    "kind-empty": "nothing",
    "kind-text": "a text",
    # -- reading YAML --------------------------------------------------------------------------------------
    "yaml-unreadable": "The file cannot be read ({reason}). Check that it exists and that you may read it.",
    "yaml-empty": "The file is empty. Run 'b2c init --force' to get a fresh copy of it, or fill it in.",
    "yaml-utf16": "The file is saved as UTF-16. Save it as UTF-8 in your editor (Save as → Encoding: UTF-8).",
    "yaml-cp1252": "The file is not saved as UTF-8 (it looks like Windows-1252/ANSI, e.g. from Notepad). "
    "Save it as UTF-8 in your editor (Save as → Encoding: UTF-8).",
    "yaml-not-utf8": "The file contains characters that are not UTF-8. Save it as UTF-8 in your editor.",
    "yaml-tab": "Indented with a tab. YAML needs spaces: replace the tab with spaces.",
    "yaml-nbsp": "Indented with a non-breaking space, often copied from Word or a web page. Delete the "
    "indentation and type it again with ordinary spaces.",
    "yaml-alias": "The alias '*{name}' is not used in b2c files. Write the value out instead.",
    "yaml-anchor": "The anchor '&{name}' is not used in b2c files. Remove it and write the values out.",
    "yaml-tag": "The YAML tag '{tag}' is not allowed in b2c files. Remove it and write the value as text.",
    "yaml-colon": "A colon inside a value must be in quotes, or a space is missing after a colon. Write "
    'e.g.: note: "10:30: meeting".',
    "yaml-missing-colon": "A colon is missing after the key, or the indentation does not match the line "
    "above. Write 'key: value'.",
    "yaml-unclosed-quote": "A quote is not closed. End the text with the same kind of quote it started with.",
    "yaml-indent": "The indentation does not match the lines above. Indent the line with as many spaces as "
    "the other keys at the same level.",
    "yaml-many-documents": "The file holds several YAML documents (---). A b2c file may hold only one.",
    "yaml-complex-key": "A key must be a simple text, not a list or a mapping.",
    "yaml-duplicate-key": "The key '{key}' appears twice (first on line {first}). Delete one of them.",
    "yaml-syntax": "The file cannot be read as YAML here. Check the indentation, colons and quotes on the line.",
    # -- the schema of each file -----------------------------------------------------------------------
    "root-not-mapping": "The file must consist of 'key: value' lines, but holds {found}.",
    "unknown-key-suggest": "Unknown key '{key}'. Did you mean '{suggestion}'?",
    "unknown-key": "Unknown key '{key}'. Keys allowed here: {allowed}.",
    "empty-value": "'{key}' has no value. Fill it in.",
    "missing-key": "The key '{key}' is missing. Add it.",
    "decimal-comma": "'{value}' uses a decimal comma. Write {fixed} with a point.",
    "not-a-whole-number": "'{value}' is not a whole number. Write a number such as 12.",
    "not-a-number": "'{value}' is not a number. Write a number such as 85 or 12.5.",
    "invalid-date": "'{value}' is not a valid date. Write a date that exists as YYYY-MM-DD, e.g. 2025-03-12.",
    "not-yes-no": "'{value}' is not yes/no. Write yes or no (true or false).",
    "invalid-choice": "'{value}' is not one of the options. Write one of: {choices}.",
    "expected-list": "A list belongs here (lines starting with '- '), but there is {found}.",
    "expected-mapping": "'key: value' lines belong here, but there is {found}.",
    "expected-text": "A text belongs here, but there is {found}.",
    "invalid-value": "'{value}' is not a valid value here.",
    # -- the guide's rules -------------------------------------------------------------------------------
    "unsupported-schema-version": "schema_version {found} is unknown to this b2c; it understands version "
    "{supported}. Update b2c or correct the number.",
    "missing-file": "The file {file} is missing. Run 'b2c init --force' in the folder to add it.",
    "missing-part1-company": "A large partnership (size: large) needs the company's Part 1: {file} is "
    "missing. Run 'b2c init --force' to add it, or change to size: small in b2c.yaml.",
    "wrong-party": "party is '{found}', but the file belongs to '{expected}'. Write party: {expected}.",
    "too-many-key-points": "There are {count} most important points; the guide asks for at most five. Merge "
    "or delete points until there are five.",
    "size-mismatch": "This party wants a '{wanted}' partnership, but b2c.yaml says size: {size}. Agree on it "
    "in Part 2 and correct one of them.",
    "wheel-no-time": "The annual wheel activity has neither month nor date. Add a month (1-12) or a date.",
    "month-out-of-range": "Month {value} does not exist. Write a number from 1 to 12.",
    "wheel-month-date-mismatch": "month is {month}, but the date {date} is in another month. Correct one of "
    "them, or delete month.",
    "unknown-initiative": "The initiative '{ref}' does not exist under agreement.initiatives. Known ids: {known}.",
    "date-before-start": "The date {date} is before the partnership's start ({start} in b2c.yaml). Correct "
    "the date or start_date.",
    "meetings-per-year": "Partnership year {year} has {count} evaluation meetings; the guide recommends 2-4 "
    "a year. Add or remove dates.",
    "few-respondents-planned": "{count} responses are planned; the guide recommends at least {minimum} for a "
    "good measurement.",
    "periods-out-of-order": "The period with year {year} comes after a period with the same or a later year. "
    "Sort periods by year.",
    "missing-fixed-indicator": "The fixed indicator '{id}' is missing. The guide's three fixed indicators "
    "(belonging, trust, co-creation) must be there; run 'b2c init' in an empty folder to see them.",
    "duplicate-item-text": "The statement '{text}' appears more than once. Give each statement its own text.",
    "duplicate-column": "The column '{column}' is used by more than one statement. Each statement needs its "
    "own column.",
    "threshold-too-low": "disclosure_threshold is {value}; it may not be below {minimum}, so small groups "
    "cannot be recognised.",
    "meeting-in-future": "The meeting {date} is in the future, but the log is for meetings held. Planned "
    "meetings belong in part2-joint.yaml under agreement.evaluation_meetings.",
    "fixed-indicator-kind": "The fixed indicator '{id}' is measured by the survey: write kind: survey (not {kind}).",
    "no-target-reason": "The indicator '{id}' has no target and no reason. Add a target, or write why in "
    "no_target_reason.",
    "target-out-of-range": "The target {value} is a percentage and must be between 0 and 100.",
    "target-negative": "The target {value} is a count and cannot be negative.",
    "no-items": "The indicator '{id}' has no statements under items, so the survey cannot measure it. Add at "
    "least one statement.",
    "items-on-non-survey": "The indicator '{id}' is kind: {kind}, so it has no statements. Delete items, or "
    "write kind: survey.",
    "no-method": "The indicator '{id}' has no method. ESRS asks for the method and its limitations for "
    "every figure.",
    "manual-for-survey": "'{id}' is measured by the survey, and 'b2c score' computes its value. Delete the "
    "manual value.",
    "value-out-of-range": "The value {value} must be between 0 and 100.",
    "count-not-whole": "The value {value} is a count and must be a whole number of 0 or more.",
    "duplicate-manual-value": "There is already a value for '{id}' in the period '{period}'. Delete one of them.",
    "invalid-id": "The id '{value}' may only contain lower-case letters, digits and dashes (e.g. "
    "youth-internships).",
    "duplicate-id": "The id '{value}' is used more than once. Give each its own id.",
    "unknown-indicator": "The indicator '{ref}' does not exist in part3-evaluation.yaml. Known ids: {known}.",
    "unknown-period": "The period '{ref}' does not exist under periods in part3-evaluation.yaml. Known: {known}.",
    "unknown-code-label": "The code {code} stands for '{label}', which is not an answer on the agree scale. Use "
    "Strongly agree, Agree, Neither agree nor disagree, Disagree, Strongly disagree or Don't know.",
    "dates-out-of-order": "The date {date} does not come after the one before it ({previous}). Write the "
    "dates in order, each once.",
    # -- the command line --------------------------------------------------------------------------------
    "cli-error": "error",
    "cli-warning": "warning",
    "internal-error": "Internal error in b2c ({kind}). This is a bug in the program, not in your files. Run "
    "the command again with --debug and send the output to b2c's developers (remove personal data first).",
    "cli-bad-date": "'{value}' is not a valid date for {option}. Write YYYY-MM-DD, e.g. 2025-03-01.",
    "cannot-write": "Cannot write {path} ({reason}). Choose a folder you can write to. Nothing was changed.",
    "init-target-is-file": "{path} is a file, not a folder. Choose another name for the partnership's folder.",
    "init-existing-partnership": "{path} already holds a partnership (b2c.yaml). Nothing was changed. Use "
    "--force to add only the missing files.",
    "init-not-empty": "The folder {path} is not empty. Nothing was changed. Choose a new folder, or use "
    "--force to add the partnership's files without touching the existing ones.",
    "cli-init-missing": "Missing {options}. Give them on the command line (or run in a terminal to be asked).",
    "cli-init-broken-partnership": "{file} cannot be read, so 'init --force' does not know which partnership "
    "to complete. Fix the file first (see 'b2c validate').",
    "cli-init-ask-housing": "Housing organisation",
    "cli-init-ask-company": "Company",
    "cli-init-ask-area": "Area or housing estate",
    "cli-init-ask-size": "Size of the partnership (small/large)",
    "cli-init-wrote": "created   {path}",
    "cli-init-would-write": "would create   {path}",
    "cli-init-kept": "exists, untouched   {path}",
    "cli-init-git": "git repository created in {path}",
    "cli-init-git-would": "would create a git repository in {path}",
    "cli-init-no-git": "git was not found, so the folder is not in git. Install git and run 'git init'.",
    "cli-init-next": "The partnership is ready in {path}. Fill in part1-housing.yaml first, and run "
    "'b2c status' to see the next step.",
    "cli-validate-summary": "{errors} errors and {warnings} warnings in {path}.",
    "cli-validate-ok": "No problems in {path}.",
    "schema-no-output": "There is no partnership folder here. Give a folder with -o, e.g. 'b2c schema -o schemas'.",
    "cli-schema-wrote": "written   {path}",
    "cli-schema-would-write": "would write   {path}",
    "cli-schema-unchanged": "unchanged   {path}",
    "cli-status-parts": "The guide's parts",
    "cli-status-part": "Part",
    "cli-status-file": "File",
    "cli-status-answered": "Answered",
    "cli-status-missing-file": "missing",
    "part-part1-housing": "Part 1: Internal considerations (housing organisation)",
    "part-part1-company": "Part 1: Internal considerations (company)",
    "part-part2": "Part 2: Joint framing",
    "part-part3": "Part 3: Evaluation and impact measurement",
    "cli-status-steps": "Step by step",
    "cli-status-step": "Step",
    "party-housing": "The housing organisation",
    "party-company": "The company",
    "cli-status-unprepared": "{party} has not prepared Part 1 yet.",
    "cli-status-next": "Next step",
    "cli-status-all-done": "Every step of the guide is done. Repeat the yearly measurement and run 'b2c report'.",
    "cli-status-next-meeting": "Next evaluation meeting",
    "cli-status-none-planned": "none planned",
    "cli-status-next-measurement": "Next measurement",
    "cli-status-no-date": "no date planned",
    "cli-status-more-problems": "… and {count} more. Run 'b2c validate' to see them all.",
    "step-part1-housing": "The housing organisation prepares Part 1",
    "step-part1-housing-hint": "Answer the questions in part1-housing.yaml and write the five most important "
    "points.",
    "step-part1-company": "The company prepares Part 1",
    "step-part1-company-hint": "Answer the questions in part1-company.yaml and write the five most important "
    "points.",
    "step-joint-priorities": "Joint priorities",
    "step-joint-priorities-hint": "Meet, and fill in joint_priorities in part2-joint.yaml.",
    "step-agreement": "Partnership agreement",
    "step-agreement-hint": "Fill in agreement in part2-joint.yaml: initiatives, annual wheel, at least two "
    "evaluation meetings and the yearly measurement.",
    "step-baseline": "Baseline measurement",
    "step-baseline-hint": "Run the survey, then 'b2c score EXPORT --period baseline'.",
    "step-evaluation-meeting": "Evaluation meeting",
    "step-evaluation-meeting-hint": "Hold an evaluation meeting and log it under evaluation_meetings in "
    "part3-evaluation.yaml.",
    "step-yearly-measurement": "Yearly impact measurement",
    "step-yearly-measurement-hint": "Repeat the survey, then run 'b2c score EXPORT --period YEAR'.",
    "step-report": "ESG report",
    "step-report-hint": "Run 'b2c report' for the ESG table and the partnership agreement.",
    # -- scoring --------------------------------------------------------------------------------------------
    "score-workbook-invalid": "The workbook has {count} errors in b2c.yaml or part3-evaluation.yaml, which "
    "scoring depends on. Run 'b2c validate', fix them and try again.",
    "score-no-such-file": "The file does not exist. Check the path to the export.",
    "score-no-rows": "The export holds no responses (only headers). Check that it is the right file or the "
    "right sheet (--sheet).",
    "score-which-period": "Every period in part3-evaluation.yaml already has results ({known}). Give the period "
    "with --period, e.g. --period 2027, and add it under periods.",
    "score-bad-period": "The period '{period}' may only contain letters, digits and dashes, e.g. baseline or 2026.",
    "score-segment-column": "The column '{column}' for --segment is not in the export (exactly once). Columns: {columns}.",
    "score-results-unreadable": "A results file is already there and cannot be read. Nothing was changed. Use "
    "--force to replace it.",
    "score-other-export": "The period '{period}' already has results from another export ({file}). Nothing was "
    "changed. Use --force to replace them, or choose another --period.",
    "score-export-tracked": "{file} is committed to git! Raw responses are personal data. Remove it from git "
    "('git rm --cached {file}') and keep it in surveys/, which is kept out of git.",
    "score-read": "Read {file}: {layout} ({details}), {rows} responses.",
    "score-excluded-survey-preview": "{count} test responses (Survey Preview) were not counted.",
    "score-excluded-empty-row": "{count} completely empty rows were not counted.",
    "score-excluded-other": "{count} rows were not counted ({reason}).",
    "score-action-written": "The results were written to {path}.",
    "score-action-updated": "The results in {path} were updated (same export, but a changed workbook or other options such as --segment).",
    "score-action-replaced": "The results in {path} were replaced (--force).",
    "score-action-unchanged": "{path} is unchanged: this export is already scored.",
    "score-action-dry-run": "Dry run: nothing was written ({path} would be written).",
    "score-title": "Results for the period {period}",
    "score-col-indicator": "Indicator",
    "score-col-percent": "%",
    "score-col-positive-n": "Positive/n",
    "score-col-ci": "95 % CI",
    "score-col-dont-know": "Don't know",
    "score-col-blank": "Blank",
    "score-col-change": "Change (pp)",
    "score-col-group": "Group",
    "score-col-respondents": "Responses",
    "score-col-statement": "Statement",
    "score-col-column": "Column",
    "score-col-reason": "Found by",
    "score-vs": "vs {period}",
    "score-segment-title": "Broken down by {column}",
    "score-suppressed": "hidden",
    "score-group-blank": "(not stated)",
    "score-hidden-groups": "{groups} groups with fewer than {threshold} responses ({respondents} in all) are not shown.",
    "score-explain-title": "Which column each statement was found in",
    "score-reason-column": "column name in the workbook",
    "score-reason-text": "the statement's text",
    "score-reason-text-part": "the statement's text inside a longer header",
    "score-unused": "Unused columns that look like agree-scale answers: {columns}",
    "warning-period-not-in-workbook": "The period is not under periods in part3-evaluation.yaml. Add it, so the "
    "report can place it.",
    "warning-no-answers": "'{indicator}' has no valid answers (n = {n}).",
    "warning-small-sample": "'{indicator}' rests on {n} answers; the guide recommends at least 50. Read the "
    "figure with care.",
    "results-file-header": "Written by 'b2c score'. Aggregates only: no rows, free text or personal data.\n"
    "Do not edit; run 'b2c score' again.",
    "results-unreadable": "The results file cannot be read ({reason}).",
    "results-invalid": "The results file is not as 'b2c score' wrote it. Run 'b2c score' again for the period.",
    "match-no-statement": "The statement '{text}' (indicator {indicator}) is in no column. Closest headers: "
    "{closest}. Correct the text in part3-evaluation.yaml, or give the column with column:.",
    "match-no-column": "The column '{text}' (indicator {indicator}) is not in the export. Closest: {closest}. "
    "Correct column: in part3-evaluation.yaml.",
    "match-ambiguous": "The statement '{text}' fits several columns: {columns}. Give the right one with column: "
    "in part3-evaluation.yaml.",
    "match-shared-column": "The column '{column}' fits both '{first}' and '{second}'. Give the statements texts "
    "of their own, or give column: for them.",
    "answer-unknown-label": "Column {letter} ('{column}') has {total} answers b2c does not know: {values} "
    "(count and first row). Use the scale Strongly agree, Agree, Neither agree nor disagree, Disagree, "
    "Strongly disagree, Don't know (or the Danish labels), or correct the answers in the export.",
    "answer-mixed-label": "Column {letter} ('{column}') uses an option that merges 'neither' and 'don't know': "
    "{values}. It cannot be interpreted. Separate the two options in the survey, or correct them in the export.",
    "answer-code-without-label": "Column {letter} ('{column}') has numeric codes without labels: {values}. The "
    "export does not say what the numbers mean. State them under survey: codes: in part3-evaluation.yaml "
    "(e.g. 1: Strongly disagree … 5: Strongly agree), or export with answer texts.",
    "answer-date": "Column {letter} ('{column}') has dates or times where answers belong: {values}. Excel has "
    "probably converted the answers; change the cells to text.",
    "answer-yes-no": "Column {letter} ('{column}') has true/false values where answers belong: {values}. Change "
    "the cells to the answer texts.",
    "answer-not-whole": "Column {letter} ('{column}') has decimal numbers where answers belong: {values}. Change "
    "the cells to the answer texts or whole-number codes.",
    # -- folders -------------------------------------------------------------------------------------------
    "no-partnership": "There is no b2c.yaml in {path} or the folders above it. Go to the partnership's "
    "folder, or create a partnership with 'b2c init FOLDER'.",
    # -- reading survey exports (b2c_cli.ingest) -------------------------------------------------------------
    "export-unreadable": "The survey export cannot be opened ({reason}). Check the file name and that you may read the file.",
    "export-empty-file": "The file is empty (0 bytes). Download the export from the survey tool again.",
    "export-old-excel": "This is an old Excel .xls file or a password-protected workbook. Open it in Excel, save it as .xlsx (or remove the password: File → Info → Protect Workbook) and try again.",
    "export-zip-not-xlsx": "The file is a zip archive, but not an Excel workbook (.xlsx). If it holds the export, unpack it and give b2c the .xlsx or .csv file inside; an OpenDocument (.ods) or .xlsb file must be saved as .xlsx first.",
    "export-xlsx-corrupt": "The Excel file is damaged or incomplete and cannot be read (perhaps the download stopped halfway). Download the export again, or open it in Excel and save it as a new .xlsx.",
    "export-zip-bomb": "The workbook would unpack to {size} MB, far more than a survey export holds. b2c does not open it, to protect your computer. Download the export again from the survey tool.",
    "export-zip-too-many-entries": "The workbook holds {count} internal files (at most {limit} are allowed), which no survey export has. b2c does not open it. Download the export again from the survey tool.",
    "export-sheet-too-large": "A sheet in the workbook says it spans {range}, far more cells than a survey export holds (often a stray entry far down or to the right). b2c does not open it, to protect your computer. Open the file in Excel, delete the rows and columns below and right of the data, save, and try again.",
    "export-unknown-sheet": "The workbook has no sheet named '{sheet}'. Its sheets are: {sheets}. Give one of them with --sheet.",
    "export-sheet-in-csv": "--sheet '{sheet}' only applies to Excel workbooks, and this file is CSV text. Leave out --sheet.",
    "export-no-data": "The export holds no data: the sheet or file is empty. Check that you downloaded the right file (and, in a workbook, the right sheet with --sheet).",
    "export-no-header": "The first row with content has no column headers. Put a header over every column in the first row and try again.",
    "export-not-text": "The file is neither an Excel workbook nor CSV text (it holds bytes no text encoding has). Export the responses from the survey tool as .xlsx or .csv.",
    "export-bad-encoding": "The file claims to be {encoding} text but holds bytes that are not. Open it in Excel and save it as 'CSV UTF-8' or as .xlsx.",
    "export-no-delimiter": "b2c cannot tell how the columns are separated: neither semicolon, comma nor tab gives the rows the same number of columns as the header. Open the file in Excel and save it as .xlsx or as 'CSV UTF-8'.",
    "export-ragged-row": "This row has {found} columns, but the header has {expected}. A separator is missing or one too many (often a ; or , typed into an answer without quotes). Correct the row in the file, or save the export as .xlsx.",
    "export-unclosed-quote": 'A quote (") opened in this row is never closed, so the rest of the file would be read as one text. Close or remove the quote in this row.',
    "export-csv-syntax": 'This row cannot be read as CSV: a quote (") stands in the middle of a field. Put the whole field in quotes and double any quote inside it (""), or save the export as .xlsx.',
    "export-field-too-large": "A field in this row is longer than {limit} million characters, which no survey answer is. The row is probably broken by a quote that is never closed; check the quotes in it.",
    "export-blank-header": "Column {column} holds data but has no header. Give the column a header in the first row, or delete the column.",
    "export-duplicate-header": "The header '{name}' appears in more than one column ({columns}), so b2c cannot tell which is meant. Rename the columns so that each header is different, or delete the extra ones.",
}
