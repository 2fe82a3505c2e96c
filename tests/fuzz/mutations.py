"""Hypothesis strategies that break valid files the way files break: bytes flipped, inserted, deleted,
duplicated, truncated and spliced; text re-encoded; CSV lines and fields shuffled; a workbook's zip entries
dropped, duplicated, renamed, recompressed or garbled while the zip itself stays valid, and the XML inside
them edited attribute by attribute; YAML lines re-indented and values swapped for look-alikes.

Every strategy draws a seed (a valid file) and a short list of edits, so Hypothesis can shrink a failure to
the seed and the one edit that matters."""

from __future__ import annotations

import codecs
import re
import warnings
import zipfile
from collections.abc import Sequence
from io import BytesIO

from hypothesis import strategies as st

MAX_SIZE = 512 * 1024  # no mutated file grows past this


# -- bytes -------------------------------------------------------------------------------------------------


@st.composite
def mutated_bytes(
    draw: st.DrawFn, seeds: Sequence[bytes], tokens: Sequence[bytes], max_edits: int = 8
) -> bytes:
    """A seed with 1..max_edits byte-level edits, tokens (format-specific special bytes) among them."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, max_edits))):
        data = bytearray(_edit_bytes(draw, data, seeds, tokens))
    return bytes(data[:MAX_SIZE])


def _edit_bytes(draw: st.DrawFn, data: bytearray, seeds: Sequence[bytes], tokens: Sequence[bytes]) -> bytes:
    size = len(data)
    at = draw(st.integers(0, size))
    kind = draw(
        st.sampled_from(["flip", "bit", "insert", "delete", "duplicate", "truncate", "splice", "repeat"])
    )
    if kind in ("flip", "bit") and at < size:
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        else:
            data[at] ^= 1 << draw(st.integers(0, 7))
    elif kind == "insert":
        data[at:at] = draw(st.sampled_from(tokens)) if draw(st.booleans()) else draw(st.binary(max_size=8))
    elif kind == "delete":
        del data[at : at + draw(st.integers(1, 256))]
    elif kind == "duplicate" and size:
        start = draw(st.integers(0, size - 1))
        piece = data[start : start + draw(st.integers(1, 512))]
        data[at:at] = piece
    elif kind == "truncate":
        del data[at:]
    elif kind == "splice":
        other = draw(st.sampled_from(seeds))
        data = data[:at] + other[draw(st.integers(0, len(other))) :]
    elif kind == "repeat" and size:
        start = draw(st.integers(0, size - 1))
        piece = data[start : start + draw(st.integers(1, 64))]
        data[at:at] = piece * draw(st.integers(2, 200))
    return bytes(data)


# -- text and encodings ------------------------------------------------------------------------------------

# (codec, BOM written before the text); errors="replace" where the codec cannot hold every character.
ENCODINGS = (
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
    ("utf-32", b""),
    ("cp1252", b""),
    ("latin-1", b""),
    ("mac_roman", b""),
    ("cp850", b""),
    ("utf-8", codecs.BOM_UTF16_LE),  # a BOM that lies
)


def decode_seed(raw: bytes) -> str:
    """A seed's text, whatever it was saved as."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec, "replace")
    if raw[1:2] == b"\x00":
        return raw.decode("utf-16-le", "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    codec, bom = draw(st.sampled_from(ENCODINGS))
    data = bom + text.encode(codec, "replace")
    if draw(st.integers(0, 9)) == 0:  # cut the last character in half
        data = data[: max(0, len(data) - draw(st.integers(1, 3)))]
    return data


def _insert_text(draw: st.DrawFn, text: str, tokens: Sequence[str]) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(tokens)) + text[at:]


# -- CSV ---------------------------------------------------------------------------------------------------

CSV_BYTES = (
    b'"',
    b'""',
    b";",
    b",",
    b"\t",
    b"\r",
    b"\n",
    b"\r\n",
    b"\x00",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\x81",
    b"\xc3",
    b"\xe6",
    b"sep=;\r\n",
    b"sep=,\n",
    b"sep=|\n",
)
CSV_TEXT = (
    '"',
    '""',
    '"x";"y"',
    ";",
    ",",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\n\n\n",
    "\x00",
    "\ufeff",
    "\u00a0",
    "e\u0301",
    "Ã¦Ã¸Ã¥",
    "\u2028",
    "\x1a",
    "=HYPERLINK(1)",
    "1,5",
    "Helt enig",
    "Ved ikke",
    "Hverken/eller (ved ikke)",
    "sep=;\n",
    "x" * 300,
)
DELIMITERS = (";", ",", "\t", "|", "")
_CSV_EDITS = (
    "insert",
    "drop-line",
    "dup-line",
    "swap",
    "add-field",
    "drop-field",
    "delimiter",
    "blank",
    "header",
)


