"""The rows a duplicate scan compares, and the few candidates a name being typed is compared
with (`kehu.services.duplicates` scores them).

A scan reads every active customer once, in id order, a page at a time (keyset paging): only
the columns that identify a company. The typing check never scans: it reads the customers
whose normalised name starts with what was typed (the search-key index) and those whose name
contains its core (the trigram index), at most `limit` of each.
"""

from __future__ import annotations

from collections.abc import Iterator

from peewee import JOIN, SQL

from kehu.core.search_keys import NAME, SLOTS, upper_bound
from kehu.db.dialect import dialect
from kehu.db.models import Customer, CustomerCategory, SearchKey, User, database_proxy

# (id, name, short_name, uscc, phone, address)
ScanRow = tuple[int, str, str | None, str | None, str | None, str | None]
PAGE = 50_000


def scan_rows(page: int = PAGE, owners: set[int] | None = None) -> Iterator[list[ScanRow]]:
    """Active customers in pages of `page`, in id order; `owners` narrows to their customers
    (None: everyone's). Read with the plain cursor: a million rows without per-row objects."""
    db = database_proxy.obj
    p = db.param
    owned = ""
    params: list = []
    if owners is not None:
        owned = f" AND owner_id IN ({', '.join([p] * len(owners))})" if owners else " AND 0"
        params = sorted(owners)
    sql = (
        'SELECT id, name, short_name, uscc, phone, address FROM "customer" '
        f"WHERE id > {p} AND status = 'active'{owned} ORDER BY id LIMIT {p}"
    )
    after = 0
    while True:
        found = db.execute_sql(sql, [after, *params, page]).fetchall()
        if not found:
            return
        yield found
        after = found[-1][0]


def count_active() -> int:
    return Customer.select().where(Customer.status == "active").count()


def candidates_for_name(prefix: str, core: str, limit: int = 40) -> list[tuple]:
    """Active customers whose normalised name starts with `prefix`, or whose name contains
    `core` (3+ characters); at most `limit` of each. Not narrowed by visibility: the caller
    decides what it may tell about them. Rows: (id, name, short_name, uscc, phone, address,
    owner id)."""
    ids: list[int] = []
    if prefix:
        ids += [
            key_id // SLOTS
            for (key_id,) in SearchKey.select(SearchKey.id)
            .where(
                SearchKey.kind == NAME,
                SearchKey.key >= prefix,
                SearchKey.key < upper_bound(prefix),
            )
            .order_by(SearchKey.kind, SearchKey.key)
            .limit(limit)
            .tuples()
        ]
    if len(core) >= 3:
        db = database_proxy.obj
        text, p = dialect(db), db.param
        sql = f'SELECT t.rowid FROM "{text.TEXT_TABLE}" t WHERE {text.text_match("t", p)} LIMIT {p}'
        ids += [row[0] for row in db.execute_sql(sql, (text.text_phrase(core), limit))]
    if not ids:
        return []
    return list(
        Customer.select(
            Customer.id,
            Customer.name,
            Customer.short_name,
            Customer.uscc,
            Customer.phone,
            Customer.address,
            Customer.owner,
        )
        .where(Customer.id.in_(sorted(set(ids))), Customer.status == "active")
        .order_by(Customer.id)
        .tuples()
    )


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


def owner_names(ids: set[int]) -> dict[int, str]:
    return dict(User.select(User.id, User.display_name).where(User.id.in_(sorted(ids))).tuples())


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
