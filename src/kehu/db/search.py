"""Search as you type: ranked customer ids for a query, with keyset paging.

Rank (best first): the kinds of `kehu.core.search_keys` — name (an exact name first, then
name prefixes in key order), pinyin of the main reading, code/USCC/phone, key persons' phones,
the alternative readings of polyphones (`cs`: 长沙 cháng shā before 盛世 read chéng shì) —
then key persons' names (table search_name joined to key_person by name), then names that merely contain the
text. Each kind is one range query on the (kind, key) index, read in index order
and stopped at the page size, so a keystroke costs the same with a thousand customers or a
million. A customer is listed once, at its best key: the ones found by a better key are
skipped with an id-range lookup of the customer's own keys (id = customer id * SLOTS + slot).

Text inside names: 3+ characters through the FTS5 trigram table `search_text`; 1–2 Chinese
characters through a scan of the names (both from `kehu.db.dialect`: FTS5 on SQLite, pg_trgm
on PostgreSQL) of the next `SCAN_LIMIT` customer ids after the cursor
(bounded: a rare 1–2 character fragment may need "more" pages to be found). Several words
narrow the result: the first ranks, the others must each appear in one of the keys.

Paging: `after` is the last id of the previous page; its position is recomputed from its keys.

On a server (`ONE_STATEMENT` of the dialect) the kinds' queries go as one UNION ALL statement,
prepared once per connection (its plan does not depend on the text typed), so a keystroke is
one round trip; the substring query, when the kinds leave room, is a second one, planned for
its text each time (a common fragment is read in id order, a rare one through the index).
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
from kehu.db.dialect import SQLITE, SQLiteDialect, dialect
from kehu.db.models import Customer, User
from kehu.db.visibility import visible_customers

logger = logging.getLogger(__name__)

PERSON_NAME = len(KINDS) + 1  # rank of a key person's name (table search_name)
SUBSTRING = len(KINDS) + 2  # rank of "contains the text"
SCAN_LIMIT = 20_000  # customer ids whose names are scanned for a 1–2 character fragment
MIN_TRIGRAM = 3


@dataclass
class _Query:
    """A search with its filters compiled to SQL once per call; `p` is the database's
    parameter placeholder and `sql` its dialect."""

    lo: str
    hi: str
    filters: str  # " AND …" conditions on the customer id expression `{cid}`
    params: list = field(default_factory=list)
    p: str = field(default="")
    sql: SQLiteDialect = field(default=SQLITE)

    def condition(self, cid: str) -> tuple[str, list]:
        return self.filters.replace("{cid}", cid), list(self.params)


def _customer_filter(
    db, viewer: User, include_archived: bool, category: int | None, extra_words: list[str]
) -> tuple[str, list]:
    """Visibility (the one query builder), category with sub-categories, further words."""
    p, contains = db.param, dialect(db).contains
    visible = visible_customers(
        viewer,
        include_archived=include_archived,
        query=Customer.select(SQL("1")).where(Customer.id == SQL("{cid}")),
    )
    sql, params = visible.sql()
    # A lookup per candidate (as on SQLite), not a join the server plans from guesses.
    parts, values = [f" AND EXISTS ({sql}{dialect(db).CORRELATED})"], list(params)
    if category is not None:
        ids = category_and_descendants(category)
        marks = ", ".join([p] * len(ids))
        parts.append(
            ' AND EXISTS (SELECT 1 FROM "customer_category" cc WHERE cc.customer_id = {cid} '
            f"AND cc.category_id IN ({marks}))"
        )
        values += ids
    for word in extra_words:
        parts.append(
            f' AND (EXISTS (SELECT 1 FROM "search_key" w WHERE w.id >= {{cid}} * {SLOTS} '
            f"AND w.id < {{cid}} * {SLOTS} + {SLOTS} AND {contains('w.key', p)}) "
            'OR EXISTS (SELECT 1 FROM "key_person" wp JOIN "search_name" wn ON wn.name = wp.name '
            f"WHERE wp.customer_id = {{cid}} AND {contains('wn.key', p)}))"
        )
        values += [word, word]
    return "".join(parts), values


def prefix_sql(kind: int, query: _Query, after: tuple[str, int] | None, limit: int):
    """One kind's page: keys in [lo, hi), each customer at its best key only."""
    p = query.p
    cid = f"(k.id / {SLOTS})"
    condition, params = query.condition(cid)
    sql = (
        f'SELECT k.id / {SLOTS} FROM "search_key" k '
        f"WHERE k.kind = {p} AND k.key >= {p} AND k.key < {p}"
        + (f" AND (k.key > {p} OR (k.key = {p} AND k.id > {p}))" if after else "")
        + ' AND NOT EXISTS (SELECT 1 FROM "search_key" b '
        f"WHERE b.id >= {cid} * {SLOTS} AND b.id < {cid} * {SLOTS} + {SLOTS} "
        f"AND b.key >= {p} AND b.key < {p} AND (b.kind < k.kind OR (b.kind = k.kind "
        f"AND (b.key < k.key OR (b.key = k.key AND b.id < k.id)))){query.sql.CORRELATED})"
        + condition
        + f" ORDER BY k.key, k.id LIMIT {p}"
    )
    values = [kind, after[0] if after else query.lo, query.hi]  # resume: start at its key
    if after:
        values += [after[0], after[0], after[1]]
    return sql, values + [query.lo, query.hi] + params + [limit]


