"""Queries of care by grade: customers overdue by their category's visit cadence, key persons
with lunar birthdays, customers whose trading relationship has an anniversary."""

from __future__ import annotations

import datetime as dt

from peewee import JOIN, fn

from kehu.db.models import Category, Customer, CustomerCategory, KeyPerson, Scheme, User, Visit
from kehu.db.visibility import owner_filter


def cadence_overdue(
    viewer: User,
    scheme_key: str,
    day: dt.date,
    limit: int | None = 500,
    among: list[int] | None = None,
) -> list[tuple]:
    """(id, code, name, phone, category name, category id, visit days, last visit) of
    visible active customers (of `among` if given, at most a few hundred) in a category with
    a cadence whose last visit (or none) is more than its days before `day`; by category
    position, then longest unvisited first."""
    last = fn.MAX(Visit.visit_date)
    query = (
        Customer.select(
            Customer.id,
            Customer.code,
            Customer.name,
            Customer.phone,
            Category.name,
            Category.id,
            Category.visit_days,
            last,
        )
        .join(CustomerCategory, on=(CustomerCategory.customer == Customer.id))
        .join(Category, on=(Category.id == CustomerCategory.category))
        .join(Scheme, on=(Scheme.id == CustomerCategory.scheme))
        .switch(Customer)
        .join(Visit, JOIN.LEFT_OUTER, on=(Visit.customer == Customer.id))
        .where(
            Scheme.key == scheme_key,
            Category.visit_days.is_null(False),
            Customer.status == "active",
        )
        .group_by(Customer.id)
        .having(
            last.is_null()
            | (last < fn.date(day.isoformat(), fn.printf("-%d days", Category.visit_days)))
        )
        .order_by(
            Category.parent.is_null(False),  # A, B, C before their sub-categories
            Category.position,
            last.asc(nulls="first"),
            Customer.code,
        )
    )
    if limit is not None:
        query = query.limit(limit)
    if among is not None:
        query = query.where(Customer.id.in_(among))
    condition = owner_filter(viewer)
    if condition is not None:
        query = query.where(condition)
    return list(query.tuples())


def cadence_categories(scheme_key: str) -> list[tuple[int, bool, int, int]]:
    """(category id, is a sub-category, position, visit days) of a scheme's categories with a
    cadence."""
    query = (
        Category.select(Category.id, Category.parent, Category.position, Category.visit_days)
        .join(Scheme, on=(Scheme.id == Category.scheme))
        .where(Scheme.key == scheme_key, Category.visit_days.is_null(False))
        .order_by(Category.position, Category.id)
    )
    return [(cid, parent is not None, pos, days) for cid, parent, pos, days in query.tuples()]


def grade_cadences(scheme_key: str) -> list[tuple[int, int | None, str, int | None]]:
    """(category id, parent id, name, visit days) of a scheme's categories, in tree order
    by position (the caller nests them)."""
    query = (
        Category.select(Category.id, Category.parent, Category.name, Category.visit_days)
        .join(Scheme, on=(Scheme.id == Category.scheme))
        .where(Scheme.key == scheme_key)
        .order_by(Category.position, Category.id)
    )
    return list(query.tuples())


def set_visit_days(category_id: int, days: int | None) -> int:
    return Category.update(visit_days=days).where(Category.id == category_id).execute()


def set_birthday_lunar(person_id: int, lunar: bool) -> int:
    return KeyPerson.update(birthday_lunar=lunar).where(KeyPerson.id == person_id).execute()
