"""Danish messages. Keys and placeholders must match en.py."""

MESSAGES: dict[str, str] = {
    "word-or": "eller",
    "kind-mapping": "en mapping (nøgle: værdi)",
    "kind-list": "en liste",
    "kind-empty": "ingenting",
    "kind-text": "en tekst",
    # -- reading YAML --------------------------------------------------------------------------------------
    "yaml-unreadable": "Filen kan ikke læses ({reason}). Tjek at den findes, og at du har adgang til den.",
    "yaml-empty": "Filen er tom. Kør 'b2c init --force' for at få en ny udgave af den, eller udfyld den.",
    "yaml-utf16": "Filen er gemt som UTF-16. Gem den som UTF-8 i din editor (Gem som → Kodning: UTF-8).",
    "yaml-cp1252": "Filen er ikke gemt som UTF-8 (den ligner Windows-1252/ANSI, fx fra Notesblok). "
    "Gem den som UTF-8 i din editor (Gem som → Kodning: UTF-8).",
    "yaml-not-utf8": "Filen indeholder tegn, der ikke er UTF-8. Gem den som UTF-8 i din editor.",
    "yaml-tab": "Indrykning med tabulator. YAML kræver mellemrum: erstat tabulatoren med mellemrum.",
    "yaml-nbsp": "Indrykning med et hårdt mellemrum (non-breaking space), ofte kopieret fra Word eller en "
    "hjemmeside. Slet indrykningen, og skriv den igen med almindelige mellemrum.",
    "yaml-alias": "Alias '*{name}' bruges ikke i b2c-filer. Skriv værdien ud i stedet.",
    "yaml-anchor": "Anker '&{name}' bruges ikke i b2c-filer. Fjern det, og skriv værdierne ud.",
    "yaml-tag": "YAML-tagget '{tag}' er ikke tilladt i b2c-filer. Fjern det, og skriv værdien som tekst.",
    "yaml-colon": "Et kolon i en værdi skal stå i anførselstegn, eller der mangler et mellemrum efter "
    'kolon. Skriv fx: note: "kl. 10:30: møde".',
    "yaml-missing-colon": "Der mangler et kolon efter nøglen, eller indrykningen passer ikke med linjen "
    "over. Skriv 'nøgle: værdi'.",
    "yaml-unclosed-quote": "Et anførselstegn er ikke lukket. Afslut teksten med samme slags anførselstegn, "
    "som den startede med.",
    "yaml-indent": "Indrykningen passer ikke med linjerne over. Ryk linjen ind med samme antal mellemrum som "
    "de andre nøgler på samme niveau.",
    "yaml-many-documents": "Filen indeholder flere YAML-dokumenter (---). En b2c-fil må kun have ét.",
    "yaml-complex-key": "En nøgle skal være en enkel tekst, ikke en liste eller mapping.",
    "yaml-duplicate-key": "Nøglen '{key}' står to gange (første gang i linje {first}). Slet den ene.",
    "yaml-syntax": "Filen kan ikke læses som YAML her. Tjek indrykning, kolon og anførselstegn på linjen.",
    # -- the schema of each file -----------------------------------------------------------------------
    "root-not-mapping": "Filen skal bestå af 'nøgle: værdi'-linjer, men indeholder {found}.",
    "unknown-key-suggest": "Ukendt nøgle '{key}'. Mente du '{suggestion}'?",
    "unknown-key": "Ukendt nøgle '{key}'. Tilladte nøgler her: {allowed}.",
    "empty-value": "'{key}' har ingen værdi. Udfyld den.",
    "missing-key": "Nøglen '{key}' mangler. Tilføj den.",
    "decimal-comma": "'{value}' bruger decimalkomma. Skriv {fixed} med punktum.",
    "not-a-whole-number": "'{value}' er ikke et helt tal. Skriv et tal som 12.",
    "not-a-number": "'{value}' er ikke et tal. Skriv et tal som 85 eller 12.5.",
    "invalid-date": "'{value}' er ikke en gyldig dato. Skriv en dato, der findes, som ÅÅÅÅ-MM-DD, fx 2025-03-12.",
    "not-yes-no": "'{value}' er ikke ja/nej. Skriv yes eller no (true eller false).",
    "invalid-choice": "'{value}' er ikke en af mulighederne. Skriv en af: {choices}.",
    "expected-list": "Her skal stå en liste (linjer der starter med '- '), men der står {found}.",
    "expected-mapping": "Her skal stå 'nøgle: værdi'-linjer, men der står {found}.",
    "expected-text": "Her skal stå en tekst, men der står {found}.",
    "invalid-value": "'{value}' er ikke en gyldig værdi her.",
    # -- the guide's rules -------------------------------------------------------------------------------
    "unsupported-schema-version": "schema_version {found} kendes ikke af denne b2c; den forstår version "
    "{supported}. Opdatér b2c, eller ret tallet.",
    "missing-file": "Filen {file} mangler. Kør 'b2c init --force' i mappen for at tilføje den.",
    "missing-part1-company": "Et stort partnerskab (size: large) kræver virksomhedens Del 1: {file} mangler. "
    "Kør 'b2c init --force' for at tilføje den, eller skift til size: small i b2c.yaml.",
    "wrong-party": "party er '{found}', men filen hører til '{expected}'. Skriv party: {expected}.",
    "too-many-key-points": "Der er {count} vigtigste punkter; guiden beder om højst fem. Saml eller slet "
    "punkter, til der er fem.",
    "size-mismatch": "Denne part ønsker et '{wanted}' partnerskab, men b2c.yaml siger size: {size}. Afstem "
    "det i Del 2, og ret den ene.",
    "wheel-no-time": "Aktiviteten i årshjulet har hverken month eller date. Tilføj en måned (1-12) eller en dato.",
    "month-out-of-range": "Måned {value} findes ikke. Skriv et tal fra 1 til 12.",
    "wheel-month-date-mismatch": "month er {month}, men datoen {date} ligger i en anden måned. Ret den ene, "
    "eller slet month.",
    "unknown-initiative": "Tiltaget '{ref}' findes ikke under agreement.initiatives. Kendte id'er: {known}.",
    "date-before-start": "Datoen {date} ligger før partnerskabets start ({start} i b2c.yaml). Ret datoen "
    "eller start_date.",
    "meetings-per-year": "Partnerskabsår {year} har {count} evalueringsmøder; guiden anbefaler 2-4 om året. "
    "Tilføj eller fjern datoer.",
    "few-respondents-planned": "Der er planlagt {count} besvarelser; guiden anbefaler mindst {minimum} for "
    "en god måling.",
    "periods-out-of-order": "Perioden med år {year} står efter en periode med samme eller et senere år. "
    "Sortér periods efter år.",
    "missing-fixed-indicator": "Den faste indikator '{id}' mangler. Guidens tre faste indikatorer "
    "(belonging, trust, co-creation) skal være med; kør 'b2c init' i en tom mappe for at se dem.",
    "duplicate-item-text": "Udsagnet '{text}' står mere end én gang. Giv hvert udsagn sin egen tekst.",
    "duplicate-column": "Kolonnen '{column}' bruges af mere end ét udsagn. Hvert udsagn skal have sin egen "
    "kolonne.",
    "threshold-too-low": "disclosure_threshold er {value}; den må ikke være under {minimum}, så små grupper "
    "ikke kan genkendes.",
    "meeting-in-future": "Mødet {date} ligger i fremtiden, men loggen er for afholdte møder. Planlagte møder "
    "hører til i part2-joint.yaml under agreement.evaluation_meetings.",
    "fixed-indicator-kind": "Den faste indikator '{id}' måles med spørgeskema: skriv kind: survey (ikke {kind}).",
    "no-target-reason": "Indikatoren '{id}' har ingen målsætning og ingen begrundelse. Tilføj target, eller "
    "skriv hvorfor i no_target_reason.",
    "target-out-of-range": "Målsætningen {value} er en procent og skal ligge mellem 0 og 100.",
    "target-negative": "Målsætningen {value} er et antal og kan ikke være negativ.",
    "no-items": "Indikatoren '{id}' har ingen udsagn under items, så den kan ikke måles med spørgeskemaet. "
    "Tilføj mindst ét udsagn.",
    "items-on-non-survey": "Indikatoren '{id}' er kind: {kind}, så den har ikke udsagn. Slet items, eller "
    "skriv kind: survey.",
    "no-method": "Indikatoren '{id}' har ingen method. ESRS beder om metode og begrænsninger for hvert tal.",
    "manual-for-survey": "'{id}' måles med spørgeskemaet, og værdien beregnes af 'b2c score'. Slet den "
    "manuelle værdi.",
    "value-out-of-range": "Værdien {value} skal ligge mellem 0 og 100.",
    "count-not-whole": "Værdien {value} er et antal og skal være et helt tal på 0 eller mere.",
    "duplicate-manual-value": "Der er allerede en værdi for '{id}' i perioden '{period}'. Slet den ene.",
    "invalid-id": "Id'et '{value}' må kun indeholde små bogstaver, tal og bindestreger (fx unge-i-praktik).",
    "duplicate-id": "Id'et '{value}' bruges mere end én gang. Giv hvert sit eget id.",
    "unknown-indicator": "Indikatoren '{ref}' findes ikke i part3-evaluation.yaml. Kendte id'er: {known}.",
    "unknown-period": "Perioden '{ref}' findes ikke under periods i part3-evaluation.yaml. Kendte: {known}.",
    "unknown-code-label": "Koden {code} står for '{label}', som ikke er et svar på enig-skalaen. Brug Helt enig, "
    "Delvis enig, Hverken enig eller uenig, Delvis uenig, Helt uenig eller Ved ikke.",
    "dates-out-of-order": "Datoen {date} kommer ikke efter den forrige ({previous}). Skriv datoerne i "
    "rækkefølge, hver kun én gang.",
    # -- the command line --------------------------------------------------------------------------------
    "cli-error": "fejl",
    "cli-warning": "advarsel",
    "internal-error": "Intern fejl i b2c ({kind}). Det er en fejl i programmet, ikke i dine filer. Kør "
    "kommandoen igen med --debug, og send udskriften til b2c's udviklere (fjern først personoplysninger).",
    "cli-bad-date": "'{value}' er ikke en gyldig dato til {option}. Skriv ÅÅÅÅ-MM-DD, fx 2025-03-01.",
    "cannot-write": "Kan ikke skrive {path} ({reason}). Vælg en mappe, du har skriveadgang til. Intet er "
    "ændret.",
    "init-target-is-file": "{path} er en fil, ikke en mappe. Vælg et andet navn til partnerskabets mappe.",
    "init-existing-partnership": "{path} rummer allerede et partnerskab (b2c.yaml). Intet er ændret. Brug "
    "--force for kun at tilføje manglende filer.",
    "init-not-empty": "Mappen {path} er ikke tom. Intet er ændret. Vælg en ny mappe, eller brug --force for "
    "at tilføje partnerskabets filer uden at røre de eksisterende.",
    "cli-init-missing": "Mangler {options}. Angiv dem på kommandolinjen (eller kør i en terminal for at "
    "blive spurgt).",
    "cli-init-broken-partnership": "{file} kan ikke læses, så 'init --force' ved ikke, hvilket partnerskab "
    "den skal udfylde. Ret filen først (se 'b2c validate').",
    "cli-init-ask-housing": "Boligorganisation",
    "cli-init-ask-company": "Virksomhed",
    "cli-init-ask-area": "Område eller boligafdeling",
    "cli-init-ask-size": "Partnerskabets størrelse (small/large)",
    "cli-init-wrote": "oprettet   {path}",
    "cli-init-would-write": "ville oprette   {path}",
    "cli-init-kept": "findes, urørt   {path}",
    "cli-init-git": "git-repository oprettet i {path}",
    "cli-init-git-would": "ville oprette git-repository i {path}",
    "cli-init-no-git": "git blev ikke fundet, så mappen er ikke lagt i git. Installer git, og kør 'git init'.",
    "cli-init-next": "Partnerskabet er klar i {path}. Udfyld part1-housing.yaml først, og kør 'b2c status' "
    "for at se næste skridt.",
    "cli-validate-summary": "{errors} fejl og {warnings} advarsler i {path}.",
    "cli-validate-ok": "Ingen problemer i {path}.",
    "schema-no-output": "Der er ingen partnerskabsmappe her. Angiv en mappe med -o, fx 'b2c schema -o schemas'.",
    "cli-schema-wrote": "skrevet   {path}",
    "cli-schema-would-write": "ville skrive   {path}",
    "cli-schema-unchanged": "uændret   {path}",
    "cli-status-parts": "Guidens dele",
    "cli-status-part": "Del",
    "cli-status-file": "Fil",
    "cli-status-answered": "Besvaret",
    "cli-status-missing-file": "mangler",
    "part-part1-housing": "Del 1: Interne overvejelser (boligorganisationen)",
    "part-part1-company": "Del 1: Interne overvejelser (virksomheden)",
    "part-part2": "Del 2: Fælles rammesætning",
    "part-part3": "Del 3: Evaluering og effektmåling",
    "cli-status-steps": "Trin for trin",
    "cli-status-step": "Trin",
    "party-housing": "Boligorganisationen",
    "party-company": "Virksomheden",
    "cli-status-unprepared": "{party} har ikke forberedt Del 1 endnu.",
    "cli-status-next": "Næste skridt",
    "cli-status-all-done": "Alle guidens trin er gennemført. Gentag den årlige måling, og kør 'b2c report'.",
    "cli-status-next-meeting": "Næste evalueringsmøde",
    "cli-status-none-planned": "intet planlagt",
    "cli-status-next-measurement": "Næste måling",
    "cli-status-no-date": "ingen dato planlagt",
    "cli-status-more-problems": "… og {count} mere. Kør 'b2c validate' for at se alle.",
    "step-part1-housing": "Boligorganisationen forbereder Del 1",
    "step-part1-housing-hint": "Besvar spørgsmålene i part1-housing.yaml, og skriv de fem vigtigste punkter.",
    "step-part1-company": "Virksomheden forbereder Del 1",
    "step-part1-company-hint": "Besvar spørgsmålene i part1-company.yaml, og skriv de fem vigtigste punkter.",
    "step-joint-priorities": "Fælles prioriteringer",
    "step-joint-priorities-hint": "Mød hinanden, og udfyld joint_priorities i part2-joint.yaml.",
    "step-agreement": "Partnerskabsaftale",
    "step-agreement-hint": "Udfyld agreement i part2-joint.yaml: tiltag, årshjul, mindst to "
    "evalueringsmøder og den årlige måling.",
    "step-baseline": "Baseline-måling",
    "step-baseline-hint": "Gennemfør spørgeskemaet, og kør 'b2c score EKSPORT --period baseline'.",
    "step-evaluation-meeting": "Evalueringsmøde",
    "step-evaluation-meeting-hint": "Hold et evalueringsmøde, og log det under evaluation_meetings i "
    "part3-evaluation.yaml.",
    "step-yearly-measurement": "Årlig effektmåling",
    "step-yearly-measurement-hint": "Gentag spørgeskemaet, og kør 'b2c score EKSPORT --period ÅR'.",
    "step-report": "ESG-rapport",
    "step-report-hint": "Kør 'b2c report' for ESG-tabellen og partnerskabsaftalen.",
    # -- scoring --------------------------------------------------------------------------------------------
    "score-workbook-invalid": "Arbejdsbogen har {count} fejl i b2c.yaml eller part3-evaluation.yaml, som "
    "scoringen afhænger af. Kør 'b2c validate', ret fejlene, og prøv igen.",
    "score-no-such-file": "Filen findes ikke. Tjek stien til eksporten.",
    "score-no-rows": "Eksporten indeholder ingen besvarelser (kun overskrifter). Tjek, at det er den rigtige fil "
    "eller det rigtige ark (--sheet).",
    "score-which-period": "Alle perioder i part3-evaluation.yaml har allerede resultater ({known}). Angiv "
    "perioden med --period, fx --period 2027, og tilføj den under periods.",
    "score-bad-period": "Perioden '{period}' må kun indeholde bogstaver, tal og bindestreger, fx baseline eller 2026.",
    "score-segment-column": "Kolonnen '{column}' til --segment findes ikke (én gang) i eksporten. Kolonner: {columns}.",
    "score-results-unreadable": "Der ligger allerede en resultatfil, som ikke kan læses. Intet er ændret. Brug "
    "--force for at erstatte den.",
    "score-other-export": "Perioden '{period}' har allerede resultater fra en anden eksport ({file}). Intet er "
    "ændret. Brug --force for at erstatte dem, eller vælg en anden --period.",
    "score-export-tracked": "{file} er lagt i git! Rå besvarelser er personoplysninger. Fjern filen fra git "
    "('git rm --cached {file}'), og læg den i surveys/, som holdes uden for git.",
    "score-read": "Læst {file}: {layout} ({details}), {rows} besvarelser.",
    "score-excluded-survey-preview": "{count} testbesvarelser (Survey Preview) er ikke talt med.",
    "score-excluded-empty-row": "{count} helt tomme rækker er ikke talt med.",
    "score-excluded-other": "{count} rækker er ikke talt med ({reason}).",
    "score-action-written": "Resultaterne er skrevet til {path}.",
    "score-action-updated": "Resultaterne i {path} er opdateret (samme eksport, men ændret arbejdsbog eller andre valg som --segment).",
    "score-action-replaced": "Resultaterne i {path} er erstattet (--force).",
    "score-action-unchanged": "{path} er uændret: eksporten er allerede scoret.",
    "score-action-dry-run": "Prøvekørsel: intet er skrevet ({path} ville blive skrevet).",
    "score-title": "Resultater for perioden {period}",
    "score-col-indicator": "Indikator",
    "score-col-percent": "%",
    "score-col-positive-n": "Positive/n",
    "score-col-ci": "95 %-KI",
    "score-col-dont-know": "Ved ikke",
    "score-col-blank": "Blanke",
    "score-col-change": "Ændring (pp)",
    "score-col-group": "Gruppe",
    "score-col-respondents": "Besvarelser",
    "score-col-statement": "Udsagn",
    "score-col-column": "Kolonne",
    "score-col-reason": "Fundet ved",
    "score-vs": "mod {period}",
    "score-segment-title": "Opdelt efter {column}",
    "score-suppressed": "skjult",
    "score-group-blank": "(ikke oplyst)",
    "score-hidden-groups": "{groups} grupper med færre end {threshold} besvarelser ({respondents} i alt) er ikke vist.",
    "score-explain-title": "Hvilken kolonne hvert udsagn blev fundet i",
    "score-reason-column": "kolonnenavn i arbejdsbogen",
    "score-reason-text": "udsagnets tekst",
    "score-reason-text-part": "udsagnets tekst i en længere overskrift",
    "score-unused": "Ubrugte kolonner, der ligner svar på enig-skalaen: {columns}",
    "warning-period-not-in-workbook": "Perioden står ikke under periods i part3-evaluation.yaml. Tilføj den, så "
    "rapporten kan placere den.",
    "warning-no-answers": "'{indicator}' har ingen gyldige svar (n = {n}).",
    "warning-small-sample": "'{indicator}' bygger på {n} svar; guiden anbefaler mindst 50. Tolk tallet varsomt.",
    "results-file-header": "Skrevet af 'b2c score'. Kun samlede tal: ingen rækker, fritekst eller personoplysninger.\n"
    "Ret ikke i filen; kør 'b2c score' igen.",
    "results-unreadable": "Resultatfilen kan ikke læses ({reason}).",
    "results-invalid": "Resultatfilen er ikke, som 'b2c score' skrev den. Kør 'b2c score' igen for perioden.",
    "match-no-statement": "Udsagnet '{text}' (indikator {indicator}) findes ikke i nogen kolonne. Nærmeste "
    "overskrifter: {closest}. Ret teksten i part3-evaluation.yaml, eller angiv kolonnen med column:.",
    "match-no-column": "Kolonnen '{text}' (indikator {indicator}) findes ikke i eksporten. Nærmeste: {closest}. "
    "Ret column: i part3-evaluation.yaml.",
    "match-ambiguous": "Udsagnet '{text}' passer på flere kolonner: {columns}. Angiv den rigtige med column: "
    "i part3-evaluation.yaml.",
    "match-shared-column": "Kolonnen '{column}' passer både på '{first}' og '{second}'. Giv udsagnene hver sin "
    "tekst, eller angiv column: for dem.",
    "answer-unknown-label": "Kolonne {letter} ('{column}') har {total} svar, som b2c ikke kender: {values} "
    "(antal og første række). Brug skalaen Helt enig, Delvis enig, Hverken enig eller uenig, Delvis uenig, "
    "Helt uenig, Ved ikke, eller ret svarene i eksporten.",
    "answer-mixed-label": "Kolonne {letter} ('{column}') bruger en svarmulighed, der blander 'hverken/eller' og "
    "'ved ikke': {values}. Den kan ikke tolkes. Adskil de to svar i spørgeskemaet, eller ret dem i eksporten.",
    "answer-code-without-label": "Kolonne {letter} ('{column}') har talkoder uden etiketter: {values}. Eksporten "
    "siger ikke, hvad tallene betyder. Angiv dem under survey: codes: i part3-evaluation.yaml (fx 1: Helt "
    "uenig … 5: Helt enig), eller eksportér med svartekster.",
    "answer-date": "Kolonne {letter} ('{column}') har datoer eller klokkeslæt, hvor der skulle stå svar: {values}. "
    "Excel har sandsynligvis omdannet svarene; ret cellerne til tekst.",
    "answer-yes-no": "Kolonne {letter} ('{column}') har sand/falsk-værdier, hvor der skulle stå svar: {values}. "
    "Ret cellerne til svarteksterne.",
    "answer-not-whole": "Kolonne {letter} ('{column}') har decimaltal, hvor der skulle stå svar: {values}. Ret "
    "cellerne til svarteksterne eller hele talkoder.",
    # -- folders -------------------------------------------------------------------------------------------
    "no-partnership": "Der er ingen b2c.yaml i {path} eller mapperne over den. Gå til partnerskabets mappe, "
    "eller opret et partnerskab med 'b2c init MAPPE'.",
    # -- indlæsning af spørgeskemaeksporter (b2c_cli.ingest) ---------------------------------------------------
    "export-unreadable": "Spørgeskemaeksporten kan ikke åbnes ({reason}). Tjek filnavnet, og at du har adgang til at læse filen.",
    "export-empty-file": "Filen er tom (0 byte). Hent eksporten fra spørgeskemaværktøjet igen.",
    "export-old-excel": "Det er en gammel Excel .xls-fil eller en adgangskodebeskyttet projektmappe. Åbn den i Excel, gem den som .xlsx (eller fjern adgangskoden: Filer → Oplysninger → Beskyt projektmappe), og prøv igen.",
    "export-zip-not-xlsx": "Filen er et zip-arkiv, men ikke en Excel-projektmappe (.xlsx). Hvis eksporten ligger i arkivet, så pak den ud og giv b2c .xlsx- eller .csv-filen; en OpenDocument-fil (.ods) eller .xlsb-fil skal først gemmes som .xlsx.",
    "export-xlsx-corrupt": "Excel-filen er beskadiget eller ufuldstændig og kan ikke læses (måske blev overførslen afbrudt). Hent eksporten igen, eller åbn den i Excel og gem den som en ny .xlsx.",
    "export-zip-bomb": "Projektmappen ville fylde {size} MB udpakket, langt mere end en spørgeskemaeksport. b2c åbner den ikke for at beskytte din computer. Hent eksporten igen fra spørgeskemaværktøjet.",
    "export-zip-too-many-entries": "Projektmappen indeholder {count} interne filer (højst {limit} er tilladt), hvilket ingen spørgeskemaeksport har. b2c åbner den ikke. Hent eksporten igen fra spørgeskemaværktøjet.",
    "export-sheet-too-large": "Et ark i projektmappen angiver at spænde over {range}, langt flere celler end en spørgeskemaeksport har (ofte en enkelt indtastning langt nede eller ude til højre). b2c åbner den ikke for at beskytte din computer. Åbn filen i Excel, slet rækkerne og kolonnerne under og til højre for dataene, gem, og prøv igen.",
    "export-unknown-sheet": "Projektmappen har intet ark ved navn '{sheet}'. Dens ark er: {sheets}. Angiv et af dem med --sheet.",
    "export-sheet-in-csv": "--sheet '{sheet}' gælder kun Excel-projektmapper, og denne fil er CSV-tekst. Udelad --sheet.",
    "export-no-data": "Eksporten indeholder ingen data: arket eller filen er tomt. Tjek, at du har hentet den rigtige fil (og i en projektmappe det rigtige ark med --sheet).",
    "export-no-header": "Den første række med indhold har ingen kolonneoverskrifter. Giv hver kolonne en overskrift i første række, og prøv igen.",
    "export-not-text": "Filen er hverken en Excel-projektmappe eller CSV-tekst (den indeholder byte, som ingen tekstkodning har). Eksportér besvarelserne fra spørgeskemaværktøjet som .xlsx eller .csv.",
    "export-bad-encoding": "Filen er angivet som {encoding}-tekst, men indeholder byte, der ikke er det. Åbn den i Excel, og gem den som 'CSV UTF-8' eller som .xlsx.",
    "export-no-delimiter": "b2c kan ikke se, hvordan kolonnerne er adskilt: hverken semikolon, komma eller tabulator giver rækkerne samme antal kolonner som overskriften. Åbn filen i Excel, og gem den som .xlsx eller som 'CSV UTF-8'.",
    "export-ragged-row": "Denne række har {found} kolonner, men overskriften har {expected}. Der mangler et skilletegn, eller der er ét for meget (ofte et ; eller , skrevet i et svar uden anførselstegn). Ret rækken i filen, eller gem eksporten som .xlsx.",
    "export-unclosed-quote": 'Et anførselstegn (") i denne række bliver aldrig lukket, så resten af filen ville blive læst som én tekst. Luk eller fjern anførselstegnet i rækken.',
    "export-csv-syntax": 'Denne række kan ikke læses som CSV: der står et anførselstegn (") midt i et felt. Sæt hele feltet i anførselstegn, og fordobl anførselstegn inde i det (""), eller gem eksporten som .xlsx.',
    "export-field-too-large": "Et felt i denne række er længere end {limit} millioner tegn, hvilket intet svar er. Rækken er sandsynligvis ødelagt af et anførselstegn, der aldrig lukkes; tjek anførselstegnene i den.",
    "export-blank-header": "Kolonne {column} indeholder data, men har ingen overskrift. Giv kolonnen en overskrift i første række, eller slet kolonnen.",
    "export-duplicate-header": "Overskriften '{name}' står over mere end én kolonne ({columns}), så b2c kan ikke se, hvilken der menes. Omdøb kolonnerne, så hver overskrift er forskellig, eller slet de overskydende.",
}