def person_name_sql(query: _Query, after: tuple[str, str, int] | None, limit: int):
    """Customers with a key person whose name has a key in [lo, hi), in (key, name, person)
    order; each customer once, at its best person, and only if no search_key found it."""
    p = query.p
    if not query.sql.PERSONS_OF_A_NAME_IN_ID_ORDER:
        return _person_name_sorted_first(query, after, limit)
    cid = "p.customer_id"
    condition, params = query.condition(cid)
    sql = (
        'SELECT p.customer_id FROM "search_name" d JOIN "key_person" p ON p.name = d.name '
        f"WHERE d.key >= {p} AND d.key < {p}"
        + (f" AND (d.key, d.name, p.id) > ({p}, {p}, {p})" if after else "")
        + _not_prefix(cid, p, query.sql.CORRELATED)
        + ' AND NOT EXISTS (SELECT 1 FROM "key_person" p2 JOIN "search_name" d2 '
        "ON d2.name = p2.name WHERE p2.customer_id = p.customer_id "
        f"AND d2.key >= {p} AND d2.key < {p} "
        f"AND (d2.key, d2.name, p2.id) < (d.key, d.name, p.id){query.sql.CORRELATED})"
        + condition
        + f" ORDER BY d.key, d.name, p.id LIMIT {p}"
    )
    values = [after[0] if after else query.lo, query.hi, *(after or ())]
    return sql, values + [query.lo, query.hi, query.lo, query.hi, *params, limit]


def _person_name_sorted_first(query: _Query, after: tuple[str, str, int] | None, limit: int):
    """`person_name_sql` where a name's persons are not read in id order (PostgreSQL's index
    on key_person.name): the matching persons are sorted first, and the lookups that skip
    customers run only on them in that order, until the page is full (not on every person
    with a common name before the sort)."""
    p = query.p
    cid = "c.customer_id"
    condition, params = query.condition(cid)
    sql = (
        "SELECT c.customer_id FROM (SELECT p.customer_id, p.id, d.key, d.name "
        'FROM "search_name" d JOIN "key_person" p ON p.name = d.name '
        f"WHERE d.key >= {p} AND d.key < {p}"
        + (f" AND (d.key, d.name, p.id) > ({p}, {p}, {p})" if after else "")
        + f" ORDER BY d.key, d.name, p.id{query.sql.CORRELATED}) c WHERE TRUE"
        + _not_prefix(cid, p, query.sql.CORRELATED)
        + ' AND NOT EXISTS (SELECT 1 FROM "key_person" p2 JOIN "search_name" d2 '
        "ON d2.name = p2.name WHERE p2.customer_id = c.customer_id "
        f"AND d2.key >= {p} AND d2.key < {p} "
        f"AND (d2.key, d2.name, p2.id) < (c.key, c.name, c.id){query.sql.CORRELATED})"
        + condition
        + f" ORDER BY c.key, c.name, c.id LIMIT {p}"
    )
    values = [after[0] if after else query.lo, query.hi, *(after or ())]
    return sql, values + [query.lo, query.hi, query.lo, query.hi, *params, limit]


