"""Live refresh on a server (issue 16, point 4): what other connections committed, pushed by
the server instead of polled. Writes NOTIFY the channel `kehu_changes` (triggers of
schema/pg/notify.sql); a `Listener` has its own connection that LISTENs, a socket for the
window's event loop to watch (`fileno`), and `changes()` turns what arrived into the
`kehu.core.changes.Changes` the views already understand.
"""

from __future__ import annotations

import logging

from kehu.core.changes import Changes

logger = logging.getLogger(__name__)

CHANNEL = "kehu_changes"
MAX_IDS = 200  # more customers in one statement: the payload names the table alone

# table → what its rows are about (None: the customers named in the payload)
_TABLES = {
    "customer": None,
    "key_person": None,
    "sale_line": None,
    "customer_share": None,
    "customer_category": "classification",
    "visit": "visits",
    "scheme": "category_tree",
    "category": "category_tree",
    "route": "routes",
    "route_stop": "routes",
    "user": "users",
}


def changes_of(payloads: list[str]) -> Changes:
    """The changes that notifications name ("table" or "table:id,id,…")."""
    found = Changes()
    for payload in payloads:
        table, _, ids = payload.partition(":")
        customers = {int(i) for i in ids.split(",") if i.strip().isdigit()} if ids else set()
        kind = _TABLES.get(table, "all")
        if kind == "all" or (not customers and kind in (None, "visits", "classification")):
            if kind == "classification":
                found |= Changes(classification=True, all=True)
            else:
                found |= Changes.everything()
        elif kind is None:
            found |= Changes.of_customers(customers)
        elif kind == "visits":
            found |= Changes.of_visits(customers)
        elif kind == "classification":
            found |= Changes.of_customers(customers, classification=True)
        else:
            found |= Changes(**{kind: True})
    return found


CONNECT_TIMEOUT_S = 5  # a listener that cannot reach the server gives up this soon


class Listener:
    """A connection of its own that LISTENs; notifications sent by `ignore_pid` or by any
    process id in `ignore` (a live set: the program's own connections, also those opened
    again after a lost connection) are left out: the program told its views itself."""

    def __init__(
        self, url: str, ignore_pid: int | None = None, ignore: set[int] | None = None
    ) -> None:
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        self.conn.execute(f"LISTEN {CHANNEL}")
        self.ignore_pid = ignore_pid
        self.ignore = ignore if ignore is not None else set()

    def fileno(self) -> int:
        return self.conn.fileno()

    def payloads(self) -> list[str]:
        """What arrived since the last call (does not wait)."""
        found = []
        for note in self.conn.notifies(timeout=0):
            if note.pid != self.ignore_pid and note.pid not in self.ignore:
                found.append(note.payload)
        return found

    def changes(self) -> Changes:
        return changes_of(self.payloads())

    def close(self) -> None:
        if not self.conn.closed:
            self.conn.close()


def backend_pid(db) -> int:
    """The server process of a peewee connection (its notifications carry it)."""
    return int(db.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
