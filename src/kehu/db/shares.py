"""Customers shared with colleagues (一键共享客户): who may read, or read and edit, whose customer."""

from __future__ import annotations

from collections.abc import Iterable

from kehu.core.rights import Action
from kehu.db.models import CustomerShare, User, now

# What a share to read allows; a share to edit allows every customer action the user's role has.
READ_ACTIONS = frozenset({Action.VIEW, Action.EXPORT_LIST, Action.EXPORT_CARDS, Action.ANALYSIS})


def shared_with(customer_id: int, user_id: int, action: Action) -> bool:
    """Whether `customer_id` is shared with `user_id` in a way that allows `action`."""
    share = CustomerShare.get_or_none(
        CustomerShare.customer == customer_id, CustomerShare.user == user_id
    )
    if share is None:
        return False
    return bool(share.can_edit) or Action(action) in READ_ACTIONS


def has_shares(user_id: int) -> bool:
    return CustomerShare.select().where(CustomerShare.user == user_id).exists()


def shared_ids_query(user_id: int):
    """The ids of the customers shared with `user_id` (a subquery)."""
    return CustomerShare.select(CustomerShare.customer).where(CustomerShare.user == user_id)


def share(customer_ids: Iterable[int], user_id: int, can_edit: bool, by: User) -> int:
    """Share (or change the share of) `customer_ids` with `user_id`; returns how many."""
    stamp = now()
    rows = [
        {
            "customer": cid,
            "user": user_id,
            "can_edit": can_edit,
            "shared_by": by.id,
            "shared_at": stamp,
        }
        for cid in customer_ids
    ]
    for start in range(0, len(rows), 200):
        CustomerShare.insert_many(rows[start : start + 200]).on_conflict(
            conflict_target=[CustomerShare.customer, CustomerShare.user],
            update={CustomerShare.can_edit: can_edit, CustomerShare.shared_at: stamp},
        ).execute()
    return len(rows)


def unshare(customer_ids: Iterable[int], user_id: int) -> int:
    ids = list(customer_ids)
    done = 0
    for start in range(0, len(ids), 500):
        done += (
            CustomerShare.delete()
            .where(
                CustomerShare.customer.in_(ids[start : start + 500]), CustomerShare.user == user_id
            )
            .execute()
        )
    return done


def shares_of(customer_id: int) -> list[tuple[int, str, bool]]:
    """(user id, display name, can edit) of everyone `customer_id` is shared with."""
    query = (
        CustomerShare.select(CustomerShare.user, User.display_name, CustomerShare.can_edit)
        .join(User, on=(CustomerShare.user == User.id))
        .where(CustomerShare.customer == customer_id)
        .order_by(User.display_name)
        .tuples()
    )
    return [(uid, name, bool(edit)) for uid, name, edit in query]
