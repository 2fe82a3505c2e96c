"""CSV/TSV: encodings x delimiters, the delimiter choice, and every way a CSV row can be broken."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from b2c_cli.ingest import csvfile, open_export

from .expect import input_error, read
from .factories import STATEMENTS, write_csv

ENCODINGS = {  # what the factory writes -> what b2c reports
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "cp1252": "cp1252",
}
DELIMITERS = (";", ",", "\t")
HEADER = ["Afdeling", "Kommentar", *STATEMENTS]
ROWS = [
    ["Østerbo", 'Ja, men; ikke "altid"\tsiger Åse', "Helt enig", "Delvis uenig", "Ved ikke"],
    ["Ærøgade 3", "", "Hverken enig eller uenig", "", "Helt uenig"],
    ["Søndergård", "Linje 1\r\nlinje 2", "Delvis enig", "Helt enig", "Delvis enig"],
]


@pytest.mark.parametrize("delimiter", DELIMITERS, ids=["semicolon", "comma", "tab"])
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = write_csv(tmp_path / "svar.csv", [HEADER, *ROWS], encoding, delimiter)
    export, rows = read(path)
    assert (export.format, export.layout, export.sheet) == ("csv", "plain", None)
    assert (export.encoding, export.delimiter) == (ENCODINGS[encoding], delimiter)
    assert [(c.index, c.name, c.texts, c.labels, c.metadata) for c in export.columns] == [
        (index, name, (), None, False) for index, name in enumerate(HEADER)
    ]
    # The third row's comment holds a line break, so the row after it would be line 6 in an editor; the
    # row number is the record's, as a spreadsheet shows it.
    assert rows == [(2, ROWS[0]), (3, ROWS[1]), (4, ROWS[2])]
    assert export.excluded_rows == {}


def test_semicolons_with_commas_inside_fields_fool_the_sniffer_not_b2c(tmp_path: Path) -> None:
    # Every line has one comma (a decimal comma, "Husstand, antal") and four semicolons. csv.Sniffer finds
    # both consistent and prefers the comma; b2c counts fields and takes the semicolon.
    header = ["Navn", "Afdeling", "Husstand, antal", "Svar", "Kommentar"]
    rows = [
        ["Jens Ærø", "Østerbo", "2,5", "Helt enig", "ok"],
        ["Mette", "Søndergård", "1,0", "Delvis enig", "fint"],
        ["Åse", "Vestergade", "3,5", "Ved ikke", "-"],
    ]
    path = write_csv(tmp_path / "svar.csv", [header, *rows], "cp1252", ";")
    text = path.read_text(encoding="cp1252")
    assert csv.Sniffer().sniff(text, delimiters=";,\t").delimiter == ","  # the trap
    export, got = read(path)
    assert (export.delimiter, export.encoding) == (";", "cp1252")
    assert [c.name for c in export.columns] == header
    assert got == [(2, rows[0]), (3, rows[1]), (4, rows[2])]


def test_most_fields_wins_when_several_delimiters_fit(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("a,b;c,d,e\r\n1,2;3,4,5\r\n6,7;8,9,0\r\n", encoding="utf-8")
    export, rows = read(path)
    assert export.delimiter == ","
    assert rows[0] == (2, ["1", "2;3", "4", "5"])


def test_excel_sep_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "svar.csv", [HEADER, *ROWS], "cp1252", ";", prefix="sep=;\r\n")
    export, rows = read(path)
    assert export.delimiter == ";"
    assert [c.name for c in export.columns] == HEADER
    assert [number for number, _ in rows] == [3, 4, 5]


def test_utf16_without_bom(tmp_path: Path) -> None:
    for encoding, reported in (("utf-16-le-nobom", "utf-16-le"), ("utf-16-be-nobom", "utf-16-be")):
        path = write_csv(tmp_path / f"{encoding}.csv", [HEADER, *ROWS], encoding, "\t")
        export, rows = read(path)
        assert (export.encoding, export.delimiter) == (reported, "\t")
        assert rows[0] == (2, ROWS[0])


def test_utf8_wins_over_cp1252_when_valid(tmp_path: Path) -> None:
    utf8 = write_csv(tmp_path / "utf8.csv", [["Navn", "Svar"], ["Jørgen", "Helt enig"]], "utf-8", ";")
    cp1252 = write_csv(tmp_path / "ansi.csv", [["Navn", "Svar"], ["Jørgen", "Helt enig"]], "cp1252", ";")
    assert read(utf8)[0].encoding == "utf-8"
    export, rows = read(cp1252)
    assert export.encoding == "cp1252"
    assert rows == [(2, ["Jørgen", "Helt enig"])]


def test_long_file_is_streamed_past_the_sample(tmp_path: Path) -> None:
    rows = [[f"Afd. {n % 7}", "", "Helt enig", "Delvis enig", f"{n}"] for n in range(3000)]
    path = write_csv(tmp_path / "svar.csv", [HEADER, *rows], "utf-8-sig", ";")
    calls: list[tuple[int, int]] = []
    _, got = read(path, progress=lambda done, total: calls.append((done, total)))
    assert len(got) == 3000
    assert got[-1] == (3001, rows[-1])
    size = path.stat().st_size
    assert calls[-1] == (size, size)
    assert all(total == size for _, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_empty_rows_are_counted_not_returned(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("\r\nNavn;Svar\r\nA;Helt enig\r\n\r\n;\r\nB;Ved ikke\r\n", encoding="utf-8")
    export, rows = read(path)
    assert rows == [(3, ["A", "Helt enig"]), (6, ["B", "Ved ikke"])]
    assert export.excluded_rows == {"empty-row": 2}


def test_header_whitespace_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text(
        '"  Jeg\u00a0har  tillid\r\n til mine naboer ";\tNavn\r\nHelt enig;Ole\r\n', encoding="utf-8"
    )
    export, rows = read(path)
    assert [c.name for c in export.columns] == ["Jeg har tillid til mine naboer", "Navn"]
    assert rows == [(2, ["Helt enig", "Ole"])]


def test_header_only(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "svar.csv", [HEADER], "utf-8", ",")
    export, rows = read(path)
    assert [c.name for c in export.columns] == HEADER
    assert rows == []


def test_trailing_delimiters_give_no_columns(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("Navn;Svar;;\r\nA;Helt enig;;\r\nB;Ved ikke;;\r\n", encoding="utf-8")
    export, rows = read(path)
    assert [c.name for c in export.columns] == ["Navn", "Svar"]
    assert rows == [(2, ["A", "Helt enig"]), (3, ["B", "Ved ikke"])]


def test_column_without_header_but_with_data(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("Navn;Svar;\r\nA;Helt enig;\r\nB;Ved ikke;x\r\n", encoding="utf-8")
    export, rows = read(path)  # no answer is under it: it blocks nothing, and it is cut off
    assert [c.name for c in export.columns] == ["Navn", "Svar"]
    assert rows == [(2, ["A", "Helt enig"]), (3, ["B", "Ved ikke"])]


def test_blank_header_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("Navn;;Svar\r\nA;;Helt enig\r\n", encoding="utf-8")
    export, rows = read(path)
    assert [(c.index, c.name) for c in export.columns] == [(0, "Navn"), (2, "Svar")]
    assert rows == [(2, ["A", "", "Helt enig"])]  # cells stay where the file has them
    noted = tmp_path / "noted.csv"
    noted.write_text("Navn;;Svar\r\nA;;Helt enig\r\nB;?;Ved ikke\r\n", encoding="utf-8")
    export, rows = read(noted)  # data under no header is no answer: it blocks nothing
    assert [(c.index, c.name) for c in export.columns] == [(0, "Navn"), (2, "Svar")]
    assert len(rows) == 2


def test_duplicate_headers(tmp_path: Path) -> None:
    """The export reads (an unused question may be asked twice); the error is kept for a statement that
    matches the header, with the header row's place."""
    path = tmp_path / "svar.csv"
    path.write_text(
        "Navn;Jeg har tillid til mine naboer;Afdeling;jeg har tillid til  mine naboer\r\n", encoding="utf-8"
    )
    export, _ = read(path)
    error = export.duplicate_headers["jeg har tillid til mine naboer"]
    with input_error(
        "export-duplicate-header", f"{path}:1", name="Jeg har tillid til mine naboer", columns="B, D"
    ):
        raise error


