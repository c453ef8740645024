"""Search as you type: ranked customer ids for a query, with keyset paging.

Rank (best first): the kinds of `kehu.core.search_keys` — name (an exact name first, then
name prefixes in key order), pinyin, code/USCC/phone, key persons' phones — then key persons'
names (table search_name joined to key_person by name), then names that merely contain the
text. Each kind is one range query on the (kind, key) index, read in index order
and stopped at the page size, so a keystroke costs the same with a thousand customers or a
million. A customer is listed once, at its best key: the ones found by a better key are
skipped with an id-range lookup of the customer's own keys (id = customer id * SLOTS + slot).

Text inside names: 3+ characters through the FTS5 trigram table `search_text`; 1–2 Chinese
characters through a scan of the names of the next `SCAN_LIMIT` customer ids after the cursor
(bounded: a rare 1–2 character fragment may need "more" pages to be found). Several words
narrow the result: the first ranks, the others must each appear in one of the keys.

Paging: `after` is the last id of the previous page; its position is recomputed from its keys.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from peewee import SQL

from kehu.core.search_keys import (
    KINDS,
    SLOTS,
    has_cjk,
    query_phone,
    split_words,
    upper_bound,
)
from kehu.db.categories import category_and_descendants
from kehu.db.models import Customer, User
from kehu.db.visibility import visible_customers

logger = logging.getLogger(__name__)

PERSON_NAME = len(KINDS) + 1  # rank of a key person's name (table search_name)
SUBSTRING = len(KINDS) + 2  # rank of "contains the text"
SCAN_LIMIT = 20_000  # customer ids whose names are scanned for a 1–2 character fragment
MIN_TRIGRAM = 3


@dataclass
class _Query:
    """A search with its filters compiled to SQL once per call."""

    lo: str
    hi: str
    filters: str  # " AND …" conditions on the customer id expression `{cid}`
    params: list = field(default_factory=list)

    def condition(self, cid: str) -> tuple[str, list]:
        return self.filters.replace("{cid}", cid), list(self.params)


def _customer_filter(
    viewer: User, include_archived: bool, category: int | None, extra_words: list[str]
) -> tuple[str, list]:
    """Visibility (the one query builder), category with sub-categories, further words."""
    visible = visible_customers(
        viewer,
        include_archived=include_archived,
        query=Customer.select(SQL("1")).where(Customer.id == SQL("{cid}")),
    )
    sql, params = visible.sql()
    parts, values = [f" AND EXISTS ({sql})"], list(params)
    if category is not None:
        ids = category_and_descendants(category)
        marks = ", ".join("?" * len(ids))
        parts.append(
            ' AND EXISTS (SELECT 1 FROM "customer_category" cc WHERE cc.customer_id = {cid} '
            f"AND cc.category_id IN ({marks}))"
        )
        values += ids
    for word in extra_words:
        parts.append(
            f' AND (EXISTS (SELECT 1 FROM "search_key" w WHERE w.id >= {{cid}} * {SLOTS} '
            f"AND w.id < {{cid}} * {SLOTS} + {SLOTS} AND instr(w.key, ?) > 0) "
            'OR EXISTS (SELECT 1 FROM "key_person" wp JOIN "search_name" wn ON wn.name = wp.name '
            "WHERE wp.customer_id = {cid} AND instr(wn.key, ?) > 0))"
        )
        values += [word, word]
    return "".join(parts), values


def prefix_sql(kind: int, query: _Query, after: tuple[str, int] | None, limit: int):
    """One kind's page: keys in [lo, hi), each customer at its best key only."""
    cid = f"(k.id / {SLOTS})"
    condition, params = query.condition(cid)
    sql = (
        f'SELECT k.id / {SLOTS} FROM "search_key" k '
        "WHERE k.kind = ? AND k.key >= ? AND k.key < ?"
        + (" AND (k.key > ? OR (k.key = ? AND k.id > ?))" if after else "")
        + ' AND NOT EXISTS (SELECT 1 FROM "search_key" b '
        f"WHERE b.id >= {cid} * {SLOTS} AND b.id < {cid} * {SLOTS} + {SLOTS} "
        "AND b.key >= ? AND b.key < ? AND (b.kind < k.kind OR (b.kind = k.kind "
        "AND (b.key < k.key OR (b.key = k.key AND b.id < k.id)))))"
        + condition
        + " ORDER BY k.key, k.id LIMIT ?"
    )
    values = [kind, after[0] if after else query.lo, query.hi]  # resume: start at its key
    if after:
        values += [after[0], after[0], after[1]]
    return sql, values + [query.lo, query.hi] + params + [limit]


def person_name_sql(query: _Query, after: tuple[str, str, int] | None, limit: int):
    """Customers with a key person whose name has a key in [lo, hi), in (key, name, person)
    order; each customer once, at its best person, and only if no search_key found it."""
    cid = "p.customer_id"
    condition, params = query.condition(cid)
    sql = (
        'SELECT p.customer_id FROM "search_name" d JOIN "key_person" p ON p.name = d.name '
        "WHERE d.key >= ? AND d.key < ?"
        + (" AND (d.key, d.name, p.id) > (?, ?, ?)" if after else "")
        + _not_prefix(cid)
        + ' AND NOT EXISTS (SELECT 1 FROM "key_person" p2 JOIN "search_name" d2 '
        "ON d2.name = p2.name WHERE p2.customer_id = p.customer_id "
        "AND d2.key >= ? AND d2.key < ? AND (d2.key, d2.name, p2.id) < (d.key, d.name, p.id))"
        + condition
        + " ORDER BY d.key, d.name, p.id LIMIT ?"
    )
    values = [after[0] if after else query.lo, query.hi, *(after or ())]
    return sql, values + [query.lo, query.hi, query.lo, query.hi, *params, limit]


