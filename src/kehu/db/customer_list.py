"""Ordered customer-id queries for lists, keyset paging, and row fetches by id.

A list holds only ids in the order of one SQL query; rows are fetched for the ids on screen.
Sorting and filtering happen here, in SQL. Pages continue after the last (sort value, id)
seen — never with OFFSET deep into a table. Every query starts from the visibility builder.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from peewee import JOIN, Expression, ModelSelect, Tuple, fn

from kehu.core.fields import CUSTOMER_FIELDS, FieldDef, Kind, customer_field
from kehu.core.search_keys import SORT_COLUMNS
from kehu.db.categories import category_and_descendants
from kehu.db.models import Customer, CustomerCategory, User
from kehu.db.visibility import visible_customers

logger = logging.getLogger(__name__)

_TEXT_KINDS = {
    Kind.TEXT,
    Kind.PHONE,
    Kind.MOBILE,
    Kind.USCC,
    Kind.EMAIL,
    Kind.URL,
    Kind.POSTAL_CODE,
    Kind.CHOICE,
}
_NUMBER_KINDS = {Kind.MONEY, Kind.INTEGER, Kind.COORD}

# Columns a list can show, in their default order; "owner" and the dates are not catalogue
# fields. Long texts are left out (they belong on the card).
LIST_COLUMNS: tuple[str, ...] = tuple(
    f.name
    for f in CUSTOMER_FIELDS
    if f.kind in _TEXT_KINDS | _NUMBER_KINDS | {Kind.DATE} and not f.sensitive  # never listed
) + ("completeness", "owner", "status", "updated_at", "created_at")
DEFAULT_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "phone",
    "address",
    "industry",
    "owner",
    "completeness",
)
_LOW = -(10**18)
# Stored, indexed columns that are NULL until computed (completeness, 档案健全度): sorted on
# the raw column so that its index orders the list; the NULL rows are one block at an end.
_NULLABLE_SORTS = {"completeness"}
# Sorted through an index: a first page stops early instead of sorting the table. Names are
# sorted by their stored pinyin sort keys (`SORT_COLUMNS`: 安徽 before 北京 before 上海).
_INDEXED_SORTS = {"code", *SORT_COLUMNS}


def column_field(name: str) -> FieldDef | None:
    """The catalogue field behind a list column (None for owner, status and dates)."""
    try:
        return customer_field(name)
    except KeyError:
        return None


def _sort_expression(column: str) -> Expression:
    """The SQL sort key of a column; NULLs become a low value so keyset pages stay exact."""
    if column == "owner":
        return fn.COALESCE(User.display_name, "")
    if column in SORT_COLUMNS:
        return getattr(Customer, SORT_COLUMNS[column])
    if column in ("updated_at", "created_at", "status", "code", "name", *_NULLABLE_SORTS):
        return getattr(Customer, column)
    fdef = column_field(column)
    if fdef is None:
        raise ValueError(f"unknown list column {column!r}")
    col = getattr(Customer, column)
    if fdef.kind in _NUMBER_KINDS:
        return fn.COALESCE(col, _LOW)
    return fn.COALESCE(col, "")


@dataclass(frozen=True)
class ListSpec:
    """What a customer list shows: filter and order. Immutable; change with `replace`."""

    viewer: User
    category_id: int | None = None  # a category, with its sub-categories
    unclassified_scheme: int | None = None  # customers without a category in this scheme
    include_archived: bool = False
    sort: str = "code"
    descending: bool = False
    ids: tuple[int, ...] | None = None  # restrict to these ids (a search result)
    search: str = ""  # search-box text; with sort "rank" the hits keep their rank order
    completeness_below: int | None = None  # only dossiers whose completeness is below this %
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_(self, **changes: Any) -> ListSpec:
        return replace(self, **changes)


def filtered_query(spec: ListSpec, *fields: Any, walk_code_index: bool = False) -> ModelSelect:
    """The customers of a spec, through the visibility builder, without order.

    `walk_code_index`: the status test is written so that it cannot use the status index;
    nearly every customer is active, and SQLite would otherwise pick that index and sort a
    million rows for the first page instead of walking the sort column's index (code, name
    sort keys, completeness) and stopping early.
    """
    archived = spec.include_archived or walk_code_index
    query = visible_customers(spec.viewer, *(fields or (Customer.id,)), include_archived=archived)
    if walk_code_index and not spec.include_archived:
        query = query.where(Customer.status.concat("") == "active")
    if spec.category_id is not None:
        members = CustomerCategory.select(CustomerCategory.customer).where(
            CustomerCategory.category.in_(category_and_descendants(spec.category_id))
        )
        query = query.where(Customer.id.in_(members))
    if spec.unclassified_scheme is not None:
        classified = CustomerCategory.select(CustomerCategory.customer).where(
            CustomerCategory.scheme == spec.unclassified_scheme
        )
        query = query.where(Customer.id.not_in(classified))
    if spec.ids is not None:
        query = query.where(Customer.id.in_(list(spec.ids)))
    if spec.completeness_below is not None:
        query = query.where(Customer.completeness < spec.completeness_below)
    return query


def count(spec: ListSpec) -> int:
    return filtered_query(spec).count()


def _ordered(spec: ListSpec, after: tuple[Any, int] | None) -> ModelSelect:
    key = _sort_expression(spec.sort)
    unique = spec.sort == "code"  # unique and indexed: no id tie-breaker, the index orders
    indexed = spec.sort in _INDEXED_SORTS
    query = filtered_query(spec, Customer.id, key.alias("sort_key"), walk_code_index=indexed)
    if spec.sort == "owner":
        query = query.join(User, JOIN.LEFT_OUTER, on=(Customer.owner == User.id))
    if after is not None:
        position = key if unique else Tuple(key, Customer.id)
        bound = after[0] if unique else Tuple(after[0], after[1])
        query = query.where(position < bound if spec.descending else position > bound)
    if indexed:
        # Implied by the bound (or always true), but a plain range on the sort column makes
        # SQLite pick (owner_id, column) for a manager's owner_id IN (…) and stop early in
        # each owner's part of it (a page at 1M: ~1 ms instead of sorting every visible
        # row, 5–10 s).
        low = "" if after is None or spec.descending else after[0]
        query = query.where(key >= low)
        if after is not None and spec.descending:
            query = query.where(key <= after[0])
    order = [key.desc(), Customer.id.desc()] if spec.descending else [key, Customer.id]
    return query.order_by(*order[: 1 if unique else 2])


def _nullable_rows(spec: ListSpec, limit: int, after: tuple[Any, int] | None) -> list[tuple]:
    """(id, value) rows of a page sorted by a nullable indexed column: the NULL block (first
    ascending, last descending, as the index has them) and the valued rows are read by two
    index-ordered queries, so that no page needs an OR that would sort the whole table."""
    column = getattr(Customer, spec.sort)
    down = spec.descending
    base = filtered_query(spec, Customer.id, column.alias("sort_key"), walk_code_index=True)
    in_nulls = after is not None and after[0] is None
    rows: list[tuple] = []
    for nulls in (True, False) if not down else (False, True):
        if (nulls and after is not None and not in_nulls and not down) or (
            not nulls and in_nulls and down
        ):
            continue  # that block was read already
        if nulls:
            query = base.where(column.is_null())
            if in_nulls:
                query = query.where(Customer.id < after[1] if down else Customer.id > after[1])
            query = query.order_by(Customer.id.desc() if down else Customer.id)
        else:
            query = base.where(column.is_null(False))
            if after is not None and not in_nulls:
                position, bound = Tuple(column, Customer.id), Tuple(after[0], after[1])
                query = query.where(position < bound if down else position > bound)
            order = [column.desc(), Customer.id.desc()] if down else [column, Customer.id]
            query = query.order_by(*order)
        rows += Customer._meta.database.execute(query.limit(limit - len(rows))).fetchall()
        if len(rows) >= limit:
            break
    return rows


def page(
    spec: ListSpec, limit: int, after: tuple[Any, int] | None = None
) -> tuple[list[int], tuple[Any, int] | None]:
    """One page of ids in list order after the keyset position `after` (sort value, id).

    Returns the ids and the position to continue from (None when the list is exhausted).
    """
    if spec.sort in _NULLABLE_SORTS:
        rows = _nullable_rows(spec, limit, after)
    else:
        query = _ordered(spec, after).limit(limit)
        rows = Customer._meta.database.execute(query).fetchall()  # raw tuples: no row objects
    if len(rows) < limit:
        return [r[0] for r in rows], None
    last = rows[-1]
    return [r[0] for r in rows], (last[1], last[0])


def iter_pages(
    spec: ListSpec, first: int = 500, largest: int = 100_000, after: tuple[Any, int] | None = None
) -> Iterator[list[int]]:
    """All ids of a spec in order, page by page; pages grow so the first arrives at once."""
    size = first
    while True:
        ids, after = page(spec, size, after)
        if ids:
            yield ids
        if after is None:
            return
        size = min(size * 4, largest)


def search_order(spec: ListSpec, ranked: Sequence[int]) -> list[int]:
    """Ids of a search result in the list's order (the rank order when sorted by rank)."""
    if not ranked:
        return []
    restricted = spec.with_(ids=tuple(ranked))
    ids: list[int] = []
    for chunk in iter_pages(restricted, first=len(ranked), largest=len(ranked)):
        ids.extend(chunk)
    return ids