def test_ragged_row_in_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("Navn;Svar;Afdeling\r\nA;Helt enig;1\r\nB;Ved ikke;2;ekstra\r\n", encoding="utf-8")
    with input_error("export-ragged-row", f"{path}:3", found=4, expected=3):
        read(path)


def test_ragged_row_after_the_sample(tmp_path: Path) -> None:
    rows = [["A", "Helt enig", "1"]] * 800 + [["B", "Ved ikke"]] + [["C", "Helt enig", "2"]] * 5
    path = write_csv(tmp_path / "svar.csv", [["Navn", "Svar", "Afdeling"], *rows], "utf-8", ";")
    export = open_export(path)
    got = []
    with input_error("export-ragged-row", f"{path}:802", found=2, expected=3):
        for row in export.rows:
            got.append(row)
    assert len(got) == 800  # every row before the broken one was handed out


def test_unclosed_quote_in_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text('Navn;Svar\r\nA;Helt enig\r\nB;"Ved ikke\r\nC;Helt enig\r\n', encoding="utf-8")
    with input_error("export-unclosed-quote", f"{path}:3"):
        read(path)


def test_unclosed_quote_after_the_sample(tmp_path: Path) -> None:
    body = "".join(f"A{n};Helt enig\r\n" for n in range(700))
    path = tmp_path / "svar.csv"
    path.write_text(f'Navn;Svar\r\n{body}B;"Ved ikke\r\nC;Helt enig\r\n', encoding="utf-8")
    with input_error("export-unclosed-quote", f"{path}:702"):
        read(path)


