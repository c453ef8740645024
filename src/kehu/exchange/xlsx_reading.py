"""Opening the spreadsheets users bring, safely: xlsx (openpyxl read-only) and CSV.

Before openpyxl parses anything the file is identified by its bytes (old .xls, a password
protected workbook, a Word file, a PDF…), the zip container is checked against size and ratio
limits (zip bombs) and XML parts carrying a DTD are refused (entity expansion; openpyxl also
parses through defusedxml). A raw pass over the sheet's XML finds what read-only openpyxl
does not report: merged ranges, hidden rows and formula cells without a cached value.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from kehu.core.i18n import N_, Message, UserError, note, translate

logger = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 1_500_000_000  # all parts together, bytes
MAX_RATIO = 120  # uncompressed / compressed, for parts above RATIO_FROM bytes
RATIO_FROM = 2_000_000
MAX_MEMBERS = 5_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


class SpreadsheetError(UserError):
    """A file that cannot be read as a spreadsheet; the message says what to do.

    A `what` value (what the file is instead) is an English source too, translated with the
    message."""

    def message(self, lang: str = "en") -> str:
        values = dict(self.values)
        if "what" in values:
            values["what"] = translate(str(values["what"]), lang)
        return translate(self.text, lang, **values)


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool


@dataclass
class SheetScan:
    """What the raw XML says about a sheet (1-based rows and columns)."""

    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # c1, r1, c2, r2
    hidden_rows: set[int] = field(default_factory=set)
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)  # (row, col)


@dataclass
class Table:
    """One sheet (or a CSV file) opened for reading; `rows()` streams (row number, values)."""

    path: Path
    kind: str  # "xlsx" or "csv"
    sheets: list[SheetInfo]
    sheet: str
    scan: SheetScan
    epoch1904: bool = False
    encoding: str | None = None
    notes: list[Message] = field(default_factory=list)  # about the whole file
    _workbook: Any = None
    _delimiter: str = ","

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        if self.kind == "csv":
            yield from self._csv_rows()
        else:
            yield from _fill_merged(self._xlsx_rows(), self.scan.merged)

    def _xlsx_rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        ws = self._workbook[self.sheet]
        yield from enumerate(ws.iter_rows(values_only=True), start=1)

    def _csv_rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        with open(self.path, encoding=self.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=self._delimiter)
            for number, values in enumerate(reader, start=1):
                yield number, tuple(v if v != "" else None for v in values)

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fill_merged(
    rows: Iterator[tuple[int, tuple[Any, ...]]], merged: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Give every cell of a merged range the value of its top-left cell (Excel shows it so)."""
    if not merged:
        yield from rows
        return
    starts: dict[int, list[tuple[int, int, int, int]]] = {}
    for rng in merged:
        starts.setdefault(rng[1], []).append(rng)
    active: list[tuple[tuple[int, int, int, int], Any]] = []
    for number, values in rows:
        for rng in starts.get(number, ()):
            c1 = rng[0]
            active.append((rng, values[c1 - 1] if c1 - 1 < len(values) else None))
        if active:
            cells = list(values)
            for (c1, r1, c2, r2), value in active:
                if r1 <= number <= r2:
                    if len(cells) < c2:
                        cells.extend([None] * (c2 - len(cells)))
                    for col in range(c1, c2 + 1):
                        cells[col - 1] = value
            values = tuple(cells)
            active = [item for item in active if item[0][3] > number]
        yield number, values


def range_text(rng: tuple[int, int, int, int]) -> str:
    c1, r1, c2, r2 = rng
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


# --- identifying the file ---------------------------------------------------------------