SEARCH_LIMIT = 2000
RANK = "rank"


def _ranked_pages(spec: ListSpec, first: int = 100) -> Iterator[list[int]]:
    """Search hits in rank order, page by page (the first page is small: it shows at once)."""
    from kehu.db.search import search  # the search index is optional until it is built

    after, size, total = None, first, 0
    while total < SEARCH_LIMIT:
        ranked = search(
            spec.search,
            spec.viewer,
            category=spec.category_id,
            include_archived=spec.include_archived,
            limit=min(size, SEARCH_LIMIT - total),
            after=after,
        )
        if ranked:
            yield ranked
        if len(ranked) < size:
            return
        after, total, size = ranked[-1], total + len(ranked), min(size * 4, 1000)


def search_ids(spec: ListSpec) -> Iterator[list[int]]:
    """The search hits of a spec, filtered like the list, in rank or column order."""
    plain = spec.with_(search="")
    if spec.sort != RANK:
        ranked = [cid for page in _ranked_pages(spec) for cid in page]
        yield search_order(plain, ranked)
        return
    for ranked in _ranked_pages(spec):
        if spec.unclassified_scheme is None and spec.completeness_below is None:
            yield ranked  # search applies visibility, archive and category itself
            continue
        allowed = {cid for (cid,) in filtered_query(plain.with_(ids=tuple(ranked))).tuples()}
        yield [cid for cid in ranked if cid in allowed]


