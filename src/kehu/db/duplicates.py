"""The keys a duplicate scan compares, and the few candidates a name being typed is compared
with (`kehu.services.duplicates` scores them).

Both read the stored comparison keys (table `duplicate_key`, `kehu.db.duplicate_index`), never
the customers' names. A scan reads every active customer's keys once, in id order, a page at a
time (keyset paging on the status index). The typing check never scans: it reads the customers
whose normalised name or short name starts with what was typed (the search-key index) and
those whose name core starts or ends with its core (the core indexes), at most `limit` of
each.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from peewee import JOIN, SQL

from kehu.core.search_keys import NAME, SLOTS, upper_bound
from kehu.db.duplicate_index import COLUMNS, TABLE
from kehu.db.models import Customer, CustomerCategory, User, database_proxy

logger = logging.getLogger(__name__)

# (id, core, short, core_hash, uscc, phone, local, short_phone, address): StoredKeys with the id
KeyRow = tuple
PAGE = 50_000
_KEYS = ", ".join(f"k.{name}" for name in COLUMNS[1:])
_NO_KEYS = ("", None, 0, 0, 0, 0, 0, 0)


def scan_keys(page: int = PAGE, owners: set[int] | None = None) -> Iterator[list[KeyRow]]:
    """The keys of active customers in pages of `page`, in id order; `owners` narrows to their
    customers (None: everyone's). A customer without keys (not computed yet: `kehu repair`)
    comes with empty ones. Read with the plain cursor: a million rows without objects."""
    db = database_proxy.obj
    p = db.param
    owned = ""
    params: list = []
    if owners is not None:
        owned = f" AND c.owner_id IN ({', '.join([p] * len(owners))})" if owners else " AND 0"
        params = sorted(owners)
    sql = (
        f'SELECT c.id, {_KEYS} FROM "customer" c LEFT JOIN "{TABLE}" k ON k.id = c.id '
        f"WHERE c.id > {p} AND c.status = 'active'{owned} ORDER BY c.id LIMIT {p}"
    )
    after = 0
    while True:
        found = db.execute_sql(sql, [after, *params, page]).fetchall()
        if not found:
            return
        missing = [i for i, row in enumerate(found) if row[1] is None]
        if missing:
            logger.warning("%s customers have no duplicate keys yet", len(missing))
            for i in missing:
                found[i] = (found[i][0], *_NO_KEYS)
        yield found
        after = found[-1][0]


def scan_rows(page: int = PAGE) -> Iterator[list[tuple]]:
    """Active customers' (id, name, short_name, uscc, phone, address) as stored, in pages, in
    id order: what exact matching compares (the benchmark's baseline)."""
    db = database_proxy.obj
    p = db.param
    sql = (
        'SELECT id, name, short_name, uscc, phone, address FROM "customer" '
        f"WHERE id > {p} AND status = 'active' ORDER BY id LIMIT {p}"
    )
    after = 0
    while found := db.execute_sql(sql, [after, page]).fetchall():
        yield found
        after = found[-1][0]


def count_active() -> int:
    return Customer.select().where(Customer.status == "active").count()


def candidates_for_name(prefix: str, core: str, limit: int = 40) -> list[KeyRow]:
    """The keys of customers whose normalised name or short name starts with `prefix`, or
    whose core starts or ends with `core`; at most `limit` of each, in id order, whatever their
    status
    (`active_summaries` tells which are active: asked only of the few that score)."""
    db = database_proxy.obj
    p = db.param
    parts, params = [], []
    if prefix:
        parts.append(
            f'SELECT id / {SLOTS} AS id FROM (SELECT id FROM "search_key" WHERE kind = {p} '
            f"AND key >= {p} AND key < {p} ORDER BY kind, key LIMIT {p}) n"
        )
        params += [NAME, prefix, upper_bound(prefix), limit]
    if core:
        for n, (column, text) in enumerate((("core", core), ("core_reversed", core[::-1]))):
            parts.append(
                f'SELECT id FROM (SELECT id FROM "{TABLE}" WHERE {column} >= {p} '
                f"AND {column} < {p} ORDER BY {column} LIMIT {p}) c{n}"
            )
            params += [text, upper_bound(text), limit]
    if not parts:
        return []
    sql = (
        f'SELECT k.id, {_KEYS} FROM "{TABLE}" k '
        f"WHERE k.id IN ({' UNION '.join(parts)}) ORDER BY k.id"
    )
    return db.execute_sql(sql, params).fetchall()


def active_summaries(ids: list[int]) -> dict[int, tuple[int | None, str, str, str]]:
    """id → (owner id, owner's display name, code, name) of those of these customers that are
    active (one statement: it runs on a keystroke)."""
    if not ids:
        return {}
    db = database_proxy.obj
    marks = ", ".join([db.param] * len(ids))
    sql = (
        'SELECT c.id, c.owner_id, u.display_name, c.code, c.name FROM "customer" c '
        'LEFT JOIN "user" u ON u.id = c.owner_id '
        f"WHERE c.id IN ({marks}) AND c.status = 'active'"
    )
    return {
        cid: (owner, owner_name or "", code, name)
        for cid, owner, owner_name, code, name in db.execute_sql(sql, ids).fetchall()
    }


def customer_summaries(ids: list[int]) -> dict[int, tuple[str, str, str, str]]:
    """id → (code, name, owner's display name, phone) of these customers (any status)."""
    out = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = (
            Customer.select(
                Customer.id, Customer.code, Customer.name, User.display_name, Customer.phone
            )
            .join(User, JOIN.LEFT_OUTER, on=(Customer.owner == User.id))
            .where(Customer.id.in_(chunk))
            .tuples()
        )
        for cid, code, name, owner, phone in query:
            out[cid] = (code, name, owner or "", phone or "")
    return out


def active_ids() -> list[int]:
    return [
        cid for (cid,) in Customer.select(Customer.id).where(Customer.status == "active").tuples()
    ]


def raw_rows(ids: list[int], columns: tuple[str, ...]) -> Iterator[tuple[int, tuple]]:
    """(id, row of `columns` as stored) of these customers, in id order."""
    wanted = [SQL(f'"{name}"') for name in columns]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = (
            Customer.select(Customer.id, *wanted)
            .where(Customer.id.in_(chunk))
            .order_by(Customer.id)
            .tuples()
        )
        for cid, *values in query:
            yield cid, tuple(values)


def copy_categories(pairs: list[tuple[int, int]]) -> None:
    """Give each second customer of (from, to) the categories of the first."""
    for source, target in pairs:
        CustomerCategory.insert_from(
            CustomerCategory.select(
                SQL(str(int(target))), CustomerCategory.scheme, CustomerCategory.category
            ).where(CustomerCategory.customer == source),
            [CustomerCategory.customer, CustomerCategory.scheme, CustomerCategory.category],
        ).execute()
