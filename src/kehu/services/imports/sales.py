"""Sale lines (销售实绩): each line is linked to a visible customer (code, USCC or an
unambiguous name) and a product (known, or created with the batch)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from kehu.core.fields import SALE_FIELDS
from kehu.core.i18n import N_, note
from kehu.core.jobs import Job
from kehu.core.validation import clean_text
from kehu.db import import_batches
from kehu.db.bulk import insert_rows
from kehu.db.connection import write
from kehu.db.models import Customer, Product, SaleLine, User
from kehu.db.visibility import visible_customers
from kehu.exchange import xlsx_columns as columns
from kehu.exchange.xlsx_reading import Table
from kehu.exchange.xlsx_rows import ParsedRow, RowConverter, problem

from .customers import db_value
from .duplicates import normalise_name
from .plan import ImportOptions, RowStream
from .report import ImportReport

# The sale fields of the catalogue under the targets the column mapping gives them.
TARGETS = {target: spec[0] for target, spec in columns.SALE_TARGETS.items()}
_AMOUNT = TARGETS["sale.amount"]
_LINE_COLUMNS = [
    "sale_date",
    "customer_id",
    "product_id",
    "product_category",
    "quantity",
    "amount",
    "import_batch_id",
]
_REQUIRED = (("sale.date", N_("The date is empty")), ("sale.amount", N_("The amount is empty")))
assert {f.name for f in TARGETS.values()} == {f.name for f in SALE_FIELDS}


class SaleImporter:
    def __init__(
        self,
        user: User,
        options: ImportOptions,
        report: ImportReport,
        batch_id: int | None,
        job: Job | None,
    ) -> None:
        self.user, self.options, self.report = user, options, report
        self.batch_id, self.job = batch_id, job
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
        self.products: dict[str, tuple[int, str]] = {}  # name or #code → (id, category)
        query = Product.select(Product.id, Product.code, Product.name, Product.category)
        for pid, code, name, category in query.tuples():
            self.products[name] = (pid, category)
            if code:
                self.products["#" + code] = (pid, category)
        self.new_products: dict[str, tuple[str | None, str]] = {}

    def run(self, table: Table, mapping: columns.Mapping) -> None:
        converter = RowConverter(mapping, table.scan, table.epoch1904, extra_fields=TARGETS)
        quantity_mapped = mapping.column_of("sale.quantity") is not None
        if not quantity_mapped:
            self.report.notes.append(note(N_("No quantity column: each line counts as 1")))
        chunk: list[tuple] = []
        stream = RowStream(table, mapping, self.options.skip_hidden_rows, self.report, self.job)
        for number, raw in stream:
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
        missing = [text for key, text in _REQUIRED if links.get(key) is None]
        for text in missing:
            row.problems.append(problem(row.number, text))
        cid = self._customer(row)
        product, category = self._product(row)
        quantity = self._quantity(row, quantity_mapped)
        if missing or cid is None or category is None or quantity is None:
            return None
        amount = db_value(_AMOUNT, links["sale.amount"])
        return (links["sale.date"].isoformat(), cid, product, category, str(quantity), amount)

    def _customer(self, row: ParsedRow) -> int | None:
        links = row.links
        if links.get("customer_code") in self.by_code:
            return self.by_code[links["customer_code"]]
        if links.get("customer_uscc") in self.by_uscc:
            return self.by_uscc[links["customer_uscc"]]
        name = links.get("customer_name")
        if name:
            ids = self.by_name.get(normalise_name(name), [])
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                text = N_("{n} customers are named '{name}': use the customer code")
                row.problems.append(problem(row.number, text, n=len(ids), name=name))
                return None
        given = links.get("customer_code") or links.get("customer_uscc") or name
        text = N_("Customer '{customer}' not found (or not visible to you)")
        row.problems.append(problem(row.number, text, customer=given or ""))
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
            row.problems.append(problem(row.number, N_("The product category is empty")))
        if known is None and name:
            self.new_products.setdefault(name, (code, category or ""))
        return (name if name else None), category

    def _quantity(self, row: ParsedRow, mapped: bool) -> Decimal | None:
        text = row.links.get("sale.quantity")
        if text is None:
            if mapped:
                row.problems.append(problem(row.number, N_("The quantity is empty")))
                return None
            return Decimal(1)
        try:
            return Decimal(clean_text(str(text)).replace(",", "")).quantize(Decimal("0.001"))
        except InvalidOperation:
            row.problems.append(problem(row.number, N_("'{text}' is not a quantity"), text=text))
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
                import_batches.record_change(self.batch_id, "product", product.id, "created")
                self.products[name] = (product.id, category)
            self.new_products.clear()
            rows = [
                (date, cid, self.products[product][0] if product else None, category, qty, amount)
                + (self.batch_id,)
                for date, cid, product, category, qty, amount in chunk
            ]
            insert_rows(SaleLine, _LINE_COLUMNS, rows)

        write(self.db, run)
        self.report.created += len(chunk)
