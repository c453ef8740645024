"""The rows a merge of two customers moves, and the merge records (`customer_merge`).

A merge moves the merged customer's key persons, visits, sale lines, route stop and the
categories of schemes the kept customer has none in; every id moved is returned so that the
undo can move exactly those back. Run inside the caller's write transaction.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import JOIN, fn

from kehu.db.models import (
    Customer,
    CustomerCategory,
    CustomerMerge,
    KeyPerson,
    RouteStop,
    SaleLine,
    User,
    Visit,
    now,
)


def move_children(source: int, target: int) -> dict[str, Any]:
    """Move the children of customer `source` to `target`; returns what moved (plain data)."""
    offset = (
        KeyPerson.select(fn.MAX(KeyPerson.position)).where(KeyPerson.customer == target).scalar()
    )
    offset = -1 if offset is None else offset
    persons = [
        (pid, position)
        for pid, position in KeyPerson.select(KeyPerson.id, KeyPerson.position)
        .where(KeyPerson.customer == source)
        .order_by(KeyPerson.position, KeyPerson.id)
        .tuples()
    ]
    for n, (pid, _position) in enumerate(persons, 1):
        KeyPerson.update(customer=target, position=offset + n).where(KeyPerson.id == pid).execute()
    visits = [v for (v,) in Visit.select(Visit.id).where(Visit.customer == source).tuples()]
    Visit.update(customer=target).where(Visit.customer == source).execute()
    sales = [s for (s,) in SaleLine.select(SaleLine.id).where(SaleLine.customer == source).tuples()]
    SaleLine.update(customer=target).where(SaleLine.customer == source).execute()
    stop = None
    if not RouteStop.select().where(RouteStop.customer == target).exists():
        found = RouteStop.get_or_none(RouteStop.customer == source)
        if found is not None:
            stop = found.id
            RouteStop.update(customer=target).where(RouteStop.id == found.id).execute()
    taken = {
        s
        for (s,) in CustomerCategory.select(CustomerCategory.scheme)
        .where(CustomerCategory.customer == target)
        .tuples()
    }
    categories = [
        (scheme, category)
        for scheme, category in CustomerCategory.select(
            CustomerCategory.scheme, CustomerCategory.category
        )
        .where(CustomerCategory.customer == source)
        .tuples()
        if scheme not in taken
    ]
    for scheme, category in categories:
        CustomerCategory.delete().where(
            CustomerCategory.customer == source, CustomerCategory.scheme == scheme
        ).execute()
        CustomerCategory.insert(customer=target, scheme=scheme, category=category).execute()
    return {
        "persons": persons,
        "visits": visits,
        "sales": sales,
        "stop": stop,
        "categories": categories,
    }


def move_back(moved: dict[str, Any], source: int, target: int) -> None:
    """Undo `move_children(source, target)`: what still belongs to `target` goes back."""
    for pid, position in moved["persons"]:
        KeyPerson.update(customer=source, position=position).where(
            KeyPerson.id == pid, KeyPerson.customer == target
        ).execute()
    for start in range(0, len(moved["visits"]), 500):
        chunk = moved["visits"][start : start + 500]
        Visit.update(customer=source).where(Visit.id.in_(chunk), Visit.customer == target).execute()
    for start in range(0, len(moved["sales"]), 500):
        chunk = moved["sales"][start : start + 500]
        SaleLine.update(customer=source).where(
            SaleLine.id.in_(chunk), SaleLine.customer == target
        ).execute()
    if moved["stop"] is not None:
        RouteStop.update(customer=source).where(
            RouteStop.id == moved["stop"], RouteStop.customer == target
        ).execute()
    for scheme, category in moved["categories"]:
        deleted = (
            CustomerCategory.delete()
            .where(
                CustomerCategory.customer == target,
                CustomerCategory.scheme == scheme,
                CustomerCategory.category == category,
            )
            .execute()
        )
        if deleted:
            CustomerCategory.insert(customer=source, scheme=scheme, category=category).execute()


def record(kept: int, merged: int, user: User | None, before: dict[str, Any]) -> int:
    return CustomerMerge.insert(
        kept=kept, merged=merged, user=user, before=json.dumps(before, ensure_ascii=False)
    ).execute()


def get(merge_id: int) -> CustomerMerge | None:
    return CustomerMerge.get_or_none(CustomerMerge.id == merge_id)


def mark_undone(merge_id: int, user: User | None) -> None:
    CustomerMerge.update(undone_at=now(), undone_by=user).where(
        CustomerMerge.id == merge_id
    ).execute()


def merged_into(customer_id: int) -> int | None:
    """The customer this (archived) one was merged into, if a merge still stands."""
    return (
        CustomerMerge.select(CustomerMerge.kept)
        .where(CustomerMerge.merged == customer_id, CustomerMerge.undone_at.is_null())
        .order_by(CustomerMerge.id.desc())
        .scalar()
    )


def standing_merge_of(customer_id: int) -> tuple[int, int] | None:
    """(merge id, kept customer id) of the merge that still stands for this merged customer."""
    return (
        CustomerMerge.select(CustomerMerge.id, CustomerMerge.kept)
        .where(CustomerMerge.merged == customer_id, CustomerMerge.undone_at.is_null())
        .order_by(CustomerMerge.id.desc())
        .tuples()
        .first()
    )


def merged_here(customer_id: int) -> list[int]:
    """The (archived) customers merged into this one by merges that still stand."""
    query = (
        CustomerMerge.select(CustomerMerge.merged)
        .where(CustomerMerge.kept == customer_id, CustomerMerge.undone_at.is_null())
        .order_by(CustomerMerge.id)
    )
    return [cid for (cid,) in query.tuples()]


def recent(owners: set[int] | None, limit: int = 100) -> list[tuple]:
    """(merge id, merged at, kept code, kept name, merged code, merged name, user, undone at)
    of the latest merges whose kept customer belongs to `owners` (None: all)."""
    Kept, Merged = Customer.alias(), Customer.alias()
    query = (
        CustomerMerge.select(
            CustomerMerge.id,
            CustomerMerge.merged_at,
            Kept.code,
            Kept.name,
            Merged.code,
            Merged.name,
            User.display_name,
            CustomerMerge.undone_at,
        )
        .join(Kept, on=(CustomerMerge.kept == Kept.id))
        .switch(CustomerMerge)
        .join(Merged, on=(CustomerMerge.merged == Merged.id))
        .switch(CustomerMerge)
        .join(User, JOIN.LEFT_OUTER, on=(CustomerMerge.user == User.id))
        .order_by(CustomerMerge.id.desc())
        .limit(limit)
    )
    if owners is not None:
        query = query.where(Kept.owner.in_(sorted(owners)))
    return list(query.tuples())
