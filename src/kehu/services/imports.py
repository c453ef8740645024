"""Importing customers, key persons, sale lines and customer-filled forms from Excel/CSV.

A run reads the sheet as a stream, validates every row (problems carry row, column and
reason), detects duplicates against the database and inside the file (customer code, USCC,
normalised name, phone digits) and applies the chosen policy: skip, update empty fields,
overwrite, or import anyway. A dry run stops before writing. A real run records an
`ImportBatch`, writes in short transactions of `batch_size` rows with `executemany`, and keeps
what it changed in existing records (`ImportChange`) so that `undo` restores the previous
state exactly. Filled-in customer forms do not change dossiers: they become pending reviews.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import logging
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kehu.core import search_keys
from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, FieldDef, Kind, sale_field
from kehu.core.language import UserError, pick
from kehu.core.validation import clean_text, phone_digits
from kehu.core.values import display, to_db, to_python, to_text
from kehu.db.connection import write
from kehu.db.models import (
    Category,
    Customer,
    ImportBatch,
    ImportChange,
    PendingReview,
    PendingReviewItem,
    Product,
    Scheme,
    User,
    now,
)
from kehu.db.visibility import visible_customers, visible_owner_ids
from kehu.exchange import xlsx_columns as columns
from kehu.exchange.xlsx_reading import Table, is_blank, open_table, read_preview
from kehu.exchange.xlsx_report import write_rejected
from kehu.exchange.xlsx_rows import ParsedRow, Problem, RowConverter
from kehu.services import audit, search_index

logger = logging.getLogger(__name__)

ON_DUPLICATE = ("skip", "update_empty", "overwrite", "import_anyway")
KINDS = ("customers", "sales", "forms")
_CUSTOMER = {f.name: f for f in CUSTOMER_FIELDS}
_PERSON = {f.name: f for f in PERSON_FIELDS}
_CUSTOMER_COLUMNS = [f.name for f in CUSTOMER_FIELDS if f.name != "code"]
_PERSON_COLUMNS = [f.name for f in PERSON_FIELDS]
SALE_FIELDS: dict[str, FieldDef] = {
    "sale.date": sale_field("sale_date"),
    "sale.product": sale_field("product"),
    "sale.product_code": sale_field("product_code"),
    "sale.category": sale_field("category"),
    "sale.quantity": sale_field("quantity"),
    "sale.amount": sale_field("amount"),
}


class ImportFailed(UserError):
    """The import cannot start or cannot be undone; the message says why and what to do."""


@dataclass
class ImportOptions:
    kind: str = "customers"  # customers, sales, forms
    sheet: str | None = None
    persons_sheet: str | None = None  # key persons in a second sheet (customers only)
    mapping: columns.Mapping | None = None  # as corrected by the user; detected when None
    saved_mapping: dict[str, Any] | None = None
    on_duplicate: str = "skip"
    dry_run: bool = False
    skip_hidden_rows: bool = False
    create_categories: bool = False
    batch_size: int = 2000
    progress: Callable[[int], bool] | None = None  # rows read so far → False cancels


@dataclass
class Duplicate:
    row: int
    match: str  # code, uscc, name, phone
    action: str  # skipped, updated, unchanged, imported, not_allowed
    customer_id: int | None = None
    other_row: int | None = None

    def message(self, lang: str | None = None) -> str:
        what = {
            "code": ("客户编号", "customer code"),
            "uscc": ("统一社会信用代码", "credit code"),
            "name": ("客户名称", "name"),
            "phone": ("电话", "phone"),
        }[self.match]
        if self.other_row is not None:
            return pick(
                f"第{self.row}行与第{self.other_row}行的{what[0]}相同",
                f"row {self.row} has the same {what[1]} as row {self.other_row}",
                lang,
            )
        code = Customer.select(Customer.code).where(Customer.id == self.customer_id).scalar()
        return pick(
            f"第{self.row}行与已有客户 {code} 的{what[0]}相同",
            f"row {self.row} has the same {what[1]} as the existing customer {code}",
            lang,
        )


@dataclass
class ImportReport:
    kind: str
    path: Path
    sheet: str
    dry_run: bool
    headers: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    batch_id: int | None = None
    rows_total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: int = 0
    hidden_skipped: int = 0
    reviews: int = 0
    cancelled: bool = False
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected_rows: list[tuple[int, tuple[Any, ...], list[Problem]]] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.error]

    def reject(self, row: ParsedRow | int, raw: tuple[Any, ...], problems: list[Problem]) -> None:
        number = row.number if isinstance(row, ParsedRow) else row
        self.rejected += 1
        self.rejected_rows.append((number, raw, problems))

    def summary(self, lang: str | None = None) -> str:
        would = pick("将", "would be ", lang) if self.dry_run else ""
        lines = [
            pick(
                f"{'【试运行，未写入】' if self.dry_run else ''}{self.path.name}（{self.sheet}）："
                f"共 {self.rows_total} 行；{would}新建 {self.created}，{would}更新 {self.updated}，"
                f"无变化 {self.unchanged}，跳过重复 {self.skipped}，未导入 {self.rejected}",
                f"{'[dry run, nothing written] ' if self.dry_run else ''}{self.path.name} "
                f"({self.sheet}): {self.rows_total} rows; {would}created {self.created}, "
                f"{would}updated {self.updated}, unchanged {self.unchanged}, duplicates skipped "
                f"{self.skipped}, rejected {self.rejected}",
                lang,
            )
        ]
        if self.reviews:
            lines.append(
                pick(
                    f"待审核的客户填写资料：{self.reviews} 份",
                    f"Customer-filled forms waiting for review: {self.reviews}",
                    lang,
                )
            )
        if self.hidden_skipped:
            lines.append(
                pick(
                    f"跳过隐藏行 {self.hidden_skipped} 行",
                    f"Hidden rows skipped: {self.hidden_skipped}",
                    lang,
                )
            )
        if self.cancelled:
            lines.append(
                pick(
                    "已取消：已写入的部分可撤销", "Cancelled: what was written can be undone", lang
                )
            )
        lines += [pick(zh, en, lang) for zh, en in self.notes]
        return "\n".join(lines)

    def write_rejected(self, path: str | Path, lang: str | None = None) -> Path:
        """The rejected rows with a reason column (and the warnings on a second sheet)."""
        rows = [
            (number, raw, [p.message(lang) for p in problems])
            for number, raw, problems in self.rejected_rows
        ]
        warnings = [p.message(lang) for p in self.warnings]
        warnings += [d.message(lang) for d in self.duplicates if d.action == "skipped"]
        return write_rejected(path, self.headers, rows, warnings, lang)


@dataclass
class Inspection:
    """What the wizard shows before a run: sheets, the detected mapping and a preview."""

    sheets: list[tuple[str, bool]]  # (name, hidden)
    sheet: str
    notes: list[tuple[str, str]]
    preview: list[tuple[int, tuple[Any, ...]]]
    mapping: columns.Mapping | None
    targets: list[tuple[str, str]]  # (target, label) the user can choose from
    schemes: list[columns.Scheme]


def schemes() -> list[columns.Scheme]:
    return [
        columns.Scheme(s.id, s.name) for s in Scheme.select().order_by(Scheme.position, Scheme.id)
    ]


def matcher_for(kind: str) -> columns.Matcher:
    sheet_kind = {"customers": "customers", "sales": "sales", "persons": "persons"}[kind]
    return columns.Matcher(sheet_kind, schemes() if sheet_kind == "customers" else ())


def inspect(
    path: str | Path,
    kind: str = "customers",
    sheet: str | None = None,
    saved_mapping: dict[str, Any] | None = None,
) -> Inspection:
    if kind == "forms":
        raise ImportFailed("客户资料表无需列映射", "Customer forms need no column mapping")
    matcher = matcher_for(kind)
    with open_table(path, sheet) as table:
        preview = read_preview(table, 60)
        mapping = _detect(preview, matcher, saved_mapping)
        if not any(not is_blank(v) for _n, v in preview):
            table.notes.append(_empty_note(table))
        return Inspection(
            sheets=[(s.name, s.hidden) for s in table.sheets],
            sheet=table.sheet,
            notes=list(table.notes),
            preview=preview,
            mapping=mapping,
            targets=[(t, columns.target_label(t, matcher.schemes)) for t, _ in matcher.targets],
            schemes=matcher.schemes,
        )


def _detect(
    preview: list[tuple[int, tuple[Any, ...]]],
    matcher: columns.Matcher,
    saved: dict[str, Any] | None,
) -> columns.Mapping | None:
    mapping = columns.detect_header(preview, matcher)
    if mapping is None:  # nothing recognised: the first row with text, for the user to map
        wanted = int(saved.get("header_row") or 0) if saved else 0
        rows = [(n, v) for n, v in preview if not is_blank(v) and (not wanted or n == wanted)]
        if not rows:
            return None
        mapping = columns.build_mapping(rows[0][0], rows[0][1], matcher)
    if saved:
        mapping = columns.apply_saved(mapping, saved, matcher)
    return mapping


def _empty_note(table: Table) -> tuple[str, str]:
    return (f"工作表“{table.sheet}”是空的", f"The sheet '{table.sheet}' is empty")


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def run_import(path: str | Path, user: User, options: ImportOptions | None = None) -> ImportReport:
    """Import a file (or, with `options.dry_run`, report what an import would do)."""
    options = options or ImportOptions()
    if options.on_duplicate not in ON_DUPLICATE:
        raise ValueError(options.on_duplicate)
    path = Path(path)
    if options.kind == "forms":
        return import_forms(path, user, options)
    if options.kind not in ("customers", "sales"):
        raise ValueError(options.kind)
    with open_table(path, options.sheet) as table:
        report = ImportReport(options.kind, path, table.sheet, options.dry_run)
        report.notes.extend(table.notes)
        mapping = _mapping(table, options)
        report.headers = mapping.headers
        batch = None if options.dry_run else _start_batch(path, user, options, mapping)
        report.batch_id = batch.id if batch else None
        try:
            if options.kind == "customers":
                importer = CustomerImporter(user, options, report, batch)
                try:
                    importer.run(table, mapping)
                    if options.persons_sheet and not report.cancelled:
                        importer.run_persons_sheet(path, options.persons_sheet)
                finally:
                    importer.keys.drop()
            else:
                SaleImporter(user, options, report, batch).run(table, mapping)
        except BaseException:
            if batch is not None:
                _finish_batch(batch, report, user, status="failed")
            raise
    if batch is not None:
        _finish_batch(batch, report, user, status="cancelled" if report.cancelled else "done")
    logger.info("import %s: %s", path, report.summary("en").splitlines()[0])
    return report


def _mapping(table: Table, options: ImportOptions) -> columns.Mapping:
    matcher = matcher_for(options.kind)
    if options.mapping is not None:
        mapping = options.mapping
    else:
        preview = read_preview(table, 60)
        if not any(not is_blank(v) for _n, v in preview):
            zh, en = _empty_note(table)
            others = [s.name for s in table.sheets if s.name != table.sheet]
            raise ImportFailed(
                zh + (f"；其他工作表：{'、'.join(others)}" if others else ""),
                en + (f"; other sheets: {', '.join(others)}" if others else ""),
            )
        mapping = _detect(preview, matcher, options.saved_mapping)
        if mapping is None or not any(mapping.targets):
            raise ImportFailed(
                "找不到标题行：前30行中没有一行的列名能对应到客户资料字段（如 客户名称、电话）。"
                "请在向导中手动指定列，或使用 --mapping 映射文件。",
                "No header row found: no row among the first 30 has column names that match "
                "dossier fields (such as 客户名称 or 电话). Map the columns in the wizard or "
                "pass a --mapping file.",
            )
    missing = mapping.missing(options.kind)
    if missing:
        labels = [
            "/".join(columns.target_label(t, matcher.schemes) for t in group) for group in missing
        ]
        raise ImportFailed(
            f"缺少必需的列：{'、'.join(labels)}（标题行在第{mapping.header_row}行）",
            f"Required columns are missing: {', '.join(labels)} (header row {mapping.header_row})",
        )
    return mapping


def _start_batch(path: Path, user: User, options: ImportOptions, mapping: columns.Mapping):
    def run() -> ImportBatch:
        return ImportBatch.create(
            kind=options.kind,
            filename=str(path),
            file_sha256=file_sha256(path),
            user=user,
            mapping=mapping.to_json(options.kind),
        )

    return write(ImportBatch._meta.database, run)


def _finish_batch(batch: ImportBatch, report: ImportReport, user: User, status: str) -> None:
    summary = {
        "sheet": report.sheet,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "reviews": report.reviews,
        "warnings": len(report.warnings),
    }

    def run() -> None:
        ImportBatch.update(
            finished_at=now(),
            status=status,
            rows_total=report.rows_total,
            rows_created=report.created,
            rows_updated=report.updated,
            rows_rejected=report.rejected,
            summary=json.dumps(summary, ensure_ascii=False),
        ).where(ImportBatch.id == batch.id).execute()
        audit.record(
            user,
            "import",
            "import_batch",
            batch.id,
            f"{report.kind} {report.path.name}",
            rows=report.rows_total,
            created=report.created,
            updated=report.updated,
            rejected=report.rejected,
            status=status,
            file_sha256=batch.file_sha256,
        )

    write(ImportBatch._meta.database, run)


_NAME_NOISE = re.compile(r"[\s()（）\[\]【】·.,，、\-_/]")


def normalise_name(name: str) -> str:
    """Names compared for duplicates: NFKC, case-folded, without spaces and punctuation."""
    return _NAME_NOISE.sub("", clean_text(name).casefold())


class _Rows:
    """Streams the data rows under the header, applying hidden-row and progress options."""

    def __init__(self, table: Table, mapping: columns.Mapping, options, report) -> None:
        self.table, self.mapping, self.options, self.report = table, mapping, options, report

    def __iter__(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        hidden = self.table.scan.hidden_rows
        for number, raw in self.table.rows():
            if number <= self.mapping.header_row or is_blank(raw):
                continue
            if self.options.skip_hidden_rows and number in hidden:
                self.report.hidden_skipped += 1
                continue
            self.report.rows_total += 1
            progress = self.options.progress
            if (
                progress
                and self.report.rows_total % 500 == 0
                and progress(self.report.rows_total) is False
            ):
                self.report.cancelled = True
                return
            yield number, raw


# --- customers ----------------------------------------------------------------------------


class _KeyIndex:
    """Duplicate keys (code, USCC, normalised name, phone digits) of every customer in the
    database (codes are global) and of the rows of this file.

    Keys are kept as 64-bit hashes in a temporary SQLite table (hash → customer id, file row),
    looked up a batch at a time; Python holds only the keys of the rows planned since the last
    flush. Memory stays flat however many customers and rows there are (dicts of the keys
    cost ~100 bytes per key, 8 per row). The hashes live as long as the import, in one process.
    """

    _numbers = itertools.count(1)

    def __init__(self, db) -> None:
        self.db = db
        self.table = f'temp."kehu_import_keys_{next(self._numbers)}"'
        db.execute_sql(
            f"CREATE TEMP TABLE {self.table} "
            "(hash INTEGER PRIMARY KEY, customer_id INTEGER, row INTEGER)"
        )
        self.pending: dict[int, tuple[int | None, int | None]] = {}  # not yet stored
        self.max_id = self._load_customers()

    def _load_customers(self) -> int:
        last = 0
        while True:
            rows = self.db.execute_sql(
                "SELECT id, code, uscc, name, phone FROM customer WHERE id > ? "
                "ORDER BY id LIMIT 5000",
                (last,),
            ).fetchall()
            if not rows:
                return last
            self.store(
                (key_hash(kind, key), cid, None)
                for cid, *values in rows
                for kind, key in _keys(*values)
            )
            last = rows[-1][0]

    def store(self, entries: Iterable[tuple[int, int | None, int | None]]) -> None:
        """(hash, customer id, row) entries; a hash already stored keeps its first entry.

        Entries go in in hash order (a stable sort: the first of equal hashes stays first):
        random keys inserted in order touch each B-tree page once, not once per key."""
        entries = sorted(entries, key=_first)
        sql = f"INSERT OR IGNORE INTO {self.table} (hash, customer_id, row) VALUES (?, ?, ?)"
        if self.db.in_transaction():
            self.db.cursor().executemany(sql, entries)
            return
        with self.db.atomic():  # deferred: only the temporary table is written
            self.db.cursor().executemany(sql, entries)

    def lookup(self, hashes: Iterable[int]) -> dict[int, tuple[int | None, int | None]]:
        wanted = sorted(set(hashes))
        found: dict[int, tuple[int | None, int | None]] = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join("?" * len(part))
            cursor = self.db.execute_sql(
                f"SELECT hash, customer_id, row FROM {self.table} WHERE hash IN ({marks})", part
            )
            found.update((h, (cid, row)) for h, cid, row in cursor)
        return found

    def get(self, h: int, stored: dict) -> tuple[int | None, int | None] | None:
        return self.pending.get(h) or stored.get(h)

    def entry(self, kind: str, key: str) -> tuple[int | None, int | None] | None:
        h = key_hash(kind, key)
        return self.pending.get(h) or self.lookup([h]).get(h)

    def taken(self, kind: str, key: str) -> bool:
        return self.entry(kind, key) is not None

    def customer(self, kind: str, key: str) -> int | None:
        """The customer (existing or created by this import) with this key."""
        found = self.entry(kind, key)
        return found[0] if found else None

    def store_pending(self, created: dict[int, int], extra: list[tuple[int, int, int]]) -> None:
        """Store the pending keys (`created`: file row → new customer id) and `extra` ones;
        the caller clears `pending` once its transaction has committed."""
        entries = [(h, created.get(row), row) for h, (_cid, row) in self.pending.items()]
        self.store(entries + extra)

    def drop(self) -> None:
        self.db.execute_sql(f"DROP TABLE IF EXISTS {self.table}")


_first = operator.itemgetter(0)


def key_hash(kind: str, key: str) -> int:
    return hash(f"{kind}\x1f{key}")


def _row_keys(values: dict[str, Any]) -> list[tuple[str, str, int]]:
    keys = _keys(values.get("code"), values.get("uscc"), values.get("name"), values.get("phone"))
    return [(kind, key, key_hash(kind, key)) for kind, key in keys]


def _keys(code, uscc, name, phone) -> list[tuple[str, str]]:
    keys = []
    if code:
        keys.append(("code", code))
    if uscc:
        keys.append(("uscc", uscc))
    if name:
        keys.append(("name", normalise_name(name)))
    if phone:
        digits = phone_digits(phone)
        if len(digits) >= 7:
            keys.append(("phone", digits))
    return keys


@dataclass
class _Planned:
    row: ParsedRow
    action: str  # create, update
    customer_id: int | None = None


def _db_text(field: FieldDef, value: Any) -> Any:
    stored = to_db(field, value)
    if isinstance(stored, dt.date):
        return stored.isoformat()
    return stored


def _converted(columns: list[str], fields: dict[str, FieldDef]) -> list[tuple[int, FieldDef]]:
    """The columns whose Python values differ from the stored ones (money, dates)."""
    kinds = (Kind.MONEY, Kind.DATE)
    return [(i, fields[n]) for i, n in enumerate(columns) if fields[n].kind in kinds]


def _db_row(columns: list[str], converted: list[tuple[int, FieldDef]], values: dict) -> list:
    """`[_db_text(field, values.get(name)) for each column]`, converting only what needs it."""
    row = [values.get(n) for n in columns]
    for index, field_def in converted:
        if row[index] is not None:
            row[index] = _db_text(field_def, row[index])
    return row


_CUSTOMER_CONVERTED = _converted(_CUSTOMER_COLUMNS, _CUSTOMER)
_PERSON_CONVERTED = _converted(_PERSON_COLUMNS, _PERSON)


class CustomerImporter:
    def __init__(self, user: User, options: ImportOptions, report: ImportReport, batch) -> None:
        self.user, self.options, self.report, self.batch = user, options, report, batch
        self.db = Customer._meta.database
        self.keys = _KeyIndex(self.db)
        self.visible = visible_owner_ids(user)
        self.next_number = self.keys.max_id + 1
        self.snapshotted: set[int] = set()
        self._categories = _CategoryLookup(options.create_categories, options.dry_run, user)

    # reading
    def run(self, table: Table, mapping: columns.Mapping) -> None:
        names = {s.id: s.name for s in schemes()}
        converter = RowConverter(mapping, table.scan, table.epoch1904, self._categories.find, names)
        name_column = mapping.column_of("name")
        rows: list[ParsedRow] = []
        for number, raw in _Rows(table, mapping, self.options, self.report):
            row = converter.convert(number, raw)
            _require_customer_fields(row, name_column, mapping)
            self.report.problems.extend(row.problems)
            if row.rejected:
                self.report.reject(row, raw, [p for p in row.problems if p.error])
                continue
            rows.append(row)
            if len(rows) >= self.options.batch_size:
                self._plan_and_flush(rows)
                rows = []
        self._plan_and_flush(rows)

    def _plan_and_flush(self, rows: list[ParsedRow]) -> None:
        """Duplicates of a batch of rows looked up at once, then planned in file order."""
        keyed = [(row, _row_keys(row.values)) for row in rows]
        stored = self.keys.lookup(h for _row, keys in keyed for _kind, _key, h in keys)
        chunk = [self._plan(row, keys, stored) for row, keys in keyed]
        self._flush([planned for planned in chunk if planned is not None])

    def _plan(
        self, row: ParsedRow, keys: list[tuple[str, str, int]], stored: dict
    ) -> _Planned | None:
        values = row.values
        entries = [(kind, self.keys.get(h, stored)) for kind, _key, h in keys]
        found = next(
            ((kind, e[0]) for kind, e in entries if e and e[1] is None and e[0] is not None), None
        )
        policy = self.options.on_duplicate
        if found is not None and policy != "import_anyway":
            match, cid = found
            if policy == "skip":
                self.report.skipped += 1
                self.report.duplicates.append(Duplicate(row.number, match, "skipped", cid))
                return None
            if not self._can_change(cid):
                self._not_allowed(row, match, cid)
                return None
            return _Planned(row, "update", cid)
        for kind, entry in entries:
            if entry and entry[1] is not None and policy != "import_anyway":
                self.report.skipped += 1
                self.report.duplicates.append(
                    Duplicate(row.number, kind, "skipped", other_row=entry[1])
                )
                return None
        if found is not None:
            self.report.duplicates.append(Duplicate(row.number, found[0], "imported", found[1]))
        for _kind, _key, h in keys:
            if self.keys.get(h, stored) is None:
                self.keys.pending[h] = (None, row.number)
        code = values.get("code")
        owner = self.keys.get(key_hash("code", code), stored) if code else None
        if code and owner is not None and owner[1] != row.number:
            row.problems.append(
                Problem(
                    row.number,
                    None,
                    None,
                    f"客户编号 {code} 已被使用，已分配新编号",
                    f"The customer code {code} is taken; a new code was given",
                    error=False,
                )
            )
            self.report.problems.append(row.problems[-1])
            values.pop("code")
        return _Planned(row, "create")

    def _can_change(self, cid: int) -> bool:
        if self.visible is None:
            return True
        owner = self.db.execute_sql("SELECT owner_id FROM customer WHERE id=?", (cid,)).fetchone()
        return owner is not None and owner[0] in self.visible

    def _not_allowed(self, row: ParsedRow, match: str, cid: int) -> None:
        problem = Problem(
            row.number,
            None,
            None,
            "该客户已存在，但属于其他业务员，你无权修改",
            "This customer exists but belongs to another salesperson; you may not change it",
        )
        self.report.problems.append(problem)
        self.report.duplicates.append(Duplicate(row.number, match, "not_allowed", cid))
        self.report.reject(row, row.raw, [problem])

    # writing
    def _flush(self, chunk: list[_Planned]) -> None:
        if not chunk:
            return
        creates = [p for p in chunk if p.action == "create"]
        updates = [p for p in chunk if p.action == "update"]
        if self.options.dry_run:
            self.keys.store_pending({}, [])
            self.keys.pending.clear()
            self.report.created += len(creates)
            for planned in updates:
                if self._changes(planned, dry=True):
                    self.report.updated += 1
                else:
                    self.report.unchanged += 1
            return
        created_ids: list[int] = []
        updated_ids: list[int] = []

        def run() -> None:
            created_ids.clear()
            updated_ids.clear()
            created_ids.extend(self._insert(creates))
            for planned in updates:
                if self._update(planned):
                    updated_ids.append(planned.customer_id)
            search_index.refresh(created_ids + updated_ids)  # keys never lag the data

        write(self.db, run)
        self.keys.pending.clear()
        _drop_name_caches()
        self.report.created += len(created_ids)
        self.report.created_ids.extend(created_ids)
        self.report.updated += len(updated_ids)
        self.report.unchanged += len(updates) - len(updated_ids)

    def _insert(self, creates: list[_Planned]) -> list[int]:
        stamp = str(now())
        first = (self.db.execute_sql("SELECT max(id) FROM customer").fetchone()[0] or 0) + 1
        self.next_number = max(self.next_number, first)
        customers, persons, categories, ids = [], [], [], []
        created: dict[int, int] = {}  # file row → new customer id
        generated: list[tuple[int, int, int]] = []  # keys of the codes given here
        new_codes = iter(self._new_codes(sum(1 for p in creates if not p.row.values.get("code"))))
        source_index = _CUSTOMER_COLUMNS.index("source")
        review_index = _CUSTOMER_COLUMNS.index("review_state")
        for offset, planned in enumerate(creates):
            cid = first + offset
            values = planned.row.values
            code = values.get("code") or next(new_codes)
            row = _db_row(_CUSTOMER_COLUMNS, _CUSTOMER_CONVERTED, values)
            row[source_index] = row[source_index] or "import"
            row[review_index] = row[review_index] or "trusted"
            customers.append(
                (
                    *row,
                    code,
                    self.user.id,
                    "active",
                    1,
                    self.user.id,
                    stamp,
                    self.user.id,
                    stamp,
                    "{}",
                    self.batch.id,
                    cid,
                )
            )
            created[planned.row.number] = cid
            if not values.get("code"):
                generated.append((key_hash("code", code), cid, planned.row.number))
            if planned.row.person:
                persons.append(_person_tuple(cid, planned.row.person, 0, stamp))
            categories.extend((cid, s, c) for s, c in planned.row.categories.items())
            ids.append(cid)
        cols = [
            *_CUSTOMER_COLUMNS,
            "code",
            "owner_id",
            "status",
            "version",
            "created_by_id",
            "created_at",
            "updated_by_id",
            "updated_at",
            "custom_fields",
            "import_batch_id",
            "id",
        ]
        _executemany(self.db, "customer", cols, customers)
        _executemany(self.db, "key_person", _PERSON_INSERT_COLUMNS, persons)
        _executemany(
            self.db, "customer_category", ["customer_id", "scheme_id", "category_id"], categories
        )
        self.keys.store_pending(created, generated)  # rolled back with the transaction
        return ids

    def _new_codes(self, count: int) -> list[str]:
        """`count` free customer codes KH000123…, checked against the keys a batch at a time."""
        codes: list[str] = []
        while len(codes) < count:
            wanted = count - len(codes)
            numbers = range(self.next_number, self.next_number + wanted)
            self.next_number += wanted
            candidates = {key_hash("code", f"KH{n:06d}"): f"KH{n:06d}" for n in numbers}
            stored = self.keys.lookup(candidates)
            codes += [c for h, c in candidates.items() if self.keys.get(h, stored) is None]
        return codes

    def _changes(self, planned: _Planned, dry: bool = False) -> tuple[dict, list, dict] | None:
        current = _raw_row(self.db, "customer", planned.customer_id)
        overwrite = self.options.on_duplicate == "overwrite"
        changes = {}
        for name, value in planned.row.values.items():
            if name == "code":
                continue
            new = _db_text(_CUSTOMER[name], value)
            old = current.get(name)
            if new is None or new == old:
                continue
            if overwrite or old in (None, ""):
                changes[name] = (old, new)
        persons = []
        person = planned.row.person
        if person.get("name"):
            names = {
                n
                for (n,) in self.db.execute_sql(
                    "SELECT name FROM key_person WHERE customer_id=?", (planned.customer_id,)
                )
            }
            if person["name"] not in names:
                persons.append(person)
        cats = {}
        if planned.row.categories:
            current_cats = dict(
                self.db.execute_sql(
                    "SELECT scheme_id, category_id FROM customer_category WHERE customer_id=?",
                    (planned.customer_id,),
                ).fetchall()
            )
            for scheme, category in planned.row.categories.items():
                old_cat = current_cats.get(scheme)
                if old_cat != category and (overwrite or old_cat is None):
                    cats[scheme] = category
        if not (changes or persons or cats):
            return None
        return changes, persons, cats

    def _update(self, planned: _Planned) -> bool:
        found = self._changes(planned)
        if found is None:
            return False
        changes, persons, cats = found
        cid = planned.customer_id
        current = _raw_row(self.db, "customer", cid)
        version = current["version"] + 1
        if cid not in self.snapshotted:
            ImportChange.create(
                batch=self.batch.id,
                entity="customer",
                entity_id=cid,
                action="updated",
                before=json.dumps(_snapshot(self.db, cid), ensure_ascii=False),
                after_version=version,
            )
            self.snapshotted.add(cid)
        else:
            ImportChange.update(after_version=version).where(
                ImportChange.batch == self.batch.id, ImportChange.entity_id == cid
            ).execute()
        stamp = str(now())
        sets = {name: new for name, (_old, new) in changes.items()}
        sets.update(version=version, updated_by_id=self.user.id, updated_at=stamp)
        assignments = ", ".join(f'"{k}"=?' for k in sets)
        self.db.execute_sql(
            f"UPDATE customer SET {assignments} WHERE id=? AND version=?",
            (*sets.values(), cid, version - 1),
        )
        history = [
            (cid, version, None, name, _text(old), _text(new), self.user.id, stamp, self.batch.id)
            for name, (old, new) in changes.items()
        ]
        position = self.db.execute_sql(
            "SELECT count(*) FROM key_person WHERE customer_id=?", (cid,)
        ).fetchone()[0]
        for person in persons:
            _executemany(
                self.db,
                "key_person",
                _PERSON_INSERT_COLUMNS,
                [_person_tuple(cid, person, position, stamp)],
            )
            pid = self.db.execute_sql("SELECT last_insert_rowid()").fetchone()[0]
            history.append(
                (
                    cid,
                    version,
                    pid,
                    "person",
                    None,
                    person["name"],
                    self.user.id,
                    stamp,
                    self.batch.id,
                )
            )
        for scheme, category in cats.items():
            self.db.execute_sql(
                "INSERT INTO customer_category (customer_id, scheme_id, category_id) "
                "VALUES (?, ?, ?) ON CONFLICT (customer_id, scheme_id) "
                "DO UPDATE SET category_id = excluded.category_id",  # fires the count triggers
                (cid, scheme, category),
            )
        _executemany(self.db, "field_change", _HISTORY_COLUMNS, history)
        return True

    # key persons in a second sheet
    def run_persons_sheet(self, path: Path, sheet: str) -> None:
        matcher = matcher_for("persons")
        with open_table(path, sheet) as table:
            preview = read_preview(table, 60)
            mapping = columns.detect_header(preview, matcher)
            if mapping is None or mapping.missing("persons"):
                raise ImportFailed(
                    f"工作表“{sheet}”中找不到联系人的标题行（需要 客户编号/客户名称 和 姓名）",
                    f"No key-person header in the sheet '{sheet}' (customer code/name and name "
                    "are needed)",
                )
            converter = RowConverter(mapping, table.scan, table.epoch1904)
            pending: list[tuple[int, dict]] = []
            options = ImportOptions(skip_hidden_rows=self.options.skip_hidden_rows)
            for number, raw in _Rows(
                table, mapping, options, ImportReport("persons", path, sheet, True)
            ):
                row = converter.convert(number, raw)
                self.report.problems.extend(row.problems)
                cid = self._person_customer(row)
                if row.rejected or cid is None:
                    self.report.reject(row, raw, [p for p in row.problems if p.error])
                    continue
                pending.append((cid, row.person))
            self._write_persons(pending)

    def _person_customer(self, row: ParsedRow) -> int | None:
        links = row.links
        cid = None
        if links.get("customer_code"):
            cid = self.keys.customer("code", links["customer_code"])
        if cid is None and links.get("customer_uscc"):
            cid = self.keys.customer("uscc", links["customer_uscc"])
        if cid is None and links.get("customer_name"):
            cid = self.keys.customer("name", normalise_name(links["customer_name"]))
        if cid is None or not self._can_change(cid):
            row.problems.append(
                Problem(
                    row.number,
                    None,
                    None,
                    "找不到这位联系人所属的客户",
                    "The customer of this key person was not found",
                )
            )
            return None
        if not row.person.get("name"):
            row.problems.append(
                Problem(row.number, None, None, "联系人姓名为空", "The key person has no name")
            )
            return None
        return cid

    def _write_persons(self, pending: list[tuple[int, dict]]) -> None:
        created = set(self.report.created_ids)
        if self.options.dry_run or not pending:
            return
        stamp = str(now())

        def run() -> None:
            positions: dict[int, int] = {}
            for cid, person in pending:
                if cid not in created:
                    planned = _Planned(ParsedRow(0, (), person=person), "update", cid)
                    if self._update(planned):
                        self.report.updated += 1
                    continue
                if cid not in positions:
                    positions[cid] = self.db.execute_sql(
                        "SELECT count(*) FROM key_person WHERE customer_id=?", (cid,)
                    ).fetchone()[0]
                _executemany(
                    self.db,
                    "key_person",
                    _PERSON_INSERT_COLUMNS,
                    [_person_tuple(cid, person, positions[cid], stamp)],
                )
                positions[cid] += 1
            search_index.refresh(cid for cid, _p in pending)

        write(self.db, run)


def _drop_name_caches() -> None:
    """Empty the search keys' per-name pinyin caches after each batch: they pay off for names
    that recur (searches, demo data), but an import's names are nearly all new, so the caches
    would only grow (≈60 MB at their size limits)."""
    search_keys.pinyin_keys.cache_clear()
    search_keys.person_name_keys.cache_clear()


def _require_customer_fields(row: ParsedRow, name_column: int | None, mapping) -> None:
    name_problem = any(p.column == name_column and p.error for p in row.problems)
    if not row.values.get("name") and not name_problem:
        row.problems.append(
            Problem(
                row.number,
                name_column,
                mapping.headers[name_column] if name_column is not None else None,
                "客户名称为空",
                "The customer name is empty",
            )
        )
    if row.person and not row.person.get("name"):
        row.problems.append(
            Problem(
                row.number,
                None,
                None,
                "填写了联系人信息，但联系人姓名为空",
                "Key-person details are filled in but the key person's name is empty",
            )
        )


_PERSON_INSERT_COLUMNS = [*_PERSON_COLUMNS, "customer_id", "position", "created_at", "updated_at"]
_HISTORY_COLUMNS = [
    "customer_id",
    "version",
    "person_id",
    "field",
    "old_value",
    "new_value",
    "user_id",
    "changed_at",
    "import_batch_id",
]


def _person_tuple(cid: int, person: dict[str, Any], position: int, stamp: str) -> tuple:
    return (*_db_row(_PERSON_COLUMNS, _PERSON_CONVERTED, person), cid, position, stamp, stamp)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _executemany(db, table: str, cols: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    db.cursor().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def _raw_row(db, table: str, row_id: int) -> dict[str, Any]:
    cursor = db.execute_sql(f'SELECT * FROM "{table}" WHERE id=?', (row_id,))
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def _raw_rows(db, sql: str, params: tuple) -> list[dict[str, Any]]:
    cursor = db.execute_sql(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _snapshot(db, cid: int) -> dict[str, Any]:
    return {
        "customer": _raw_row(db, "customer", cid),
        "persons": _raw_rows(db, "SELECT * FROM key_person WHERE customer_id=?", (cid,)),
        "categories": _raw_rows(db, "SELECT * FROM customer_category WHERE customer_id=?", (cid,)),
    }


def _restore(db, cid: int, snapshot: dict[str, Any]) -> None:
    row = dict(snapshot["customer"])
    row.pop("id")
    assignments = ", ".join(f'"{k}"=?' for k in row)
    db.execute_sql(f"UPDATE customer SET {assignments} WHERE id=?", (*row.values(), cid))
    db.execute_sql("DELETE FROM key_person WHERE customer_id=?", (cid,))
    for table, key in (("key_person", "persons"), ("customer_category", "categories")):
        if table == "customer_category":
            db.execute_sql("DELETE FROM customer_category WHERE customer_id=?", (cid,))
        rows = snapshot[key]
        if rows:
            cols = list(rows[0])
            _executemany(db, table, cols, [tuple(r[c] for c in cols) for r in rows])


class _CategoryLookup:
    """Category by scheme and name; 'A' also finds 主力客户 (A); a path 华东/上海 walks the tree
    (its first part may sit at any level). Missing categories (every missing level of a path)
    are created on request."""

    def __init__(self, create: bool, dry_run: bool, user: User) -> None:
        self.create, self.dry_run, self.user = create, dry_run, user
        self.by_name: dict[tuple[int, str], int] = {}
        self.children: dict[tuple[int, int | None, str], int] = {}  # (scheme, parent, name)
        query = Category.select(Category.id, Category.scheme, Category.parent, Category.name)
        for cid, scheme, parent, name in query.order_by(Category.id).tuples():
            key = normalise_name(name)
            self.by_name.setdefault((scheme, key), cid)
            self.children.setdefault((scheme, parent, key), cid)
            letter = re.search(r"[(（]([A-Za-z])[)）]$", name)
            if letter:
                self.by_name.setdefault((scheme, letter.group(1).casefold()), cid)
                self.by_name.setdefault((scheme, normalise_name(name[: letter.start()])), cid)

    def find(self, scheme: int, text: str) -> int | None:
        parts = [part.strip() for part in text.split("/") if part.strip()]
        if not parts:
            return None
        found = self.by_name.get((scheme, normalise_name(parts[0])))
        if found is None:
            found = self._add(scheme, None, parts[0])
        for part in parts[1:]:
            if found is None:
                return None
            child = self.children.get((scheme, found, normalise_name(part)))
            found = child if child is not None else self._add(scheme, found, part)
        return found

    def _add(self, scheme: int, parent: int | None, name: str) -> int | None:
        if not self.create:
            return None
        if self.dry_run or parent == -1:
            return -1
        from kehu.services import classification

        cid = classification.add_category(scheme, name, self.user, parent_id=parent)
        key = normalise_name(name)
        self.by_name.setdefault((scheme, key), cid)
        self.children[(scheme, parent, key)] = cid
        return cid


# --- sale lines ---------------------------------------------------------------------------


class SaleImporter:
    def __init__(self, user: User, options: ImportOptions, report: ImportReport, batch) -> None:
        self.user, self.options, self.report, self.batch = user, options, report, batch
        self.db = Customer._meta.database
        self.by_code: dict[str, int] = {}
        self.by_uscc: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        query = visible_customers(
            user, Customer.id, Customer.code, Customer.uscc, Customer.name, include_archived=True
        )
        for cid, code, uscc, name in query.tuples():
            self.by_code[code] = cid
            if uscc:
                self.by_uscc[uscc] = cid
            self.by_name.setdefault(normalise_name(name), []).append(cid)
        self.products: dict[str, tuple[int, str]] = {}  # name or code → (id, category)
        for pid, code, name, category in Product.select(
            Product.id, Product.code, Product.name, Product.category
        ).tuples():
            self.products[name] = (pid, category)
            if code:
                self.products["#" + code] = (pid, category)
        self.new_products: dict[str, tuple[str | None, str]] = {}

    def run(self, table: Table, mapping: columns.Mapping) -> None:
        converter = RowConverter(mapping, table.scan, table.epoch1904, extra_fields=SALE_FIELDS)
        quantity_mapped = mapping.column_of("sale.quantity") is not None
        if not quantity_mapped:
            self.report.notes.append(
                ("没有数量列：每行按数量 1 导入", "No quantity column: each line counts as 1")
            )
        chunk: list[tuple] = []
        for number, raw in _Rows(table, mapping, self.options, self.report):
            row = converter.convert(number, raw)
            line = None if row.rejected else self._line(row, quantity_mapped)
            self.report.problems.extend(row.problems)
            if line is None:
                self.report.reject(row, raw, [p for p in row.problems if p.error])
                continue
            chunk.append(line)
            if len(chunk) >= self.options.batch_size:
                self._flush(chunk)
                chunk = []
        self._flush(chunk)

    def _line(self, row: ParsedRow, quantity_mapped: bool) -> tuple | None:
        links = row.links
        missing = [
            label
            for key, label in (("sale.date", ("日期", "date")), ("sale.amount", ("金额", "amount")))
            if links.get(key) is None
        ]
        for zh, en in missing:
            row.problems.append(Problem(row.number, None, None, f"{zh}为空", f"The {en} is empty"))
        cid = self._customer(row)
        product, category = self._product(row)
        quantity = self._quantity(row, quantity_mapped)
        if missing or cid is None or category is None or quantity is None:
            return None
        return (
            links["sale.date"].isoformat(),
            cid,
            product,
            category,
            str(quantity),
            _db_text(SALE_FIELDS["sale.amount"], links["sale.amount"]),
        )

    def _customer(self, row: ParsedRow) -> int | None:
        links = row.links
        if links.get("customer_code") in self.by_code:
            return self.by_code[links["customer_code"]]
        if links.get("customer_uscc") in self.by_uscc:
            return self.by_uscc[links["customer_uscc"]]
        if links.get("customer_name"):
            ids = self.by_name.get(normalise_name(links["customer_name"]), [])
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                row.problems.append(
                    Problem(
                        row.number,
                        None,
                        None,
                        f"有{len(ids)}位客户名叫“{links['customer_name']}”，请用客户编号区分",
                        f"{len(ids)} customers are named '{links['customer_name']}': use the customer code",
                    )
                )
                return None
        given = (
            links.get("customer_code") or links.get("customer_uscc") or links.get("customer_name")
        )
        row.problems.append(
            Problem(
                row.number,
                None,
                None,
                f"找不到客户“{given or ''}”（或你无权查看）",
                f"Customer '{given or ''}' not found (or not visible to you)",
            )
        )
        return None

    def _product(self, row: ParsedRow) -> tuple[str | None, str | None]:
        links = row.links
        name, code = links.get("sale.product"), links.get("sale.product_code")
        category = links.get("sale.category")
        known = self.products.get("#" + code) if code else None
        known = known or (self.products.get(name) if name else None)
        if category is None and known is not None:
            category = known[1]
        if category is None:
            row.problems.append(
                Problem(row.number, None, None, "商品类别为空", "The product category is empty")
            )
        if known is None and name:
            self.new_products.setdefault(name, (code, category or ""))
        return (name if name else None), category

    def _quantity(self, row: ParsedRow, mapped: bool) -> Decimal | None:
        text = row.links.get("sale.quantity")
        if text is None:
            if mapped:
                row.problems.append(
                    Problem(row.number, None, None, "数量为空", "The quantity is empty")
                )
                return None
            return Decimal(1)
        try:
            return Decimal(clean_text(str(text)).replace(",", "")).quantize(Decimal("0.001"))
        except InvalidOperation:
            row.problems.append(
                Problem(row.number, None, None, f"“{text}”不是数量", f"'{text}' is not a quantity")
            )
            return None

    def _flush(self, chunk: list[tuple]) -> None:
        if not chunk:
            return
        if self.options.dry_run:
            self.report.created += len(chunk)
            return

        def run() -> None:
            for name, (code, category) in list(self.new_products.items()):
                product = Product.create(code=code, name=name, category=category)
                ImportChange.create(
                    batch=self.batch.id, entity="product", entity_id=product.id, action="created"
                )
                self.products[name] = (product.id, category)
            self.new_products.clear()
            rows = [
                (
                    date,
                    cid,
                    self.products[product][0] if product else None,
                    category,
                    qty,
                    amount,
                    self.batch.id,
                )
                for date, cid, product, category, qty, amount in chunk
            ]
            _executemany(
                self.db,
                "sale_line",
                [
                    "sale_date",
                    "customer_id",
                    "product_id",
                    "product_category",
                    "quantity",
                    "amount",
                    "import_batch_id",
                ],
                rows,
            )

        write(self.db, run)
        self.report.created += len(chunk)


# --- undo ---------------------------------------------------------------------------------


@dataclass
class UndoCheck:
    batch_id: int
    changed_since: list[str]  # codes of customers changed after the import

    @property
    def safe(self) -> bool:
        return not self.changed_since


def check_undo(batch_id: int) -> UndoCheck:
    """Customers of the batch that were changed after the import (their changes would go)."""
    db = Customer._meta.database
    changed = [
        code
        for (code,) in db.execute_sql(
            "SELECT code FROM customer WHERE import_batch_id=? AND (version > 1 OR EXISTS "
            "(SELECT 1 FROM visit v WHERE v.customer_id = customer.id) OR EXISTS "
            "(SELECT 1 FROM sale_line s WHERE s.customer_id = customer.id AND "
            "(s.import_batch_id IS NULL OR s.import_batch_id != ?))) ORDER BY code",
            (batch_id, batch_id),
        )
    ]
    changed += [
        code
        for (code,) in db.execute_sql(
            "SELECT c.code FROM import_change ic JOIN customer c ON c.id = ic.entity_id "
            "WHERE ic.batch_id=? AND ic.entity='customer' AND ic.action='updated' "
            "AND c.version != ic.after_version ORDER BY c.code",
            (batch_id,),
        )
    ]
    return UndoCheck(batch_id, changed)


def undo(batch_id: int, user: User, force: bool = False) -> int:
    """Undo an import as a whole; returns the number of customers/lines removed or restored."""
    batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
    if batch is None:
        raise ImportFailed(f"没有编号为 {batch_id} 的导入", f"No import number {batch_id}")
    if batch.status == "undone":
        raise ImportFailed("这次导入已经撤销过了", "This import was already undone")
    if user.role != "admin" and batch.user_id != user.id:
        raise ImportFailed("只能撤销自己的导入", "You can only undo your own imports")
    check = check_undo(batch_id)
    if not check.safe and not force:
        codes = "、".join(check.changed_since[:10])
        raise ImportFailed(
            f"导入后这些客户又被修改过：{codes}……撤销会丢失这些修改。确认后可强制撤销。",
            f"These customers were changed after the import: {', '.join(check.changed_since[:10])}"
            " — undoing would lose those changes. Confirm to undo anyway.",
        )
    db = Customer._meta.database
    removed: list[int] = []
    restored: list[int] = []

    def run() -> int:
        removed.extend(
            cid
            for (cid,) in db.execute_sql(
                "SELECT id FROM customer WHERE import_batch_id=?", (batch_id,)
            )
        )
        count = db.execute_sql(
            "DELETE FROM sale_line WHERE import_batch_id=?", (batch_id,)
        ).rowcount
        db.execute_sql("DELETE FROM customer WHERE import_batch_id=?", (batch_id,))
        search_index.remove(removed)
        for change in (
            ImportChange.select()
            .where(ImportChange.batch == batch_id)
            .order_by(ImportChange.id.desc())
        ):
            if change.entity == "customer" and change.before:
                _restore(db, change.entity_id, json.loads(change.before))
                restored.append(change.entity_id)
            elif change.entity == "product":
                db.execute_sql(
                    "DELETE FROM product WHERE id=? AND NOT EXISTS "
                    "(SELECT 1 FROM sale_line WHERE product_id=?)",
                    (change.entity_id, change.entity_id),
                )
        search_index.refresh(restored)
        db.execute_sql("DELETE FROM field_change WHERE import_batch_id=?", (batch_id,))
        db.execute_sql(
            "DELETE FROM pending_review WHERE batch_id=? AND status='pending'", (batch_id,)
        )
        ImportBatch.update(status="undone").where(ImportBatch.id == batch_id).execute()
        total = count + len(removed) + len(restored)
        audit.record(
            user,
            "undo_import",
            "import_batch",
            batch_id,
            batch.filename,
            removed=len(removed),
            restored=len(restored),
            sale_lines=count,
            forced=force,
        )
        return total

    return write(db, run)


def recent_batches(user: User, limit: int = 20) -> list[ImportBatch]:
    query = ImportBatch.select().order_by(ImportBatch.id.desc()).limit(limit)
    if user.role != "admin":
        query = query.where(ImportBatch.user == user.id)
    return list(query)


# --- customer-filled forms: pending reviews -------------------------------------------------


def import_forms(path: Path, user: User, options: ImportOptions) -> ImportReport:
    """Returned 客户资料表 become pending reviews (source 客户填写); dossiers stay unchanged."""
    from kehu.exchange.xlsx_form import read_forms

    forms = read_forms(path)
    report = ImportReport("forms", path, ", ".join(f.sheet for f in forms), options.dry_run)
    planned = []
    for form in forms:
        report.rows_total += 1
        customer = _form_customer(form, user, report)
        if customer is False:
            continue
        if not form.proposals:
            report.unchanged += 1
            report.notes.append(
                (f"“{form.sheet}”：没有修改", f"'{form.sheet}': nothing was changed")
            )
            continue
        for proposal in form.proposals:
            issue = proposal.error
            if issue is not None:
                report.problems.append(
                    Problem(proposal.row, 2, proposal.key, issue.zh, issue.en, error=False)
                )
        planned.append((form, customer))
    report.reviews = len(planned)
    if options.dry_run or not planned:
        return report
    mapping = columns.Mapping(0, [], [])
    batch = _start_batch(path, user, options, mapping)
    report.batch_id = batch.id

    def run() -> None:
        for form, customer in planned:
            _create_review(form, customer, batch.id, user, path)

    write(Customer._meta.database, run)
    _finish_batch(batch, report, user, status="done")
    return report


def _form_customer(form, user: User, report: ImportReport):
    """The customer of a form (None for a blank form: a new customer), False if unusable."""
    if not form.code:
        return None
    customer = Customer.get_or_none(Customer.code == form.code)
    if (
        customer is None
        or not visible_customers(user, Customer.id, include_archived=True)
        .where(Customer.id == customer.id)
        .exists()
    ):
        problem = Problem(
            2,
            None,
            form.sheet,
            f"找不到客户 {form.code}（或你无权查看），这份资料表未导入",
            f"Customer {form.code} not found (or not visible to you); this form was not imported",
        )
        report.problems.append(problem)
        report.reject(2, (form.sheet, form.code), [problem])
        return False
    return customer


def _create_review(form, customer, batch_id: int, user: User, path: Path) -> None:
    from kehu.exchange.xlsx_form import field_of

    review = PendingReview.create(
        customer=customer.id if customer else None,
        batch=batch_id,
        source="customer_form",
        base_version=customer.version if customer else None,
        label=f"{path.name} / {form.sheet}",
        created_by=user,
    )
    items = []
    for proposal in form.proposals:
        issue = proposal.error
        text = to_text(proposal.proposed) if issue is None else _text(proposal.raw)
        items.append(
            dict(
                review=review.id,
                field=proposal.key,
                proposed_value=text,
                original_value=to_text(proposal.original),
                problem=json.dumps([issue.zh, issue.en], ensure_ascii=False) if issue else None,
            )
        )
        assert field_of(proposal.key) is not None
    PendingReviewItem.insert_many(items).execute()
    audit.record(
        user,
        "form_received",
        "customer",
        customer.id if customer else None,
        review.label,
        review=review.id,
        fields=len(items),
    )


@dataclass
class ReviewLine:
    item_id: int
    key: str
    label: str
    current: str  # the dossier's value now, as displayed
    proposed: str
    original: str  # the value printed on the form
    problem: str | None
    changed_since_form: bool  # the dossier changed this field after the form was printed


@dataclass
class ReviewSummary:
    id: int
    customer_id: int | None
    customer: str
    label: str
    created_at: Any
    items: int


def pending_reviews(user: User) -> list[ReviewSummary]:
    visible = (
        {cid for (cid,) in visible_customers(user, Customer.id, include_archived=True).tuples()}
        if user.role != "admin"
        else None
    )
    found = []
    query = (
        PendingReview.select().where(PendingReview.status == "pending").order_by(PendingReview.id)
    )
    for review in query:
        if (
            review.customer_id is not None
            and visible is not None
            and review.customer_id not in visible
        ):
            continue
        if review.customer_id is None and user.role != "admin" and review.created_by_id != user.id:
            continue
        customer = (
            Customer.get_or_none(Customer.id == review.customer_id) if review.customer_id else None
        )
        name = (
            f"{customer.code} {customer.name}" if customer else pick("（新客户）", "(new customer)")
        )
        count = PendingReviewItem.select().where(PendingReviewItem.review == review.id).count()
        found.append(
            ReviewSummary(
                review.id, review.customer_id, name, review.label or "", review.created_at, count
            )
        )
    return found


def _current_value(dossier, key: str) -> Any:
    if dossier is None:
        return None
    if key.startswith("person."):
        _p, slot, name = key.split(".")
        if slot.isdigit():
            person = dossier.person_by_id(int(slot))
            return person.get(name) if person else None
        return None
    return dossier.values.get(key)


def _label(key: str, lang: str | None = None) -> str:
    from kehu.exchange.xlsx_form import field_of

    f = field_of(key)
    label = f.label("zh" if pick("zh", "en", lang) == "zh" else "en") if f else key
    if key.startswith("person."):
        slot = key.split(".")[1]
        who = (
            pick("新联系人", "new key person", lang)
            if slot.startswith("new")
            else pick("联系人", "key person", lang)
        )
        suffix = slot[3:] if slot.startswith("new") else f"#{slot}"
        return f"{who} {suffix} · {label}"
    return label


def review_lines(review_id: int, user: User, lang: str | None = None) -> list[ReviewLine]:
    """Field by field: the dossier's current value → the value the customer proposes."""
    from kehu.exchange.xlsx_form import field_of
    from kehu.services import dossiers

    review = PendingReview.get_by_id(review_id)
    dossier = dossiers.load(review.customer_id, user) if review.customer_id else None
    shown = "zh" if pick("zh", "en", lang) == "zh" else "en"
    lines = []
    for item in review.items.order_by(PendingReviewItem.id):
        f = field_of(item.field)
        current = _current_value(dossier, item.field)
        original = to_python(f, item.original_value) if item.original_value else None
        problem = json.loads(item.problem) if item.problem else None
        proposed = item.proposed_value
        if problem is None and proposed is not None:
            proposed = display(f, to_python(f, proposed), shown)
        lines.append(
            ReviewLine(
                item_id=item.id,
                key=item.field,
                label=_label(item.field, lang),
                current=display(f, current, shown),
                proposed=proposed or "",
                original=display(f, original, shown),
                problem=pick(problem[0], problem[1], lang) if problem else None,
                changed_since_form=dossier is not None and current != original,
            )
        )
    return lines


