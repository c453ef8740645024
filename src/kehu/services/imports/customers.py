"""Customer rows: each row is planned (create, update an existing customer, or skip as a
duplicate) a batch at a time, then written in one short transaction per batch.

New customers go in with `executemany` (ids from the database, read back by code); updates of
existing customers go through `dossiers.update_dossiers`, the same function as the card's save
(one new version, history rows, optimistic version check), after a snapshot for undo.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kehu.core import search_keys
from kehu.core.fields import ACTIVE, PERSON_FIELDS, FieldDef, Kind, customer_code
from kehu.core.i18n import N_
from kehu.core.jobs import Job
from kehu.core.search_keys import SORT_COLUMNS
from kehu.core.validation import phone_digits
from kehu.core.values import to_db
from kehu.db import bulk, completeness, import_keys, import_load, search_index
from kehu.db.connection import write
from kehu.db.models import CUSTOMER_RECORD_COLUMNS, Customer, KeyPerson, User, now
from kehu.db.visibility import visible_owner_ids
from kehu.exchange import xlsx_columns as columns
from kehu.exchange.xlsx_reading import Table
from kehu.exchange.xlsx_rows import ParsedRow, RowConverter, problem

from . import stored
from .categories import CategoryLookup
from .duplicates import KeyIndex, key_hash, normalise_name, row_keys
from .plan import ImportOptions, RowStream, schemes
from .report import Duplicate, ImportReport
from .search_rows import SearchPipeline
from .updates import UpdatePlanner

PERSON_COLUMNS = [f.name for f in PERSON_FIELDS]
PERSON_INSERT_COLUMNS = [*PERSON_COLUMNS, "customer_id", "position", "created_at", "updated_at"]
_TAIL_COLUMNS = ("code", *CUSTOMER_RECORD_COLUMNS, "import_batch_id", "completeness")
_PERSON_TAIL = ("customer_id", "position", "created_at", "updated_at")
_KIND_KEY = operator.itemgetter(1, 2)  # of a search_key row (id, kind, key)


def db_value(field: FieldDef, value: Any) -> Any:
    stored = to_db(field, value)
    return stored.isoformat() if isinstance(stored, dt.date) else stored


def _converted(names: list[str], catalogue) -> list[tuple[int, FieldDef]]:
    """The columns whose Python values differ from the stored ones (money, dates)."""
    by_name = {f.name: f for f in catalogue}
    kinds = (Kind.MONEY, Kind.DATE)
    return [
        (i, by_name[n])
        for i, n in enumerate(names)
        if by_name[n].kind in kinds or by_name[n].flag_value is not None
    ]


_PERSON_CONVERTED = _converted(PERSON_COLUMNS, PERSON_FIELDS)


def _positions(names: list[str]) -> dict[str, int]:
    return {name: i for i, name in enumerate(names)}


_PERSON_AT = _positions(PERSON_COLUMNS)


def db_row(positions: dict[str, int], converted: list[tuple[int, FieldDef]], values: dict) -> list:
    """The stored form of `values` in column order (`positions`: column name → index),
    converting only what needs it. Walks the row's few values, not all 40 columns."""
    row = [None] * len(positions)
    for name, value in values.items():
        at = positions.get(name)
        if at is not None:
            row[at] = value
    for index, field_def in converted:
        if row[index] is not None or field_def.flag_value is not None:  # flags: 0, not NULL
            row[index] = db_value(field_def, row[index])
    return row


def _text(value: Any) -> str | None:
    """A value as a TEXT column gives it back (what the search keys read)."""
    return value if value is None or type(value) is str else str(value)


def person_row(cid: int, person: dict[str, Any], position: int, stamp: str) -> tuple:
    return (*db_row(_PERSON_AT, _PERSON_CONVERTED, person), cid, position, stamp, stamp)


def person_key(cid: int, person: dict[str, Any]) -> tuple[int, str, str]:
    """A key person as compared for repeats in one import: customer, name, phone digits."""
    phone = person.get("mobile") or person.get("phone") or ""
    return cid, normalise_name(person.get("name") or ""), phone_digits(str(phone))


