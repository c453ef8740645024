"""Dossiers (客户档案): create, load, save with optimistic locking, archive, restore, erase.

A save sends the version the user started from. If someone else saved in between, nothing is
written and `ConflictError` carries, field by field, the value the user started from, the other
user's value and the user's own; the conflict dialog resolves it and saves again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN

from kehu.core import rights, sensitivity
from kehu.core.dossier import (  # noqa: F401 - the service's record and errors, re-exported
    ConflictError,
    Dossier,
    FieldConflict,
    NotAllowedError,
    NotFoundError,
    ValidationFailed,
)
from kehu.core.fields import (
    ACTIVE,
    ARCHIVED,
    CUSTOMER_FIELDS,
    PERSON_FIELDS,
    FieldDef,
    customer_code,
)
from kehu.core.rights import Action
from kehu.core.validation import check_values
from kehu.core.values import from_db, to_db, to_python, to_text
from kehu.db import completeness, dossier_writes, erasure, search_index
from kehu.db.bulk import last_customer_id
from kehu.db.connection import write
from kehu.db.models import Customer, CustomerCategory, FieldChange, KeyPerson, User, now
from kehu.db.visibility import can_see
from kehu.services import access, audit

logger = logging.getLogger(__name__)

PERSON_KEY = "persons"
_PERSON_BY_NAME = {f.name: f for f in PERSON_FIELDS}


_FIELDS = {f.name: f for f in CUSTOMER_FIELDS if f.name != "code"}


def _row_values(row: Customer) -> dict[str, Any]:
    return {name: from_db(f, getattr(row, name)) for name, f in _FIELDS.items()}


def _person_values(person: KeyPerson) -> dict[str, Any]:
    values = {f.name: from_db(f, getattr(person, f.name)) for f in PERSON_FIELDS}
    values["id"] = person.id
    return values


def load(customer_id: int, viewer: User | None = None) -> Dossier:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(customer_id)
    if viewer is not None and not can_see(viewer, row):
        raise NotAllowedError(customer_id)
    persons = [
        _person_values(p)
        for p in KeyPerson.select()
        .where(KeyPerson.customer == customer_id)
        .order_by(KeyPerson.position, KeyPerson.id)
    ]
    updater = User.get_or_none(User.id == row.updated_by_id) if row.updated_by_id else None
    return Dossier(
        id=row.id,
        code=row.code,
        version=row.version,
        values=_row_values(row),
        persons=persons,
        owner_id=row.owner_id,
        status=row.status,
        custom=json.loads(row.custom_fields or "{}"),
        updated_by=updater.display_name if updater else None,
        updated_at=row.updated_at,
    )


def parse_values(
    raw: dict[str, Any], catalogue: tuple[FieldDef, ...] = CUSTOMER_FIELDS
) -> dict[str, Any]:
    """Validate and parse user input; raises ValidationFailed when any error is found."""
    issues = [i for i in check_values(catalogue, raw) if i.is_error]
    if issues:
        raise ValidationFailed(issues)
    by_name = {f.name: f for f in catalogue}
    return {name: to_python(by_name[name], value) for name, value in raw.items() if name in by_name}


def _next_code() -> str:
    number = last_customer_id() + 1
    while Customer.select().where(Customer.code == customer_code(number)).exists():
        number += 1
    return customer_code(number)


def create(
    values: dict[str, Any],
    user: User,
    persons: list[dict[str, Any]] | None = None,
    owner: User | None = None,
    code: str | None = None,
    categories: dict[int, int] | None = None,
) -> int:
    """Create a dossier from parsed values; returns the new customer id."""
    values = {k: v for k, v in values.items() if k in _FIELDS}
    access.require(user, Action.EDIT, (owner or user).id)
    if not values.get("name"):
        raise ValidationFailed([check_values(CUSTOMER_FIELDS, {"name": ""})[0]])

    def run() -> int:
        row = Customer.create(
            code=code or _next_code(),
            owner=owner or user,
            created_by=user,
            updated_by=user,
            source=values.pop("source", None) or "visit",
            review_state=values.pop("review_state", None) or "trusted",
            filed_on=values.pop("filed_on", None) or dt.date.today(),
            **{name: to_db(_FIELDS[name], v) for name, v in values.items()},
        )
        for position, person in enumerate(persons or []):
            _insert_person(row.id, person, position)
        for scheme_id, category_id in (categories or {}).items():
            CustomerCategory.create(customer=row.id, scheme=scheme_id, category=category_id)
        audit.record(user, "create", "customer", row.id, f"{row.code} {row.name}")
        search_index.refresh([row.id])
        completeness.refresh([row.id])
        return row.id

    return write(Customer._meta.database, run)


def _insert_person(customer_id: int, person: dict[str, Any], position: int) -> KeyPerson:
    data = {
        name: to_db(_PERSON_BY_NAME[name], v)
        for name, v in person.items()
        if name in _PERSON_BY_NAME
    }
    return KeyPerson.create(customer=customer_id, position=position, **data)


def _diff(base: Dossier, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {
        name: (base.values.get(name), value)
        for name, value in values.items()
        if name in _FIELDS and value != base.values.get(name)
    }


def _person_diffs(
    base: Dossier, persons: list[dict[str, Any]] | None
) -> list[tuple[int | None, str, Any, Any]]:
    """(person id, field, old, new) for every changed person field; field '*' = added/removed."""
    if persons is None:
        return []
    changes: list[tuple[int | None, str, Any, Any]] = []
    kept = set()
    for person in persons:
        pid = person.get("id")
        old = base.person_by_id(pid) if pid else None
        if old is None:
            changes.append((None, "*", None, person))
            continue
        kept.add(pid)
        for name, value in person.items():
            if name in _PERSON_BY_NAME and value != old.get(name):
                changes.append((pid, name, old.get(name), value))
    for old in base.persons:
        if old["id"] not in kept:
            changes.append((old["id"], "*", old, None))
    return changes


def _conflicts(
    base: Dossier, current: Dossier, values: dict[str, Any], persons: list[dict[str, Any]] | None
) -> list[FieldConflict]:
    found = []
    for name in _FIELDS:
        b, t = base.values.get(name), current.values.get(name)
        m = values.get(name, b)
        if t != b or m != b:
            found.append(FieldConflict(name, b, t, m))
    if persons is not None or current.persons != base.persons:
        for pid, name, old, new in _person_diffs(base, persons):
            theirs_person = current.person_by_id(pid) if pid else None
            theirs = theirs_person.get(name) if theirs_person and name != "*" else theirs_person
            found.append(FieldConflict(f"{PERSON_KEY}.{pid}.{name}", old, theirs, new))
        for pid, name, old, new in _person_diffs(base, current.persons):
            key = f"{PERSON_KEY}.{pid}.{name}"
            if not any(c.field == key for c in found):
                mine = old
                found.append(FieldConflict(key, old, new, mine))
    return found


@dataclass
class DossierUpdate:
    """Changes to one stored dossier, made on top of its `version`.

    `fields`: catalogue name → (old, new) Python values; `person_changes`: (person id, field,
    old, new) as `_person_diffs` gives them ('*' adds or removes a person); `persons`: the full
    new list when the order is given (the card), None to append added persons (the import);
    `categories`: scheme id → category id to set.
    """

    customer_id: int
    version: int
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    person_changes: list[tuple[int | None, str, Any, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] | None = None
    categories: dict[int, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.fields or self.person_changes or self.categories)


def update_dossiers(
    updates: list[DossierUpdate], user: User, batch_id: int | None = None
) -> list[int]:
    """Write each update as one new version with its history rows (the one dossier update).

    Runs in the caller's write transaction (or its own). An update whose stored version is no
    longer `version` is not written: the ids of those are returned, for the caller to raise a
    conflict. History rows go in with one `executemany`; the search keys of the written
    dossiers are refreshed in the same transaction.
    """

    def run() -> list[int]:
        stamp = now()
        stale: list[int] = []
        written: list[int] = []
        history: list[tuple] = []
        for update in updates:
            cid, version = update.customer_id, update.version + 1
            values = {name: to_db(_FIELDS[name], new) for name, (_o, new) in update.fields.items()}
            if not dossier_writes.update_customer(cid, update.version, values, user.id, stamp):
                stale.append(cid)
                continue
            written.append(cid)
            rows = [
                (cid, version, None, name, to_text(old), to_text(new))
                for name, (old, new) in update.fields.items()
            ]
            rows += _apply_person_changes(cid, version, update.persons, update.person_changes)
            history += [(*r, user.id, str(stamp), batch_id) for r in rows]
            for scheme_id, category_id in update.categories.items():
                dossier_writes.set_category(cid, scheme_id, category_id)
        dossier_writes.insert_history(history)
        search_index.refresh(written)
        completeness.refresh(written)
        return stale

    return write(Customer._meta.database, run)


def save(
    base: Dossier, values: dict[str, Any], user: User, persons: list[dict[str, Any]] | None = None
) -> Dossier:
    """Save changes made on top of `base` (parsed values; persons: the full new list or None).

    Raises ConflictError when the stored version is not `base.version`; nothing is written then.
    """
    if base.id is None:
        raise ValueError("use create() for a new dossier")

    def conflict() -> ConflictError:
        current = load(base.id)
        found = _conflicts(base, current, values, persons)
        return ConflictError(base.id, current, found, current.updated_by)

    def run() -> None:
        row = Customer.get_or_none(Customer.id == base.id)
        if row is None:
            raise NotFoundError(base.id)
        if not can_see(user, row):
            raise NotAllowedError(base.id)
        access.require_on_customer(user, Action.EDIT, row)
        if row.version != base.version:
            raise conflict()
        update = DossierUpdate(
            base.id, base.version, _diff(base, values), _person_diffs(base, persons), persons
        )
        if update.empty:
            return
        if update_dossiers([update], user):  # cannot happen inside BEGIN IMMEDIATE
            raise conflict()
        audit.record(
            user,
            "update",
            "customer",
            base.id,
            f"{row.code} {row.name}",
            fields=sorted(update.fields),
            persons=len(update.person_changes),
            version=base.version + 1,
        )

    write(Customer._meta.database, run)
    return load(base.id)


def _apply_person_changes(
    customer_id: int,
    version: int,
    persons: list[dict[str, Any]] | None,
    changes: list[tuple[int | None, str, Any, Any]],
) -> list[tuple]:
    """Apply the person changes; returns their history rows (customer, version, person id,
    field, old, new). Added persons take their place in `persons`, or go last when None."""
    history = []
    appended = dossier_writes.person_count(customer_id) if persons is None else 0
    for pid, name, old, new in changes:
        if name == "*" and new is None:  # removed
            KeyPerson.delete().where(KeyPerson.id == pid).execute()
            history.append((customer_id, version, pid, "person", old.get("name"), None))
        elif name == "*":  # added
            if persons is None:
                position, appended = appended, appended + 1
            else:
                position = persons.index(new)
            person = _insert_person(customer_id, new, position)
            history.append((customer_id, version, person.id, "person", None, new.get("name")))
        else:
            KeyPerson.update({name: to_db(_PERSON_BY_NAME[name], new), "updated_at": now()}).where(
                KeyPerson.id == pid
            ).execute()
            history.append(
                (customer_id, version, pid, f"person.{name}", to_text(old), to_text(new))
            )
    for position, person in enumerate(persons or []):
        if person.get("id"):
            KeyPerson.update(position=position).where(KeyPerson.id == person["id"]).execute()
    return history


def _set_status(customer_id: int, user: User, status: str, action: str) -> None:
    def run() -> None:
        row = Customer.get_or_none(Customer.id == customer_id)
        if row is None:
            raise NotFoundError(customer_id)
        if not can_see(user, row):
            raise NotAllowedError(customer_id)
        access.require_on_customer(user, Action.ARCHIVE, row)
        if row.status == status:
            return
        version = row.version + 1
        Customer.update(
            status=status,
            archived_at=now() if status == ARCHIVED else None,
            version=version,
            updated_by=user.id,
            updated_at=now(),
        ).where(Customer.id == customer_id).execute()
        FieldChange.create(
            customer=customer_id,
            version=version,
            field="status",
            old_value=row.status,
            new_value=status,
            user=user,
        )
        audit.record(user, action, "customer", customer_id, f"{row.code} {row.name}")
        search_index.refresh([customer_id])

    write(Customer._meta.database, run)


def archive(customer_id: int, user: User) -> None:
    """Archive (已归档): hidden from daily lists, never deleted — history stays."""
    _set_status(customer_id, user, ARCHIVED, "archive")


def restore(customer_id: int, user: User) -> None:
    _set_status(customer_id, user, ACTIVE, "restore")


def erase(customer_id: int, user: User, reason: str) -> None:
    """The only real delete: a privacy request (PIPL). Audited; the pages are overwritten."""
    if not reason.strip():
        raise ValueError("a reason is required")
    rights.check(user, Action.ERASE)
    db = Customer._meta.database

    def run() -> None:
        row = Customer.get_or_none(Customer.id == customer_id)
        if row is None:
            raise NotFoundError(customer_id)
        access.require_on_customer(user, Action.ERASE, row)
        erasure.erase_customer(customer_id)
        search_index.remove([customer_id])
        audit.record(user, "erase", "customer", customer_id, row.code, reason=reason)

    write(db, run)


def reveal_sensitive(
    customer_id: int, person_id: int | None, field_names: list[str], user: User
) -> None:
    """Let `user` see sensitive fields of a customer they can see, by the one rule
    (`kehu.core.sensitivity`), audited: one `view_sensitive` entry per field.

    Raises `RevealRefused`, `NotFoundError` or `NotAllowedError`; nothing is written then."""
    sensitivity.check_reveal(user.role, True)
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(customer_id)
    if not can_see(user, row):
        raise NotAllowedError(customer_id)
    access.require_on_customer(user, Action.REVEAL_SENSITIVE, row)

    def run() -> None:
        for name in field_names:
            audit.record(user, "view_sensitive", "customer", customer_id, name, person_id=person_id)

    write(Customer._meta.database, run)


def history(customer_id: int) -> list[dict[str, Any]]:
    query = (
        FieldChange.select(FieldChange, User.display_name.alias("user_name"))
        .join(User, on=(FieldChange.user == User.id), join_type=JOIN.LEFT_OUTER)
        .where(FieldChange.customer == customer_id)
        .order_by(FieldChange.id.desc())
        .objects()
    )
    return [
        {
            "at": c.changed_at,
            "user": c.user_name,
            "field": c.field,
            "person_id": c.person_id,
            "old": c.old_value,
            "new": c.new_value,
            "version": c.version,
        }
        for c in query
    ]