@st.composite
def mutated_csv(draw: st.DrawFn, seeds: Sequence[bytes]) -> bytes:
    """A CSV seed edited as text (lines, fields, delimiters, special characters), saved in some encoding;
    sometimes byte-level edits on top."""
    text = decode_seed(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        text = _edit_csv(draw, text)
    data = draw(encoded(text))
    if draw(st.booleans()):
        data = draw(mutated_bytes([data], CSV_BYTES, max_edits=3))
    return data[:MAX_SIZE]


def _edit_csv(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    index = draw(st.integers(0, max(0, len(lines) - 1)))
    line = lines[index] if lines else ""
    kind = draw(st.sampled_from(_CSV_EDITS))
    delimiter = next((d for d in (";", "\t", ",") if d in line), ",")
    fields = line.split(delimiter)
    if kind == "insert":
        return _insert_text(draw, text, CSV_TEXT)
    if kind == "drop-line" and lines:
        del lines[index]
    elif kind == "dup-line":
        lines[index:index] = [line] * draw(st.integers(1, 5))
    elif kind == "swap" and lines:
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    elif kind == "add-field":
        fields.insert(draw(st.integers(0, len(fields))), draw(st.sampled_from((*CSV_TEXT[:8], "", "x"))))
        lines[index] = delimiter.join(fields)
    elif kind == "drop-field" and fields:
        del fields[draw(st.integers(0, len(fields) - 1))]
        lines[index] = delimiter.join(fields)
    elif kind == "delimiter":
        lines[index] = line.replace(delimiter, draw(st.sampled_from(DELIMITERS)))
    elif kind == "blank":
        fields[draw(st.integers(0, len(fields) - 1))] = ""
        lines[index] = delimiter.join(fields)
    elif kind == "header" and lines:
        head = lines[0].split(delimiter)
        if head:
            head[draw(st.integers(0, len(head) - 1))] = draw(st.sampled_from(["", head[0], " ", "\u00a0"]))
        lines[0] = delimiter.join(head)
    return "\n".join(lines)


# -- XLSX: the zip and the XML inside ----------------------------------------------------------------------

XML_TOKENS = (
    b"<",
    b">",
    b"/>",
    b"</c>",
    b"</row>",
    b"</sheetData>",
    b"</worksheet>",
    b'<row r="3">',
    b'<c r="B2" t="s"><v>9999</v></c>',
    b'<c r="C3" t="inlineStr"><is><t>Helt enig</t></is></c>',
    b'<c r="D4" t="d"><v>2025-13-45T99:00:00</v></c>',
    b'<c r="E5" t="e"><v>#REF!</v></c>',
    b'<c r="F6"><f>1/0</f></c>',
    b'<c r="XFD1048576"><v>1</v></c>',
    b'<row r="1048576"><c><v>1</v></c></row>',
    b'<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
    b"&",
    b"&amp;",
    b"&lt;",
    b"&#0;",
    b"&#xFFFF;",
    b"&#xD800;",
    b"&nope;",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"]]>",
    b"<![CDATA[x]]>",
    b"<!-- x -->",
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b'<?xml version="1.0" encoding="ISO-8859-1"?>',
    b' xmlns:x="urn:x"',
    b"&b;",
    b"&e;",
    b"<x>" * 64,
)
DOCTYPES = (  # entity expansion, an external entity
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b"<!DOCTYPE x>",
)

# Attribute values and element texts worth trying, by attribute (each also tried empty).
_VALUES: dict[bytes, tuple[bytes, ...]] = {
    name: (b"", *values.split())
    for name, values in {
        b"r": b"A1 B2 Z9 AA10 CV5000 A0 0 a1 1A A-1 3 1048577 XFD1 XFE1 XFD1048576 A1048577 ZZZZ1 A99999999",
        b"t": b"s str inlineStr n b e d x",
        b"s": b"0 1 2 99999 -1",
        b"ref": b"A1:P105 A1 A1:XFD1048576 B2:A1 A1:A1 Z1:A100 A1:B",
        b"name": b"Dataset Labels Structure Variables Sheet1 dataset ' " + "Ø".encode() * 40,
        b"sheetId": b"1 2 0 -1 99",
        b"r:id": b"rId1 rId2 rId3 rId99",
        b"Id": b"rId1 rId2 rId3 rId99",
        b"Target": b"worksheets/sheet1.xml worksheets/sheet2.xml /xl/worksheets/sheet1.xml worksheets/no.xml "
        b"../../../etc/passwd sharedStrings.xml xl/workbook.xml",
        b"count": b"0 1 999999999 -1 x",
        b"uniqueCount": b"0 1 999999999 -1",
        b"numFmtId": b"14 22 21 46 164 0 49 99999",
        b"formatCode": b'yyyy-mm-dd [h]:mm:ss 0.0% @ "x"',
        b"state": b"hidden veryHidden visible",
        b"ContentType": b"application/xml application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    }.items()
}
_ATTRIBUTE = re.compile(rb'\b(r:id|[A-Za-z]+)="([^"]*)"')
_TEXTS = (
    b"",
    *b"1 1.0 -1 1e308 1e309 NaN inf 0 abc 45000.5 -45000 2958466 99999999999999999999".split(),
    *b"=1+1 &amp; &#0; &#x1F600;".split(),
    b"Helt enig",
    "\u00a0".encode(),
)
_ELEMENT_TEXT = re.compile(rb"<(v|t|f)(?: [^>]*)?>([^<]*)</\1>")
_TAG = re.compile(rb"<[A-Za-z/]")
_XML_EDITS = ("attribute", "text", "insert", "drop", "repeat", "truncate", "doctype", "utf16")
_ELEMENT = re.compile(rb"<(row|c|sheet|si|xf|numFmt|Relationship|Override)\b[^>]*?(?:/>|>.*?</\1>)", re.S)

ENTRY_NAMES = (
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet9.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "xl/worksheets/_rels/sheet1.xml.rels",
    "xl/WORKBOOK.xml",
    "/xl/workbook.xml",
)
_COMPRESSION = (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


@st.composite
def mutated_xml(draw: st.DrawFn, xml: bytes) -> bytes:
    """One XML part with 1..5 edits: an attribute or element text swapped for a value worth trying, a
    token inserted, an element dropped or repeated, the text cut short or re-encoded."""
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(_XML_EDITS))
        if kind == "attribute":  # a name first (a cell's `r` as likely as a sheet's `name`), then one of it
            found = list(_ATTRIBUTE.finditer(xml))
            if found:
                name = draw(st.sampled_from(sorted({m.group(1) for m in found})))
                match = draw(st.sampled_from([m for m in found if m.group(1) == name]))
                pool = _VALUES.get(match.group(1), (b"", b"1", b"x", b"-1"))
                xml = xml[: match.start(2)] + draw(st.sampled_from(pool)) + xml[match.end(2) :]
        elif kind == "text":
            found = list(_ELEMENT_TEXT.finditer(xml))
            if found:
                match = draw(st.sampled_from(found))
                xml = xml[: match.start(2)] + draw(st.sampled_from(_TEXTS)) + xml[match.end(2) :]
        elif kind == "insert":  # anywhere, or where a tag begins, so that whole elements land in place
            tags = [m.start() for m in _TAG.finditer(xml[:200_000])]
            at = draw(st.sampled_from(tags) if tags and draw(st.booleans()) else st.integers(0, len(xml)))
            xml = xml[:at] + draw(st.sampled_from(XML_TOKENS)) + xml[at:]
        elif kind in ("drop", "repeat"):
            found = list(_ELEMENT.finditer(xml[:200_000]))
            if found:
                match = draw(st.sampled_from(found))
                copies = 0 if kind == "drop" else draw(st.integers(2, 20))
                xml = xml[: match.start()] + match.group(0) * copies + xml[match.end() :]
        elif kind == "truncate":
            xml = xml[: draw(st.integers(0, len(xml)))]
        elif kind == "doctype":
            body = xml.split(b"?>", 1)[-1] if xml.startswith(b"<?xml") else xml
            xml = draw(st.sampled_from(DOCTYPES)) + body
        else:
            xml = codecs.BOM_UTF16_LE + xml.decode("utf-8", "replace").encode("utf-16-le")
    return xml[:MAX_SIZE]


@st.composite
def mutated_xlsx(draw: st.DrawFn, seeds: Sequence[bytes]) -> bytes:
    """A workbook seed rebuilt as a valid zip after 1..4 edits to its entries."""
    archive = zipfile.ZipFile(BytesIO(draw(st.sampled_from(seeds))))
    entries = [(info.filename, archive.read(info), zipfile.ZIP_DEFLATED) for info in archive.infolist()]
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(entries) - 1)) if entries else 0
        sheets = [i for i, (name, _, _) in enumerate(entries) if name.startswith("xl/worksheets/")]
        if sheets and draw(st.booleans()):  # half the edits go to a worksheet: most of what calamine reads
            index = draw(st.sampled_from(sheets))
        kind = draw(
            st.sampled_from(["xml", "xml", "xml", "drop", "duplicate", "rename", "garble", "add", "compress"])
        )
        if not entries:
            kind = "add"
        if kind == "xml":
            name, data, method = entries[index]
            entries[index] = (name, draw(mutated_xml(data)), method)
        elif kind == "drop":
            del entries[index]
        elif kind == "duplicate":
            entries.insert(draw(st.integers(0, len(entries))), entries[index])
        elif kind == "rename":
            name, data, method = entries[index]
            entries[index] = (draw(st.sampled_from(ENTRY_NAMES)), data, method)
        elif kind == "garble":
            name, data, method = entries[index]
            entries[index] = (name, draw(st.binary(max_size=64)) if draw(st.booleans()) else b"", method)
        elif kind == "add":
            source = entries[index][1] if entries else b""
            entries.append(
                (draw(st.sampled_from(ENTRY_NAMES)), draw(mutated_xml(source)), zipfile.ZIP_DEFLATED)
            )
        else:
            name, data, _ = entries[index]
            entries[index] = (name, data, draw(st.sampled_from(_COMPRESSION)))
    return _zip(entries)


def _zip(entries: list[tuple[str, bytes, int]]) -> bytes:
    buffer = BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": on purpose
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data, method in entries:
                archive.writestr(zipfile.ZipInfo(name, (2025, 3, 3, 9, 0, 0)), data, compress_type=method)
    return buffer.getvalue()


# -- YAML --------------------------------------------------------------------------------------------------

YAML_BYTES = (
    b":",
    b": ",
    b"- ",
    b"\n",
    b"  ",
    b"\t",
    b"\xc2\xa0",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"? ",
    b"'",
    b'"',
    b"#",
    b"|",
    b">-",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\xe6",
    b"\x85",
    b"\x0b",
)
YAML_VALUES = (
    "NO",
    "yes",
    "on",
    "10:30",
    "0555",
    "1,5",
    "2025-13-45",
    "1e3",
    ".inf",
    "",
    "~",
    "null",
    "&a x",
    "*a",
    "!!python/object:os.system x",
    "!!int 5",
    "[a, b",
    "{a: 1}",
    "[]",
    "{}",
    '"unclosed',
    "'it''s'",
    "|",
    ">-",
    "- a",
    "a: b: c",
    "=HYPERLINK(1)",
    "<script>",
    "x" * 2000,
    "-1",
    "99999999999999999999",
    "2024-02-30",
    "en",
    "housing",
)
_YAML_EDITS = ("value", "value", "drop", "dup", "swap", "indent", "dedent", "lead", "insert", "item")
YAML_TEXT = ("\t", "\u00a0", "\u202f", "  ", "- ", ": ", "#", "\r", "\r\n", "\x85", "\u2028", "\ufeff")


@st.composite
def mutated_yaml(draw: st.DrawFn, seeds: Sequence[bytes]) -> bytes:
    """A YAML seed edited line by line (dropped, repeated, swapped, re-indented, values swapped for
    look-alikes and hostile text), saved in some encoding; sometimes byte-level edits on top."""
    lines = decode_seed(draw(st.sampled_from(seeds))).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        lines = _edit_yaml(draw, lines)
    text = "\n".join(lines)
    data = draw(encoded(text)) if draw(st.integers(0, 3)) == 0 else text.encode("utf-8")
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutated_bytes([data], YAML_BYTES, max_edits=3))
    return data[:MAX_SIZE]


