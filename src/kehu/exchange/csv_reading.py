"""CSV and text lists: the encoding found from the bytes (UTF-8 with or without BOM, UTF-16,
GB18030/GBK), a file mixing encodings refused with the line where the other one starts, the
delimiter sniffed, fields of any length read."""

from __future__ import annotations

import codecs
import csv
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kehu.core.i18n import N_
from kehu.exchange.sheet_files import SpreadsheetError

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a long text cell is a value, not an error

ENCODING_LABELS = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "gb18030": "GB18030/GBK"}


def _unknown(path: Path) -> SpreadsheetError:
    text = N_(
        "The text encoding of {file} is neither UTF-8 nor GB18030/GBK. Save it as "
        "'CSV UTF-8' or .xlsx from Excel."
    )
    return SpreadsheetError(text, file=path.name)


def detect_encoding(path: Path) -> str:
    """utf-8-sig for a BOM, utf-8 when the whole file decodes, otherwise GB18030 when the whole
    file decodes so and no line of it is UTF-8 text; else refused."""
    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        if _decodes(handle, "utf-8"):
            return "utf-8"
        handle.seek(0)
        if not _decodes(handle, "gb18030"):
            raise _unknown(path)
        handle.seek(0)
        _refuse_mixed(path, handle)
    return "gb18030"


def _decodes(handle, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := handle.read(1 << 20):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _refuse_mixed(path: Path, handle) -> None:
    """A GB18030 file with UTF-8 lines in it (pasted from another file) would be stored as
    garbage (娣卞湷…): refuse it, naming the first such line."""
    for number, line in enumerate(handle, start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        text = N_(
            "{file} mixes text encodings: line {line} is UTF-8, the rest GB18030/GBK. Open it "
            "in Excel or a text editor, save it once in one encoding (CSV UTF-8) and import "
            "again."
        )
        raise SpreadsheetError(text, file=path.name, line=number)


def sniff_delimiter(path: Path, encoding: str) -> str:
    with open(path, encoding=encoding, newline="", errors="replace") as handle:
        sample = handle.read(65536)
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return "\t" if sample.count("\t") > sample.count(",") else ","


def csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(line-based row number, values) with empty fields as None."""
    try:
        with open(path, encoding=encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            for number, values in enumerate(reader, start=1):
                yield number, tuple(v if v != "" else None for v in values)
    except UnicodeDecodeError as exc:
        raise _unknown(path) from exc
    except csv.Error as exc:
        text = N_("{file} is not a readable CSV file: {error}")
        raise SpreadsheetError(text, file=path.name, error=str(exc)) from exc
