"""What the window shows around sharing and transferring: whom a customer is shared with,
the colleagues to choose from, and whether the user may act on one customer (the window
greys out what `services.transfer` and `services.privacy` would refuse, by the same matrix)."""

from __future__ import annotations

from dataclasses import dataclass

from kehu.core import rights
from kehu.core.rights import Action
from kehu.db import shares
from kehu.db.models import Customer, User
from kehu.db.visibility import relation
from kehu.services import access


@dataclass(frozen=True)
class Share:
    user_id: int
    display_name: str
    can_edit: bool


def _customer(customer_id: int) -> Customer:
    found = Customer.get_or_none(Customer.id == customer_id)
    if found is None:
        from kehu.core.dossier import NotFoundError

        raise NotFoundError(customer_id)
    return found


def shares_of(customer_id: int, by: User) -> list[Share]:
    """Everyone `customer_id` is shared with (for a user who may see the customer)."""
    access.require_on_customer(by, Action.VIEW, _customer(customer_id))
    return [Share(uid, name, edit) for uid, name, edit in shares.shares_of(customer_id)]


def colleagues(by: User) -> list[User]:
    """The active users other than `by`, by display name: whom to share or transfer to."""
    query = User.select().where(User.active == True, User.id != by.id)  # noqa: E712
    return list(query.order_by(User.display_name))


def transfer_targets(by: User) -> list[User]:
    """The colleagues `by` may give customers to (a manager: within the team)."""
    return [
        u for u in colleagues(by) if rights.allowed(by, Action.TRANSFER_OWNER, relation(by, u.id))
    ]


def may(by: User | None, action: Action, customer_id: int | None = None) -> bool:
    """Whether `by` may do `action` (on `customer_id`, when given) — the service's own check."""
    if customer_id is None or by is None:
        return rights.allowed(by, action)
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        return False
    return rights.allowed(by, action, access.customer_relation(by, customer, action))
