"""`b2c --help` in Danish, the default language of every message: each command's text, each option's
text (looked up by its English text in texts.py and the command modules), and the help page's own words.
English is `B2C_LANG=en` or `--lang en`."""

from __future__ import annotations

HELP_DA: dict[str, str] = {
    "init": (
        "Opret en partnerskabsmappe: b2c.yaml, Del 1-3 som YAML med guidens spørgsmål som kommentarer, "
        "de tre faste indikatorer, en .gitignore der holder rå besvarelser uden for git, en pre-commit-hook "
        "og JSON-skemaer til editoren. Rører ikke en mappe, der ikke er tom (exit 4); --force tilføjer kun "
        "manglende filer og overskriver aldrig. Med git: den første version gemmes."
    ),
    "fill": (
        "Besvar guidens spørgsmål ét ad gangen i guidens rækkefølge, med det nuværende svar som standard. "
        "Hvert svar tjekkes med det samme og skrives ind i delens fil på stedet: kommentarer, rækkefølge "
        "og opsætning bliver, kun de besvarede værdier ændres. Intet gemmes, før delen er færdig; Ctrl-C "
        "lader filen være som den var. Læser almindelige linjer fra stdin, når det ikke er en terminal."
    ),
    "validate": (
        "Tjek alle arbejdsbogens filer og reglerne mellem dem: YAML-syntaks, ukendte eller stavefejlede "
        "nøgler, typer, datoer, mål, henvisninger til indikatorer og guidens grænser. Alle problemer vises "
        "på én gang. Exit 0 når alt er i orden, 1 ved problemer, 3 når en fil ikke kan læses."
    ),
    "status": (
        "Vis hvor langt partnerskabet er i guiden: besvarede og ubesvarede spørgsmål pr. del, hvilken part "
        "der ikke har forberedt Del 1, næste skridt og kommandoen til det, næste evalueringsmøde og måling, "
        "og valideringsproblemer i kort form."
    ),
    "schema": (
        "Skriv et JSON-skema (draft-07) for hver arbejdsbogsfil med guidens spørgsmål som beskrivelser. "
        "Filerne fra b2c init peger på dem (første linje), så editorer med YAML-understøttelse kan "
        "foreslå og tjekke nøgler. Standardmappe: .b2c/schema i partnerskabet."
    ),
    "score": (
        "Læs en eksport fra et spørgeskema (SurveyXact, Microsoft Forms, Google Forms, Qualtrics, "
        "SurveyMonkey, LimeSurvey eller et almindeligt ark; XLSX eller CSV), find udsagnene fra "
        "arbejdsbogen i kolonnerne, beregn hver indikator (top-2-box, 95 %-Wilson-interval) og skriv "
        "results/PERIODE.yaml (kun samlede tal). Samme eksport igen ændrer intet; en anden eksport for en "
        "beregnet periode afvises (exit 4) uden --force."
    ),
    "report": (
        "Skriv ESG-rapporten (guidens tabel med n, 95 %-intervaller og ændringer, og ESRS S3/S4-afsnittet) "
        "og partnerskabsaftalen som Markdown, HTML (selvstændig, kan printes på A4), XLSX (en rigtig "
        "Excel-tabel med diagrammer) og Word, plus årshjulet som iCalendar-fil, i reports/; efter ønske "
        "A4-PDF'er og EFRAG's VSME-skabelon udfyldt."
    ),
    "questionnaire": (
        "Skriv beboernes spørgeskema ud fra Del 3's udsagn (HTML til print på A4 med afkrydsningsfelter, "
        "og Markdown), en indtastningsprojektmappe til papirsvar (én rulleliste pr. svarcelle; 'b2c score' "
        "læser den som den er) og et importark til onlineværktøjer (CSV, XLSX, Qualtrics Advanced Format), "
        "i questionnaire/."
    ),
    "portfolio": (
        "Find alle partnerskaber (b2c.yaml) under ROD, valider hvert (et med fejl vises med sine problemer "
        "og stopper ikke de andre), og skriv ét overblik for organisationen: en række pr. partnerskab med "
        "hver indikators seneste værdi mod målet og trinnet i guiden, en opsummering pr. indikator og år "
        "(hvor mange måler den, hvor mange nåede målet, den samlede andel med Wilson-interval) og et ESRS "
        "S3/S4-resumé. Små grupper vises ikke."
    ),
    "meeting": (
        "Evalueringsmøder. 'b2c meeting add' skriver et møde ind i Del 3 med guidens spørgsmål "
        "(oplevelser, erfaringer, justeringer, omfordelte ressourcer), stillet ét ad gangen eller givet som "
        "tilvalg. 'b2c meeting agenda' skriver næste mødes dagsorden i reports/ (Markdown og A4-HTML): det "
        "aftalte sidst, de seneste resultater med 95 %-intervaller, årshjulets kommende aktiviteter og "
        "guidens spørgsmål."
    ),
    "save": (
        "Gem en version af partnerskabet: partnerskabets egne filer (arbejdsbøger, resultater, rapporter, "
        "spørgeskemaer) gemmes i git med din besked, aldrig noget i surveys/ (rå besvarelser er "
        "personoplysninger). Ingen git-kendskab nødvendigt; git er stadig lageret."
    ),
    "history": (
        "Vis de gemte versioner, nyeste først, med hvad hver ændrede i ord: ændrede svar pr. del, "
        "resultater tilføjet pr. periode, andre filer."
    ),
    "surveys": (
        "Rå eksporter i surveys/: 'purge' sletter dem, der er ældre end Del 3's "
        "survey.raw_retention_days (GDPR), efter bekræftelse (--yes til scripts). Kun en eksport, hvis "
        "SHA-256 en resultatfil har gemt, slettes, så dens tal bliver i results/; en eksport, der ikke er "
        "beregnet, eller som git har, bliver og nævnes. Exit 4, når der ikke er bekræftet."
    ),
}

