"""A customer's visits, newest first, for the card's read-only list, and the dossier's stored version."""

from __future__ import annotations

from typing import Any

from peewee import JOIN

from kehu.db.models import User, Visit


def recent_visits(customer_id: int, limit: int = 200) -> list[dict[str, Any]]:
    query = (
        Visit.select(Visit, User.display_name.alias("salesperson_name"))
        .join(User, JOIN.LEFT_OUTER, on=(Visit.salesperson == User.id))
        .where(Visit.customer == customer_id)
        .order_by(Visit.visit_date.desc(), Visit.id.desc())
        .limit(limit)
        .objects()
    )
    return [
        {
            "date": v.visit_date,
            "kind": v.kind,
            "salesperson": v.salesperson_name,
            "content": v.content,
            "next_step": v.next_step,
            "next_visit_on": v.next_visit_on,
        }
        for v in query
    ]


def stored_version(customer_id: int) -> int | None:
    """The dossier's version now (None when it was erased); cheap enough to poll."""
    from kehu.db.models import Customer

    return Customer.select(Customer.version).where(Customer.id == customer_id).scalar()
