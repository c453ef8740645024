"""One mapped spreadsheet row → customer values, a key person and categories, with every
problem tied to its row, column and reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from openpyxl.utils import get_column_letter

from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, FieldDef, Kind
from kehu.core.i18n import N_, Message, translate
from kehu.core.validation import clean_text
from kehu.exchange.xlsx_cells import SLOW, CellIssue, convert, fast_converter
from kehu.exchange.xlsx_columns import PERSON_PREFIX, SCHEME_PREFIX, Mapping
from kehu.exchange.xlsx_reading import SheetScan, range_text

_CUSTOMER = {f.name: f for f in CUSTOMER_FIELDS}
_PERSON = {f.name: f for f in PERSON_FIELDS}
LINK_FIELD = FieldDef("link", N_("Customer"), CUSTOMER_FIELDS[0].section, Kind.TEXT)


class Reason(Protocol):
    def message(self, lang: str) -> str: ...


@dataclass
class Problem:
    row: int
    column: int | None  # 0-based column index
    header: str | None
    reason: Reason  # a Message, a cell issue or a validation issue
    error: bool = True

    @property
    def column_letter(self) -> str:
        return get_column_letter(self.column + 1) if self.column is not None else ""

    def reason_text(self, lang: str) -> str:
        return self.reason.message(lang)

    def message(self, lang: str) -> str:
        where = f"{self.column_letter}{self.row}" if self.column is not None else str(self.row)
        reason = self.reason.message(lang)
        if self.header:
            text = N_("row {row}, {where} {header}: {reason}")
            return translate(
                text, lang, row=self.row, where=where, header=self.header, reason=reason
            )
        return translate(
            N_("row {row}, {where}: {reason}"), lang, row=self.row, where=where, reason=reason
        )


def problem(
    row: int,
    text: str,
    /,
    *,
    column: int | None = None,
    header: str | None = None,
    error: bool = True,
    **values: Any,
) -> Problem:
    """A problem whose reason is an English source (N_) with `values`."""
    return Problem(row, column, header, Message(text, values), error)


@dataclass
class ParsedRow:
    number: int
    raw: tuple[Any, ...]
    values: dict[str, Any] = field(default_factory=dict)
    person: dict[str, Any] = field(default_factory=dict)
    categories: dict[int, int] = field(default_factory=dict)  # scheme id → category id
    links: dict[str, Any] = field(default_factory=dict)  # customer_code/name/uscc, sale.*
    problems: list[Problem] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return any(p.error for p in self.problems)


# (scheme id, text) → category id, or None when the category does not exist.
CategoryLookup = Callable[[int, str], int | None]


class RowConverter:
    """Converts rows of one sheet; built once per import (the mapping is fixed)."""

    def __init__(
        self,
        mapping: Mapping,
        scan: SheetScan,
        epoch1904: bool,
        categories: CategoryLookup | None = None,
        scheme_names: dict[int, str] | None = None,
        extra_fields: dict[str, FieldDef] | None = None,
    ) -> None:
        self.scan = scan
        self.epoch1904 = epoch1904
        self.categories = categories
        self.scheme_names = scheme_names or {}
        self.columns: list[_Column] = []
        for index, target in enumerate(mapping.targets):
            if target:
                field_def = self._field(target, extra_fields)
                self.columns.append(_column(index, target, mapping.headers[index], field_def))
        self._merged_rows: dict[int, list[tuple[int, int, int, int]]] = {}
        for rng in scan.merged:
            if (rng[0], rng[1]) != (rng[2], rng[3]):
                for number in range(rng[1], rng[3] + 1):
                    self._merged_rows.setdefault(number, []).append(rng)

    @staticmethod
    def _field(target: str, extra: dict[str, FieldDef] | None) -> FieldDef | None:
        if target.startswith(PERSON_PREFIX):
            return _PERSON[target[len(PERSON_PREFIX) :]]
        if target in _CUSTOMER:
            return _CUSTOMER[target]
        if extra and target in extra:
            return extra[target]
        return None  # scheme columns and links are text

    def convert(self, number: int, raw: tuple[Any, ...]) -> ParsedRow:
        row = ParsedRow(number, raw)
        formulas = self.scan.formulas_without_value
        errors = self.scan.errors
        merged = number in self._merged_rows
        width = len(raw)
        places = (row.values, row.person, row.links)
        for index, header, field_def, place, key, scheme, fast in self.columns:
            value = raw[index] if index < width else None
            if formulas and (number, index + 1) in formulas:
                row.problems.append(_formula_problem(number, index, header))
                continue
            if errors and (number, index + 1) in errors:
                row.problems.append(_error_cell(number, index, header, errors[number, index + 1]))
                continue
            if merged:
                self._note_merge(row, index, header)
            if value is None:
                continue
            if scheme is not None:
                self._category(row, index, header, scheme, value)
                continue
            parsed = fast(value)
            if parsed is SLOW:
                parsed, issues = convert(field_def, value, self.epoch1904)
                for issue in issues:
                    row.problems.append(_problem(number, index, header, issue))
            if parsed is not None:
                places[place][key] = parsed
        if number in self.scan.hidden_rows:
            row.problems.append(
                problem(number, N_("This row is hidden in Excel (read as usual)"), error=False)
            )
        return row

    def _note_merge(self, row: ParsedRow, index: int, header: str) -> None:
        col = index + 1
        rng = next((r for r in self._merged_rows[row.number] if r[0] <= col <= r[2]), None)
        if rng is None:
            return
        text = range_text(rng)
        row.problems.append(
            problem(
                row.number,
                N_("Merged cells {cells}: the value of the top-left cell is used"),
                column=index,
                header=header,
                error=False,
                cells=text,
            )
        )

    def _category(self, row: ParsedRow, index: int, header: str, scheme: int, value: Any) -> None:
        text = clean_text(str(value))
        if not text:
            return
        category = self.categories(scheme, text) if self.categories else None
        if category is None:
            name = self.scheme_names.get(scheme, header)
            row.problems.append(
                problem(
                    row.number,
                    N_(
                        "The classification '{scheme}' has no category '{category}'. Add it in "
                        "the tree first, or choose to create missing categories."
                    ),
                    column=index,
                    header=header,
                    scheme=name,
                    category=text,
                )
            )
            return
        row.categories[scheme] = category


# (index, header, field, place: 0 values / 1 person / 2 links, key, scheme id, fast converter)
_Column = tuple[int, str, FieldDef, int, str, int | None, Callable[[Any], Any]]


def _column(index: int, target: str, header: str, field_def: FieldDef | None) -> _Column:
    field_def = field_def or LINK_FIELD
    fast = fast_converter(field_def)
    if target.startswith(SCHEME_PREFIX):
        return (index, header, field_def, 2, target, int(target[len(SCHEME_PREFIX) :]), fast)
    if target.startswith(PERSON_PREFIX):
        return (index, header, field_def, 1, target[len(PERSON_PREFIX) :], None, fast)
    return (index, header, field_def, 0 if target in _CUSTOMER else 2, target, None, fast)


def _problem(number: int, index: int, header: str, issue: CellIssue) -> Problem:
    return Problem(number, index, header, issue, issue.error)


def _error_cell(number: int, index: int, header: str, error: str) -> Problem:
    return problem(
        number,
        N_(
            "The cell holds the Excel error {value} (a formula that failed), not a value. "
            "Correct it in the sheet and import again."
        ),
        column=index,
        header=header,
        value=error,
    )


def _formula_problem(number: int, index: int, header: str) -> Problem:
    return problem(
        number,
        N_(
            "This is a formula cell without a saved result (the file was probably written by "
            "another program). Open and save it once in Excel or WPS, then import again."
        ),
        column=index,
        header=header,
    )
