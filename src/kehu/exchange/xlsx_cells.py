"""Turning one spreadsheet cell into a catalogue value, with the hazards of real sheets named.

Excel keeps 15 significant digits, so an ID or credit code typed as a number has lost its last
digits: that is an error, never guessed back. Leading zeros of postal and area codes vanish
when they are numbers: also an error. A mobile number stored as 13812345678.0 is read as
13812345678 with a warning; date serials are converted with the workbook's date system;
full-width characters and invisible spaces are normalised with a warning.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from kehu.core.fields import FieldDef, Kind
from kehu.core.i18n import N_, translate
from kehu.core.validation import check_value, clean_text, uscc_check_character
from kehu.core.values import to_python
from kehu.exchange.xlsx_safety import CONTROL, DANGEROUS_STARTS, is_error_text

NUMBER_KINDS = (Kind.PHONE, Kind.MOBILE, Kind.USCC, Kind.ID_NUMBER, Kind.POSTAL_CODE)
TEXT_KINDS = (Kind.TEXT, Kind.EMAIL, Kind.URL, Kind.CHOICE, *NUMBER_KINDS)
_FLOAT_TEXT = re.compile(r"(\d+)\.0+")
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE]\+?\d+")
_FAST_MOBILE = re.compile(r"1[3-9]\d{9}")
_FAST_LANDLINE = re.compile(r"0\d{2,3}-\d{7,8}")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u3000\u00a0]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")  # as kehu.core.validation.check_email
FIRST_DATE = dt.date(1900, 1, 1)
_USCC_SHAPE = re.compile(r"[1-9ANY][0-9A-HJ-NP-RTUW-Y][0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}")


@dataclass(frozen=True)
class CellIssue:
    """A problem with one cell: an English source (N_) and its values, or a validation issue
    (`source`) that carries its own message; translated when shown."""

    error: bool
    text: str = ""
    values: tuple[tuple[str, Any], ...] = ()
    source: Any = None

    def message(self, lang: str) -> str:
        if self.source is not None:
            return self.source.message(lang)
        return translate(self.text, lang, **dict(self.values))


def _error(text: str, /, **values: Any) -> CellIssue:
    return CellIssue(True, text, tuple(values.items()))


def _warning(text: str, /, **values: Any) -> CellIssue:
    return CellIssue(False, text, tuple(values.items()))


def convert(field: FieldDef, raw: Any, epoch1904: bool = False) -> tuple[Any, list[CellIssue]]:
    """(Python value or None, issues). An error issue means the value must not be used."""
    if raw is None:
        return None, []
    issues: list[CellIssue] = []
    if isinstance(raw, bool):
        raw = "是" if raw else "否"
    if isinstance(raw, (int, float)):
        raw = _from_number(field, raw, epoch1904, issues)
    elif isinstance(raw, (dt.datetime, dt.date)):
        raw = _from_date(field, raw, issues)
    elif isinstance(raw, str):
        raw = _from_text(field, raw, issues)
    if raw is None or any(i.error for i in issues):
        return None, issues
    if not _fast_valid(field, raw):
        issue = check_value(field, raw)
        if issue is not None:
            issues.append(CellIssue(issue.is_error, source=issue))
            if issue.is_error:
                return None, issues
    try:
        return to_python(field, raw), issues
    except (ValueError, ArithmeticError):
        issues.append(_error(N_("'{value}' cannot be read"), value=raw))
        return None, issues


SLOW = object()  # a fast converter's answer for a cell that needs `convert`


def fast_converter(field: FieldDef) -> Callable[[Any], Any]:
    """A converter for the well-formed cells of one column, built once per import.

    It returns exactly what `convert(field, raw)` returns when that finds no issue (tested
    cell by cell in tests/integration/test_xlsx_fast_cells.py), or `SLOW` for any cell it is
    not sure about: those go through `convert`, with its messages. A text cell is clean when
    it is ASCII, or NFKC-normalised without invisible spaces — then `clean_text` would leave
    it as it is.
    """
    kind = field.kind
    limit = field.max_length or 0
    checks: dict[Kind, Callable[[str], bool] | None] = {
        Kind.TEXT: None,
        Kind.URL: None,
        Kind.EMAIL: lambda t: _EMAIL.fullmatch(t) is not None,
        Kind.MOBILE: lambda t: _FAST_MOBILE.fullmatch(t) is not None,
        Kind.PHONE: lambda t: (
            _FAST_MOBILE.fullmatch(t) is not None or _FAST_LANDLINE.fullmatch(t) is not None
        ),
        Kind.POSTAL_CODE: lambda t: (
            len(t) == 6 and t.isascii() and t.isdigit() and t[0] != "9" and t[:2] != "00"
        ),
        Kind.USCC: lambda t: (
            _USCC_SHAPE.fullmatch(t) is not None
            and _SCIENTIFIC.fullmatch(t) is None
            and uscc_check_character(t) == t[17]
        ),
    }
    if kind in checks:
        return _fast_text(checks[kind], limit)
    if kind is Kind.CHOICE:
        return _fast_choice(field, limit)
    if kind is Kind.LONGTEXT:
        return _fast_longtext(limit)
    if kind is Kind.DATE:
        return _fast_date
    if kind is Kind.MONEY:
        return _fast_money
    if kind is Kind.INTEGER:
        return _fast_integer
    return lambda raw: SLOW


def _clean_text_cell(raw: Any) -> str | None:
    """The stripped text of a str cell that `_from_text` would not change, else None."""
    if type(raw) is not str or raw[:1] == "'":
        return None
    text = raw.strip()
    if not text.isprintable() or text[:1] == "#":
        return None
    if text.isascii() or (
        unicodedata.is_normalized("NFKC", text) and _INVISIBLE.search(text) is None
    ):
        return text
    return None


def _fast_text(valid: Callable[[str], bool] | None, limit: int) -> Callable[[Any], Any]:
    normalised = unicodedata.is_normalized
    invisible = _INVISIBLE.search

    def fast(raw: Any) -> Any:  # _clean_text_cell inlined: this runs for most cells
        if type(raw) is not str or raw[:1] == "'":
            return SLOW
        text = raw.strip()
        if not text.isascii() and (not normalised("NFKC", text) or invisible(text)):
            return SLOW
        if not text:
            return None
        if text[0] == "#" or not text.isprintable():  # error literals, control characters
            return SLOW
        if (limit and len(text) > limit) or (valid is not None and not valid(text)):
            return SLOW
        return text

    return fast


def _fast_choice(field: FieldDef, limit: int) -> Callable[[Any], Any]:
    values: dict[str, str] = {}
    for choice in field.choices:  # the first choice naming a text wins, as in to_python
        for text in (choice.value, choice.label("zh_CN"), choice.text):
            values.setdefault(text, choice.value)

    def fast(raw: Any) -> Any:
        text = _clean_text_cell(raw)
        if text is None or text not in values or (limit and len(text) > limit):
            return SLOW
        return values[text]

    return fast


def _fast_longtext(limit: int) -> Callable[[Any], Any]:
    def fast(raw: Any) -> Any:
        if type(raw) is not str or raw[:1] in "'#" or "\r" in raw or (limit and len(raw) > limit):
            return SLOW
        if not raw.isprintable() and CONTROL.search(raw):
            return SLOW
        return raw.strip() or None

    return fast


def _fast_date(raw: Any) -> Any:
    if type(raw) is dt.datetime:
        return raw.date()
    if type(raw) is dt.date:
        return raw
    return SLOW


def _fast_money(raw: Any) -> Any:
    if type(raw) is int:
        return Decimal(raw)
    if type(raw) is float and math.isfinite(raw):
        return Decimal(repr(raw))
    return SLOW


def _fast_integer(raw: Any) -> Any:
    if type(raw) is int and raw >= 0:
        return raw
    if type(raw) is float and raw.is_integer() and raw >= 0:
        return int(raw)
    return SLOW


def _fast_valid(field: FieldDef, value: Any) -> bool:
    """Common well-formed values that need no full check (phone parsing is slow)."""
    if field.kind is Kind.TEXT:
        return not field.required and (not field.max_length or len(str(value)) <= field.max_length)
    if field.kind in (Kind.PHONE, Kind.MOBILE) and isinstance(value, str):
        if _FAST_MOBILE.fullmatch(value):
            return True
        return field.kind is Kind.PHONE and bool(_FAST_LANDLINE.fullmatch(value))
    return False


def _from_number(field: FieldDef, raw: int | float, epoch1904: bool, issues: list) -> Any:
    kind = field.kind
    if kind is Kind.DATE:
        return _from_serial(raw, epoch1904, issues)
    if kind in (Kind.MONEY, Kind.COORD):
        return raw
    if kind is Kind.INTEGER:
        if isinstance(raw, float) and not raw.is_integer():
            issues.append(_error(N_("'{value}' is not a whole number"), value=raw))
            return None
        return str(int(raw))  # checked as text: negative counts are refused there
    if kind is Kind.LONGTEXT:
        return _number_text(raw)
    if abs(raw) >= 1e15:
        shown = f"{int(raw)}" if abs(raw) < 1e30 else f"{raw:E}"
        issues.append(
            _error(
                N_(
                    "This cell holds a number with more than 15 digits, which Excel cannot keep: "
                    "it reads {shown} and the last digits are lost. Format the column as Text, "
                    "type the original number again and re-import."
                ),
                shown=shown,
            )
        )
        return None
    if isinstance(raw, float) and not raw.is_integer():
        if kind in NUMBER_KINDS:
            issues.append(_error(N_("'{value}' is not a number of this kind"), value=raw))
            return None
        return _number_text(raw)
    digits = str(int(raw))
    if kind is Kind.POSTAL_CODE and len(digits) < 6:
        issues.append(
            _error(
                N_(
                    "The postal code is stored as the number {digits} with {n} digits: leading "
                    "zeros may have been lost. Check it and enter all six digits as text."
                ),
                digits=digits,
                n=len(digits),
            )
        )
        return None
    if kind in (Kind.PHONE, Kind.MOBILE):
        return _phone_from_number(raw, digits, issues)
    if isinstance(raw, float):
        issues.append(
            _warning(
                N_("The number {value} was read as the text '{digits}'"), value=raw, digits=digits
            )
        )
    return digits


def _phone_from_number(raw: int | float, digits: str, issues: list) -> str | None:
    lost_zero = (not digits.startswith("1") and 9 <= len(digits) <= 11) or (
        digits.startswith("1") and len(digits) == 10  # 010 (Beijing) without its 0
    )
    if lost_zero:
        issues.append(
            _error(
                N_(
                    "The phone number is stored as the number {digits}: the leading 0 of the "
                    "area code is lost. Enter the full number as text (e.g. 0{digits})."
                ),
                digits=digits,
            )
        )
        return None
    if isinstance(raw, float):
        issues.append(
            _warning(
                N_("The phone number was stored as a decimal number ({value}); read as {digits}"),
                value=raw,
                digits=digits,
            )
        )
    return digits


def _number_text(raw: int | float) -> str:
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e15:
        return str(int(raw))
    return str(raw)


def _from_serial(raw: int | float, epoch1904: bool, issues: list) -> dt.date | None:
    if not 1 <= raw < 2958466:
        issues.append(
            _error(
                N_(
                    "The number {value} is no possible date serial (Excel's dates run from "
                    "1 = 1900-01-01 to 2958465 = 9999-12-31)"
                ),
                value=_number_text(raw),
            )
        )
        return None
    epoch = CALENDAR_MAC_1904 if epoch1904 else CALENDAR_WINDOWS_1900
    value = from_excel(raw, epoch)
    date = value.date() if isinstance(value, dt.datetime) else value
    system = "1904" if epoch1904 else "1900"
    issues.append(
        _warning(
            N_(
                "The date is stored as the serial number {serial} (no date format); read with "
                "the {system} date system as {date}"
            ),
            serial=raw,
            system=system,
            date=date.isoformat(),
        )
    )
    return date


def _from_date(field: FieldDef, raw: dt.date, issues: list) -> Any:
    date = raw.date() if isinstance(raw, dt.datetime) else raw
    if date < FIRST_DATE:  # a negative or zero serial shown with a date format
        issues.append(
            _error(N_("{date} is before 1900-01-01: no real date here"), date=date.isoformat())
        )
        return None
    if field.kind is Kind.DATE:
        return date
    if field.kind in (Kind.TEXT, Kind.LONGTEXT):
        return date.isoformat()
    issues.append(CellIssue(True, source=_DateInNumberColumn(date.isoformat(), field)))
    return None


@dataclass(frozen=True)
class _DateInNumberColumn:
    """A date in a column of another kind; the column's label is translated too."""

    date: str
    field: FieldDef

    def message(self, lang: str) -> str:
        text = N_(
            "The cell holds a date ({date}) but the column is '{column}'. Excel may have "
            "turned the number into a date."
        )
        return translate(text, lang, date=self.date, column=self.field.label(lang))