def identify(path: Path) -> str:
    """'xlsx' or 'csv'; raises SpreadsheetError for anything else, saying what it is."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise SpreadsheetError(
            N_("Cannot open the file {path}: {error}"), path=str(path), error=str(exc)
        ) from exc
    if size == 0:
        raise SpreadsheetError(N_("{file} is empty (0 bytes)"), file=path.name)
    if head.startswith(OLE_MAGIC):
        raise _ole_error(path)
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head.startswith(b"%PDF"):
        raise _not_spreadsheet(path, N_("a PDF file"))
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _not_spreadsheet(path, N_("a binary file"))
    if path.suffix.lower() in TEXT_SUFFIXES:
        return "csv"
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise _not_spreadsheet(path, N_("a text file (renamed?)"))
    raise _not_spreadsheet(path, N_("a file of an unknown kind"))


def _not_spreadsheet(path: Path, what: str) -> SpreadsheetError:
    """`what`: what the file is instead, an English source (N_)."""
    text = N_("{file} is not a spreadsheet but {what}. Choose an .xlsx or .csv file.")
    return SpreadsheetError(text, file=path.name, what=what)


def _ole_error(path: Path) -> SpreadsheetError:
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        text = N_(
            "{file} is protected with a password and cannot be read. Open it in Excel, remove "
            "the password (File > Info > Protect Workbook > Encrypt with Password), save, and "
            "import again."
        )
        return SpreadsheetError(text, file=path.name)
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        text = N_(
            "{file} is an old Excel 97-2003 (.xls) file. Open it in Excel or WPS, save it as "
            "an Excel Workbook (.xlsx) and import that."
        )
        return SpreadsheetError(text, file=path.name)
    return _not_spreadsheet(path, N_("an old Office document"))


def check_zip(path: Path) -> None:
    """Refuse zip bombs, DTDs and containers that are not xlsx workbooks."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise SpreadsheetError(
            N_("{file} is damaged: {error}"), file=path.name, error=str(exc)
        ) from exc
    with archive:
        members = archive.infolist()
        names = {m.filename for m in members}
        _check_container(path, names)
        if len(members) > MAX_MEMBERS:
            raise _bomb(path, f"{len(members)} parts")
        total = sum(m.file_size for m in members)
        if total > MAX_UNCOMPRESSED:
            raise _bomb(path, f"{total} bytes uncompressed")
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > RATIO_FROM and ratio > MAX_RATIO:
                raise _bomb(path, f"{member.filename} expands {ratio:.0f}×")
        for member in members:
            if member.filename.endswith((".xml", ".rels", ".vml")):
                with archive.open(member) as handle:
                    head = handle.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    text = N_(
                        "{file} contains an XML document type declaration (possibly a "
                        "malicious file); it was not read."
                    )
                    raise SpreadsheetError(text, file=path.name)


def _check_container(path: Path, names: set[str]) -> None:
    if "xl/workbook.xml" in names:
        return
    if "xl/workbook.bin" in names:
        text = N_("{file} is an Excel binary workbook (.xlsb). Save it as .xlsx and import that.")
        raise SpreadsheetError(text, file=path.name)
    if "word/document.xml" in names:
        raise _not_spreadsheet(path, N_("a Word document"))
    if any(n.startswith("ppt/") for n in names):
        raise _not_spreadsheet(path, N_("a PowerPoint presentation"))
    if "content.xml" in names and "mimetype" in names:
        text = N_("{file} is an OpenDocument file (.ods). Save it as .xlsx and import that.")
        raise SpreadsheetError(text, file=path.name)
    raise _not_spreadsheet(path, N_("a zip archive"))


def _bomb(path: Path, detail: str) -> SpreadsheetError:
    logger.warning("refused %s: %s", path, detail)
    text = N_("{file} would expand too much ({detail}); it may be a zip bomb and was not read.")
    return SpreadsheetError(text, file=path.name, detail=detail)


# --- the raw pass over a sheet's XML ------------------------------------------------------

_ROW = re.compile(rb"<row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
_FORMULA_NO_VALUE = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)'
    rb"\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)


def scan_sheet(archive: zipfile.ZipFile, member: str, chunk_size: int = 1 << 20) -> SheetScan:
    """Merged ranges, hidden rows and formulas without cached values, in one streaming pass."""
    scan = SheetScan()
    carry = b""
    with archive.open(member) as handle:
        while True:
            chunk = handle.read(chunk_size)
            data = carry + chunk
            if chunk:
                cut = data.rfind(b"</row>")
                cut = cut + 6 if cut >= 0 else 0
                if not cut and len(data) < 64 * chunk_size:
                    carry = data
                    continue
                data, carry = data[:cut], data[cut:]
            _scan_part(data, scan)
            if not chunk:
                break
    return scan


def _scan_part(data: bytes, scan: SheetScan) -> None:
    if b"hidden=" in data:
        for attrs in _ROW.findall(data):
            if _HIDDEN.search(attrs):
                number = _ROW_NUMBER.search(attrs)
                if number:
                    scan.hidden_rows.add(int(number.group(1)))
    if b"<f" in data:
        for letters, number in _FORMULA_NO_VALUE.findall(data):
            col = openpyxl.utils.column_index_from_string(letters.decode())
            scan.formulas_without_value.add((int(number), col))
    if b"<mergeCell" in data:
        for ref in _MERGE.findall(data):
            c1, r1, c2, r2 = range_boundaries(ref.decode())
            scan.merged.append((c1, r1, c2, r2))


# --- opening ------------------------------------------------------------------------------


