"""Duplicate keys (customer code, USCC, normalised name, phone digits) of every customer in
the database and of the rows of the file being imported.

Keys are kept as 64-bit hashes in a temporary table (hash → customer id, file row), looked up
a batch at a time; Python holds only the keys of the rows planned since the last flush.
Memory stays flat however many customers and rows there are.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from typing import Any

from kehu.core.validation import clean_text, phone_digits
from kehu.db import import_keys

_NAME_NOISE = re.compile(r"[\s()（）\[\]【】·.,，、\-_/]")
_first = operator.itemgetter(0)

Entry = tuple[int | None, int | None]  # (customer id, file row)


def normalise_name(name: str) -> str:
    """Names compared for duplicates: NFKC, case-folded, without spaces and punctuation."""
    return _NAME_NOISE.sub("", clean_text(name).casefold())


def key_hash(kind: str, key: str) -> int:
    return hash(f"{kind}\x1f{key}")


def keys_of(code, uscc, name, phone) -> list[tuple[str, str]]:
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


def row_keys(values: dict[str, Any]) -> list[tuple[str, str, int]]:
    keys = keys_of(values.get("code"), values.get("uscc"), values.get("name"), values.get("phone"))
    return [(kind, key, key_hash(kind, key)) for kind, key in keys]


class KeyIndex:
    """The keys of the database's customers (codes are global) and of this file's rows.

    The hashes live as long as the import, in one process (`drop()` when done).
    """

    def __init__(self) -> None:
        self.table = import_keys.KeyTable()
        self.pending: dict[int, Entry] = {}  # planned since the last flush, not yet stored
        self.max_id = 0
        for rows in import_keys.customer_key_values():
            self.store(
                (key_hash(kind, key), cid, None)
                for cid, *values in rows
                for kind, key in keys_of(*values)
            )
            self.max_id = rows[-1][0]

    def store(self, entries: Iterable[tuple[int, int | None, int | None]]) -> None:
        """(hash, customer id, row) entries; a hash already stored keeps its first entry.

        Entries go in in hash order (a stable sort: the first of equal hashes stays first):
        random keys inserted in order touch each B-tree page once, not once per key."""
        self.table.store(sorted(entries, key=_first))

    def lookup(self, hashes: Iterable[int]) -> dict[int, Entry]:
        wanted = sorted(set(hashes))
        return {h: (cid, row) for h, cid, row in self.table.lookup(wanted)}

    def get(self, h: int, stored: dict[int, Entry]) -> Entry | None:
        return self.pending.get(h) or stored.get(h)

    def entry(self, kind: str, key: str) -> Entry | None:
        h = key_hash(kind, key)
        return self.pending.get(h) or self.lookup([h]).get(h)

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
        self.table.drop()
