"""User actions of the office: transfer chosen customers to another owner, share a customer
with a colleague and take the share back, erase a customer or a key person (a privacy
request). Each calls the service, which checks the rights matrix and audits; each returns
what changed (run them with `kehu.ui.operations.perform`)."""

from __future__ import annotations

from kehu.core.changes import Changes, Outcome
from kehu.core.jobs import Job
from kehu.db.models import User
from kehu.services import dossiers, privacy, transfer


def transfer_customers(
    by: User, ids: list[int], to: User, job: Job | None = None
) -> Outcome[transfer.Transferred]:
    """Give the chosen customers to `to` (their route stops follow); one audit entry."""
    done = transfer.transfer(list(ids), to, by, job=job)
    return Outcome(done, Changes.of_customers(ids) | Changes(routes=True, classification=True))


def share(by: User, ids: list[int], colleague: User, can_edit: bool) -> Outcome[int]:
    count = transfer.share(list(ids), colleague, can_edit, by)
    return Outcome(count, Changes.of_customers(ids))


def unshare(by: User, ids: list[int], colleague: User) -> Outcome[int]:
    count = transfer.unshare(list(ids), colleague, by)
    return Outcome(count, Changes.of_customers(ids))


def erase_customer(by: User, customer_id: int, reason: str) -> Changes:
    """Erase a customer for good (administrators, with a reason; audited)."""
    dossiers.erase(customer_id, by, reason)
    return Changes.everything()  # the list, the trees' counts, routes and reports


def erase_person(by: User, customer_id: int, person_id: int, reason: str) -> Outcome[int]:
    """Erase a key person and the history of their values (administrators; audited)."""
    gone = privacy.erase_person(person_id, by, reason)
    return Outcome(gone, Changes.of_customers([customer_id]))


__all__ = ["erase_customer", "erase_person", "share", "transfer_customers", "unshare"]
