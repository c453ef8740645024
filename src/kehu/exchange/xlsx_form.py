"""The customer-information form (客户资料表) as an Excel workbook, and reading it back.

One sheet per customer, blank or pre-filled. Hidden column A holds the field keys, hidden
column D the value as printed; the customer writes in column C (the only unlocked cells).
Reading a returned form yields, per sheet, the fields whose value differs from the printed
one — the proposals a person reviews before anything reaches the dossier. Sections 3 and 4
(business situation, trading and credit) are the company's own assessment and are not on it.
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from kehu.core.fields import (
    CUSTOMER_FIELDS,
    PERSON_FIELDS,
    FieldDef,
    Kind,
    Section,
    customer_form_fields,
    person_form_fields,
    section_label,
)
from kehu.core.i18n import N_, translate
from kehu.core.values import display, to_python, to_text
from kehu.exchange.xlsx_cells import CellIssue, convert
from kehu.exchange.xlsx_reading import SpreadsheetError, check_zip, identify
from kehu.exchange.xlsx_safety import safe_cell_value
from kehu.exchange.xlsx_saving import save_book
from kehu.exchange.xlsx_sheets import unique_sheet_name

logger = logging.getLogger(__name__)

MARKER = "kehu-form/1"
BLANK_PERSON_SLOTS = 2
FORM_TITLE = N_("Customer information form")
_PERSON = {f.name: f for f in PERSON_FIELDS}
_CUSTOMER = {f.name: f for f in CUSTOMER_FIELDS}
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LABEL_FILL = PatternFill("solid", fgColor="EDEDED")
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def form_fields() -> list[tuple[Section, list[FieldDef]]]:
    """The sections and fields the form asks: `customer_form_fields()`, section by section."""
    sections: dict[Section, list[FieldDef]] = {}
    for f in customer_form_fields():
        sections.setdefault(f.section, []).append(f)
    return list(sections.items())


def field_of(key: str) -> FieldDef | None:
    """The catalogue field of a form key (`phone`, `person.12.mobile`, `person.new1.name`)."""
    if key.startswith("person."):
        return _PERSON.get(key.rsplit(".", 1)[-1])
    return _CUSTOMER.get(key)


def write_forms(path: Path, dossiers: list[Any], lang: str = "zh_CN") -> int:
    """One form sheet per dossier (objects with `code`, `values`, `persons`, values already
    masked); an empty list gives one blank form. Returns the number of dossiers."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    title = translate(FORM_TITLE, lang)
    for dossier in dossiers or [None]:
        base = dossier.values.get("name") if dossier else title
        sheet = workbook.create_sheet(unique_sheet_name(base or title, used))
        _write_form(sheet, dossier, lang)
    save_book(workbook, path)
    return len(dossiers)


def _write_form(ws, dossier, lang: str) -> None:
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["D"].hidden = True
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 56
    ws["A1"], ws["A2"] = MARKER, dossier.code if dossier else ""
    ws.merge_cells("B1:C1")
    ws["B1"] = translate(FORM_TITLE, lang)
    ws["B1"].font = Font(name="宋体", size=18, bold=True)
    ws["B1"].alignment = _CENTER
    ws.row_dimensions[1].height = 32
    ws.merge_cells("B2:C2")
    ws["B2"] = (
        translate(N_("Customer code: {code}"), lang, code=dossier.code)
        if dossier
        else translate(N_("New customer (please fill in everything)"), lang)
    )
    ws.merge_cells("B3:C3")
    ws["B3"] = translate(
        N_(
            "Fill in or correct the white cells on the right; do not change the grey part. "
            "We check every item before updating our records."
        ),
        lang,
    )
    ws["B3"].alignment = _LEFT
    ws.row_dimensions[3].height = 30
    row = 4
    choice_cells: dict[str, list[str]] = {}
    for section, fields in form_fields():
        row = _heading(ws, row, section_label(section, lang))
        for f in fields:
            value = dossier.values.get(f.name) if dossier else None
            row = _field_row(ws, row, f.name, f, value, choice_cells, lang)
    persons = list(dossier.persons) if dossier else []
    slots = [(str(p["id"]), p) for p in persons]
    slots += [(f"new{i}", {}) for i in range(1, BLANK_PERSON_SLOTS + 1)]
    for number, (slot, person) in enumerate(slots, start=1):
        row = _heading(ws, row, translate(N_("Contact {number}"), lang, number=number))
        for f in person_form_fields():
            key = f"person.{slot}.{f.name}"
            row = _field_row(ws, row, key, f, person.get(f.name), choice_cells, lang)
    _choice_validations(ws, choice_cells, lang)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.print_options.horizontalCentered = True
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"B1:C{row - 1}"