def _not_prefix(cid: str, p: str, keep: str = "") -> str:
    return (
        f' AND NOT EXISTS (SELECT 1 FROM "search_key" b WHERE b.id >= {cid} * {SLOTS} '
        f"AND b.id < {cid} * {SLOTS} + {SLOTS} AND b.key >= {p} AND b.key < {p}{keep})"
    )


def _not_person(cid: str, p: str, keep: str = "") -> str:
    return (
        ' AND NOT EXISTS (SELECT 1 FROM "key_person" np JOIN "search_name" nn ON nn.name = np.name '
        f"WHERE np.customer_id = {cid} AND nn.key >= {p} AND nn.key < {p}{keep})"
    )


def substring_sql(word: str, query: _Query, after_id: int, limit: int, candidates_first=None):
    """Customers whose name contains `word` (and that no key found), in id order: through
    the dialect's substring index for 3+ characters, a bounded id-range scan of the names
    otherwise.

    `candidates_first` (the dialect's SUBSTRING_CANDIDATES_FIRST unless given): the names
    that contain the text are ordered by id first, in a query of their own, and the lookups
    that skip customers run on them in that order until the page is full; the server then
    plans that inner query for the first rows (a common fragment: the names in id order,
    stopping early; a rare one: its few index matches, sorted), where a filter over every
    match before the sort cost 50 ms for 2,000 matches at 1M. The outer query has no ORDER
    BY (that would plan the inner one for all its rows): `search` checks the order."""
    p, text = query.p, query.sql
    found_before = [query.lo, query.hi, query.lo, query.hi]
    if candidates_first is None:
        candidates_first = text.SUBSTRING_CANDIDATES_FIRST
    if len(word) >= MIN_TRIGRAM and candidates_first:
        condition, params = query.condition("c.rowid")
        sql = (
            f'SELECT c.rowid FROM (SELECT t.rowid FROM "{text.TEXT_TABLE}" t '
            f"WHERE {text.text_match('t', p)} AND t.rowid > {p} "
            f"ORDER BY t.rowid{text.CORRELATED}) c WHERE TRUE"
            + _not_prefix("c.rowid", p, text.CORRELATED)
            + _not_person("c.rowid", p, text.CORRELATED)
            + condition
            + f" LIMIT {p}"
        )
        return sql, [text.text_phrase(word), after_id, *found_before, *params, limit]
    if len(word) >= MIN_TRIGRAM:
        condition, params = query.condition("t.rowid")
        sql = (
            f'SELECT t.rowid FROM "{text.TEXT_TABLE}" t WHERE {text.text_match("t", p)} '
            f"AND t.rowid > {p}"
            + _not_prefix("t.rowid", p, text.CORRELATED)
            + _not_person("t.rowid", p, text.CORRELATED)
            + condition
            + f" ORDER BY t.rowid LIMIT {p}"
        )
        return sql, [text.text_phrase(word), after_id, *found_before, *params, limit]
    t_id = f"t.{text.TEXT_SCAN_ID}"
    condition, params = query.condition(t_id)
    sql = (
        f'SELECT {t_id} FROM "{text.TEXT_SCAN_TABLE}" t WHERE {t_id} > {p} AND {t_id} <= {p} '
        f"AND {text.contains(f't.{text.TEXT_SCAN_COLUMN}', p)}"
        + _not_prefix(t_id, p, text.CORRELATED)
        + _not_person(t_id, p, text.CORRELATED)
        + condition
        + f" ORDER BY {t_id} LIMIT {p}"
    )
    return sql, [after_id, after_id + SCAN_LIMIT, word, *found_before, *params, limit]


def _position(db, customer_id: int, query: _Query) -> tuple:
    """Where a customer stands in the ranking: (kind, key, key id) for a search_key,
    (PERSON_NAME, key, name, person id), or (SUBSTRING, '', customer id)."""
    p = query.p
    row = db.execute_sql(
        f'SELECT kind, key, id FROM "search_key" WHERE id >= {p} AND id < {p} '
        f"AND key >= {p} AND key < {p} ORDER BY kind, key, id LIMIT 1",
        (customer_id * SLOTS, (customer_id + 1) * SLOTS, query.lo, query.hi),
    ).fetchone()
    if row:
        return tuple(row)
    row = db.execute_sql(
        'SELECT d.key, d.name, p.id FROM "key_person" p JOIN "search_name" d ON d.name = p.name '
        f"WHERE p.customer_id = {p} AND d.key >= {p} AND d.key < {p} "
        "ORDER BY d.key, d.name, p.id LIMIT 1",
        (customer_id, query.lo, query.hi),
    ).fetchone()
    if row:
        return (PERSON_NAME, *row)
    return (SUBSTRING, "", customer_id)


