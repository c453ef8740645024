"""One worksheet of an xlsx package, rewritten as a workbook that python-calamine reads piece by
piece, with what the raw XML says that calamine does not.

calamine turns a whole sheet into one dense grid in memory (≈100 bytes a cell: 2 million cells
of a 100,000-row list take 200 MB), and a single value far out (XFD1048576) makes that grid
billions of cells: the process aborts. So the sheet's XML is streamed once, cut at row ends
into pieces of a few MB whose grid (rows spanned × columns) stays within a budget, and each
piece becomes one sheet of a new, uncompressed workbook in a temporary file beside the shared
strings and styles of the original (so that calamine parses the shared strings once). The
workbook is a normalised package: standard part names, the transitional namespace (a Strict
Open XML file reads like any other), the date system kept.

The same pass records merged ranges, hidden rows, formula cells without a cached value, Excel
error cells (`#N/A` — calamine gives an empty cell), integral numbers written with a decimal
point (`13812345678.0`, which calamine cannot tell from `13812345678`) and drops the cells
beyond column ZZ (counted, reported).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO

from openpyxl.utils import column_index_from_string, range_boundaries

from kehu.exchange.sheet_files import (
    STRICT_MAIN,
    STRICT_RELS,
    TRANSITIONAL_MAIN,
    TRANSITIONAL_RELS,
    Package,
    damaged,
)

CHUNK_BYTES = 8 << 20  # sheet XML per piece
CELL_BUDGET = 1_500_000  # grid cells of one piece (rows spanned × columns)
READ_SIZE = 1 << 20
MAX_HEAD = 16 << 20  # XML before <sheetData>
MAX_ROW = 64 << 20  # one row's XML
_BETWEEN_TAGS = re.compile(rb">\s+<")
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*/>")
_SHEET_DATA = re.compile(rb"<([\w.-]+:)?sheetData\b[^>]*?(/?)>")


@dataclass
class SheetScan:
    """What the raw XML says about a sheet (1-based rows and columns)."""

    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # c1, r1, c2, r2
    hidden_rows: set[int] = field(default_factory=set)
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)  # (row, col)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → '#N/A'
    decimal_integers: set[tuple[int, int]] = field(default_factory=set)
    far_cells: int = 0  # cells beyond column ZZ, dropped
    last_row: int = 0
    width: int = 0  # an upper bound of the columns used


@lru_cache(maxsize=4)
def _patterns(p: bytes) -> dict[str, re.Pattern[bytes]]:
    """The patterns for a sheet whose elements carry the namespace prefix `p` (b'' or b'x:')."""
    p = re.escape(p)
    formula = rb"<" + p + rb"f\b[^>]*(?:/>|>[^<]*</" + p + rb"f>)"
    return {
        "row": re.compile(rb"<" + p + rb"row\b([^>]*)>"),
        "row_number": re.compile(rb"<" + p + rb"row\b[^>]*?\br=\"(\d+)\""),
        "row_tag": re.compile(rb"<" + p + rb"row\b"),
        "formula": re.compile(
            rb"<"
            + p
            + rb"c\b[^>]*?\br=\"([A-Z]+)(\d+)\"[^>]*>\s*"
            + formula
            + rb"\s*(?:<"
            + p
            + rb"v\s*/>|<"
            + p
            + rb"v>\s*</"
            + p
            + rb"v>)?\s*</"
            + p
            + rb"c>"
        ),  # fmt: skip
        "error": re.compile(
            rb"<" + p + rb"c\b(?=[^>]*\bt=\"e\")([^>]*)>(.*?)</" + p + rb"c>", re.S
        ),
        "decimal": re.compile(
            rb"<"
            + p
            + rb"c\b([^>]*)>(?:"
            + formula
            + rb")?<"
            + p
            + rb"v>(-?\d+\.0+)</"
            + p
            + rb"v>"
        ),  # fmt: skip
        "value": re.compile(rb"<" + p + rb"v>([^<]*)</" + p + rb"v>"),
        "far": re.compile(
            rb"<" + p + rb"c\b[^>]*?\br=\"[A-Z]{3,}\d+\"[^>]*?(?:/>|>.*?</" + p + rb"c>)", re.S
        ),
        "merge": re.compile(rb"<" + p + rb"mergeCell\b[^>]*\bref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\""),
    }


_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_FAR_REF = re.compile(rb' r="[A-Z]{3}')
_TWO_LETTERS = re.compile(rb' r="([A-Z]{2})\d')


def _cell(attrs: bytes) -> tuple[int, int] | None:
    ref = _REF.search(attrs)
    if ref is None:
        return None
    return int(ref.group(2)), column_index_from_string(ref.group(1).decode())


class _Writer:
    """Pieces of one sheet as sheets p1, p2 … of the new workbook."""

    def __init__(self, archive: zipfile.ZipFile, head: bytes, closing: bytes) -> None:
        self.archive, self.head, self.closing = archive, head, closing
        self.count = 0
        self.handle: IO[bytes] | None = None
        self.size = 0
        self.first = self.last = 0

    def write(self, rows: bytes, first: int, last: int, width: int, split: bool = True) -> None:
        """Rows `first`..`last` (row numbers, any order); a new piece when the grid would grow
        past the budget or the piece past its size (unless `split` is False)."""
        if self.handle is not None and split:
            low, high = min(self.first, first), max(self.last, last)
            if (high - low + 1) * width > CELL_BUDGET or self.size >= CHUNK_BYTES:
                self.end()
        if self.handle is None:
            self.count += 1
            info = zipfile.ZipInfo(f"xl/worksheets/p{self.count}.xml")
            self.handle = self.archive.open(info, "w")
            self.handle.write(self.head)
            self.first, self.last, self.size = first, last, 0
        self.first, self.last = min(self.first, first), max(self.last, last)
        self.handle.write(rows)
        self.size += len(rows)

    def end(self) -> None:
        if self.handle is not None:
            self.handle.write(self.closing)
            self.handle.close()
            self.handle = None


def split_sheet(package: Package, part: str, archive: zipfile.ZipFile) -> tuple[SheetScan, int]:
    """Write the sheet `part` of `package` as pieces into `archive`; (scan, number of pieces)."""
    scan = SheetScan()
    try:
        with package.open(part) as handle:
            count = _split(package, handle, archive, scan)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise damaged(package.path, exc) from exc
    width = max(scan.width, 1)
    scan.merged = [
        (c1, r1, min(c2, width), min(r2, scan.last_row))
        for c1, r1, c2, r2 in scan.merged
        if c1 <= width and r1 <= scan.last_row
    ]
    return scan, count


def _split(package: Package, handle: IO[bytes], archive: zipfile.ZipFile, scan: SheetScan) -> int:
    data = b""
    while True:
        chunk = handle.read(READ_SIZE)
        data += chunk
        found = _SHEET_DATA.search(data)
        if found or not chunk:
            break
        if len(data) > MAX_HEAD:
            raise damaged(package.path, "no <sheetData> in the sheet")
    if found is None:
        return 0
    prefix = found.group(1) or b""
    head = _DIMENSION.sub(b"", data[: found.start()]) + b"<" + prefix + b"sheetData>"
    if package.strict:
        head = head.replace(STRICT_MAIN, TRANSITIONAL_MAIN).replace(STRICT_RELS, TRANSITIONAL_RELS)
    closing = b"</" + prefix + b"sheetData></" + prefix + b"worksheet>"
    patterns = _patterns(prefix)
    writer = _Writer(archive, head, closing)
    rest = data[found.end() :]
    if found.group(2) == b"/":
        _scan_tail(rest + handle.read(), patterns, scan)
        return 0
    end_tag, row_end = b"</" + prefix + b"sheetData>", b"</" + prefix + b"row>"
    single = False  # rows without numbers: calamine counts them, so one piece only
    while True:
        end = rest.find(end_tag)
        if end >= 0:
            _emit(rest[:end], patterns, scan, writer, single)
            _scan_tail(rest[end:] + handle.read(), patterns, scan)
            break
        if len(rest) >= CHUNK_BYTES // 2:
            cut = rest.rfind(row_end)
            if cut >= 0:
                cut += len(row_end)
                single = _emit(rest[:cut], patterns, scan, writer, single)
                rest = rest[cut:]
            elif len(rest) > MAX_ROW:  # padding between tags, or one enormous row
                rest = _BETWEEN_TAGS.sub(b"><", rest)
                if len(rest) > MAX_ROW:
                    raise damaged(package.path, "a row of the sheet is larger than 64 MB")
        chunk = handle.read(READ_SIZE)
        if not chunk:
            raise damaged(package.path, "the sheet's XML ends early")
        rest += chunk
    writer.end()
    return writer.count


def _emit(
    rows: bytes,
    patterns: dict[str, re.Pattern[bytes]],
    scan: SheetScan,
    writer: _Writer,
    single: bool,
) -> bool:
    """Scan a run of whole rows and write it; True once rows without numbers were seen."""
    if not rows.strip():
        return single
    if _FAR_REF.search(rows):
        rows, dropped = patterns["far"].subn(b"", rows)
        scan.far_cells += dropped
    _scan_rows(rows, patterns, scan)
    numbers = [(m.start(), int(m.group(1))) for m in patterns["row_number"].finditer(rows)]
    tags = len(patterns["row_tag"].findall(rows))
    single = single or tags != len(numbers)
    letters = set(_TWO_LETTERS.findall(rows))
    width = column_index_from_string(max(letters).decode()) if letters else 26
    scan.width = max(scan.width, width if letters else _one_letter_width(rows))
    if numbers:
        scan.last_row = max(scan.last_row, max(n for _s, n in numbers))
    if single or not numbers:
        writer.write(rows, writer.first or 1, writer.last or 1, 0, split=False)
        return single
    first, last = numbers[0][1], numbers[-1][1]
    low, high = min(first, last), max(first, last)
    if (high - low + 1) * width <= CELL_BUDGET and (
        writer.handle is None
        or (max(high, writer.last) - min(low, writer.first) + 1) * width <= CELL_BUDGET
    ):
        writer.write(rows, low, high, width)
        return False
    for index, (start, number) in enumerate(numbers):  # far apart: one row at a time
        stop = numbers[index + 1][0] if index + 1 < len(numbers) else len(rows)
        writer.write(rows[start if index else 0 : stop], number, number, width)
    return False


def _one_letter_width(rows: bytes) -> int:
    letters = set(re.findall(rb' r="([A-Z])\d', rows))
    return column_index_from_string(max(letters).decode()) if letters else 1


def _scan_rows(rows: bytes, patterns: dict[str, re.Pattern[bytes]], scan: SheetScan) -> None:
    if b'hidden="1"' in rows or b'hidden="true"' in rows:
        for attrs in patterns["row"].findall(rows):
            if _HIDDEN.search(attrs):
                number = _ROW_NUMBER.search(attrs)
                if number:
                    scan.hidden_rows.add(int(number.group(1)))
    if b"f>" in rows or b"f/>" in rows or b"<f " in rows:
        for letters, number in patterns["formula"].findall(rows):
            scan.formulas_without_value.add(
                (int(number), column_index_from_string(letters.decode()))
            )
    if b't="e"' in rows:
        for attrs, body in patterns["error"].findall(rows):
            cell = _cell(attrs)
            value = patterns["value"].search(body)
            if cell is not None:
                scan.errors[cell] = value.group(1).decode("ascii", "replace") if value else "#N/A"
    if b".0</" in rows:
        for attrs, _number in patterns["decimal"].findall(rows):
            cell = _cell(attrs)
            if cell is not None and b't="s"' not in attrs:
                scan.decimal_integers.add(cell)


def _scan_tail(tail: bytes, patterns: dict[str, re.Pattern[bytes]], scan: SheetScan) -> None:
    if b"mergeCell" in tail:
        for ref in patterns["merge"].findall(tail):
            c1, r1, c2, r2 = range_boundaries(ref.decode())
            scan.merged.append((c1, r1, c2, r2))


# --- the new workbook ----------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>'
)
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships">{items}</Relationships>'
)
_REL = '<Relationship Id="{id}" Type="{base}/{kind}" Target="{target}"/>'
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rels}">'
    "<workbookPr{date1904}/><sheets>{sheets}</sheets></workbook>"
)


def write_workbook(package: Package, part: str, target: IO[bytes]) -> tuple[SheetScan, int]:
    """The sheet `part` as a normalised, uncompressed workbook written to `target`."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        scan, count = split_sheet(package, part, archive)
        rels = []
        for number in range(1, count + 1):
            rels.append(
                _REL.format(id=f"rId{number}", base=_REL_BASE, kind="worksheet",
                            target=f"worksheets/p{number}.xml")
            )  # fmt: skip
        if package.styles:
            _copy(package, package.styles, "xl/styles.xml", archive)
            rels.append(_REL.format(id="rIdS", base=_REL_BASE, kind="styles", target="styles.xml"))
        if package.shared_strings:
            _copy(package, package.shared_strings, "xl/sharedStrings.xml", archive)
            rels.append(
                _REL.format(id="rIdT", base=_REL_BASE, kind="sharedStrings",
                            target="sharedStrings.xml")
            )  # fmt: skip
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/p{n}.xml" ContentType="{_SHEET_TYPE}"/>'
            for n in range(1, count + 1)
        )
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(overrides=overrides))
        archive.writestr(
            "_rels/.rels",
            _RELS.format(
                items=_REL.format(id="rId1", base=_REL_BASE, kind="officeDocument",
                                  target="xl/workbook.xml")
            ),
        )  # fmt: skip
        archive.writestr("xl/_rels/workbook.xml.rels", _RELS.format(items="".join(rels)))
        sheets = "".join(
            f'<sheet name="p{n}" sheetId="{n}" r:id="rId{n}"/>' for n in range(1, count + 1)
        )
        archive.writestr(
            "xl/workbook.xml",
            _WORKBOOK.format(
                main=TRANSITIONAL_MAIN.decode(),
                rels=TRANSITIONAL_RELS.decode(),
                date1904=' date1904="1"' if package.epoch1904 else "",
                sheets=sheets,
            ),
        )
    return scan, count


def _copy(package: Package, source: str, name: str, archive: zipfile.ZipFile) -> None:
    """Copy a part, streamed; a Strict part gets the transitional namespace."""
    try:
        with package.open(source) as handle, archive.open(name, "w") as out:
            first = True
            while chunk := handle.read(READ_SIZE):
                if first and package.strict:
                    chunk = chunk.replace(STRICT_MAIN, TRANSITIONAL_MAIN)
                first = False
                out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise damaged(package.path, exc) from exc
