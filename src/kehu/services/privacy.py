"""PIPL tools (个人信息保护法 Art. 45–47, GB/T 35273 §7): the key persons whose consent is
missing or withdrawn, a copy of everything stored about one key person (with its history)
for an administrator to hand over, and erasing a key person (their history too), audited."""

from __future__ import annotations

from pathlib import Path

from kehu.core.fields import PERSON_FIELDS
from kehu.core.i18n import N_, translate
from kehu.core.rights import Action, check
from kehu.core.values import to_text
from kehu.db import completeness, erasure, search_index
from kehu.db.connection import write
from kehu.db.models import Customer, KeyPerson, User
from kehu.db.visibility import visible_customers
from kehu.exchange.xlsx_export import Table, write_tables
from kehu.services import access, audit


def consent_missing(by: User) -> list[tuple[str, str, KeyPerson]]:
    """(customer code, customer name, person) of the visible customers' key persons whose
    consent is missing or withdrawn."""
    check(by, Action.VIEW)
    visible = {
        cid: (code, name)
        for cid, code, name in visible_customers(
            by, Customer.id, Customer.code, Customer.name, include_archived=True
        ).tuples()
    }
    ids = None if len(visible) > 50_000 else list(visible)
    found = erasure.persons_without_consent(ids)
    return [(*visible[p.customer_id], p) for p in found if p.customer_id in visible]


def _person(person_id: int, by: User, action: Action) -> tuple[KeyPerson, Customer]:
    person = KeyPerson.get_or_none(KeyPerson.id == person_id)
    if person is None:
        from kehu.core.dossier import NotFoundError

        raise NotFoundError(person_id)
    customer = Customer.get_by_id(person.customer_id)
    access.require_on_customer(by, action, customer)
    return person, customer


def personal_data_copy(person_id: int, by: User, path: Path, lang: str) -> Path:
    """An Excel copy of everything stored about one key person (unmasked: the person's own
    data) and its history; administrators only (erase right), audited."""
    check(by, Action.ERASE)
    person, customer = _person(person_id, by, Action.ERASE)
    fields = Table(
        translate(N_("Personal data"), lang),
        [translate(N_("Field"), lang), translate(N_("Value"), lang)],
        [[translate(N_("Customer"), lang), f"{customer.code} {customer.name}"]]
        + [[f.label(lang), to_text(getattr(person, f.name))] for f in PERSON_FIELDS],
    )
    history = Table(
        translate(N_("History"), lang),
        [translate(c, lang) for c in (N_("When"), N_("Field"), N_("Old value"), N_("New value"))],
        [[str(at), name, old, new] for at, name, old, new in erasure.person_history(person_id)],
    )
    write_tables(Path(path), [fields, history])
    write(
        KeyPerson._meta.database,
        lambda: audit.record(
            by,
            "personal_data_copy",
            "customer",
            customer.id,
            person.name,
            person_id=person_id,
            path=str(path),
        ),
    )
    return Path(path)


def erase_person(person_id: int, by: User, reason: str) -> int:
    """Erase a key person and the history of their values (administrators, with a reason)."""
    if not reason.strip():
        raise ValueError("a reason is required")
    check(by, Action.ERASE)

    def run() -> int:
        person, customer = _person(person_id, by, Action.ERASE)
        gone = erasure.erase_person(person_id)
        search_index.refresh([customer.id])
        completeness.refresh([customer.id])
        audit.record(
            by,
            "erase_person",
            "customer",
            customer.id,
            customer.code,
            person_id=person_id,
            reason=reason,
            history=gone,
        )
        return gone

    return write(KeyPerson._meta.database, run)
