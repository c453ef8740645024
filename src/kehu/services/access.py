"""Rights checks of the services: the matrix of `kehu.core.rights`, applied to stored records.

A service calls one of these before it acts; each raises `rights.Refused` (nothing done,
the reason in the user's language) or returns quietly. Where the record lies as seen from the
user (own or shared, a subordinate's, anyone's) comes from `kehu.db.visibility.relation`.
"""

from __future__ import annotations

from kehu.core import rights
from kehu.core.rights import Action, Refused, Scope
from kehu.db import shares
from kehu.db.models import Customer, User
from kehu.db.visibility import relation, subordinate_ids

__all__ = ["Action", "Refused", "Scope", "require", "require_on_customer", "customer_relation"]


def require(user: User | None, action: Action, owner_id: int | None = None, **details) -> None:
    """`user` may do `action` (on a record of `owner_id`, when given)."""
    within = Scope.OWN if owner_id is None or user is None else relation(user, owner_id)
    rights.check(user, action, within, **details)


def customer_relation(user: User, customer: Customer, action: Action) -> Scope:
    """Where `customer` lies for `user` doing `action`: a customer shared with the user counts
    as their own (to view; to change too when shared for editing)."""
    within = relation(user, customer.owner_id)
    if within is not Scope.OWN and shares.shared_with(customer.id, user.id, action):
        return Scope.OWN
    return within


def require_on_customer(user: User | None, action: Action, customer: Customer) -> None:
    """`user` may do `action` on `customer` (its owner, team and shares considered)."""
    if user is None:
        rights.check(None, action)
        return
    rights.check(user, action, customer_relation(user, customer, action))


def require_on_customers(user: User | None, action: Action, customer_ids: list[int]) -> None:
    """`user` may do `action` on every one of `customer_ids` (the first refusal is raised)."""
    rights.check(user, action)
    assert user is not None
    if rights.scope(user, action) is Scope.ALL:
        return
    ids = list(customer_ids)
    team = subordinate_ids(user)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        rows = Customer.select(Customer.id, Customer.owner).where(Customer.id.in_(chunk)).tuples()
        for cid, owner in rows:
            within = Scope.OWN if owner == user.id else Scope.TEAM if owner in team else Scope.ALL
            if rights.allowed(user, action, within):
                continue
            if not shares.shared_with(cid, user.id, action):
                rights.check(user, action, within)
