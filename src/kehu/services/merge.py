"""Merging a duplicate customer into the one kept, reviewed field by field, and undoing it.

`plan` compares the two dossiers: per catalogue field both values and the default choice (the
filled value; when both are filled and differ, the one of the dossier saved last). `merge`
applies the choices to the kept dossier (its history records old → new), writes the losing
values into the kept dossier's history (`merged.<field>`), moves key persons, visits, sale
lines, the route stop and the categories of schemes the kept one lacks, archives the merged
dossier and links it to the kept one (`customer_merge`). `undo` reverses all of that as a whole:
fields changed by someone since the merge keep their newer values and are reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from kehu.core.fields import ACTIVE, CUSTOMER_FIELDS
from kehu.core.i18n import N_, UserError
from kehu.core.values import to_text
from kehu.db import completeness, merges, search_index
from kehu.db.connection import write
from kehu.db.models import Customer, FieldChange, User
from kehu.db.visibility import can_see, visible_owner_ids
from kehu.services import access, audit, dossiers
from kehu.services.access import Action

KEEP, OTHER = "keep", "other"
MERGED_PREFIX = "merged."  # history entries of the values that lost
_FIELDS = tuple(f for f in CUSTOMER_FIELDS if f.name != "code")


class MergeError(UserError):
    """A merge or undo that cannot be done as asked (the message says why)."""


@dataclass(frozen=True)
class FieldChoice:
    name: str
    keep_value: Any
    other_value: Any
    default: str  # KEEP or OTHER

    @property
    def differs(self) -> bool:
        return _filled(self.other_value) and self.keep_value != self.other_value


@dataclass(frozen=True)
class MergePlan:
    keep: dossiers.Dossier
    other: dossiers.Dossier
    fields: tuple[FieldChoice, ...]
    persons: int  # key persons of the other that move
    visits: int
    sales: int


def _filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def check_may_merge(user: User, kept: Customer, merged: Customer) -> None:
    """The one call site of the merge right (the rights matrix): the user must see both, may
    edit the kept customer and edit and archive the merged one."""
    for row in (kept, merged):
        if not can_see(user, row):
            raise dossiers.NotAllowedError(row.id)
    access.require_on_customer(user, Action.EDIT, kept)
    access.require_on_customer(user, Action.EDIT, merged)
    access.require_on_customer(user, Action.ARCHIVE, merged)


def plan(keep_id: int, other_id: int, user: User) -> MergePlan:
    if keep_id == other_id:
        raise MergeError(N_("A customer cannot be merged with itself."))
    keep, other = dossiers.load(keep_id, viewer=user), dossiers.load(other_id, viewer=user)
    check_may_merge(user, Customer.get_by_id(keep_id), Customer.get_by_id(other_id))
    if keep.status != ACTIVE or other.status != ACTIVE:
        raise MergeError(N_("Only active customers can be merged."))
    newer_other = (other.updated_at or "") > (keep.updated_at or "")
    choices = []
    for f in _FIELDS:
        kv, ov = keep.values.get(f.name), other.values.get(f.name)
        if (
            not _filled(kv)
            and _filled(ov)
            or _filled(kv)
            and _filled(ov)
            and kv != ov
            and newer_other
        ):
            default = OTHER
        else:
            default = KEEP
        choices.append(FieldChoice(f.name, kv, ov, default))
    counts = dossiers_counts(other_id)
    return MergePlan(keep, other, tuple(choices), *counts)


def dossiers_counts(customer_id: int) -> tuple[int, int, int]:
    from kehu.db.models import KeyPerson, SaleLine, Visit

    return (
        KeyPerson.select().where(KeyPerson.customer == customer_id).count(),
        Visit.select().where(Visit.customer == customer_id).count(),
        SaleLine.select().where(SaleLine.customer == customer_id).count(),
    )


def merge(the_plan: MergePlan, choices: dict[str, str], user: User) -> int:
    """Apply the merge; `choices` maps field names to KEEP or OTHER (missing: the default).
    Returns the merge's id. Raises ConflictError when either dossier changed since the plan."""
    keep, other = the_plan.keep, the_plan.other
    db = Customer._meta.database

    def run() -> int:
        rows = [Customer.get_or_none(Customer.id == c.id) for c in (keep, other)]
        if None in rows:
            raise dossiers.NotFoundError(keep.id if rows[0] is None else other.id)
        check_may_merge(user, *rows)
        if rows[1].version != other.version or rows[1].status != ACTIVE:
            raise MergeError(
                N_("The other customer was changed meanwhile: review the merge again.")
            )
        taken, lost = {}, {}
        for choice in the_plan.fields:
            wanted = choices.get(choice.name, choice.default)
            if wanted == OTHER and choice.keep_value != choice.other_value:
                taken[choice.name] = choice.other_value
            elif choice.differs:
                lost[choice.name] = choice.other_value
        saved = dossiers.save(keep, taken, user) if taken else dossiers.load(keep.id)
        for name, value in lost.items():
            FieldChange.create(
                customer=keep.id,
                version=saved.version,
                field=MERGED_PREFIX + name,
                old_value=to_text(value),
                new_value=to_text(saved.values.get(name)),
                user=user,
            )
        moved = merges.move_children(other.id, keep.id)
        FieldChange.create(
            customer=keep.id, version=saved.version, field="merge", new_value=other.code, user=user
        )
        dossiers.archive(other.id, user)
        before = {
            "fields": {name: to_text(keep.values.get(name)) for name in taken},
            "merged_values": {name: to_text(value) for name, value in taken.items()},
            **moved,
        }
        merge_id = merges.record(keep.id, other.id, user, before)
        search_index.refresh([keep.id, other.id])
        completeness.refresh([keep.id, other.id])
        audit.record(
            user,
            "merge",
            "customer",
            keep.id,
            f"{other.code} → {keep.code}",
            merge=merge_id,
            fields=sorted(taken),
            persons=len(moved["persons"]),
            visits=len(moved["visits"]),
            sales=len(moved["sales"]),
        )
        return merge_id

    return write(db, run)


