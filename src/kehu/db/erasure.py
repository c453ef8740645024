"""The only real delete of a customer (a privacy request): its pages are overwritten.

SQLite: `PRAGMA secure_delete` zeroes the freed pages; the one place that sets it (the
dialect's `secure_delete`; a server's dead rows go at its next vacuum).
"""

from __future__ import annotations

from peewee import JOIN

from kehu.db.dialect import dialect
from kehu.db.models import Customer, FieldChange, KeyPerson, User


def erase_customer(customer_id: int) -> None:
    """Delete the customer (its persons, visits, sales and history cascade) for good."""
    db = Customer._meta.database
    dialect(db).secure_delete(db)
    Customer.delete().where(Customer.id == customer_id).execute()


def erase_person(person_id: int) -> int:
    """Delete a key person and the history entries of their values, pages overwritten;
    returns how many history entries went."""
    db = KeyPerson._meta.database
    dialect(db).secure_delete(db)
    history = FieldChange.delete().where(FieldChange.person_id == person_id).execute()
    KeyPerson.delete().where(KeyPerson.id == person_id).execute()
    return history


def person_history(person_id: int) -> list[tuple]:
    """(changed at, field, old, new, by whom) of one key person, oldest first."""
    query = (
        FieldChange.select(
            FieldChange.changed_at,
            FieldChange.field,
            FieldChange.old_value,
            FieldChange.new_value,
            User.display_name,
        )
        .join(User, JOIN.LEFT_OUTER, on=(FieldChange.user == User.id))
        .where(FieldChange.person_id == person_id)
        .order_by(FieldChange.id)
        .tuples()
    )
    return list(query)


def persons_without_consent(customer_ids: list[int] | None) -> list[KeyPerson]:
    """Key persons (of `customer_ids`, None: all) with no consent basis, or consent withdrawn."""
    query = KeyPerson.select().where(
        KeyPerson.consent_basis.is_null()
        | (KeyPerson.consent_basis == "")
        | KeyPerson.consent_withdrawn_on.is_null(False)
    )
    if customer_ids is not None:
        query = query.where(KeyPerson.customer.in_(customer_ids))
    return list(query.order_by(KeyPerson.customer, KeyPerson.position))
