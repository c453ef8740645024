"""Visit reports (客户访问日报 / 客户信息报告制度): record, edit, list, daily and month reports.

A visit report says who visited which customer when, what kind of report it is (日常报告
routine / 紧急报告 urgent / 定期报告 periodic), what was discussed and found, the next step
and the next planned visit. The next planned visit of a customer is the `next_visit_on` of
its latest visit: a newer visit replaces the plan.

`daily_report(salesperson_id, day)` is the data of the daily report (view, PDF, Excel).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from peewee import JOIN, fn

from kehu.core.fields import DEFAULT_VISIT_KIND
from kehu.core.i18n import N_, UserError
from kehu.core.rights import Action
from kehu.db.connection import write
from kehu.db.models import VISIT_KINDS, Customer, KeyPerson, User, Visit
from kehu.db.visibility import can_see, visible_owner_ids
from kehu.services import access, audit

logger = logging.getLogger(__name__)

_TEXT_FIELDS = ("content", "findings", "next_step")
_CHUNK = 500


class VisitError(UserError):
    """A visit report that cannot be saved."""


def as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Validate the editable values of a visit; raises VisitError."""
    cleaned = dict(values)
    if "kind" in cleaned and cleaned["kind"] not in VISIT_KINDS:
        raise VisitError(N_("Unknown report kind '{kind}'"), kind=cleaned["kind"])
    for name in ("visit_date", "next_visit_on"):
        if name in cleaned:
            try:
                cleaned[name] = as_date(cleaned[name])
            except ValueError as exc:
                raise VisitError(N_("Invalid date: {date}"), date=cleaned[name]) from exc
    if "visit_date" in cleaned and cleaned["visit_date"] is None:
        raise VisitError(N_("Enter the date of the visit."))
    for name in _TEXT_FIELDS:
        if name in cleaned:
            text = (cleaned[name] or "").replace("\r\n", "\n").strip()
            cleaned[name] = text or None
    return cleaned


def _check_dates(visit_date: dt.date, next_visit_on: dt.date | None) -> None:
    if next_visit_on is not None and next_visit_on < visit_date:
        raise VisitError(
            N_("The next visit cannot be before this visit."),
        )


def _check_salesperson(user: User, salesperson_id: int) -> None:
    allowed = visible_owner_ids(user)
    if allowed is not None and salesperson_id not in allowed:
        raise VisitError(N_("You may not record visits for this salesperson."))


def _customer_for(user: User, customer_id: int) -> Customer:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise VisitError(N_("This customer does not exist."))
    if not can_see(user, customer):
        raise VisitError(N_("You may not see this customer."))
    access.require_on_customer(user, Action.RECORD_VISITS, customer)
    return customer


def record_visit(
    customer_id: int,
    user: User,
    *,
    visit_date: dt.date | str,
    kind: str = DEFAULT_VISIT_KIND,
    content: str | None = None,
    findings: str | None = None,
    next_step: str | None = None,
    next_visit_on: dt.date | str | None = None,
    salesperson_id: int | None = None,
) -> int:
    """Record one visit report; returns its id. The salesperson defaults to `user`."""
    values = _clean(
        dict(
            visit_date=visit_date,
            kind=kind,
            content=content,
            findings=findings,
            next_step=next_step,
            next_visit_on=next_visit_on,
        )
    )
    _check_dates(values["visit_date"], values["next_visit_on"])
    salesperson = salesperson_id or user.id
    _check_salesperson(user, salesperson)

    def run() -> int:
        customer = _customer_for(user, customer_id)
        visit = Visit.create(customer=customer_id, salesperson=salesperson, **values)
        audit.record(
            user,
            "record_visit",
            "customer",
            customer_id,
            f"{customer.code} {customer.name}",
            visit=visit.id,
            kind=values["kind"],
            date=values["visit_date"],
        )
        return visit.id

    return write(Visit._meta.database, run)


def update_visit(visit_id: int, user: User, **changes: Any) -> None:
    """Change a visit report (any of the fields of `record_visit` but the customer)."""
    allowed = {"visit_date", "kind", "next_visit_on", "salesperson_id", *_TEXT_FIELDS}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"unknown visit fields: {sorted(unknown)}")
    values = _clean(changes)
    if "salesperson_id" in values:
        _check_salesperson(user, values["salesperson_id"])
        values["salesperson"] = values.pop("salesperson_id")

    def run() -> None:
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise VisitError(N_("This visit report was deleted."))
        customer = _customer_for(user, visit.customer_id)
        _check_dates(
            values.get("visit_date", visit.visit_date),
            values.get("next_visit_on", visit.next_visit_on),
        )
        Visit.update(values).where(Visit.id == visit_id).execute()
        audit.record(user, "update_visit", "customer", customer.id, customer.code, visit=visit_id)

    write(Visit._meta.database, run)


def delete_visit(visit_id: int, user: User) -> None:
    def run() -> None:
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            return
        customer = _customer_for(user, visit.customer_id)
        Visit.delete().where(Visit.id == visit_id).execute()
        audit.record(user, "delete_visit", "customer", customer.id, customer.code, visit=visit_id)

    write(Visit._meta.database, run)