def decide_review(review_id: int, accepted: set[int], user: User) -> int | None:
    """Apply the accepted items to the dossier (with history and audit), reject the rest.

    Returns the customer id (a new customer for a blank form with accepted items)."""
    from kehu.exchange.xlsx_form import field_of
    from kehu.services import dossiers

    review = PendingReview.get_by_id(review_id)
    if review.status != "pending":
        raise ImportFailed("这份资料已经审核过了", "This form was already reviewed")
    items = list(review.items.order_by(PendingReviewItem.id))
    values: dict[str, Any] = {}
    person_changes: dict[str, dict[str, Any]] = {}
    for item in items:
        if item.id not in accepted:
            continue
        if item.problem:
            raise ImportFailed(
                f"“{_label(item.field)}”的内容无效，不能接受",
                f"'{_label(item.field, 'en')}' is invalid and cannot be accepted",
            )
        f = field_of(item.field)
        value = to_python(f, item.proposed_value) if item.proposed_value else None
        if item.field.startswith("person."):
            _p, slot, name = item.field.split(".")
            person_changes.setdefault(slot, {})[name] = value
        else:
            values[item.field] = value
    customer_id = review.customer_id
    if values or person_changes:
        customer_id = _apply_review(review, values, person_changes, user, dossiers)
    decided = now()

    def run() -> None:
        for item in items:
            PendingReviewItem.update(
                decision="accepted" if item.id in accepted else "rejected"
            ).where(PendingReviewItem.id == item.id).execute()
        PendingReview.update(
            status="applied" if accepted else "rejected",
            decided_by=user.id,
            decided_at=decided,
            customer=customer_id,
        ).where(PendingReview.id == review_id).execute()
        audit.record(
            user,
            "form_review",
            "customer",
            customer_id,
            review.label,
            review=review_id,
            accepted=sorted(i.field for i in items if i.id in accepted),
            rejected=sorted(i.field for i in items if i.id not in accepted),
        )

    write(Customer._meta.database, run)
    return customer_id


def _apply_review(review, values, person_changes, user: User, dossiers) -> int:
    new_persons = []
    for slot, changes in person_changes.items():
        if slot.startswith("new"):
            if not changes.get("name"):
                raise ImportFailed(
                    "新联系人必须接受姓名一项", "A new key person needs its name accepted"
                )
            new_persons.append(changes)
    if review.customer_id is None:
        if not values.get("name"):
            raise ImportFailed(
                "新客户必须接受“客户名称”一项", "A new customer needs its name accepted"
            )
        values.update(source="customer_form", review_state="trusted")
        return dossiers.create(values, user, persons=new_persons)
    base = dossiers.load(review.customer_id, user)
    persons = [dict(p) for p in base.persons]
    for person in persons:
        person.update(person_changes.get(str(person["id"]), {}))
    persons += new_persons
    dossiers.save(base, values, user, persons=persons if person_changes else None)
    return review.customer_id
