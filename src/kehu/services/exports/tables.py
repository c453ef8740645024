"""Excel list exports as tables of plain rows: the customers sheet (columns chosen by name,
label or scheme), key persons, visits and sales; values converted and masked here, rows
read in chunks from `kehu.db.export_rows`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kehu.core import sensitivity
from kehu.core.fields import (
    CUSTOMER_FIELDS,
    PERSON_FIELDS,
    FieldDef,
    Kind,
    customer_field,
    sale_field,
)
from kehu.core.i18n import N_, translate
from kehu.core.jobs import Job
from kehu.core.schemes import builtin_labels, shown_name
from kehu.core.values import CENT, from_db
from kehu.db import export_rows, print_data
from kehu.exchange.csv_export import write_csv
from kehu.exchange.xlsx_export import Table, write_tables
from kehu.services.exports.registry import ExportError, Request

CHUNK = 500


TEXT_KINDS = (Kind.PHONE, Kind.MOBILE, Kind.USCC, Kind.ID_NUMBER, Kind.POSTAL_CODE)
DEFAULT_COLUMNS = (
    "code",
    "name",
    "short_name",
    "uscc",
    "address",
    "postal_code",
    "phone",
    "email",
    "industry",
    "credit_status",
)

LIST_PDF_COLUMNS = ("code", "name", "phone", "address", "industry")  # a printed list's default


def choose_columns(spec: str | None) -> list[str]:
    """Field names and `scheme:<id>` targets from a comma-separated list of names or labels."""
    schemes = export_rows.schemes()
    scheme_targets = [f"scheme:{s.id}" for s in schemes]
    if not spec:
        return [*DEFAULT_COLUMNS, *scheme_targets]
    if spec.strip() == "all":
        return [f.name for f in CUSTOMER_FIELDS] + scheme_targets
    chosen = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        field = next(
            (f for f in CUSTOMER_FIELDS if part in (f.name, f.text, f.label("zh_CN"))), None
        )
        scheme = next(
            (
                s
                for s in schemes
                if part in (s.name, s.key, str(s.id), *builtin_labels(s.builtin_key))
            ),
            None,
        )
        if field is not None:
            chosen.append(field.name)
        elif scheme is not None:
            chosen.append(f"scheme:{scheme.id}")
        else:
            raise ExportError(N_("There is no column named '{name}'"), name=part)
    return chosen


def converter(field: FieldDef, lang: str, reveal: bool) -> Callable[[Any], Any]:
    """Stored value → the value written to a cell (masked when sensitive)."""
    if field.sensitive and not reveal:
        return lambda v: sensitivity.mask(field, v, lang) or None
    kind = field.kind
    if field.flag_value is not None:  # 0/1: the flagged choice's label, or empty
        return _memo(lambda v: field.choice_label(field.flag_value, lang) if v else None)
    if kind in (Kind.MONEY, Kind.DATE):
        return lambda v: from_db(field, v)
    if kind is Kind.CHOICE:
        return _memo(lambda v: field.choice_label(v, lang) if v else None)
    return _same


def _memo(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`convert` remembered per value (a choice column holds a handful of keys)."""
    seen: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = convert(value)
            return result
        except TypeError:  # not hashable
            return convert(value)

    return remembered


def _same(value: Any) -> Any:
    return value


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def customer_table(ids: list[int], targets: list[str], lang: str, reveal: bool) -> Table:
    """The list sheet: one row per customer, columns `targets` (fields and schemes)."""
    fields = [_FIELD.get(t) for t in targets]
    scheme_names = {
        f"scheme:{s.id}": shown_name(s.name, s.builtin_key, lang) for s in export_rows.schemes()
    }
    labels = [f.label(lang) if f else scheme_names[t] for f, t in zip(fields, targets, strict=True)]
    text_columns = [i for i, f in enumerate(fields) if f and f.kind in TEXT_KINDS]
    return Table(
        translate(N_("Customers"), lang),
        labels,
        _customer_rows(ids, targets, fields, lang, reveal),
        text_columns,
        total=len(ids),
    )


_FIELD = {f.name: f for f in CUSTOMER_FIELDS}