def first_key_persons(customer_ids: list[int]) -> dict[int, str]:
    """The first key person's name per customer."""
    found: dict[int, str] = {}
    for chunk in _chunks(customer_ids):
        query = (
            KeyPerson.select(KeyPerson.customer, KeyPerson.name)
            .where(KeyPerson.customer.in_(chunk))
            .order_by(KeyPerson.customer, KeyPerson.position, KeyPerson.id)
            .tuples()
        )
        for cid, name in query:
            found.setdefault(cid, name)
    return found


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _visit_query():
    salesperson = User.alias("salesperson")
    return (
        Visit.select(
            Visit,
            Customer.code.alias("customer_code"),
            Customer.name.alias("customer_name"),
            Customer.address.alias("customer_address"),
            Customer.phone.alias("customer_phone"),
            Customer.owner.alias("customer_owner"),
            salesperson.display_name.alias("salesperson_name"),
        )
        .join(Customer, on=(Visit.customer == Customer.id))
        .switch(Visit)
        .join(salesperson, JOIN.LEFT_OUTER, on=(Visit.salesperson == salesperson.id))
    )


def _as_dicts(query, viewer: User | None) -> list[dict[str, Any]]:
    allowed = visible_owner_ids(viewer) if viewer is not None else None
    rows = [v for v in query.objects() if allowed is None or v.customer_owner in allowed]
    persons = first_key_persons(sorted({v.customer_id for v in rows}))
    return [
        {
            "id": v.id,
            "visit_date": as_date(v.visit_date),
            "customer_id": v.customer_id,
            "customer_code": v.customer_code,
            "customer_name": v.customer_name,
            "address": v.customer_address,
            "phone": v.customer_phone,
            "key_person": persons.get(v.customer_id),
            "salesperson_id": v.salesperson_id,
            "salesperson_name": v.salesperson_name,
            "kind": v.kind,
            "content": v.content,
            "findings": v.findings,
            "next_step": v.next_step,
            "next_visit_on": as_date(v.next_visit_on),
            "created_at": v.created_at,
        }
        for v in rows
    ]


def get_visit(visit_id: int) -> dict[str, Any] | None:
    rows = _as_dicts(_visit_query().where(Visit.id == visit_id), None)
    return rows[0] if rows else None


def visits_of(customer_id: int, viewer: User | None = None) -> list[dict[str, Any]]:
    """A customer's visit reports, newest first (the card's visits)."""
    query = _visit_query().where(Visit.customer == customer_id)
    return _as_dicts(query.order_by(Visit.visit_date.desc(), Visit.id.desc()), viewer)


def daily_report(
    salesperson_id: int | None, day: dt.date, viewer: User | None = None
) -> list[dict[str, Any]]:
    """One salesperson's visits on one day, in the order they were recorded.

    `salesperson_id=None`: every salesperson's visits that day. With `viewer`, only visits to
    customers the viewer may see are returned.
    """
    query = _visit_query().where(Visit.visit_date == day)
    if salesperson_id is not None:
        query = query.where(Visit.salesperson == salesperson_id)
    return _as_dicts(query.order_by(Visit.created_at, Visit.id), viewer)


def month_report(
    salesperson_id: int | None, year: int, month: int, viewer: User | None = None
) -> list[dict[str, Any]]:
    """All visits of one month (one salesperson, or everyone with None), by date."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    query = _visit_query().where(Visit.visit_date.between(first, last))
    if salesperson_id is not None:
        query = query.where(Visit.salesperson == salesperson_id)
    return _as_dicts(query.order_by(Visit.visit_date, Visit.created_at, Visit.id), viewer)


def month_summary(
    salesperson_id: int | None, year: int, month: int, viewer: User | None = None
) -> list[dict[str, Any]]:
    """One row per day of the month: visits per kind, total and the customers visited."""
    rows = month_report(salesperson_id, year, month, viewer)
    days = calendar.monthrange(year, month)[1]
    summary = [
        {
            "day": dt.date(year, month, d),
            "total": 0,
            "customers": [],
            **dict.fromkeys(VISIT_KINDS, 0),
        }
        for d in range(1, days + 1)
    ]
    for row in rows:
        entry = summary[row["visit_date"].day - 1]
        entry["total"] += 1
        entry[row["kind"]] = entry.get(row["kind"], 0) + 1
        if row["customer_name"] not in entry["customers"]:
            entry["customers"].append(row["customer_name"])
    return summary


def last_visit_dates(customer_ids: Iterable[int]) -> dict[int, dt.date]:
    found: dict[int, dt.date] = {}
    for chunk in _chunks(customer_ids):
        query = (
            Visit.select(Visit.customer, fn.MAX(Visit.visit_date))
            .where(Visit.customer.in_(chunk))
            .group_by(Visit.customer)
            .tuples()
        )
        found.update({cid: as_date(day) for cid, day in query})
    return found


def latest_visits(customer_ids: Iterable[int]) -> dict[int, Visit]:
    """The latest visit per customer (by date, then by entry order)."""
    found: dict[int, Visit] = {}
    for chunk in _chunks(customer_ids):
        query = (
            Visit.select()
            .where(Visit.customer.in_(chunk))
            .order_by(Visit.customer, Visit.visit_date.desc(), Visit.id.desc())
        )
        for visit in query:
            found.setdefault(visit.customer_id, visit)
    return found


def planned_visits(customer_ids: Iterable[int]) -> dict[int, dt.date]:
    """The next planned visit per customer: `next_visit_on` of its latest visit."""
    return {
        cid: as_date(v.next_visit_on)
        for cid, v in latest_visits(customer_ids).items()
        if v.next_visit_on is not None
    }


def salespeople() -> list[tuple[int, str]]:
    """(id, display name) of the active users, for choosing a salesperson."""
    query = User.select(User.id, User.display_name).where(User.active == True)  # noqa: E712
    return list(query.order_by(User.display_name).tuples())