def open_table(path: str | Path, sheet: str | None = None) -> Table:
    """Open an xlsx or CSV file for import; `sheet` defaults to the first visible sheet."""
    path = Path(path)
    kind = identify(path)
    if kind == "csv":
        return _open_csv(path)
    check_zip(path)
    try:
        workbook = load_read_only(path)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        if type(exc).__name__ in (
            "EntitiesForbidden",
            "DTDForbidden",
            "ExternalReferenceForbidden",
        ):
            text = N_("{file} contains XML entities (possibly malicious); it was not read.")
            raise SpreadsheetError(text, file=path.name) from exc
        raise SpreadsheetError(
            N_("{file} is damaged: {error}"), file=path.name, error=str(exc)
        ) from exc
    return _xlsx_table(path, workbook, sheet)


class _UnsizedSheet(ReadOnlyWorksheet):
    """A read-only sheet that trusts no stored dimension: rows are streamed as they are.

    openpyxl sizes every read-only sheet when the workbook opens from its `<dimension>`
    element; when that is missing (files written by openpyxl write_only, our own list export,
    many generators) it parses the WHOLE sheet once just to find it, and a stale dimension
    (`A1`) makes it stop early, silently dropping rows. Without a size, rows come with the
    cells they have (shorter rows are not padded), the end is the last row in the file.
    """

    def _get_size(self) -> None:
        self._min_column = self._min_row = 1
        self._max_column = self._max_row = None


class _ReadOnlyReader(ExcelReader):
    """openpyxl's reader in read-only mode, creating `_UnsizedSheet`s."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            ws = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)


def load_read_only(path: Path) -> Any:
    """`openpyxl.load_workbook(path, read_only=True, data_only=True)` without the sizing pass."""
    reader = _ReadOnlyReader(path, read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _xlsx_table(path: Path, workbook: Any, sheet: str | None) -> Table:
    sheets = [SheetInfo(ws.title, ws.sheet_state != "visible") for ws in workbook.worksheets]
    if not sheets:
        workbook.close()
        raise SpreadsheetError(N_("{file} has no worksheets"), file=path.name)
    names = [s.name for s in sheets]
    if sheet is None:
        visible = [s.name for s in sheets if not s.hidden]
        sheet = visible[0] if visible else names[0]
    elif sheet not in names:
        workbook.close()
        raise SpreadsheetError(
            N_("No sheet named '{sheet}'; the sheets are: {sheets}"),
            sheet=sheet,
            sheets=", ".join(names),
        )
    ws = workbook[sheet]
    with zipfile.ZipFile(path) as archive:
        scan = scan_sheet(archive, ws._worksheet_path.lstrip("/"))
    epoch1904 = workbook.epoch == dt.datetime(1904, 1, 1)
    table = Table(path, "xlsx", sheets, sheet, scan, epoch1904=epoch1904, _workbook=workbook)
    table.notes.extend(_sheet_notes(sheets, sheet, epoch1904))
    return table


def _sheet_notes(sheets: list[SheetInfo], chosen: str, epoch1904: bool) -> list[Message]:
    notes = []
    hidden = [s.name for s in sheets if s.hidden]
    if hidden:
        notes.append(
            note(
                N_("The workbook has hidden sheets: {sheets} (not imported unless you choose one)"),
                sheets=", ".join(hidden),
            )
        )
    if any(s.name == chosen and s.hidden for s in sheets):
        notes.append(note(N_("Reading the hidden sheet '{sheet}'"), sheet=chosen))
    if epoch1904:
        notes.append(
            note(
                N_(
                    "This workbook uses the 1904 date system (old Mac Excel); dates are "
                    "converted accordingly"
                )
            )
        )
    return notes


def detect_encoding(path: Path) -> str:
    """utf-8-sig for a BOM, utf-8 when the whole file decodes, otherwise GB18030."""
    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("gb18030")()
        try:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            text = N_(
                "The text encoding of {file} is neither UTF-8 nor GB18030/GBK. Save it as "
                "'CSV UTF-8' or .xlsx from Excel."
            )
            raise SpreadsheetError(text, file=path.name) from exc
    return "gb18030"


def _open_csv(path: Path) -> Table:
    encoding = detect_encoding(path)
    with open(path, encoding=encoding, newline="") as handle:
        sample = handle.read(65536)
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    table = Table(
        path,
        "csv",
        [SheetInfo(path.stem, False)],
        path.stem,
        SheetScan(),
        encoding=encoding,
        _delimiter=delimiter,
    )
    label = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "gb18030": "GB18030/GBK"}
    table.notes.append(
        note(N_("CSV encoding: {encoding}"), encoding=label.get(encoding, encoding.upper()))
    )
    return table


def read_preview(table: Table, limit: int = 50) -> list[tuple[int, tuple[Any, ...]]]:
    """The first rows of a table, for header detection and the wizard's preview."""
    found = []
    for item in table.rows():
        found.append(item)
        if len(found) >= limit:
            break
    return found


def is_blank(values: tuple[Any, ...]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    return str(value)
