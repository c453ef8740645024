"""What a file handed to the import is, and whether it may be read at all.

A file is identified by its bytes, never by its name: xlsx/xlsm (an OPC zip package), xlsb,
ods, old .xls (an OLE container), CSV/TXT text; a password-protected workbook, a PDF, a Word
file… get a message saying what they are. Only regular files are opened (a named pipe or a
device would block or never end).

An OPC package is checked before anything parses it: member count, the unpacked size of all
parts and of the shared-strings table, the packing ratio (zip bombs), a DTD in any XML part
(entity expansion), CRC errors. Part names are compared as OPC says (case-insensitively, `\\`
read as `/`), and the workbook part is found through `_rels/.rels`, not by a fixed name.
"""

from __future__ import annotations

import codecs
import logging
import os
import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

from kehu.core.i18n import N_, UserError, translate

logger = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 400_000_000  # all parts together, bytes
MAX_SHARED_STRINGS = 100_000_000  # the shared-strings part unpacked (held in memory whole)
MAX_OTHER_BOOK = 60_000_000  # an .xls/.xlsb/.ods file, read whole into memory (65,536 rows at most)
MAX_RATIO = 120  # uncompressed / compressed, for parts above RATIO_FROM bytes
RATIO_FROM = 2_000_000
MAX_MEMBERS = 5_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
OFFICE_DOCUMENT = "/officeDocument"
STRICT_MAIN = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_RELS = b"http://purl.oclc.org/ooxml/officeDocument/relationships"
TRANSITIONAL_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TRANSITIONAL_RELS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class SpreadsheetError(UserError):
    """A file that cannot be read as a spreadsheet; the message says what to do.

    A `what` value (what the file is instead) is an English source too, translated with the
    message."""

    def message(self, lang: str = "en") -> str:
        values = dict(self.values)
        if "what" in values:
            values["what"] = translate(str(values["what"]), lang)
        return translate(self.text, lang, **values)


def damaged(path: Path, exc: BaseException | str) -> SpreadsheetError:
    logger.warning("damaged file %s: %s", path, exc)
    return SpreadsheetError(N_("{file} is damaged: {error}"), file=path.name, error=str(exc))


# --- identifying the file ---------------------------------------------------------------


def identify(path: Path) -> str:
    """'xlsx', 'xls', 'xlsb', 'ods' or 'csv'; raises SpreadsheetError for anything else."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise SpreadsheetError(
            N_("Cannot open the file {path}: {error}"), path=str(path), error=exc.strerror or exc
        ) from exc
    if not stat.S_ISREG(info.st_mode):
        text = N_("{file} is not a regular file (a folder, pipe or device); choose a spreadsheet")
        raise SpreadsheetError(text, file=path.name)
    if info.st_size == 0:
        raise SpreadsheetError(N_("{file} is empty (0 bytes)"), file=path.name)
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise SpreadsheetError(
            N_("Cannot open the file {path}: {error}"), path=str(path), error=exc.strerror or exc
        ) from exc
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(b"%PDF"):
        raise not_spreadsheet(path, N_("a PDF file"))
    nul = head.count(b"\x00")
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    text_like = path.suffix.lower() in TEXT_SUFFIXES and nul <= max(4, len(head) // 100)
    if nul and not utf16 and not text_like:  # a stray NUL in a CSV is removed on import
        raise not_spreadsheet(path, N_("a binary file"))
    if path.suffix.lower() in TEXT_SUFFIXES:
        return "csv"
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"):
        raise not_spreadsheet(path, N_("a text file (renamed?)"))
    raise not_spreadsheet(path, N_("a file of an unknown kind"))


def not_spreadsheet(path: Path, what: str) -> SpreadsheetError:
    """`what`: what the file is instead, an English source (N_)."""
    text = N_(
        "{file} is not a spreadsheet but {what}. Choose an Excel (.xlsx, .xls), "
        "OpenDocument (.ods) or .csv file."
    )
    return SpreadsheetError(text, file=path.name, what=what)


def _ole_kind(path: Path) -> str:
    """An OLE container: an old .xls workbook, a password-protected xlsx, or another document."""
    if os.path.getsize(path) > MAX_OTHER_BOOK:
        raise _too_big(path)
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        text = N_(
            "{file} is protected with a password and cannot be read. Open it in Excel, remove "
            "the password (File > Info > Protect Workbook > Encrypt with Password), save, and "
            "import again."
        )
        raise SpreadsheetError(text, file=path.name)
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    raise not_spreadsheet(path, N_("an old Office document"))


def _too_big(path: Path) -> SpreadsheetError:
    text = N_(
        "{file} is larger than this kind of workbook may be ({limit} MB). Save it as .xlsx "
        "(or split it) and import that."
    )
    return SpreadsheetError(text, file=path.name, limit=MAX_OTHER_BOOK // 1_000_000)


def _zip_kind(path: Path) -> str:
    names = _names(path)
    if "content.xml" in names and "mimetype" in names:
        kind = "ods"
    elif any(n.endswith(".bin") and n.startswith("xl/workbook") for n in names):
        kind = "xlsb"
    else:
        return "xlsx"
    if os.path.getsize(path) > MAX_OTHER_BOOK:
        raise _too_big(path)
    return kind


def _names(path: Path) -> set[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            return {part_name(n) for n in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise damaged(path, exc) from exc


def part_name(name: str) -> str:
    """An OPC part name as compared: `/` separated, no leading `/`, case-folded."""
    return name.replace("\\", "/").lstrip("/").casefold()


# --- the OPC package of an xlsx/xlsm workbook ---------------------------------------------


@dataclass
class SheetPart:
    name: str
    hidden: bool
    part: str | None  # the member of the sheet's XML, None for a chart sheet or a missing part


@dataclass
class Package:
    """A checked xlsx/xlsm package: its workbook's sheets, date system and parts."""

    path: Path
    archive: zipfile.ZipFile
    members: dict[str, zipfile.ZipInfo]  # part_name → member
    sheets: list[SheetPart] = field(default_factory=list)
    epoch1904: bool = False
    strict: bool = False
    shared_strings: str | None = None  # part names (keys of `members`)
    styles: str | None = None

    def read(self, part: str) -> bytes:
        try:
            return self.archive.read(self.members[part])
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise damaged(self.path, exc) from exc

    def open(self, part: str):
        return self.archive.open(self.members[part])

    def close(self) -> None:
        self.archive.close()


