"""The one visibility query builder: every list, search, count, export and print of customers
goes through `visible_customers` (or filters with `owner_filter`).

How far a user sees is the `view` row of the rights matrix (`kehu.core.rights`): today a
salesperson sees their own customers, a manager their own and their subordinates' (at any
depth), an administrator all. `relation` tells where one record lies as seen from a user, the
`within` that `rights.check` compares with the matrix.
"""

from __future__ import annotations

from peewee import SQL, Expression, ModelSelect

from kehu.core.rights import Action, Scope, scope
from kehu.db import shares
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


def owner_ids_within(viewer: User, action: Action) -> set[int] | None:
    """The owners whose records `viewer` may `action` by the matrix (None: everyone's)."""
    reach = scope(viewer, action)
    if reach is Scope.ALL:
        return None
    if reach is Scope.TEAM:
        return subordinate_ids(viewer)
    if reach is Scope.OWN:
        return {viewer.id}
    return set()


def visible_owner_ids(viewer: User) -> set[int] | None:
    """None means all customers."""
    return owner_ids_within(viewer, Action.VIEW)


def relation(viewer: User, owner_id: int | None) -> Scope:
    """Where a record owned by `owner_id` lies as seen from `viewer`: OWN (theirs), TEAM (a
    subordinate's, at any depth), ALL (anyone else's, or nobody's)."""
    if owner_id is not None and owner_id == viewer.id:
        return Scope.OWN
    if owner_id is not None and owner_id in subordinate_ids(viewer):
        return Scope.TEAM
    return Scope.ALL


def owner_filter(viewer: User, column=Customer.owner) -> Expression | None:
    """The condition on customers that `viewer` sees: by owner, plus those shared with them."""
    ids = visible_owner_ids(viewer)
    if ids is None:
        return None
    condition = column == next(iter(ids)) if len(ids) == 1 else column.in_(sorted(ids))
    if ids and column is Customer.owner and shares.has_shares(viewer.id):
        condition = condition | Customer.id.in_(shares.shared_ids_query(viewer.id))
    return condition


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
    if ids is None or customer.owner_id in ids:
        return True
    return bool(ids) and shares.shared_with(customer.id, viewer.id, Action.VIEW)


def visible_of(viewer: User, customer_ids: list[int], include_archived: bool = True) -> set[int]:
    """Which of `customer_ids` (a chunk of at most a few ten thousand) the viewer may see.

    The ids go in as literal integers: one SQL node instead of 10,000 parameters to build (the
    query builder spent longer on those than SQLite on the query)."""
    if not customer_ids:
        return set()
    listed = SQL(f"({', '.join(str(int(cid)) for cid in customer_ids)})")
    query = visible_customers(viewer, Customer.id, include_archived=include_archived).where(
        Customer.id.in_(listed)
    )
    return {cid for (cid,) in Customer._meta.database.execute_sql(*query.sql())}
