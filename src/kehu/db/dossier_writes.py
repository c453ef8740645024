"""The writes of a dossier update: the versioned customer row, its history, its categories.

`services.dossiers.update_dossiers` is the one caller: the card's save and the import's
"update existing customers" both go through it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from peewee import fn

from kehu.db.bulk import insert_rows
from kehu.db.models import Customer, CustomerCategory, FieldChange, KeyPerson

HISTORY_COLUMNS = (
    "customer_id",
    "version",
    "person_id",
    "field",
    "old_value",
    "new_value",
    "user_id",
    "changed_at",
    "import_batch_id",
)


def update_customer(
    customer_id: int, version: int, values: dict[str, Any], user_id: int, at: dt.datetime
) -> bool:
    """Write `values` (database form) as version `version + 1` if the stored version is still
    `version` (optimistic locking); False when someone else saved first (nothing written)."""
    values = {**values, "version": version + 1, "updated_by": user_id, "updated_at": at}
    count = (
        Customer.update(values)
        .where(Customer.id == customer_id, Customer.version == version)
        .execute()
    )
    return count == 1


def insert_history(rows: Iterable[tuple]) -> int:
    """History rows in `HISTORY_COLUMNS` order."""
    return insert_rows(FieldChange, HISTORY_COLUMNS, rows)


def set_category(customer_id: int, scheme_id: int, category_id: int) -> None:
    """The customer's category in a scheme (replacing the old one; the count triggers fire)."""
    CustomerCategory.insert(
        customer=customer_id, scheme=scheme_id, category=category_id
    ).on_conflict(
        conflict_target=[CustomerCategory.customer, CustomerCategory.scheme],
        update={CustomerCategory.category: category_id},
    ).execute()


def stored_versions(customer_ids: Iterable[int]) -> dict[int, int]:
    ids = list(customer_ids)
    query = Customer.select(Customer.id, Customer.version).where(Customer.id.in_(ids))
    return dict(query.tuples())


def person_count(customer_id: int) -> int:
    return (
        KeyPerson.select(fn.COUNT(KeyPerson.id)).where(KeyPerson.customer == customer_id).scalar()
    )


def person_names(customer_id: int) -> set[str]:
    query = KeyPerson.select(KeyPerson.name).where(KeyPerson.customer == customer_id)
    return {name for (name,) in query.tuples()}


def categories_of(customer_id: int) -> dict[int, int]:
    query = CustomerCategory.select(CustomerCategory.scheme, CustomerCategory.category).where(
        CustomerCategory.customer == customer_id
    )
    return dict(query.tuples())
