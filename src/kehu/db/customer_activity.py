"""A customer's visits and sales, newest first, for the read-only lists on the card."""

from __future__ import annotations

from typing import Any

from peewee import JOIN

from kehu.db.models import Product, SaleLine, User, Visit


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


def recent_sales(customer_id: int, limit: int = 500) -> list[dict[str, Any]]:
    query = (
        SaleLine.select(SaleLine, Product.name.alias("product_name"))
        .join(Product, JOIN.LEFT_OUTER, on=(SaleLine.product == Product.id))
        .where(SaleLine.customer == customer_id)
        .order_by(SaleLine.sale_date.desc(), SaleLine.id.desc())
        .limit(limit)
        .objects()
    )
    return [
        {
            "date": s.sale_date,
            "product": s.product_name,
            "category": s.product_category,
            "quantity": s.quantity,
            "amount_cents": s.amount,
        }
        for s in query
    ]


def stored_version(customer_id: int) -> int | None:
    """The dossier's version now (None when it was erased); cheap enough to poll."""
    from kehu.db.models import Customer

    return Customer.select(Customer.version).where(Customer.id == customer_id).scalar()