def _from_text(field: FieldDef, raw: str, issues: list) -> Any:
    quoted = raw[:1] == "'" and (raw[1:].startswith(DANGEROUS_STARTS) or is_error_text(raw[1:]))
    if quoted:
        raw = raw[1:]  # written so by our own export to neutralise formulas and error values
    if CONTROL.search(raw):
        raw = CONTROL.sub("", raw)
        issues.append(
            _warning(
                N_(
                    "Control characters (such as NUL or a vertical tab) were removed: Excel "
                    "cannot hold them"
                )
            )
        )
    if not raw.strip():
        return None
    if not quoted and is_error_text(raw):
        issues.append(
            _error(
                N_(
                    "The cell holds the Excel error {value} (a formula that failed), not a "
                    "value. Correct it in the sheet and import again."
                ),
                value=raw.strip(),
            )
        )
        return None
    kind = field.kind
    if kind is Kind.LONGTEXT:
        return raw
    text = raw.strip()
    if kind in TEXT_KINDS or kind is Kind.DATE:
        cleaned = clean_text(_INVISIBLE.sub(" ", text)).strip()
        if cleaned != text:
            issues.append(
                _warning(
                    N_("Full-width characters and invisible spaces normalised: '{old}' → '{new}'"),
                    old=text,
                    new=cleaned,
                )
            )
        text = cleaned
        if not text:
            return None
    if kind in (Kind.PHONE, Kind.MOBILE, Kind.USCC, Kind.ID_NUMBER):
        if _SCIENTIFIC.fullmatch(text):
            issues.append(
                _error(
                    N_(
                        "The number is in scientific notation ({text}); the original digits are "
                        "lost. Enter the full number as text."
                    ),
                    text=text,
                )
            )
            return None
        match = _FLOAT_TEXT.fullmatch(text)
        if match and kind in (Kind.PHONE, Kind.MOBILE):
            return _phone_from_number(float(text), match.group(1), issues)
    return text
