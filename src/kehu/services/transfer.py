"""Owner transfer and sharing (一键转换负责人 / 一键共享客户): so that no customer is lost when a
salesperson leaves.

A transfer gives customers (chosen, or all of one user's) to another user in one transaction:
each gets a new version and a history entry, the batch one audit entry. Their route stops
follow them: a route of the old owner whose stops all move goes to the new owner whole;
otherwise the moving stops go to the new owner's route of the same name (made if needed).
Planned visit dates belong to the customer and so move with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehu.core.i18n import N_, UserError
from kehu.core.jobs import Job, no_job
from kehu.core.rights import Action, Scope, check, scope
from kehu.db import ownership, shares
from kehu.db.connection import write
from kehu.db.models import Customer, User, now
from kehu.db.visibility import relation
from kehu.services import access, audit

STAGE = N_("Transferring customers")


class TransferError(UserError):
    """A transfer or share that cannot be done as asked (nothing changed)."""


@dataclass
class Transferred:
    customers: int
    routes_given: int
    stops_moved: int


def _check_target(by: User, to: User, action: Action) -> None:
    if not to.active:
        raise TransferError(N_("{user} is disabled: choose an active user."), user=to.display_name)
    check(by, action, relation(by, to.id))


def transfer(
    customer_ids: list[int] | None,
    to: User,
    by: User,
    *,
    from_user: User | None = None,
    job: Job | None = None,
) -> Transferred:
    """Give `customer_ids` (None: all of `from_user`'s) to `to`. Refused, nothing changes."""
    job = job or no_job()
    check(by, Action.TRANSFER_OWNER)
    _check_target(by, to, Action.TRANSFER_OWNER)
    if customer_ids is None:
        if from_user is None:
            raise TransferError(N_("Choose customers, or the user whose customers move."))
        check(by, Action.TRANSFER_OWNER, relation(by, from_user.id))
    job.stage(STAGE, 1)

    def run() -> Transferred:
        names = dict(User.select(User.id, User.display_name).tuples())
        if customer_ids is None:
            assert from_user is not None
            mine = ownership.customers_of(from_user.id) if from_user.id != to.id else []
            moved = ownership.set_owner_of_all(from_user.id, names, to.id, by.id, now())
            by_owner = {from_user.id: mine}
        else:
            before = ownership.owners_and_versions(list(dict.fromkeys(customer_ids)))
            if len(before) != len(set(customer_ids)):
                raise TransferError(N_("Some of these customers were erased; nothing was changed."))
            before = {cid: ov for cid, ov in before.items() if ov[0] != to.id}
            if scope(by, Action.TRANSFER_OWNER) is not Scope.ALL:
                for owner in {ov[0] for ov in before.values()}:
                    check(by, Action.TRANSFER_OWNER, relation(by, owner) if owner else Scope.ALL)
            moved = ownership.set_owner(before, names, to.id, by.id, now())
            by_owner = {}
            for cid, (owner, _version) in before.items():
                if owner is not None:
                    by_owner.setdefault(owner, []).append(cid)
        given = stops = 0
        for owner, mine in by_owner.items():
            for route_id, (moving, total) in ownership.routes_holding(mine, owner).items():
                if moving == total:
                    ownership.give_route(route_id, to.id)
                    given += 1
                else:
                    twin = ownership.copy_route(route_id, to.id)
                    stops += ownership.move_stops(route_id, mine, twin)
        audit.record(
            by,
            "transfer",
            "user",
            to.id,
            to.display_name,
            customers=moved,
            from_user=from_user.id if from_user else None,
            owners=sorted(by_owner),
            routes=given,
            stops=stops,
        )
        return Transferred(moved, given, stops)

    done = write(Customer._meta.database, run)
    job.progress(1, 1, STAGE)
    return done


def share(customer_ids: list[int], with_user: User, can_edit: bool, by: User) -> int:
    """Share customers with a colleague (to read, or read and edit); returns how many."""
    access.require_on_customers(by, Action.SHARE, customer_ids)
    if not with_user.active:
        raise TransferError(
            N_("{user} is disabled: choose an active user."), user=with_user.display_name
        )

    def run() -> int:
        owned = {
            cid
            for (cid,) in Customer.select(Customer.id)
            .where(Customer.id.in_(customer_ids), Customer.owner == with_user.id)
            .tuples()
        }
        ids = [cid for cid in customer_ids if cid not in owned]
        count = shares.share(ids, with_user.id, can_edit, by)
        audit.record(
            by,
            "share",
            "user",
            with_user.id,
            with_user.display_name,
            customers=count,
            can_edit=can_edit,
            ids=ids[:1000],
        )
        return count

    return write(Customer._meta.database, run)


def unshare(customer_ids: list[int], with_user: User, by: User) -> int:
    """Take a share back; returns how many shares ended."""
    access.require_on_customers(by, Action.SHARE, customer_ids)

    def run() -> int:
        count = shares.unshare(customer_ids, with_user.id)
        audit.record(by, "unshare", "user", with_user.id, with_user.display_name, customers=count)
        return count

    return write(Customer._meta.database, run)