@dataclass(frozen=True)
class Undone:
    kept_id: int
    merged_id: int
    kept_newer: tuple[str, ...]  # fields changed after the merge: their newer values stay


def undo(merge_id: int, user: User) -> Undone:
    """Undo a merge as a whole: the merged customer active again with what was moved."""
    db = Customer._meta.database

    def run() -> Undone:
        row = merges.get(merge_id)
        if row is None:
            raise MergeError(N_("This merge does not exist."))
        if row.undone_at is not None:
            raise MergeError(N_("This merge was already undone."))
        kept = Customer.get_or_none(Customer.id == row.kept_id)
        merged = Customer.get_or_none(Customer.id == row.merged_id)
        if kept is None or merged is None:
            raise MergeError(N_("A customer of this merge was erased: it cannot be undone."))
        check_may_merge(user, kept, merged)
        before = json.loads(row.before)
        current = dossiers.load(kept.id)
        restore, newer = {}, []
        for name, old in before.get("fields", {}).items():
            if to_text(current.values.get(name)) == before["merged_values"].get(name):
                restore[name] = _parsed(name, old)
            else:
                newer.append(name)
        if restore:
            current = dossiers.save(current, restore, user)
        merges.move_back(
            {k: before.get(k) for k in ("persons", "visits", "sales", "stop", "categories")},
            merged.id,
            kept.id,
        )
        FieldChange.create(
            customer=kept.id,
            version=current.version,
            field="unmerge",
            old_value=merged.code,
            user=user,
        )
        dossiers.restore(merged.id, user)
        merges.mark_undone(merge_id, user)
        search_index.refresh([kept.id, merged.id])
        completeness.refresh([kept.id, merged.id])
        audit.record(
            user, "undo merge", "customer", kept.id, f"{merged.code} ← {kept.code}", merge=merge_id
        )
        return Undone(kept.id, merged.id, tuple(newer))

    return write(db, run)


def _parsed(name: str, text: str | None) -> Any:
    from kehu.core.fields import customer_field
    from kehu.core.values import to_python

    return None if text in (None, "") else to_python(customer_field(name), text)


def recent(user: User, limit: int = 100) -> list[dict[str, Any]]:
    """The latest merges of customers the user may see, newest first."""
    keys = ("id", "at", "kept_code", "kept_name", "merged_code", "merged_name", "user", "undone")
    return [dict(zip(keys, row, strict=True)) for row in merges.recent(visible_owner_ids(user))]


def merged_into(customer_id: int) -> int | None:
    return merges.merged_into(customer_id)


@dataclass(frozen=True)
class MergeLink:
    """Another customer a card points to: the one it was merged into, or one merged into it.
    Without the right to see it, only its owner's name is told (whom to ask)."""

    customer_id: int
    code: str
    name: str
    visible: bool
    owner: str
    merge_id: int | None = None  # the merge into it (on the merged-away card)
    may_undo: bool = False  # the viewer may undo that merge from the card


def merge_links(customer_id: int, viewer: User) -> tuple[MergeLink | None, list[MergeLink]]:
    """(the customer this one was merged into, the customers merged into this one)."""
    standing = merges.standing_merge_of(customer_id)
    into = None
    if standing is not None:
        merge_id, kept = standing
        into = _link(kept, viewer)
        if into is not None:
            into = replace(into, merge_id=merge_id, may_undo=_may_undo(viewer, kept, customer_id))
    here = [link for cid in merges.merged_here(customer_id) if (link := _link(cid, viewer))]
    return into, here


def _may_undo(viewer: User, kept_id: int, merged_id: int) -> bool:
    kept = Customer.get_or_none(Customer.id == kept_id)
    merged = Customer.get_or_none(Customer.id == merged_id)
    if kept is None or merged is None:
        return False
    try:
        check_may_merge(viewer, kept, merged)
    except (UserError, dossiers.NotAllowedError):
        return False
    return True


def _link(customer_id: int, viewer: User) -> MergeLink | None:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        return None
    owner = User.get_or_none(User.id == row.owner_id) if row.owner_id else None
    owner_name = owner.display_name if owner else ""
    if can_see(viewer, row):
        return MergeLink(row.id, row.code, row.name, True, owner_name)
    return MergeLink(row.id, "", "", False, owner_name)
