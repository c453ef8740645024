"""Excel exports: customer lists (write-only, constant memory), client cards, customer forms.

`export(kind, customer_ids, out_path, user, options)` is what `kehu export --format xlsx`
calls. Options (strings): `columns` (comma-separated field names or labels, scheme names,
or `all`), `sheets` (persons,visits,sales), `sensitive=1` (include sensitive key-person
fields; audited), `title=name` (card title is the customer's name), `blank=1` (a blank form),
`selection` (a description for the audit log).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import ColumnDimension

from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, FieldDef, Kind
from kehu.core.language import UserError, pick
from kehu.db.connection import write
from kehu.db.models import (
    Category,
    Customer,
    CustomerCategory,
    KeyPerson,
    Product,
    SaleLine,
    Scheme,
    User,
    Visit,
)
from kehu.db.visibility import visible_customers
from kehu.exchange.xlsx_safety import safe_cell_value
from kehu.services import audit

logger = logging.getLogger(__name__)

KINDS = ("list", "card", "form")
CHUNK = 500
TEXT_KINDS = (Kind.PHONE, Kind.MOBILE, Kind.USCC, Kind.ID_NUMBER, Kind.POSTAL_CODE, Kind.TEXT)
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
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_CUSTOMER = {f.name: f for f in CUSTOMER_FIELDS}
VISIT_KIND_LABELS = {"routine": "日常报告", "urgent": "紧急报告", "periodic": "定期报告"}


class ExportError(UserError):
    """An export that cannot be made; the message says why."""


def export(
    kind: str, customer_ids: list[int], out_path: Path, user: User, options: dict[str, str]
) -> Path:
    """Write an xlsx file of `kind` for the customers (in the given order); audited."""
    out_path = Path(out_path)
    if out_path.suffix.lower() != ".xlsx":
        out_path = out_path.with_suffix(".xlsx")
    ids = visible_ids(customer_ids, user)
    if kind == "list":
        count = write_list(out_path, ids, options)
    elif kind == "card":
        from kehu.exchange.xlsx_card import write_cards

        if not ids:
            raise ExportError("没有可导出的客户", "There are no customers to export")
        count = write_cards(out_path, ids, user, title=options.get("title", ""))
    elif kind == "form":
        from kehu.exchange.xlsx_form import write_forms
        from kehu.services import dossiers

        blank = options.get("blank") in ("1", "true", "yes")
        loaded = [] if blank else [dossiers.load(cid, user) for cid in ids]
        write_forms(out_path, loaded)
        count = len(loaded)
    else:
        raise ValueError(kind)
    digest = file_sha256(out_path)
    write(
        Customer._meta.database,
        lambda: audit.record(
            user,
            "export",
            "customer",
            None,
            f"xlsx {kind} {out_path.name}",
            format="xlsx",
            kind=kind,
            rows=count,
            file=str(out_path),
            file_sha256=digest,
            selection=options.get("selection", ""),
            sensitive=options.get("sensitive") in ("1", "true", "yes"),
        ),
    )
    return out_path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def visible_ids(customer_ids: list[int], user: User) -> list[int]:
    """The ids the user may see, in the order given (the selection already filtered; this is
    the guarantee for callers that pass ids of their own)."""
    allowed: set[int] = set()
    for start in range(0, len(customer_ids), CHUNK * 20):
        chunk = customer_ids[start : start + CHUNK * 20]
        query = visible_customers(user, Customer.id, include_archived=True).where(
            Customer.id.in_(chunk)
        )
        allowed.update(cid for (cid,) in query.tuples())
    return [cid for cid in customer_ids if cid in allowed]


# --- list ---------------------------------------------------------------------------------


def choose_columns(spec: str | None) -> list[str]:
    """Field names and `scheme:<id>` targets from a comma-separated list of names or labels."""
    schemes = list(Scheme.select().order_by(Scheme.position, Scheme.id))
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
            (f for f in CUSTOMER_FIELDS if part in (f.name, f.zh, f.en)),
            None,
        )
        scheme = next((s for s in schemes if part in (s.name, s.key, str(s.id))), None)
        if field is not None:
            chosen.append(field.name)
        elif scheme is not None:
            chosen.append(f"scheme:{scheme.id}")
        else:
            raise ExportError(f"没有叫“{part}”的列", f"There is no column named '{part}'")
    return chosen


def write_list(path: Path, ids: list[int], options: dict[str, str]) -> int:
    """One row per customer; further sheets on request. Memory stays flat (write-only)."""
    workbook = Workbook(write_only=True)
    targets = choose_columns(options.get("columns"))
    sheet = workbook.create_sheet(pick("客户", "Customers"))
    count = _customer_sheet(sheet, ids, targets)
    sensitive = options.get("sensitive") in ("1", "true", "yes")
    wanted = [s.strip() for s in options.get("sheets", "").split(",") if s.strip()]
    for name in wanted:
        if name == "persons":
            _persons_sheet(workbook.create_sheet(pick("关键人物", "Key persons")), ids, sensitive)
        elif name == "visits":
            _visits_sheet(workbook.create_sheet(pick("拜访记录", "Visits")), ids)
        elif name == "sales":
            _sales_sheet(workbook.create_sheet(pick("销售记录", "Sales")), ids)
        else:
            raise ExportError(
                f"未知的工作表“{name}”，可选 persons、visits、sales",
                f"Unknown sheet '{name}'; choose persons, visits or sales",
            )
    workbook.save(path)
    return count


def _header(sheet: Any, labels: list[str], text_columns: Iterable[int] = ()) -> None:
    bold = Font(bold=True)
    cells = []
    for label in labels:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font, cell.fill = bold, HEADER_FILL
        cells.append(cell)
    for index in text_columns:
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter] = ColumnDimension(sheet, index=letter, width=20)
    sheet.freeze_panes = "A2"
    sheet.append(cells)


def _finish(sheet: Any, columns: int, rows: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(columns, 1))}{rows + 1}"


def _customer_sheet(sheet: Any, ids: list[int], targets: list[str]) -> int:
    fields = [_CUSTOMER.get(t) for t in targets]
    scheme_names = {f"scheme:{s.id}": s.name for s in Scheme.select()}
    labels = [f.zh if f else scheme_names[t] for f, t in zip(fields, targets, strict=True)]
    text_columns = [i for i, f in enumerate(fields) if f and f.kind in TEXT_KINDS[:-1]]
    _header(sheet, labels, text_columns)
    db = Customer._meta.database
    names = ", ".join(f'"{f.name}"' for f in fields if f is not None)
    sql = f'SELECT id, {names} FROM "customer" WHERE id IN ({{marks}})'
    field_positions = [i for i, f in enumerate(fields) if f is not None]
    scheme_ids = {i: int(t.split(":")[1]) for i, t in enumerate(targets) if t.startswith("scheme:")}
    paths = _category_paths() if scheme_ids else {}
    converters = [_converter(f) for f in fields]
    rows = 0
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))  # raw SQL: no per-row model or query objects
        by_id = {r[0]: r[1:] for r in db.execute_sql(sql.format(marks=marks), chunk)}
        cats = _categories(chunk) if scheme_ids else {}
        for cid in chunk:
            record = by_id.get(cid)
            if record is None:
                continue
            out: list[Any] = [None] * len(targets)
            for position, value in zip(field_positions, record, strict=True):
                out[position] = converters[position](value)
            for position, scheme_id in scheme_ids.items():
                category = cats.get((cid, scheme_id))
                out[position] = paths.get(category) if category else None
            sheet.append(out)
            rows += 1
    _finish(sheet, len(targets), rows)
    return rows


def _converter(field: FieldDef | None):
    if field is None:
        return lambda v: v
    kind = field.kind
    if kind is Kind.MONEY:
        from kehu.core.values import from_db

        return lambda v: from_db(field, v)
    if kind is Kind.CHOICE:
        return lambda v: field.choice_label(v, "zh_CN") if v else None
    if kind is Kind.DATE:
        from kehu.core.values import from_db

        return lambda v: from_db(field, v)
    if kind in (Kind.INTEGER, Kind.COORD):
        return lambda v: v
    return safe_cell_value


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _category_paths() -> dict[int, str]:
    """Category id → 华东/上海 (so that nothing of the tree is lost in a list)."""
    rows = {
        cid: (parent, name)
        for cid, parent, name in Category.select(
            Category.id, Category.parent, Category.name
        ).tuples()
    }
    paths = {}
    for cid in rows:
        parts, seen, current = [], set(), cid
        while current is not None and current not in seen:
            seen.add(current)
            parent, name = rows[current]
            parts.append(name)
            current = parent
        paths[cid] = "/".join(reversed(parts))
    return paths


def _categories(chunk: list[int]) -> dict[tuple[int, int], int]:
    marks = ", ".join("?" * len(chunk))
    cursor = CustomerCategory._meta.database.execute_sql(
        "SELECT customer_id, scheme_id, category_id FROM customer_category "
        f"WHERE customer_id IN ({marks})",
        chunk,
    )
    return {(c, s): cat for c, s, cat in cursor}


def _codes(chunk: list[int]) -> dict[int, tuple[str, str]]:
    query = Customer.select(Customer.id, Customer.code, Customer.name).where(Customer.id.in_(chunk))
    return {cid: (code, name) for cid, code, name in query.tuples()}


def _persons_sheet(sheet: Any, ids: list[int], sensitive: bool) -> None:
    fields = [f for f in PERSON_FIELDS if sensitive or not f.sensitive]
    labels = ["客户编号", "客户名称", *(f.zh for f in fields)]
    text = [0] + [i + 2 for i, f in enumerate(fields) if f.kind in TEXT_KINDS[:-1]]
    _header(sheet, labels, text)
    converters = [_converter(f) for f in fields]
    rows = 0
    for chunk in _chunks(ids):
        codes = _codes(chunk)
        order = {cid: i for i, cid in enumerate(chunk)}
        query = KeyPerson.select(KeyPerson.customer, *(getattr(KeyPerson, f.name) for f in fields))
        query = query.where(KeyPerson.customer.in_(chunk)).order_by(
            KeyPerson.position, KeyPerson.id
        )
        found = sorted(query.tuples(), key=lambda r: order[r[0]])
        for record in found:
            code, name = codes[record[0]]
            values = [conv(v) for conv, v in zip(converters, record[1:], strict=True)]
            sheet.append([code, safe_cell_value(name), *values])
            rows += 1
    _finish(sheet, len(labels), rows)


def _visits_sheet(sheet: Any, ids: list[int]) -> None:
    labels = [
        "客户编号",
        "客户名称",
        "日期",
        "类型",
        "销售员",
        "内容",
        "发现",
        "下一步",
        "下次拜访",
    ]
    _header(sheet, labels, [0])
    users = dict(User.select(User.id, User.display_name).tuples())
    rows = 0
    for chunk in _chunks(ids):
        codes = _codes(chunk)
        query = Visit.select().where(Visit.customer.in_(chunk)).order_by(Visit.visit_date, Visit.id)
        for visit in query:
            code, name = codes[visit.customer_id]
            sheet.append(
                [
                    code,
                    safe_cell_value(name),
                    visit.visit_date,
                    VISIT_KIND_LABELS.get(visit.kind, visit.kind),
                    users.get(visit.salesperson_id),
                    safe_cell_value(visit.content),
                    safe_cell_value(visit.findings),
                    safe_cell_value(visit.next_step),
                    visit.next_visit_on,
                ]
            )
            rows += 1
    _finish(sheet, len(labels), rows)


def _sales_sheet(sheet: Any, ids: list[int]) -> None:
    from kehu.core.values import CENT

    labels = ["日期", "客户编号", "客户名称", "商品", "商品类别", "数量", "金额"]
    _header(sheet, labels, [1])
    products = dict(Product.select(Product.id, Product.name).tuples())
    rows = 0
    for chunk in _chunks(ids):
        codes = _codes(chunk)
        query = (
            SaleLine.select()
            .where(SaleLine.customer.in_(chunk))
            .order_by(SaleLine.sale_date, SaleLine.id)
        )
        for line in query:
            code, name = codes[line.customer_id]
            sheet.append(
                [
                    line.sale_date,
                    code,
                    safe_cell_value(name),
                    safe_cell_value(products.get(line.product_id)),
                    safe_cell_value(line.product_category),
                    line.quantity,
                    (line.amount * CENT).quantize(CENT),
                ]
            )
            rows += 1
    _finish(sheet, len(labels), rows)