def _customer_rows(
    ids: list[int], targets: list[str], fields: list[FieldDef | None], lang: str, reveal: bool
) -> Iterator[list[Any]]:
    """The rows as read (plain tuples, categories as their paths), converted only in the
    columns that need it: most columns are written as stored."""
    paths = export_rows.category_paths(lang) if None in fields else None
    plan: list[tuple[int, Callable[[Any], Any]]] = []
    for position, field in enumerate(fields):
        convert = converter(field, lang, reveal) if field is not None else _same
        if convert is not _same:
            plan.append((position, convert))
    for chunk in _chunks(ids):
        by_id = export_rows.customer_records(chunk, targets, paths)
        for cid in chunk:
            record = by_id.get(cid)
            if record is None:
                continue
            out = list(record)  # a customer listed twice: its own row again
            for position, convert in plan:
                value = out[position]
                if value is not None:
                    out[position] = convert(value)
            yield out


def _who_labels(lang: str) -> list[str]:
    return [customer_field("code").label(lang), customer_field("name").label(lang)]


def persons_table(ids: list[int], lang: str, reveal: bool) -> Table:
    """Key persons, one row each; sensitive fields masked unless revealed."""
    fields = list(PERSON_FIELDS)
    labels = [*_who_labels(lang), *(f.label(lang) for f in fields)]
    text = [0] + [i + 2 for i, f in enumerate(fields) if f.kind in TEXT_KINDS]
    converters = [converter(f, lang, reveal) for f in fields]

    def rows() -> Iterator[list[Any]]:
        for chunk in _chunks(ids):
            codes = export_rows.codes_and_names(chunk)
            for record in export_rows.person_rows(chunk, [f.name for f in fields]):
                code, name = codes[record[0]]
                values = [
                    conv(v) if v is not None else None
                    for conv, v in zip(converters, record[1:], strict=True)
                ]
                yield [code, name, *values]

    return Table(translate(N_("Key persons"), lang), labels, rows(), text, counted=False)


def visits_table(ids: list[int], lang: str) -> Table:
    heads = (N_("Date"), N_("Kind"), N_("Salesperson"), N_("Content"), N_("Findings"))
    heads += (N_("Next step"), N_("Next visit"))
    labels = [*_who_labels(lang), *(translate(h, lang) for h in heads)]
    lookups = print_data.Lookups(lang)

    def rows() -> Iterator[list[Any]]:
        for chunk in _chunks(ids):
            codes = export_rows.codes_and_names(chunk)
            for visit in export_rows.visits_of(chunk):
                code, name = codes[visit.customer_id]
                yield [
                    code,
                    name,
                    visit.visit_date,
                    lookups.visit_kind(visit.kind),
                    lookups.user(visit.salesperson_id),
                    visit.content,
                    visit.findings,
                    visit.next_step,
                    visit.next_visit_on,
                ]

    return Table(translate(N_("Visits"), lang), labels, rows(), [0], counted=False)


def sales_table(ids: list[int], lang: str) -> Table:
    names = ("product", "category", "quantity", "amount")
    labels = [
        sale_field("sale_date").label(lang),
        *_who_labels(lang),
        *(sale_field(n).label(lang) for n in names),
    ]
    products = export_rows.product_names()

    def rows() -> Iterator[list[Any]]:
        for chunk in _chunks(ids):
            codes = export_rows.codes_and_names(chunk)
            for line in export_rows.sales_of(chunk):
                code, name = codes[line.customer_id]
                yield [
                    line.sale_date,
                    code,
                    name,
                    products.get(line.product_id),
                    line.product_category,
                    line.quantity,
                    (line.amount * CENT).quantize(CENT),
                ]

    return Table(translate(N_("Sales"), lang), labels, rows(), [1], counted=False)


SHEETS = {"persons": persons_table, "visits": visits_table, "sales": sales_table}


def list_tables(ids: list[int], request: Request) -> list[Table]:
    lang, reveal = request.lang, request.reveal
    tables = [customer_table(ids, choose_columns(request.options.get("columns")), lang, reveal)]
    wanted = [s.strip() for s in str(request.options.get("sheets", "")).split(",") if s.strip()]
    for name in wanted:
        if name not in SHEETS:
            raise ExportError(
                N_("Unknown sheet '{name}'; choose persons, visits or sales"), name=name
            )
        make = SHEETS[name]
        tables.append(make(ids, lang, reveal) if name == "persons" else make(ids, lang))
    return tables


def write_list(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    return write_tables(path, list_tables(ids, request), job), 0


def write_csv_list(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    """The customers sheet of the list as CSV (UTF-8 with BOM, or `encoding=gb18030`)."""
    if request.options.get("sheets"):
        raise ExportError(N_("A CSV file holds one sheet: export persons, visits or sales as xlsx"))
    table = customer_table(ids, choose_columns(request.options.get("columns")), request.lang,
                           request.reveal)  # fmt: skip
    encoding = str(request.options.get("encoding") or "utf-8")
    return write_csv(path, table, encoding, job), 0