APP_HELP_DA = (
    "Business2Community-partnerskaber som YAML-arbejdsbøger: opret, udfyld, valider, beregn og rapportér.\n\n"
    "Kør 'b2c KOMMANDO --help' for en kommandos tilvalg og eksempler."
)

# English option help -> Danish. An option without an entry here keeps its English text.
OPTION_HELP_DA: dict[str, str] = {
    "The survey export (XLSX or CSV); several exports of one period are scored as one sample.": (
        "Surveyeksporten (XLSX eller CSV); flere eksporter fra én periode beregnes som én stikprøve."
    ),
    "Add exports to a period's results (the earlier exports need not be given again).": (
        "Læg eksporter til en periodes resultater (de tidligere eksporter behøver ikke angives igen)."
    ),
    "Replace a data-entry workbook that answers have been typed into.": (
        "Erstat en indtastningsprojektmappe, som der er tastet svar ind i."
    ),
    (
        "Also write the questionnaire in a survey language of Part 3's survey.languages (an IETF "
        "tag such as ar or tr, or all), from the workbook's translations: questionnaire.TAG.html "
        "and .md (with xlsx also data-entry.TAG.xlsx), right to left for Arabic, Farsi and Urdu."
    ): (
        "Skriv også spørgeskemaet på et surveysprog fra Del 3's survey.languages (et "
        "IETF-sprogkode som ar eller tr, eller all) ud fra arbejdsbogens oversættelser: "
        "questionnaire.TAG.html og .md (med xlsx også data-entry.TAG.xlsx), fra højre mod venstre for "
        "arabisk, farsi og urdu."
    ),
    (
        "Comma-separated: md (the ESG report and the agreement as Markdown), html (the same as "
        "self-contained HTML for A4), xlsx (the ESG table as an Excel workbook with charts), ics "
        "(the annual wheel as an iCalendar file), docx (the ESG report and the agreement as Word "
        "documents), pdf (the same as A4 PDFs (needs WeasyPrint)), vsme (EFRAG's VSME template "
        "filled in). Default: md, html, xlsx, ics, docx."
    ): (
        "Kommasepareret: md (ESG-rapporten og aftalen som Markdown), html (det samme som "
        "selvstændig HTML til A4), xlsx (ESG-tabellen som Excel-projektmappe med diagrammer), ics"
        " (årshjulet som iCalendar-fil), docx (ESG-rapporten og aftalen som Word-dokumenter), pdf"
        " (det samme som A4-PDF'er (kræver WeasyPrint)), vsme (EFRAG's VSME-skabelon udfyldt). "
        "Standard: md, html, xlsx, ics, docx."
    ),
    (
        "Comma-separated: md (the questionnaire as Markdown), html (the questionnaire for print "
        "on A4), xlsx (the data-entry workbook, the import sheet), csv (the import sheet as CSV "
        "and for Qualtrics). Default: md, html, xlsx, csv."
    ): (
        "Kommasepareret: md (spørgeskemaet som Markdown), html (spørgeskemaet til print på A4), "
        "xlsx (indtastningsprojektmappen, importarket), csv (importarket som CSV og til "
        "Qualtrics). Standard: md, html, xlsx, csv."
    ),
    (
        "Comma-separated: md (the organisation's view as Markdown), html (the same as "
        "self-contained HTML), xlsx (the same as an Excel workbook), json (the same as JSON for "
        "other tools), docx (the same as a Word document), pdf (the same as an A4 PDF (needs "
        "WeasyPrint)). Default: md, html, xlsx, json, docx."
    ): (
        "Kommasepareret: md (organisationens overblik som Markdown), html (det samme som "
        "selvstændig HTML), xlsx (det samme som Excel-projektmappe), json (det samme som JSON til"
        " andre værktøjer), docx (det samme som Word-dokument), pdf (det samme som A4-PDF (kræver"
        " WeasyPrint)). Standard: md, html, xlsx, json, docx."
    ),
    "What to do with the raw exports: purge (delete those past their retention).": (
        "Hvad der skal ske med de rå eksporter: purge (slet dem, der er ældre end opbevaringstiden)."
    ),
    "Delete without asking (for scripts); without it b2c asks.": (
        "Slet uden at spørge (til scripts); uden det spørger b2c."
    ),
    "The folder to create the partnership in.": "Mappen, partnerskabet oprettes i.",
    "The housing organisation, e.g. Bo-Vest.": "Boligorganisationen, fx Bo-Vest.",
    "The company, e.g. Nortec.": "Virksomheden, fx Nortec.",
    "The area or housing estate, e.g. Hedemarken.": "Området eller boligafdelingen, fx Hedemarken.",
    "Language of the files and messages: da or en (default: B2C_LANG, else da). With --force in a "
    "partnership, new files keep its language.": "Sprog for filer og beskeder: da eller en (standard: "
    "B2C_LANG, ellers da). Med --force i et partnerskab får nye filer dets sprog.",
    "small (lille): one concrete action; large (stor): both parties prepare Part 1.": "lille (small): én "
    "konkret handling; stor (large): begge parter forbereder Del 1.",
    "The housing organisation's contact person, e.g. 'Sara Holm'.": "Kontaktpersonen hos "
    "boligorganisationen, fx 'Sara Holm'.",
    "The company's contact person, e.g. 'Jonas Berg'.": "Kontaktpersonen hos virksomheden, fx 'Jonas Berg'.",
    "Start date of the partnership, YYYY-MM-DD (default: today).": "Partnerskabets startdato, ÅÅÅÅ-MM-DD "
    "(standard: i dag).",
    "Do not run 'git init'.": "Kør ikke 'git init'.",
    "Add missing files to an existing folder; never overwrite.": "Tilføj manglende filer til en "
    "eksisterende mappe; overskriv aldrig.",
    "List what would be written; write nothing.": "Vis hvad der ville blive skrevet; skriv intet.",
    "part1-housing, part1-company, part2 or part3 (default: the first part not yet answered).": "part1-"
    "housing, part1-company, part2 eller part3 (standard: den første del, der ikke er besvaret).",
    "The partnership folder (default: found upward from here).": "Partnerskabsmappen (standard: søges "
    "opad herfra).",
    "Language of messages and output: da or en (default: B2C_LANG, else the partnership's language, else "
    "da).": "Sprog for beskeder og output: da eller en (standard: B2C_LANG, ellers partnerskabets sprog, "
    "ellers da).",
    "The partnership folder (default: the folder with b2c.yaml, searched upward).": "Partnerskabsmappen "
    "(standard: mappen med b2c.yaml, søgt opad).",
    "Print the result as JSON on stdout.": "Skriv resultatet som JSON på stdout.",
    "Treat warnings as problems (exit 1).": "Regn advarsler som problemer (exit 1).",
    "Folder to write the schemas to (default: .b2c/schema in the partnership).": "Mappen, skemaerne "
    "skrives i (standard: .b2c/schema i partnerskabet).",
    "Render everything; write nothing.": "Lav det hele; skriv intet.",
    "The survey export (XLSX or CSV).": "Eksporten fra spørgeskemaet (XLSX eller CSV).",
    "The measurement: baseline, 2026, ... (default: the first period without results).": "Målingen: "
    "baseline, 2026, ... (standard: den første periode uden resultater).",
    "The sheet to read in an XLSX file.": "Arket, der skal læses i en XLSX-fil.",
    (
        "Break results down by this column (or background question id; language: the survey language each "
        "resident answered in)."
    ): (
        "Del resultaterne op efter denne kolonne (eller baggrundsspørgsmålets id; sprog: det surveysprog, "
        "hver beboer svarede på)."
    ),
    "Score and show; write nothing.": "Beregn og vis; skriv intet.",
    "Replace a period's results that came from another export.": "Erstat en periodes resultater, der kom "
    "fra en anden eksport.",
    "Show which column matched which statement, and unused answer columns.": "Vis hvilken kolonne der "
    "passede til hvilket udsagn, og ubrugte svarkolonner.",
    "Folder to write to (default: reports/).": "Mappen, der skrives i (standard: reports/).",
    "Your own Jinja templates, used instead of b2c's where names match.": "Jeres egne Jinja-skabeloner, "
    "som bruges i stedet for b2c's, hvor navnene passer.",
    "EFRAG's VSME Digital Template (.xlsx) for --format vsme: b2c fills a copy of it.": "EFRAG's VSME "
    "Digital Template (.xlsx) til --format vsme: b2c udfylder en kopi af den.",
    "Folder to write to (default: questionnaire/).": "Mappen, der skrives i (standard: questionnaire/).",
    "The folder to search for partnerships.": "Mappen, der søges efter partnerskaber i.",
    "Folder to write to (default: ROOT/portfolio/).": "Mappen, der skrives i (standard: ROD/portfolio/).",
    "Only this year's measurements.": "Kun dette års målinger.",
    "add: record a meeting in Part 3; agenda: write the next meeting's agenda.": "add: skriv et møde ind i "
    "Del 3; agenda: skriv næste mødes dagsorden.",
    "The meeting's date, YYYY-MM-DD (add: default today; agenda: default the next planned).": "Mødets "
    "dato, ÅÅÅÅ-MM-DD (add: standard i dag; agenda: standard det næste planlagte).",
    "add: who took part (repeat the option).": "add: hvem deltog (gentag tilvalget).",
    "add: how the parties and residents experience the initiatives.": "add: hvordan parterne og beboerne "
    "oplever tiltagene.",
    "add: what you have learnt since last time.": "add: hvilke erfaringer I har gjort jer siden sidst.",
    "add: what you adjust in the initiatives, and how.": "add: hvad I justerer i tiltagene, og hvordan.",
    "add: resources re-allocated.": "add: omfordelte ressourcer.",
    "agenda: the folder to write to (default: reports/).": "agenda: mappen, der skrives i (standard: "
    "reports/).",
    "What changed, in a few words.": "Hvad der er ændret, med få ord.",
    "Show at most this many versions.": "Vis højst så mange versioner.",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Show the full traceback of an internal error.": "Vis hele sporet ved en intern fejl.",
    "Print the version and exit.": "Skriv versionen og afslut.",
}

# The help page's own words (Typer's and Click's).
WORDS_DA: dict[str, str] = {
    "Arguments": "Argumenter",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "required": "påkrævet",
    "default: {default}": "standard: {default}",
    "Usage: ": "Brug: ",
    "Examples:": "Eksempler:",
}
