"""What printed and exported documents show, read from the database as plain data: dossiers
with their classifications, route and last visits (cards), routes with their stops (route
sheets), visits of a day or a month (reports), addresses (labels).

Values come back as the database holds them (no masking): the export service masks them
with `kehu.core.sensitivity` before any writer sees them. Everything is read in chunks of
500 ids with one query per table, so that a batch of thousands stays fast.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from peewee import fn

from kehu.core import route_calendar
from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, VISIT_KINDS, choice_label
from kehu.core.i18n import N_, translate
from kehu.core.schemes import GRADE_SCHEME, shown_name
from kehu.core.values import from_db
from kehu.db.models import (
    Category,
    Customer,
    CustomerCategory,
    KeyPerson,
    Route,
    RouteStop,
    Scheme,
    User,
    Visit,
)
from kehu.db.visibility import visible_owner_ids

logger = logging.getLogger(__name__)

CHUNK = 500


class RecordMissing(LookupError):
    """A customer id that is not in the database (erased meanwhile)."""

    def __init__(self, customer_id: int) -> None:
        super().__init__(customer_id)
        self.customer_id = customer_id


class RecordHidden(PermissionError):
    """A customer the viewer may not see."""

    def __init__(self, customer_id: int) -> None:
        super().__init__(customer_id)
        self.customer_id = customer_id


@dataclass
class DossierData:
    """One customer as printed: catalogue values as Python values, key persons as dicts."""

    id: int
    code: str | None
    version: int
    values: dict[str, Any]
    persons: list[dict[str, Any]] = field(default_factory=list)
    owner_id: int | None = None
    status: str = "active"
    custom: dict[str, Any] = field(default_factory=dict)
    updated_by: str | None = None
    updated_at: Any = None


@dataclass
class VisitRow:
    visit_date: dt.date
    kind: str  # label, in the document's language
    salesperson: str
    content: str
    findings: str
    next_step: str
    next_visit_on: dt.date | None
    customer_id: int
    customer: str = ""


@dataclass
class CardData:
    dossier: DossierData
    owner: str
    grade: str | None
    classifications: list[tuple[str, str]]  # (scheme, category path) in scheme order
    visits: list[VisitRow] = field(default_factory=list)
    route: str | None = None  # "route name · stop n"
    schemes: list[tuple[str, str, bool]] = field(default_factory=list)
    # every scheme in order: (scheme name, category path with "/" or "", is the grade scheme)


@dataclass
class StopRow:
    number: int
    code: str
    name: str
    address: str
    phone: str
    person: str
    last_visit: dt.date | None
    overdue: str = ""  # "A: 12 days overdue" when the route sheet marks overdue stops
    customer_id: int = 0


@dataclass
class RouteSheet:
    title: str  # route name, or "no route"
    route_id: int | None
    region: str
    salesperson: str
    schedule: str
    stops: list[StopRow]
    note: str = ""  # what the sheet leaves out (overdue stops only)


@dataclass
class Address:
    postal_code: str
    address: str
    name: str
    person_name: str  # the first key person, "" when none
    person_title: str


class Lookups:
    """Users, schemes, category paths and routes of the database, read once per document."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
        self.schemes = list(Scheme.select().order_by(Scheme.position, Scheme.id))
        # Built-in schemes and categories by their label in the document's language.
        self.scheme_names = {s.id: shown_name(s.name, s.builtin_key, lang) for s in self.schemes}
        rows = list(
            Category.select(
                Category.id, Category.parent, Category.name, Category.builtin_key
            ).tuples()
        )
        self._parent = {cid: parent for cid, parent, _n, _k in rows}
        self._name = {cid: shown_name(name, key, lang) for cid, _p, name, key in rows}
        self.routes = {r.id: r for r in Route.select()}

    def user(self, user_id: int | None) -> str:
        return self.users.get(user_id, "") if user_id else ""

    def category_path(self, category_id: int, separator: str = " > ") -> str:
        names, seen, current = [], set(), category_id
        while current is not None and current not in seen:
            seen.add(current)
            names.append(self._name.get(current, "?"))
            current = self._parent.get(current)
        return separator.join(reversed(names))

    def visit_kind(self, kind: str) -> str:
        return choice_label(VISIT_KINDS, kind, self.lang)

    def route_schedule(self, route: Route) -> str:
        try:
            return route_calendar.describe(route.frequency, route.weekdays, self.lang)
        except route_calendar.CalendarError:
            return route.frequency or ""


