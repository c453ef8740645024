"""The only real delete of a customer (a privacy request): its pages are overwritten.

SQLite: `PRAGMA secure_delete` zeroes the freed pages; the one place that sets it.
"""

from __future__ import annotations

from kehu.db.models import Customer


def erase_customer(customer_id: int) -> None:
    """Delete the customer (its persons, visits, sales and history cascade) for good."""
    db = Customer._meta.database
    db.execute_sql("PRAGMA secure_delete=ON")
    Customer.delete().where(Customer.id == customer_id).execute()