@dataclass
class Planned:
    row: ParsedRow
    action: str  # create, update
    customer_id: int | None = None


class CustomerImporter:
    def __init__(
        self,
        user: User,
        options: ImportOptions,
        report: ImportReport,
        batch_id: int | None,
        job: Job | None,
        bulk: bool = False,
    ) -> None:
        """`bulk`: the run is one transaction with the search-key index dropped (the keys
        then go in in id order)."""
        self.user, self.options, self.report = user, options, report
        self.bulk = bulk
        self.completeness = completeness.context()
        self.names_written: set[str] = set()  # key persons' names in search_name
        # a load's search rows: computed in a worker, written a batch behind (same transaction)
        self.search = SearchPipeline(self.names_written) if bulk else None
        self.batch_id, self.job = batch_id, job
        self.db = Customer._meta.database
        self.keys = KeyIndex()
        self.visible = visible_owner_ids(user)
        self.next_number = self.keys.max_id + 1  # where new code candidates start
        # a load gives the new customers' ids itself, after the highest (its one transaction
        # began before the keys were read: nothing else writes during it)
        self.next_id = self.keys.max_id + 1 if bulk else None
        self.updates = UpdatePlanner(user, options.on_duplicate == "overwrite", batch_id)
        # (customer, name, phone) of the key persons written: kept for a key persons sheet
        self.persons_seen: set[tuple[int, str, str]] = set()
        self.categories = CategoryLookup(
            options.create_categories, options.dry_run, user, lambda: self.batch_id
        )

    # reading and planning
    def run(self, table: Table, mapping: columns.Mapping) -> None:
        names = {s.id: s.name for s in schemes()}
        converter = RowConverter(mapping, table.scan, table.epoch1904, self.categories.find, names)
        name_column = mapping.column_of("name")
        rows: list[ParsedRow] = []
        stream = RowStream(table, mapping, self.options.skip_hidden_rows, self.report, self.job)
        for number, raw in stream:
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
        if self.search is not None:  # the last batch's search rows
            self.search.finish()

    def _plan_and_flush(self, rows: list[ParsedRow]) -> None:
        """Duplicates of a batch of rows looked up at once, then planned in file order."""
        keyed = [(row, row_keys(row.values)) for row in rows]
        stored = self.keys.lookup(h for _row, keys in keyed for _kind, _key, h in keys)
        chunk = [self._plan(row, keys, stored) for row, keys in keyed]
        self._flush([planned for planned in chunk if planned is not None])

    def _plan(
        self, row: ParsedRow, keys: list[tuple[str, str, int]], stored: dict
    ) -> Planned | None:
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
            if not self.can_change(cid):
                self._not_allowed(row, match, cid)
                return None
            return Planned(row, "update", cid)
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
        code = row.values.get("code")
        owner = self.keys.get(key_hash("code", code), stored) if code else None
        if code and owner is not None and owner[1] != row.number:
            taken = problem(
                row.number,
                N_("The customer code {code} is taken; a new code was given"),
                error=False,
                code=code,
            )
            row.problems.append(taken)
            self.report.problems.append(taken)
            row.values.pop("code")
        return Planned(row, "create")

    def can_change(self, cid: int) -> bool:
        return self.visible is None or import_keys.owner_of(cid) in self.visible

    def _not_allowed(self, row: ParsedRow, match: str, cid: int) -> None:
        refused = problem(
            row.number,
            N_("This customer exists but belongs to another salesperson; you may not change it"),
        )
        self.report.problems.append(refused)
        self.report.duplicates.append(Duplicate(row.number, match, "not_allowed", cid))
        self.report.reject(row, row.raw, [refused])

    # writing
    def _flush(self, chunk: list[Planned]) -> None:
        if not chunk:
            return
        creates = [p for p in chunk if p.action == "create"]
        updates = [p for p in chunk if p.action == "update"]
        if self.options.dry_run:  # the rows' own (negative) ids: key persons find them
            self.keys.store_pending({p.row.number: -p.row.number for p in creates}, [])
            if self.options.persons_sheet:
                self.persons_seen.update(
                    person_key(-p.row.number, p.row.person) for p in creates if p.row.person
                )
            self.keys.pending.clear()
            self.report.created += len(creates)
            changed = sum(1 for p in updates if self.updates.would_change(p.customer_id, p.row))
            self.report.updated += changed
            self.report.unchanged += len(updates) - changed
            return
        created_ids: list[int] = []
        updated_ids: list[int] = []

        names: set[str] = set()

        def run() -> None:
            created_ids[:], search, pending = self._insert(creates)
            if self.search is not None:  # written a batch later, in the same transaction
                # (first the batch before: an update below may change a customer it creates)
                self.search.submit(*search, pending)
                updated_ids[:] = self.updates.apply((p.customer_id, p.row) for p in updates)
                return
            updated_ids[:] = self.updates.apply((p.customer_id, p.row) for p in updates)
            # new customers have no keys yet: computed from the rows just written, not read
            # back, and in the same transaction, so keys never lag the data
            rows = search_index.rows_for(*search)
            if not self.bulk:  # (kind, key) order: the index's pages in turn
                rows.keys.sort(key=_KIND_KEY)
            # key persons' names stored by earlier batches of this import are not written
            # again (a copy: a retried transaction starts from the committed state)
            search_index.insert_rows(rows, set(self.names_written))
            names.update(rows.names)

        if self.search is not None:  # a load: already in its one transaction, and a batch
            run()  # needs no savepoint of its own (its pages copied aside at each batch)
        else:
            write(self.db, run)
        self.names_written |= names  # committed
        self.keys.pending.clear()
        _drop_name_caches()
        self.report.created += len(created_ids)
        self.report.created_ids.extend(created_ids)
        self.report.updated += len(updated_ids)
        self.report.unchanged += len(updates) - len(updated_ids)

    def _insert(
        self, creates: list[Planned]
    ) -> tuple[list[int], tuple[list, list], Callable[[list[tuple]], None] | None]:
        """Insert the new customers, their key persons and categories; returns their ids,
        the (customers, persons) rows `search_index.rows_for` takes, as stored, and in a load
        the insert still to do (None: done).

        Column-wise: only the columns the batch fills, each with its own converter, the
        completeness computed from the same values (`stored`). In a load (one transaction,
        `next_id`) the ids are given here and the rows are written by the search pipeline
        once the worker has computed their names' sort keys (`pending(sorts)`), so that
        name_sort goes in with the row instead of an UPDATE per customer."""
        stamp = str(now())
        today = stamp[:10]  # a dossier the sheet gives no 建档日期 is filed today
        user_id = self.user.id
        rows = [p.row for p in creates]
        new_codes = iter(self._new_codes(sum(1 for r in rows if not r.values.get("code"))))
        codes = [r.values.get("code") or next(new_codes) for r in rows]
        columns = stored.customer_columns(r.values for r in rows)
        values = stored.stored((r.values for r in rows), columns)
        at = {name: i for i, name in enumerate(columns)}
        source, review, filed = at["source"], at["review_state"], at["filed_on"]
        person_columns = stored.person_columns(r.person for r in rows if r.person)
        person_values = iter(
            stored.stored((r.person for r in rows if r.person), person_columns, True)
        )
        record = (user_id, ACTIVE, 1, user_id, stamp, user_id, stamp, "{}", self.batch_id)
        ctx = self.completeness
        search_at = [at.get(n) for n in ("name", "short_name", "uscc", "phone", "address")]
        person_at = {name: i for i, name in enumerate(person_columns)}
        person_search = [person_at.get(n) for n in ("name", "mobile", "phone")]
        customers, persons_stored = [], []
        keyed: list[tuple] = []  # (code, name, short_name, uscc, phone, address); id below
        for row, code, value in zip(rows, codes, values, strict=True):
            value[source] = value[source] or "import"
            value[review] = value[review] or "trusted"
            value[filed] = value[filed] or today
            person = next(person_values) if row.person else None
            persons_stored.append(person)
            by_name = dict(zip(columns, value, strict=True))
            person_dicts = (dict(zip(person_columns, person, strict=True)),) if person else ()
            done = stored.percent(ctx, by_name, person_dicts, row.categories)
            customers.append((*value, code, *record, done))
            keyed.append((code, *(_text(value[i]) if i is not None else None for i in search_at)))
        customer_columns = [*columns, *_TAIL_COLUMNS]
        if self.next_id is not None:  # a load: ids in turn after the highest (one transaction)
            ids = {code: self.next_id + i for i, code in enumerate(codes)}
            self.next_id += len(codes)
        else:
            import_load.insert_new_customers(customer_columns, customers)
            ids = bulk.customer_ids_by_code(codes)  # the ids the database gave them
        persons, categories, generated = [], [], []
        track = bool(self.options.persons_sheet)  # the key persons sheet's repeats, if any
        keyed_customers: list[tuple] = []  # (id, code, name, short_name, uscc, phone, address)
        keyed_persons: list[tuple] = []  # (customer id, name, mobile, phone)
        created: dict[int, int] = {}  # file row → new customer id
        for row, code, person, keys in zip(rows, codes, persons_stored, keyed, strict=True):
            cid = ids[code]
            created[row.number] = cid
            keyed_customers.append((cid, *keys))
            if not row.values.get("code"):
                generated.append((key_hash("code", code), cid, row.number))
            if person is not None:
                persons.append((*person, cid, 0, stamp, stamp))
                if track:
                    self.persons_seen.add(person_key(cid, row.person))
                keyed_persons.append(
                    (cid, *(_text(person[i]) if i is not None else None for i in person_search))
                )
            for scheme, category in row.categories.items():
                categories.append((cid, scheme, category))
        self.keys.store_pending(created, generated)  # rolled back with the transaction
        new_ids = [ids[code] for code in codes]

        def rest(sorts: list[tuple] | None = None) -> None:
            """`sorts`: (name_sort, short_name_sort, id) of the customers, in their order."""
            if sorts is not None:
                if [cid for _n, _s, cid in sorts] != new_ids:
                    raise RuntimeError("sort keys of other customers")
                import_load.insert_new_customers(
                    [*customer_columns, "id", *SORT_COLUMNS.values()],
                    [
                        (*row, cid, name, short)
                        for row, (name, short, cid) in zip(customers, sorts, strict=True)
                    ],
                )
            bulk.insert_rows(KeyPerson, [*person_columns, *_PERSON_TAIL], persons)
            import_load.insert_new_links(categories, user_id, ACTIVE)

        if self.next_id is not None:
            return new_ids, (keyed_customers, keyed_persons), rest
        rest()
        return new_ids, (keyed_customers, keyed_persons), None

    def _new_codes(self, count: int) -> list[str]:
        """`count` free customer codes, checked against the keys a batch at a time."""
        codes: list[str] = []
        while len(codes) < count:
            wanted = count - len(codes)
            numbers = range(self.next_number, self.next_number + wanted)
            self.next_number += wanted
            candidates = {key_hash("code", customer_code(n)): customer_code(n) for n in numbers}
            stored = self.keys.lookup(candidates)
            codes += [c for h, c in candidates.items() if self.keys.get(h, stored) is None]
        return codes

    def drop(self) -> None:
        self.keys.drop()
        if self.search is not None:
            self.search.close()


def _drop_name_caches() -> None:
    """Empty the search keys' per-name pinyin caches after each batch: they pay off for names
    that recur (searches, demo data), but an import's names are nearly all new, so the caches
    would only grow (≈60 MB at their size limits)."""
    search_keys.pinyin_readings.cache_clear()
    search_keys.person_name_keys.cache_clear()


def _require_customer_fields(row: ParsedRow, name_column: int | None, mapping) -> None:
    name_problem = any(p.column == name_column and p.error for p in row.problems)
    if not row.values.get("name") and not name_problem:
        header = mapping.headers[name_column] if name_column is not None else None
        row.problems.append(
            problem(row.number, N_("The customer name is empty"), column=name_column, header=header)
        )
    if row.person and not row.person.get("name"):
        row.problems.append(
            problem(
                row.number,
                N_("Key-person details are filled in but the key person's name is empty"),
            )
        )