def test_quote_inside_a_field(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text('Navn;Svar\r\nA;Helt enig\r\nB;"Ved" ikke\r\n', encoding="utf-8")
    with input_error("export-csv-syntax", f"{path}:3"):
        read(path)
    body = "".join(f"A{n};Helt enig\r\n" for n in range(700))
    late = tmp_path / "sen.csv"
    late.write_text(f'Navn;Svar\r\n{body}B;"Ved" ikke\r\n', encoding="utf-8")
    with input_error("export-csv-syntax", f"{late}:702"):
        read(late)


def test_field_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    huge = "x" * (csvfile.FIELD_LIMIT + 1)
    path.write_text(f"Navn;Svar\r\nA;Helt enig\r\nB;{huge}\r\n", encoding="utf-8")
    with input_error("export-field-too-large", f"{path}:3", limit=10):
        read(path)


def test_field_of_a_few_megabytes_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    long = "ø" * (3 * 1024 * 1024)
    path.write_text(f'Navn;Svar\r\nA;"{long}"\r\nB;Helt enig\r\n', encoding="utf-8")
    _, rows = read(path)
    assert rows[0][1][1] == long
    assert rows[1] == (3, ["B", "Helt enig"])


def test_bad_bytes_in_a_utf8_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_bytes("\ufeffNavn;Svar\r\nA;Helt enig\r\n".encode() + b"B;Ved ikke \xe6\r\n")
    with input_error("export-bad-encoding", f"{path}:3", encoding="UTF-8"):
        read(path)


def test_no_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("Svar\r\nHelt enig\r\nVed ikke\r\n", encoding="utf-8")
    with input_error("export-no-delimiter", str(path)):
        read(path)


def test_header_row_of_blanks(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("\r\n \u00a0; \r\nHelt enig;Ole\r\n", encoding="utf-8")
    with input_error("export-no-header", f"{path}:2"):
        read(path)