def open_package(path: Path) -> Package:
    """Open and check an xlsx/xlsm package; the caller closes it."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise damaged(path, exc) from exc
    try:
        members = {part_name(m.filename): m for m in archive.infolist() if not m.is_dir()}
        package = Package(path, archive, members)
        _check_sizes(package)
        _check_dtds(package)
        _read_workbook(package)
        return package
    except BaseException:
        archive.close()
        raise


def _check_sizes(package: Package) -> None:
    path, members = package.path, list(package.members.values())
    if len(members) > MAX_MEMBERS:
        raise bomb(path, f"{len(members)} parts")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise bomb(path, f"{total:,} bytes unpacked")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and ratio > MAX_RATIO:
            raise bomb(path, f"{member.filename} expands {ratio:.0f}×")


def bomb(path: Path, detail: str) -> SpreadsheetError:
    logger.warning("refused %s: %s", path, detail)
    text = N_("{file} would expand too much ({detail}); it may be a zip bomb and was not read.")
    return SpreadsheetError(text, file=path.name, detail=detail)


def _check_dtds(package: Package) -> None:
    for name, member in package.members.items():
        if not name.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with package.archive.open(member) as handle:
                head = handle.read(4096)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise damaged(package.path, exc) from exc
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            text = N_(
                "{file} contains an XML document type declaration (possibly a malicious "
                "file); it was not read."
            )
            raise SpreadsheetError(text, file=package.path.name)


def _xml(package: Package, part: str):
    try:
        return ElementTree.fromstring(package.read(part))
    except ElementTree.ParseError as exc:
        raise damaged(package.path, f"{part}: {exc}") from exc
    except Exception as exc:  # defusedxml's refusals (entities, external references)
        if type(exc).__module__.startswith("defusedxml"):
            text = N_("{file} contains XML entities (possibly malicious); it was not read.")
            raise SpreadsheetError(text, file=package.path.name) from exc
        raise


def _relationships(package: Package, source: str) -> list[tuple[str, str, str]]:
    """(id, type, target part name) of the relationships of `source` ('' for the package)."""
    folder, base = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", base + ".rels") if source else "_rels/.rels"
    if rels not in package.members:
        return []
    found = []
    for element in _xml(package, rels):
        if element.get("TargetMode") == "External":
            continue
        target = (element.get("Target") or "").replace("\\", "/")
        if target.startswith("/"):
            resolved = target
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        found.append((element.get("Id") or "", element.get("Type") or "", part_name(resolved)))
    return found


def _read_workbook(package: Package) -> None:
    path = package.path
    workbook = next(
        (t for _i, kind, t in _relationships(package, "") if kind.endswith(OFFICE_DOCUMENT)),
        None,
    )
    if workbook is None and "xl/workbook.xml" in package.members:
        workbook = "xl/workbook.xml"
    if workbook is None or workbook not in package.members:
        _not_a_workbook(package)
    if workbook.endswith(".bin"):
        text = N_("{file} is an Excel binary workbook (.xlsb) with a damaged package.")
        raise SpreadsheetError(text, file=path.name)
    package.strict = STRICT_MAIN in package.read(workbook)[:4096]
    root = _xml(package, workbook)
    targets: dict[str, str] = {}
    for rid, kind, target in _relationships(package, workbook):
        targets[rid] = target
        if kind.endswith("/sharedStrings"):
            package.shared_strings = target if target in package.members else None
        elif kind.endswith("/styles"):
            package.styles = target if target in package.members else None
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "workbookPr":
            package.epoch1904 = (element.get("date1904") or "").lower() in ("1", "true")
        elif tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if k.rsplit("}", 1)[-1] == "id"), "")
            target = targets.get(rid)
            is_sheet = (
                target is not None and target in package.members and "chartsheet" not in target
            )
            package.sheets.append(
                SheetPart(
                    element.get("name") or rid,
                    (element.get("state") or "visible") != "visible",
                    target if is_sheet else None,
                )
            )
    package.sheets = [s for s in package.sheets if s.part is not None]
    if not package.sheets:
        raise SpreadsheetError(N_("{file} has no worksheets"), file=path.name)
    if package.shared_strings:
        size = package.members[package.shared_strings].file_size
        if size > MAX_SHARED_STRINGS:
            logger.warning("refused %s: %s bytes of shared strings", path, size)
            text = N_(
                "{file} has a shared-strings table of {size} MB unpacked; at most {limit} MB "
                "can be read. Split the workbook (or save it as CSV) and import the parts."
            )
            raise SpreadsheetError(text, file=path.name, size=round(size / 1e6, 1),
                                   limit=MAX_SHARED_STRINGS // 1_000_000)  # fmt: skip


def _not_a_workbook(package: Package) -> None:
    names = set(package.members)
    path = package.path
    if "word/document.xml" in names:
        raise not_spreadsheet(path, N_("a Word document"))
    if any(n.startswith("ppt/") for n in names):
        raise not_spreadsheet(path, N_("a PowerPoint presentation"))
    raise not_spreadsheet(path, N_("a zip archive"))
