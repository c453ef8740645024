"""The rows of list exports, read in chunks: customers' columns, their categories, key
persons, visits and sale lines. Raw values as stored; the export service converts and masks.

The customer columns are read with one plain SELECT per chunk (no model objects per row):
a list export of 100,000 customers spends its time in openpyxl, not here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from kehu.core.schemes import shown_name
from kehu.db.models import (
    Category,
    Customer,
    KeyPerson,
    Product,
    SaleLine,
    Scheme,
    User,
    Visit,
)

SCHEME_TARGET = "scheme:"  # a list column that is a classification: scheme:<id>


def schemes() -> list[Scheme]:
    """Classification schemes in display order."""
    return list(Scheme.select().order_by(Scheme.position, Scheme.id))


def customer_columns(ids: Sequence[int], columns: Sequence[str]) -> dict[int, tuple[Any, ...]]:
    """{id: (value of each column…)} for the customers `ids` (one query, raw values)."""
    if not ids:
        return {}
    db = Customer._meta.database
    names = "".join(f', "{name}"' for name in columns)
    marks = ", ".join([db.param] * len(ids))
    sql = f'SELECT id{names} FROM "customer" WHERE id IN ({marks})'
    return {row[0]: row[1:] for row in db.execute_sql(sql, list(ids))}


def customer_records(
    ids: Sequence[int], targets: Sequence[str], categories: Mapping[int, Any] | None = None
) -> dict[int, list[Any]]:
    """{id: [value of each target…]} for the customers `ids`, from two queries of plain tuples.

    A target is a customer column or `scheme:<id>`: the customer's category in that scheme,
    as `categories[category id]` (default: the id itself), or None."""
    if not ids:
        return {}
    db = Customer._meta.database
    fields = Customer._meta.fields
    schemes = {}
    parts = []
    for position, target in enumerate(targets):
        if target.startswith(SCHEME_TARGET):
            schemes[int(target[len(SCHEME_TARGET) :])] = position
            parts.append(", NULL")
        else:
            parts.append(f', "{fields[target].column_name}"')
    marks = ", ".join([db.param] * len(ids))
    sql = f'SELECT id{"".join(parts)} FROM "customer" WHERE id IN ({marks})'
    records = {row[0]: list(row[1:]) for row in db.execute_sql(sql, list(ids))}
    if schemes and records:
        cursor = db.execute_sql(
            "SELECT customer_id, scheme_id, category_id FROM customer_category "
            f"WHERE customer_id IN ({marks})",
            list(ids),
        )
        value = categories.get if categories is not None else None
        for cid, scheme, category in cursor:
            position = schemes.get(scheme)
            if position is not None and cid in records:
                records[cid][position] = value(category) if value else category
    return records


def category_paths(lang: str, separator: str = "/") -> dict[int, str]:
    """Category id → 华东/上海 (so that nothing of the tree is lost in a list), named for a
    reader in `lang`."""
    rows = {
        cid: (parent, shown_name(name, key, lang))
        for cid, parent, name, key in Category.select(
            Category.id, Category.parent, Category.name, Category.builtin_key
        ).tuples()
    }
    paths = {}
    for cid in rows:
        parts, seen, current = [], set(), cid
        while current is not None and current not in seen and current in rows:
            seen.add(current)
            parent, name = rows[current]
            parts.append(name)
            current = parent
        paths[cid] = separator.join(reversed(parts))
    return paths


def codes_and_names(ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    query = Customer.select(Customer.id, Customer.code, Customer.name).where(Customer.id.in_(ids))
    return {cid: (code, name) for cid, code, name in query.tuples()}


def person_rows(ids: Sequence[int], columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """(customer id, value of each person column…) of the customers' key persons, in the
    order of `ids` and then of the persons on the card."""
    order = {cid: i for i, cid in enumerate(ids)}
    query = KeyPerson.select(KeyPerson.customer, *(getattr(KeyPerson, c) for c in columns))
    query = query.where(KeyPerson.customer.in_(ids)).order_by(KeyPerson.position, KeyPerson.id)
    yield from sorted(query.tuples(), key=lambda r: order[r[0]])


def visits_of(ids: Sequence[int]) -> Iterator[Visit]:
    query = Visit.select().where(Visit.customer.in_(ids)).order_by(Visit.visit_date, Visit.id)
    yield from query


def sales_of(ids: Sequence[int]) -> Iterator[SaleLine]:
    query = (
        SaleLine.select()
        .where(SaleLine.customer.in_(ids))
        .order_by(SaleLine.sale_date, SaleLine.id)
    )
    yield from query


def user_names() -> dict[int, str]:
    return dict(User.select(User.id, User.display_name).tuples())


def product_names() -> dict[int, str]:
    return dict(Product.select(Product.id, Product.name).tuples())