def _visit_row(visit: Visit, lookups: Lookups, customer: str = "") -> VisitRow:
    return VisitRow(
        visit_date=visit.visit_date,
        kind=lookups.visit_kind(visit.kind),
        salesperson=lookups.user(visit.salesperson_id),
        content=visit.content or "",
        findings=visit.findings or "",
        next_step=visit.next_step or "",
        next_visit_on=visit.next_visit_on,
        customer_id=visit.customer_id,
        customer=customer,
    )


def chunks(ids: list[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


_VALUE_FIELDS = tuple(f for f in CUSTOMER_FIELDS if f.name != "code")


def load_dossiers(
    ids: list[int], viewer: User, users: dict[int, str] | None = None
) -> dict[int, DossierData]:
    """{id: DossierData} for `ids` with one query per table (customers, key persons).

    Raises `RecordHidden` for a customer the viewer may not see, `RecordMissing` for one
    that does not exist."""
    allowed = visible_owner_ids(viewer)
    if users is None:
        users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
    found: dict[int, DossierData] = {}
    for chunk in chunks(list(ids)):
        persons: dict[int, list[dict[str, Any]]] = {}
        query = (
            KeyPerson.select()
            .where(KeyPerson.customer.in_(chunk))
            .order_by(KeyPerson.customer, KeyPerson.position, KeyPerson.id)
        )
        for person in query:
            values = {f.name: from_db(f, getattr(person, f.name)) for f in PERSON_FIELDS}
            values["id"] = person.id
            persons.setdefault(person.customer_id, []).append(values)
        for row in Customer.select().where(Customer.id.in_(chunk)):
            if allowed is not None and row.owner_id not in allowed:
                raise RecordHidden(row.id)
            found[row.id] = DossierData(
                id=row.id,
                code=row.code,
                version=row.version,
                values={f.name: from_db(f, getattr(row, f.name)) for f in _VALUE_FIELDS},
                persons=persons.get(row.id, []),
                owner_id=row.owner_id,
                status=row.status,
                custom=json.loads(row.custom_fields or "{}"),
                updated_by=users.get(row.updated_by_id) if row.updated_by_id else None,
                updated_at=row.updated_at,
            )
        missing = [cid for cid in chunk if cid not in found]
        if missing:
            raise RecordMissing(missing[0])
    return found


def load_cards(
    ids: Iterable[int], viewer: User, lookups: Lookups, visits: int = 5
) -> Iterator[CardData]:
    """Card data in the order of `ids`, read in chunks of 500: customers, key persons,
    classifications, route stops and last visits with one query each per chunk."""
    grade_scheme = next((s for s in lookups.schemes if s.key == GRADE_SCHEME), None)
    grade_id = grade_scheme.id if grade_scheme else None
    scheme_names = lookups.scheme_names
    scheme_order = {s.id: i for i, s in enumerate(lookups.schemes)}
    for chunk in chunks(list(ids)):
        loaded = load_dossiers(chunk, viewer, lookups.users)
        cats: dict[int, list[tuple[int, int]]] = {}
        for cid, sid, cat in (
            CustomerCategory.select(
                CustomerCategory.customer, CustomerCategory.scheme, CustomerCategory.category
            )
            .where(CustomerCategory.customer.in_(chunk))
            .tuples()
        ):
            cats.setdefault(cid, []).append((sid, cat))
        stops = {
            cid: (route_id, position)
            for cid, route_id, position in RouteStop.select(
                RouteStop.customer, RouteStop.route, RouteStop.position
            )
            .where(RouteStop.customer.in_(chunk))
            .tuples()
        }
        recent = _recent_visits(chunk, lookups, visits) if visits else {}
        for cid in chunk:
            dossier = loaded[cid]
            pairs = sorted(cats.get(cid, []), key=lambda p: scheme_order.get(p[0], 99))
            grade = next((lookups.category_path(c) for s, c in pairs if s == grade_id), None)
            classes = [
                (scheme_names.get(s, "?"), lookups.category_path(c))
                for s, c in pairs
                if s != grade_id
            ]
            assigned = dict(pairs)
            schemes = [
                (
                    scheme_names[s.id],
                    lookups.category_path(assigned[s.id], "/") if s.id in assigned else "",
                    s.id == grade_id,
                )
                for s in lookups.schemes
            ]
            yield CardData(
                dossier=dossier,
                owner=lookups.user(dossier.owner_id),
                grade=grade,
                classifications=classes,
                visits=recent.get(cid, []),
                route=_route_text(stops.get(cid), lookups),
                schemes=schemes,
            )


def _route_text(stop: tuple[int, int] | None, lookups: Lookups) -> str | None:
    if stop is None or stop[0] not in lookups.routes:
        return None
    route = lookups.routes[stop[0]]
    return translate(
        N_("{route}, stop {number}"), lookups.lang, route=route.name, number=stop[1] + 1
    )


def _recent_visits(chunk: list[int], lookups: Lookups, limit: int) -> dict[int, list[VisitRow]]:
    found: dict[int, list[VisitRow]] = {}
    query = (
        Visit.select()
        .where(Visit.customer.in_(chunk))
        .order_by(Visit.customer, Visit.visit_date.desc(), Visit.id.desc())
    )
    for visit in query:
        rows = found.setdefault(visit.customer_id, [])
        if len(rows) < limit:
            rows.append(_visit_row(visit, lookups))
    return found


def route_sheets(
    ids: list[int], viewer: User, lookups: Lookups, route: Route | None
) -> list[RouteSheet]:
    """One sheet per route; with `route`, only that route in stop order."""
    stop_of: dict[int, tuple[int, int]] = {}
    for chunk in chunks(ids):
        for cid, rid, pos in (
            RouteStop.select(RouteStop.customer, RouteStop.route, RouteStop.position)
            .where(RouteStop.customer.in_(chunk))
            .tuples()
        ):
            stop_of[cid] = (rid, pos)
    groups: dict[int | None, list[int]] = {}
    for cid in ids:
        rid = stop_of.get(cid, (None, 0))[0]
        if route is not None and rid != route.id:
            continue
        groups.setdefault(rid, []).append(cid)
    if route is not None and route.id not in groups:
        groups[route.id] = []
    ordered = sorted(
        groups, key=lambda r: (r is None, lookups.routes[r].position if r else 0, r or 0)
    )
    sheets = []
    for rid in ordered:
        members = sorted(groups[rid], key=lambda c: stop_of.get(c, (None, 0))[1])
        sheets.append(_sheet(rid, members, viewer, lookups))
    return sheets


def _sheet(rid: int | None, members: list[int], viewer: User, lookups: Lookups) -> RouteSheet:
    route = lookups.routes.get(rid) if rid else None
    last = _last_visit_dates(members)
    persons = _first_persons(members)
    stops = []
    loaded = load_dossiers(members, viewer, lookups.users)
    for number, cid in enumerate(members, start=1):
        dossier = loaded[cid]
        values = dossier.values
        stops.append(
            StopRow(
                number=number,
                code=dossier.code or "",
                name=values.get("name") or "",
                address=values.get("address") or "",
                phone=values.get("phone") or "",
                person=persons.get(cid, ""),
                last_visit=last.get(cid),
                customer_id=cid,
            )
        )
    return RouteSheet(
        title=route.name if route else translate(N_("Customers on no route"), lookups.lang),
        route_id=route.id if route else None,
        region=lookups.category_path(route.region_id) if route and route.region_id else "",
        salesperson=lookups.user(route.salesperson_id) if route else "",
        schedule=lookups.route_schedule(route) if route else "",
        stops=stops,
    )


def _last_visit_dates(ids: list[int]) -> dict[int, dt.date]:
    found: dict[int, dt.date] = {}
    for chunk in chunks(ids):
        for cid, last in (
            Visit.select(Visit.customer, fn.MAX(Visit.visit_date))
            .where(Visit.customer.in_(chunk))
            .group_by(Visit.customer)
            .tuples()
        ):
            found[cid] = dt.date.fromisoformat(str(last)[:10]) if last else None
    return found


def _first_persons(ids: list[int]) -> dict[int, str]:
    """The first key person of each customer: "name mobile"."""
    found: dict[int, str] = {}
    for chunk in chunks(ids):
        query = (
            KeyPerson.select(KeyPerson.customer, KeyPerson.name, KeyPerson.mobile, KeyPerson.phone)
            .where(KeyPerson.customer.in_(chunk))
            .order_by(KeyPerson.customer, KeyPerson.position, KeyPerson.id)
            .tuples()
        )
        for cid, name, mobile, phone in query:
            if cid not in found:
                found[cid] = " ".join(t for t in (name, mobile or phone) if t)
    return found


def period_visits(
    ids: list[int], salesperson: User | None, first: dt.date, last: dt.date, lookups: Lookups
) -> list[VisitRow]:
    """Visits from `first` to `last` (by one salesperson when given) among the customers
    `ids`, by date and then in the order they were recorded."""
    allowed = set(ids)
    query = Visit.select(Visit, Customer.id, Customer.code, Customer.name).join(Customer)
    query = query.where(Visit.visit_date.between(first, last))
    if salesperson is not None:
        query = query.where(Visit.salesperson == salesperson.id)
    rows = []
    for visit in query.order_by(Visit.visit_date, Visit.id):
        if visit.customer_id in allowed:
            customer = f"{visit.customer.name}（{visit.customer.code}）"
            rows.append(_visit_row(visit, lookups, customer))
    return rows


def find_user(text: str | None) -> User | None:
    if not text:
        return None
    if text.isdigit():
        found = User.get_or_none(User.id == int(text))
        if found:
            return found
    return User.get_or_none((User.username == text) | (User.display_name == text))


def customer_names(ids: list[int], viewer: User) -> list[tuple[str, str, str]]:
    """(code, name, address) of customers, for forms prefilled with a list of customers."""
    loaded = load_dossiers(ids, viewer)
    return [
        (loaded[c].code or "", loaded[c].values.get("name") or "", loaded[c].values.get("address"))
        for c in ids
    ]


def addresses(ids: list[int], viewer: User) -> list[Address]:
    """Postal address and first key person of each customer, for address labels."""
    persons: dict[int, tuple[str, str]] = {}
    for chunk in chunks(ids):
        query = (
            KeyPerson.select(KeyPerson.customer, KeyPerson.name, KeyPerson.title)
            .where(KeyPerson.customer.in_(chunk))
            .order_by(KeyPerson.customer, KeyPerson.position, KeyPerson.id)
            .tuples()
        )
        for cid, name, title in query:
            persons.setdefault(cid, (name or "", title or ""))
    loaded = load_dossiers(ids, viewer)
    found = []
    for cid in ids:
        values = loaded[cid].values
        name, title = persons.get(cid, ("", ""))
        found.append(
            Address(
                values.get("postal_code") or "",
                values.get("address") or "",
                values.get("name") or "",
                name,
                title,
            )
        )
    return found
