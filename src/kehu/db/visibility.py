"""The one visibility query builder: every list, search, count, export and print of customers
goes through `visible_customers` (or filters with `owner_filter`).

salesperson: own customers; manager: own and subordinates', recursively; admin: all.
"""

from __future__ import annotations

from peewee import Expression, ModelSelect

from kehu.db.models import Customer, User


def subordinate_ids(user: User) -> set[int]:
    """The user and everyone below them in the manager hierarchy (cycles are harmless)."""
    children: dict[int, list[int]] = {}
    for uid, manager_id in User.select(User.id, User.manager).tuples():
        if manager_id is not None:
            children.setdefault(manager_id, []).append(uid)
    found, todo = {user.id}, [user.id]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def visible_owner_ids(viewer: User) -> set[int] | None:
    """None means all customers."""
    if viewer.role == "admin":
        return None
    if viewer.role == "manager":
        return subordinate_ids(viewer)
    return {viewer.id}


def owner_filter(viewer: User, column=Customer.owner) -> Expression | None:
    ids = visible_owner_ids(viewer)
    if ids is None:
        return None
    if len(ids) == 1:
        return column == next(iter(ids))
    return column.in_(sorted(ids))


def visible_customers(
    viewer: User, *fields, include_archived: bool = False, query: ModelSelect | None = None
) -> ModelSelect:
    query = query if query is not None else Customer.select(*fields)
    condition = owner_filter(viewer)
    if condition is not None:
        query = query.where(condition)
    if not include_archived:
        query = query.where(Customer.status == "active")
    return query


def can_see(viewer: User, customer: Customer) -> bool:
    ids = visible_owner_ids(viewer)
    return ids is None or customer.owner_id in ids