def iter_ids(spec: ListSpec, first: int = 500, largest: int = 100_000) -> Iterator[list[int]]:
    """The ids of a list, page by page: search hits when the spec has search text."""
    if spec.search.strip():
        yield from search_ids(spec)
        return
    plain = spec if spec.sort != RANK else spec.with_(sort="code")
    yield from iter_pages(plain, first, largest)


def _fetch_columns(columns: Sequence[str]) -> list[Any]:
    selected: list[Any] = [Customer.id]
    for name in columns:
        if name == "owner":
            selected.append(User.display_name.alias("owner"))
        else:
            selected.append(getattr(Customer, name))
    return selected


def fetch_rows(ids: Sequence[int], columns: Sequence[str]) -> dict[int, tuple[Any, ...]]:
    """Raw column values for the given ids (id → values in `columns` order).

    Rows the viewer may see are decided by the id query; this only reads them.
    """
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 900):
        chunk = list(ids[start : start + 900])
        query = (
            Customer.select(*_fetch_columns(columns))
            .join(User, JOIN.LEFT_OUTER, on=(Customer.owner == User.id))
            .where(Customer.id.in_(chunk))
            .tuples()
        )
        for row in query:
            found[row[0]] = tuple(row[1:])
    return found


__all__ = [
    "DEFAULT_COLUMNS",
    "LIST_COLUMNS",
    "ListSpec",
    "column_field",
    "count",
    "fetch_rows",
    "filtered_query",
    "iter_ids",
    "iter_pages",
    "page",
    "search_order",
]
