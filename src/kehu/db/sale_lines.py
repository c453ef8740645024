"""One customer's sale lines, written one at a time (the card), and the product list.

The sales summaries (schema 7) follow these writes through their triggers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from peewee import JOIN, fn

from kehu.db.models import Product, SaleLine


def line(line_id: int) -> SaleLine | None:
    return SaleLine.get_or_none(SaleLine.id == line_id)


def lines_of(customer_id: int, limit: int = 500) -> list[dict[str, Any]]:
    """The customer's sale lines, newest first, with the product's name."""
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
            "id": s.id,
            "date": s.sale_date,
            "product": s.product_name,
            "product_id": s.product_id,
            "category": s.product_category,
            "quantity": s.quantity,
            "amount_cents": s.amount,
        }
        for s in query
    ]


def insert_line(
    customer_id: int,
    day: dt.date,
    product_id: int | None,
    category: str,
    quantity: Decimal,
    cents: int,
) -> int:
    return SaleLine.insert(
        sale_date=day,
        customer=customer_id,
        product=product_id,
        product_category=category,
        quantity=quantity,
        amount=cents,
    ).execute()


def update_line(
    line_id: int,
    day: dt.date,
    product_id: int | None,
    category: str,
    quantity: Decimal,
    cents: int,
) -> None:
    SaleLine.update(
        sale_date=day,
        product=product_id,
        product_category=category,
        quantity=quantity,
        amount=cents,
    ).where(SaleLine.id == line_id).execute()


def delete_line(line_id: int) -> None:
    SaleLine.delete().where(SaleLine.id == line_id).execute()


# -- the product list ---------------------------------------------------------------------------
def products() -> list[dict[str, Any]]:
    """Every product with the number of sale lines that name it, by category and name."""
    used = (
        SaleLine.select(SaleLine.product, fn.COUNT(SaleLine.id).alias("n"))
        .group_by(SaleLine.product)
        .alias("used")
    )
    query = (
        Product.select(Product, fn.COALESCE(used.c.n, 0).alias("lines"))
        .join(used, JOIN.LEFT_OUTER, on=(used.c.product_id == Product.id))
        .order_by(Product.category, Product.name)
        .objects()
    )
    return [
        dict(id=p.id, code=p.code, name=p.name, category=p.category, unit=p.unit, lines=p.lines)
        for p in query
    ]


def product_by_name(name: str) -> Product | None:
    return Product.get_or_none(Product.name == name)


def product_categories() -> list[str]:
    names = {c for (c,) in Product.select(Product.category).distinct().tuples() if c}
    return sorted(names)


def save_product(
    product_id: int | None, name: str, code: str | None, category: str, unit: str | None
) -> int:
    if product_id is None:
        return Product.insert(name=name, code=code, category=category, unit=unit).execute()
    Product.update(name=name, code=code, category=category, unit=unit).where(
        Product.id == product_id
    ).execute()
    return product_id


def product_in_use(product_id: int) -> bool:
    return SaleLine.select().where(SaleLine.product == product_id).exists()


def delete_product(product_id: int) -> None:
    Product.delete().where(Product.id == product_id).execute()


def code_taken(code: str, exclude: int | None) -> bool:
    query = Product.select().where(Product.code == code)
    if exclude is not None:
        query = query.where(Product.id != exclude)
    return query.exists()