def _heading(ws, row: int, text: str) -> int:
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
    cell = ws.cell(row, 2, text)
    cell.font = Font(name="宋体", size=12, bold=True)
    cell.fill, cell.alignment = _HEAD_FILL, _CENTER
    for col in (2, 3):
        ws.cell(row, col).border = _BORDER
    return row + 1


def _field_row(ws, row: int, key: str, f: FieldDef, value: Any, choices: dict, lang: str) -> int:
    ws.cell(row, 1, key)
    required = f.required and not key.startswith("person")
    text = translate(N_("{label} (required)"), lang, label=f.label(lang)) if required else None
    label = ws.cell(row, 2, text or f.label(lang))
    label.fill, label.alignment, label.border = _LABEL_FILL, _CENTER, _BORDER
    cell = ws.cell(row, 3, _written(f, value, lang))
    cell.alignment, cell.border = _LEFT, _BORDER
    cell.protection = Protection(locked=False)
    if f.kind in (Kind.PHONE, Kind.MOBILE, Kind.POSTAL_CODE, Kind.USCC, Kind.ID_NUMBER):
        cell.number_format = "@"
    elif f.kind is Kind.DATE:
        cell.number_format = "yyyy-mm-dd"
    elif f.kind is Kind.MONEY:
        cell.number_format = "#,##0.00"
    if f.kind is Kind.LONGTEXT:
        ws.row_dimensions[row].height = 45
    if f.kind is Kind.CHOICE:
        choices.setdefault(f.name, []).append(cell.coordinate)
    ws.cell(row, 4, to_text(value))
    return row + 1


def _written(f: FieldDef, value: Any, lang: str) -> Any:
    if value is None:
        return None
    if f.kind is Kind.CHOICE:
        return display(f, value, lang)
    if isinstance(value, (dt.date, int, float)) or f.kind is Kind.MONEY:
        return value
    return safe_cell_value(str(value))


def _choice_validations(ws, cells: dict[str, list[str]], lang: str) -> None:
    for name, coordinates in cells.items():
        f = _PERSON.get(name) if name not in _CUSTOMER else _CUSTOMER[name]
        options = ",".join(c.label(lang) for c in f.choices)
        validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
        validation.error = translate(N_("Choose from the list"), lang)
        ws.add_data_validation(validation)
        for coordinate in coordinates:
            validation.add(coordinate)


@dataclass
class Proposal:
    key: str
    row: int
    proposed: Any  # Python value (None: the customer cleared it)
    original: Any
    raw: Any
    issues: list[CellIssue] = field(default_factory=list)

    @property
    def error(self) -> CellIssue | None:
        return next((i for i in self.issues if i.error), None)


@dataclass
class FilledForm:
    sheet: str
    code: str | None
    proposals: list[Proposal]


def read_forms(path: Path) -> list[FilledForm]:
    """The changed fields of every form sheet in a returned workbook."""
    if identify(path) != "xlsx":
        raise SpreadsheetError(N_("A customer form is an .xlsx file from kehu"))
    check_zip(path)
    with warnings.catch_warnings(record=True) as caught:  # logged, never on the terminal
        warnings.simplefilter("always")
        try:
            workbook = openpyxl.load_workbook(path, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for damaged files
            raise SpreadsheetError(
                N_("{file} is damaged: {error}"), file=path.name, error=str(exc)
            ) from exc
    for warning in caught:
        logger.warning("reading %s: %s", path.name, warning.message)
    try:
        epoch1904 = workbook.epoch == dt.datetime(1904, 1, 1)
        forms = [
            _read_form(ws, epoch1904) for ws in workbook.worksheets if ws["A1"].value == MARKER
        ]
    finally:
        workbook.close()
    if not forms:
        text = N_("{file} contains no customer form (use a form exported by kehu)")
        raise SpreadsheetError(text, file=path.name)
    return forms


def _read_form(ws, epoch1904: bool) -> FilledForm:
    proposals = []
    for row in range(4, ws.max_row + 1):
        key = ws.cell(row, 1).value
        f = field_of(key) if isinstance(key, str) else None
        if f is None:
            continue
        raw = ws.cell(row, 3).value
        printed = ws.cell(row, 4).value
        original = to_python(f, printed) if printed not in (None, "") else None
        proposed, issues = convert(f, raw, epoch1904)
        if proposed == original and not any(i.error for i in issues):
            continue
        if raw in (None, "") and original is None:
            continue
        proposals.append(Proposal(key, row, proposed, original, raw, issues))
    code = ws["A2"].value
    return FilledForm(ws.title, str(code) if code else None, proposals)
