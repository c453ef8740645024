"""PIPL tools (个人信息保护法 Art. 45–47, GB/T 35273 §7): the key persons whose consent is
missing or withdrawn, a copy of everything stored about one key person (with its history),
as Excel or PDF, for an administrator to hand over, and erasing a key person (their history
too), audited."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from kehu.core.digest import file_sha256
from kehu.core.fields import PERSON_FIELDS
from kehu.core.i18n import N_, translate
from kehu.core.rights import Action, check
from kehu.core.values import display
from kehu.db import audit_trail, completeness, erasure, search_index
from kehu.db.connection import write
from kehu.db.models import Customer, KeyPerson, User
from kehu.db.visibility import visible_customers
from kehu.exchange import pdf_personal_data
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


FORMATS = ("xlsx", "pdf")


def as_datetime(value) -> dt.datetime | None:
    """A stored time (a datetime, or its text where a raw query read it)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


TITLE = N_("Copy of personal data")


def _label(labels: dict[str, str], name: str) -> str:
    """A history entry's field ("person.mobile", "persons.7.mobile") by its label."""
    return labels.get(name.rsplit(".", 1)[-1], name)


def _copy_tables(person: KeyPerson, customer: Customer, lang: str) -> list[Table]:
    """Everything stored about one key person, unmasked (it is their own data), in three
    tables: the fields, the history of their values, the recorded uses of the dossier."""
    t = lambda text: translate(text, lang)  # noqa: E731
    when = lambda at: f"{at:%Y-%m-%d %H:%M:%S}" if at else ""  # noqa: E731
    fields = [[t(N_("Customer")), f"{customer.code} {customer.name}"]]
    fields += [[f.label(lang), display(f, getattr(person, f.name), lang)] for f in PERSON_FIELDS]
    fields += [
        [t(N_("Recorded on")), when(person.created_at)],
        [t(N_("Last changed on")), when(person.updated_at)],
    ]
    labels = {f.name: f.label(lang) for f in PERSON_FIELDS}
    history = [
        [when(as_datetime(at)), _label(labels, name), old or "", new or "", by or ""]
        for at, name, old, new, by in erasure.person_history(person.id)
    ]
    uses = [
        [when(as_datetime(e.at)), e.user_name or "", e.action, e.summary or ""]
        for e in reversed(audit_trail.entries(customer_id=customer.id, limit=100_000))
    ]
    columns = (N_("When"), N_("Field"), N_("Old value"), N_("New value"), N_("Changed by"))
    return [
        Table(t(N_("Personal data")), [t(N_("Field")), t(N_("Value"))], fields),
        Table(t(N_("History")), [t(c) for c in columns], history),
        Table(
            t(N_("Uses of the dossier")),
            [t(c) for c in (N_("When"), N_("User"), N_("Action"), N_("Summary"))],
            uses,
        ),
    ]


def personal_data_copy(
    person_id: int, by: User, path: Path | str, lang: str, fmt: str | None = None
) -> Path:
    """A copy of everything stored about one key person and its history (PIPL Art. 45), as
    Excel or PDF (`fmt`; None: from the path's suffix), for an administrator to hand over.
    Returns the path written (its suffix set to the format's); audited with the file's hash."""
    check(by, Action.PERSONAL_DATA_COPY)
    person, customer = _person(person_id, by, Action.PERSONAL_DATA_COPY)
    out = Path(path)
    fmt = fmt or ("pdf" if out.suffix.lower() == ".pdf" else "xlsx")
    if fmt not in FORMATS:
        raise ValueError(fmt)
    if out.suffix.lower() != f".{fmt}":
        out = out.with_name(out.name + f".{fmt}") if out.suffix else out.with_suffix(f".{fmt}")
    tables = _copy_tables(person, customer, lang)
    part = out.with_name(f".{out.name}.part")
    try:
        if fmt == "pdf":
            stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
            lines = [
                translate(N_("Key person: {name}"), lang, name=person.name or ""),
                translate(
                    N_("Made on {when} by {user}, from the dossier of {customer}."),
                    lang,
                    when=stamp,
                    user=by.display_name,
                    customer=f"{customer.code} {customer.name}",
                ),
            ]
            pdf_personal_data.write_copy(part, translate(TITLE, lang), lines, tables)
        else:
            for table in tables:
                table.title = table.title[:31]
            write_tables(part, tables)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    write(
        KeyPerson._meta.database,
        lambda: audit.record(
            by,
            "personal_data_copy",
            "customer",
            customer.id,
            person.name,
            person_id=person_id,
            format=fmt,
            path=str(out),
            file_sha256=file_sha256(out),
        ),
    )
    return out


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
