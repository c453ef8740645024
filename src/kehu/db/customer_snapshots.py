"""A customer's stored rows (customer, key persons, categories) as plain JSON-able dicts, and
their exact restore: what an import keeps to undo its updates."""

from __future__ import annotations

from typing import Any

from kehu.db.bulk import insert_rows
from kehu.db.models import Customer, CustomerCategory, KeyPerson


def _rows(model, column, customer_id: int) -> list[dict[str, Any]]:
    db = model._meta.database
    table = model._meta.table_name
    cursor = db.execute_sql(
        f'SELECT * FROM "{table}" WHERE "{column}" = {db.param}', (customer_id,)
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def snapshot(customer_id: int) -> dict[str, Any]:
    """The stored values as the database holds them (text, integers), not Python values."""
    return {
        "customer": _rows(Customer, "id", customer_id)[0],
        "persons": _rows(KeyPerson, "customer_id", customer_id),
        "categories": _rows(CustomerCategory, "customer_id", customer_id),
    }


def restore(customer_id: int, saved: dict[str, Any]) -> None:
    """Put back exactly what `snapshot` saw (same person ids, same version)."""
    db = Customer._meta.database
    row = {k: v for k, v in saved["customer"].items() if k != "id"}
    assignments = ", ".join(f'"{k}" = {db.param}' for k in row)
    db.execute_sql(
        f'UPDATE "customer" SET {assignments} WHERE "id" = {db.param}', (*row.values(), customer_id)
    )
    KeyPerson.delete().where(KeyPerson.customer == customer_id).execute()
    CustomerCategory.delete().where(CustomerCategory.customer == customer_id).execute()
    for model, key in ((KeyPerson, "persons"), (CustomerCategory, "categories")):
        rows = saved[key]
        if rows:
            columns = list(rows[0])
            insert_rows(model, columns, [tuple(r[c] for c in columns) for r in rows])