def _edit_yaml(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if not lines:
        return [draw(st.sampled_from(YAML_VALUES))]
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    kind = draw(st.sampled_from(_YAML_EDITS))
    lines = list(lines)
    if kind == "value":
        key, colon, _ = line.partition(": ")
        if not colon and line.rstrip().endswith(":"):
            key, colon = line.rstrip()[:-1], ": "
        head = key + colon if colon else line.split("- ")[0] + "- "
        lines[index] = head + draw(st.sampled_from(YAML_VALUES))
    elif kind == "drop":
        del lines[index]
    elif kind == "dup":
        lines.insert(index, line)
    elif kind == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], line
    elif kind == "indent":
        lines[index] = " " * draw(st.integers(1, 5)) + line
    elif kind == "dedent":
        lines[index] = line.lstrip(" ")
    elif kind == "lead":
        stripped = line.lstrip(" ")
        lines[index] = line[: len(line) - len(stripped)] + draw(st.sampled_from(YAML_TEXT)) + stripped
    elif kind == "insert":
        at = draw(st.integers(0, len(line)))
        lines[index] = line[:at] + draw(st.sampled_from(YAML_TEXT + YAML_VALUES[:24])) + line[at:]
    else:
        stripped = line.lstrip(" ")
        lines[index] = line[: len(line) - len(stripped)] + "- " + stripped
    return lines


@st.composite
def yaml_soup(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes, or YAML tokens and values strung together."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=4000))
    parts = st.one_of(
        st.sampled_from(YAML_BYTES), st.sampled_from(YAML_VALUES).map(str.encode), st.binary(max_size=4)
    )
    return b"".join(draw(st.lists(parts, max_size=80)))
