"""What the search keys and the names' sort keys are computed from, and where the sort keys
go: the SQL shared by `kehu.db.search_index` (every write that refreshes keys) and
`kehu.db.sort_fill` (migration 13, which runs before the models are bound and so may use
nothing that imports the connection)."""

from __future__ import annotations

from collections.abc import Sequence

from peewee import Database

from kehu.core.search_keys import SORT_COLUMNS

CUSTOMER_COLUMNS = 'SELECT id, code, name, short_name, uscc, phone, address FROM "customer"'
PERSON_COLUMNS = 'SELECT customer_id, name, mobile, phone FROM "key_person"'


def by_ids(param: str, count: int) -> tuple[str, str]:
    """(customers, persons) queries of `count` ids."""
    marks = ", ".join([param] * count)
    return (
        f"{CUSTOMER_COLUMNS} WHERE id IN ({marks})",
        f"{PERSON_COLUMNS} WHERE customer_id IN ({marks}) ORDER BY customer_id, position, id",
    )


def by_range(param: str) -> tuple[str, str]:
    """(customers, persons) queries of an id range [start, end)."""
    return (
        f"{CUSTOMER_COLUMNS} WHERE id >= {param} AND id < {param} ORDER BY id",
        f"{PERSON_COLUMNS} WHERE customer_id >= {param} AND customer_id < {param} "
        "ORDER BY customer_id, position, id",
    )


def load(db: Database, ids: Sequence[int]) -> tuple[list[tuple], list[tuple]]:
    """The (customers, persons) rows of these ids (a few hundred at a time)."""
    customer_sql, person_sql = by_ids(db.param, len(ids))
    customers = db.execute_sql(customer_sql, list(ids)).fetchall()
    persons = db.execute_sql(person_sql, list(ids)).fetchall()
    return customers, persons


_SORT_UPDATE = (
    'UPDATE "customer" SET '
    + ", ".join(f'"{column}" = {{p}}' for column in SORT_COLUMNS.values())
    + ' WHERE "id" = {p}'
)


def update_sorts(db: Database, rows: Sequence[tuple]) -> None:
    """Store (name_sort, short_name_sort, id) rows (`kehu.core.search_keys.sort_columns`)."""
    if rows:
        db.cursor().executemany(_SORT_UPDATE.format(p=db.param), rows)