def _not_prefix(cid: str) -> str:
    return (
        f' AND NOT EXISTS (SELECT 1 FROM "search_key" b WHERE b.id >= {cid} * {SLOTS} '
        f"AND b.id < {cid} * {SLOTS} + {SLOTS} AND b.key >= ? AND b.key < ?)"
    )


def _not_person(cid: str) -> str:
    return (
        ' AND NOT EXISTS (SELECT 1 FROM "key_person" np JOIN "search_name" nn ON nn.name = np.name '
        f"WHERE np.customer_id = {cid} AND nn.key >= ? AND nn.key < ?)"
    )


def substring_sql(word: str, query: _Query, after_id: int, limit: int):
    """Customers whose name contains `word` (and that no key found), in id order."""
    condition, params = query.condition("t.rowid")
    found_before = [query.lo, query.hi, query.lo, query.hi]
    if len(word) >= MIN_TRIGRAM:
        phrase = '"' + word.replace('"', '""') + '"'
        sql = (
            'SELECT t.rowid FROM "search_text" t WHERE t.search_text MATCH ? AND t.rowid > ?'
            + _not_prefix("t.rowid")
            + _not_person("t.rowid")
            + condition
            + " ORDER BY t.rowid LIMIT ?"
        )
        return sql, [phrase, after_id, *found_before, *params, limit]
    # The FTS5 table keeps its text in the plain shadow table search_text_content (id, c0):
    # a rowid range scan of that, in id order, stops at the page size.
    condition, params = query.condition("t.id")
    sql = (
        'SELECT t.id FROM "search_text_content" t WHERE t.id > ? AND t.id <= ? '
        "AND instr(t.c0, ?) > 0"
        + _not_prefix("t.id")
        + _not_person("t.id")
        + condition
        + " ORDER BY t.id LIMIT ?"
    )
    return sql, [after_id, after_id + SCAN_LIMIT, word, *found_before, *params, limit]


def _position(db, customer_id: int, query: _Query) -> tuple:
    """Where a customer stands in the ranking: (kind, key, key id) for a search_key,
    (PERSON_NAME, key, name, person id), or (SUBSTRING, '', customer id)."""
    row = db.execute_sql(
        'SELECT kind, key, id FROM "search_key" WHERE id >= ? AND id < ? '
        "AND key >= ? AND key < ? ORDER BY kind, key, id LIMIT 1",
        (customer_id * SLOTS, (customer_id + 1) * SLOTS, query.lo, query.hi),
    ).fetchone()
    if row:
        return tuple(row)
    row = db.execute_sql(
        'SELECT d.key, d.name, p.id FROM "key_person" p JOIN "search_name" d ON d.name = p.name '
        "WHERE p.customer_id = ? AND d.key >= ? AND d.key < ? ORDER BY d.key, d.name, p.id "
        "LIMIT 1",
        (customer_id, query.lo, query.hi),
    ).fetchone()
    if row:
        return (PERSON_NAME, *row)
    return (SUBSTRING, "", customer_id)


def query_words(text: str) -> list[str]:
    """The normalised words of a query; a phone number with spaces or dashes is one word."""
    digits = query_phone(text)
    return [digits] if digits else split_words(text)


def search(
    text: str,
    viewer: User,
    category: int | None = None,
    include_archived: bool = False,
    limit: int = 50,
    after: int | None = None,
) -> list[int]:
    """Ranked ids of the customers the viewer may see that match `text` (see module doc).

    `category` is a category id (its sub-categories are included); `after` is the last id of
    the previous page.
    """
    words = query_words(text)
    if not words or limit <= 0:
        return []
    word = words[0]
    filters, params = _customer_filter(viewer, include_archived, category, words[1:])
    query = _Query(word, upper_bound(word), filters, params)
    db = Customer._meta.database
    start = _position(db, after, query) if after is not None else None
    found: list[int] = []
    for rank in (*KINDS, PERSON_NAME):
        if start is not None and rank < start[0]:
            continue
        resume = start[1:] if start is not None and rank == start[0] else None
        if rank == PERSON_NAME:
            sql, values = person_name_sql(query, resume, limit - len(found))
        else:
            sql, values = prefix_sql(rank, query, resume, limit - len(found))
        found += [cid for (cid,) in db.execute_sql(sql, values)]
        if len(found) >= limit:
            return found
    if len(word) >= MIN_TRIGRAM or has_cjk(word):
        after_id = start[2] if start is not None and start[0] == SUBSTRING else 0
        sql, values = substring_sql(word, query, after_id, limit - len(found))
        found += [cid for (cid,) in db.execute_sql(sql, values)]
    return found


def explain(text: str, viewer: User) -> list[str]:
    """EXPLAIN QUERY PLAN details of the prefix queries of `text` (for tests and tuning)."""
    words = query_words(text)
    filters, params = _customer_filter(viewer, False, None, words[1:])
    query = _Query(words[0], upper_bound(words[0]), filters, params)
    db = Customer._meta.database
    details = []
    queries = [prefix_sql(kind, query, None, 50) for kind in KINDS]
    queries.append(person_name_sql(query, None, 50))
    for sql, values in queries:
        details += [row[-1] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, values)]
    return details
