"""The import's duplicate keys: a temporary table of 64-bit key hashes → (customer id, row).

The table is a connection-local TEMP table and "keep the first entry of a hash" is an
insert-or-ignore, both from `kehu.db.dialect`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from kehu.db.dialect import dialect
from kehu.db.models import Customer

_numbers = itertools.count(1)


class KeyTable:
    """One temporary key table; lives as long as the import, on the importing connection."""

    def __init__(self) -> None:
        self.db = Customer._meta.database
        self.sql = dialect(self.db)
        self.name = self.sql.temp_table(f"kehu_import_keys_{next(_numbers)}")
        number = self.sql.INTEGER
        self.db.execute_sql(
            f"CREATE TEMP TABLE {self.name} "
            f"(hash {number} PRIMARY KEY, customer_id {number}, row {number})"
        )

    def store(self, entries: list[tuple[int, int | None, int | None]]) -> None:
        """(hash, customer id, file row) entries, sorted by hash; a stored hash keeps its
        first entry."""
        sql = self.sql.insert_ignore_sql(self.db, self.name, ("hash", "customer_id", "row"))
        if self.db.in_transaction():
            self.db.cursor().executemany(sql, entries)
            return
        with self.db.atomic():  # deferred: only the temporary table is written
            self.db.cursor().executemany(sql, entries)

    def lookup(self, hashes: list[int]) -> Iterator[tuple[int, int | None, int | None]]:
        """The stored (hash, customer id, row) of these hashes (sorted, no repeats)."""
        for start in range(0, len(hashes), 500):
            part = hashes[start : start + 500]
            marks = ", ".join([self.db.param] * len(part))
            yield from self.db.execute_sql(
                f"SELECT hash, customer_id, row FROM {self.name} WHERE hash IN ({marks})", part
            )

    def drop(self) -> None:
        """Drop the table; in a failed server transaction (which takes no more statements)
        it goes with the rollback, or with the connection."""
        if not self.sql.transaction_failed(self.db):
            self.db.execute_sql(f"DROP TABLE IF EXISTS {self.name}")


def customer_key_values(
    batch: int = 5000,
) -> Iterator[list[tuple[int, str, str | None, str, str | None]]]:
    """Every customer's (id, code, uscc, name, phone), in id order, `batch` at a time (SQL
    text: at a million customers the query builder's row conversion would double the time)."""
    db = Customer._meta.database
    p = db.param
    sql = (
        'SELECT "id", "code", "uscc", "name", "phone" FROM "customer" '
        f'WHERE "id" > {p} ORDER BY "id" LIMIT {p}'
    )
    last = 0
    while rows := db.execute_sql(sql, (last, batch)).fetchall():
        yield rows
        last = rows[-1][0]


def owner_of(customer_id: int) -> int | None:
    return Customer.select(Customer.owner).where(Customer.id == customer_id).scalar()