def _query(db, word: str, filters: str, params: list) -> _Query:
    return _Query(word, upper_bound(word), filters, params, db.param, dialect(db))


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
    db = Customer._meta.database
    filters, params = _customer_filter(db, viewer, include_archived, category, words[1:])
    query = _query(db, word, filters, params)
    start = _position(db, after, query) if after is not None else None
    # Each kind's page, best kind first: each query's limit is what the kinds before it left.
    parts: list = []
    for rank in (*KINDS, PERSON_NAME):
        if start is not None and rank < start[0]:
            continue
        resume = start[1:] if start is not None and rank == start[0] else None
        if rank == PERSON_NAME:
            parts.append(lambda n, r=resume: person_name_sql(query, r, n))
        else:
            parts.append(lambda n, k=rank, r=resume: prefix_sql(k, query, r, n))
    if not parts:  # the page goes on among the names that merely contain the text
        found: list[int] = []
    elif query.sql.ONE_STATEMENT:
        found = _in_one_statement(db, [part(limit) for part in parts], limit)
    else:
        found = []
        for part in parts:
            found += [cid for (cid,) in db.execute_sql(*part(limit - len(found)))]
            if len(found) >= limit:
                return found
    if len(found) < limit and (len(word) >= MIN_TRIGRAM or has_cjk(word)):
        # Planned for its text each time: how often the text occurs decides the plan.
        after_id = start[2] if start is not None and start[0] == SUBSTRING else 0
        sql, values = substring_sql(word, query, after_id, limit - len(found))
        more = [cid for (cid,) in db.execute_sql(sql, values)]
        if more != sorted(more):  # not in id order (see substring_sql): the plain query
            logger.warning("search: substring matches out of order; asking again")
            sql, values = substring_sql(word, query, after_id, limit - len(found), False)
            more = [cid for (cid,) in db.execute_sql(sql, values)]
        found += more
    return found


def _in_one_statement(db, parts: list[tuple[str, list]], limit: int) -> list[int]:
    """The kinds' queries as one statement (a server's round trip costs more than a
    query): their pages in rank order (UNION ALL runs its parts in order, and the outer
    LIMIT stops it as soon as the page is full, so later kinds are not read)."""
    if len(parts) == 1:
        return [cid for (cid,) in db.execute_sql(*parts[0])]
    branches = [f"SELECT {n} AS part, b{n}.* FROM ({sql}) b{n}" for n, (sql, _) in enumerate(parts)]
    sql = f"SELECT * FROM ({' UNION ALL '.join(branches)}) page LIMIT {db.param}"
    values = [v for _, part_values in parts for v in part_values] + [limit]
    rows = dialect(db).execute_planned(db, sql, values).fetchall()
    order = [part for part, _cid in rows]
    if order != sorted(order):  # not in the parts' order (a parallel plan): query them one by one
        logger.warning("search: the server returned the parts out of order; asking one by one")
        found: list[int] = []
        for part_sql, values in parts:
            found += [
                cid for (cid,) in db.execute_sql(part_sql, values[:-1] + [limit - len(found)])
            ]
            if len(found) >= limit:
                break
        return found
    return [cid for _part, cid in rows]


def explain(text: str, viewer: User) -> list[str]:
    """The plans of the prefix queries of `text` (for tests and tuning): EXPLAIN QUERY PLAN
    details on SQLite, EXPLAIN lines on PostgreSQL."""
    words = query_words(text)
    db = Customer._meta.database
    filters, params = _customer_filter(db, viewer, False, None, words[1:])
    query = _query(db, words[0], filters, params)
    details = []
    queries = [prefix_sql(kind, query, None, 50) for kind in KINDS]
    queries.append(person_name_sql(query, None, 50))
    for sql, values in queries:
        details += query.sql.explain(db, sql, values)
    return details
