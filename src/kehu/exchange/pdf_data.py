"""What printed documents show, read from the database: dossiers with their classifications,
route and last visits, routes with their stops, visits of a day; and the masking of
sensitive fields (ID numbers, birthdays, family…) unless an administrator reveals them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kehu.core import route_calendar
from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, FieldDef, Kind
from kehu.core.language import pick
from kehu.core.values import display, from_db
from kehu.db.models import Category, Customer, KeyPerson, Route, RouteStop, Scheme, User, Visit
from kehu.db.visibility import visible_owner_ids
from kehu.services.dossiers import Dossier, NotAllowedError, NotFoundError

logger = logging.getLogger(__name__)

VISIT_KIND_LABELS = {
    "routine": ("日常报告", "Routine"),
    "urgent": ("紧急报告", "Urgent"),
    "periodic": ("定期报告", "Periodic"),
}


class RevealNotAllowed(Exception):
    def message(self, lang: str | None = None) -> str:
        return pick(
            "只有管理员可以在打印件中显示敏感信息（身份证号等）。",
            "Only an administrator may print sensitive fields (ID numbers and the like).",
            lang,
        )


def mask(field: FieldDef, value: Any, lang: str) -> str:
    """The printed form of a sensitive value that is not revealed."""
    if value is None or value == "":
        return ""
    if field.kind is Kind.ID_NUMBER:
        text = str(value)
        return text[:3] + "*" * max(len(text) - 7, 4) + text[-4:] if len(text) > 8 else "****"
    return pick("（已隐藏）", "(hidden)", lang)


def shown(field: FieldDef, value: Any, lang: str, reveal: bool = False) -> str:
    if field.sensitive and not reveal:
        return mask(field, value, lang)
    return display(field, value, lang)


@dataclass
class VisitRow:
    visit_date: dt.date
    kind: str
    salesperson: str
    content: str
    findings: str
    next_step: str
    next_visit_on: dt.date | None
    customer_id: int
    customer: str = ""


@dataclass
class CardData:
    dossier: Dossier
    owner: str
    grade: str | None
    classifications: list[tuple[str, str]]  # (scheme, category path) in scheme order
    visits: list[VisitRow] = field(default_factory=list)
    route: str | None = None  # "route name · stop n"


class Lookups:
    """Users, schemes and category paths of the database, read once per document."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
        self.schemes = list(Scheme.select().order_by(Scheme.position, Scheme.id))
        rows = list(Category.select(Category.id, Category.parent, Category.name).tuples())
        self._parent = {cid: parent for cid, parent, _ in rows}
        self._name = {cid: name for cid, _, name in rows}
        self.routes = {r.id: r for r in Route.select()}

    def user(self, user_id: int | None) -> str:
        return self.users.get(user_id, "") if user_id else ""

    def category_path(self, category_id: int) -> str:
        names, seen, current = [], set(), category_id
        while current is not None and current not in seen:
            seen.add(current)
            names.append(self._name.get(current, "?"))
            current = self._parent.get(current)
        return " > ".join(reversed(names))

    def visit_kind(self, kind: str) -> str:
        zh, en = VISIT_KIND_LABELS.get(kind, (kind, kind))
        return pick(zh, en, self.lang)

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


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


_VALUE_FIELDS = tuple(f for f in CUSTOMER_FIELDS if f.name != "code")


def load_dossiers(ids: list[int], viewer: User, users: dict[int, str] | None = None) -> dict:
    """{id: Dossier} for `ids` with one query per table (customers, key persons): what
    `dossiers.load` gives one by one. Raises NotFoundError / NotAllowedError like it does."""
    allowed = visible_owner_ids(viewer)
    if users is None:
        users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
    found: dict[int, Dossier] = {}
    for chunk in _chunks(list(ids)):
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
                raise NotAllowedError(row.id)
            found[row.id] = Dossier(
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
            raise NotFoundError(missing[0])
    return found


def load_cards(
    ids: Iterable[int], viewer: User, lookups: Lookups, visits: int = 5
) -> Iterator[CardData]:
    """Card data in the order of `ids`, read in chunks of 500: customers, key persons,
    classifications, route stops and last visits with one query each per chunk."""
    from kehu.db.models import CustomerCategory

    grade_scheme = next((s for s in lookups.schemes if s.key == "grade"), None)
    scheme_names = {s.id: s.name for s in lookups.schemes}
    scheme_order = {s.id: i for i, s in enumerate(lookups.schemes)}
    for chunk in _chunks(list(ids)):
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
            grade = next(
                (
                    lookups.category_path(c)
                    for s, c in pairs
                    if grade_scheme and s == grade_scheme.id
                ),
                None,
            )
            classes = [
                (scheme_names.get(s, "?"), lookups.category_path(c))
                for s, c in pairs
                if not (grade_scheme and s == grade_scheme.id)
            ]
            yield CardData(
                dossier=dossier,
                owner=lookups.user(dossier.owner_id),
                grade=grade,
                classifications=classes,
                visits=recent.get(cid, []),
                route=_route_text(stops.get(cid), lookups),
            )


def _route_text(stop: tuple[int, int] | None, lookups: Lookups) -> str | None:
    if stop is None or stop[0] not in lookups.routes:
        return None
    route = lookups.routes[stop[0]]
    return pick(
        f"{route.name} 第 {stop[1] + 1} 站", f"{route.name}, stop {stop[1] + 1}", lookups.lang
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


@dataclass
class StopRow:
    number: int
    code: str
    name: str
    address: str
    phone: str
    person: str
    last_visit: dt.date | None


@dataclass
class RouteSheet:
    title: str  # route name, or "no route"
    route: Route | None
    region: str
    salesperson: str
    schedule: str
    stops: list[StopRow]


def route_sheets(ids: list[int], viewer: User, lookups: Lookups, route: Route | None) -> list:
    """One sheet per route; with `route`, only that route in stop order."""
    stop_of: dict[int, tuple[int, int]] = {}
    for chunk in _chunks(ids):
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
            )
        )
    return RouteSheet(
        title=route.name
        if route
        else pick("未编入路线的客户", "Customers on no route", lookups.lang),
        route=route,
        region=lookups.category_path(route.region_id) if route and route.region_id else "",
        salesperson=lookups.user(route.salesperson_id) if route else "",
        schedule=lookups.route_schedule(route) if route else "",
        stops=stops,
    )


def _last_visit_dates(ids: list[int]) -> dict[int, dt.date]:
    from peewee import fn

    found: dict[int, dt.date] = {}
    for chunk in _chunks(ids):
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
    for chunk in _chunks(ids):
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


def day_visits(
    ids: list[int], salesperson: User | None, day: dt.date, lookups: Lookups
) -> list[VisitRow]:
    """Visits of one day (by one salesperson when given) among the customers `ids`."""
    return period_visits(ids, salesperson, day, day, lookups)


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
    rows = []
    loaded = load_dossiers(ids, viewer)
    for cid in ids:
        dossier = loaded[cid]
        rows.append(
            (dossier.code or "", dossier.values.get("name") or "", dossier.values.get("address"))
        )
    return rows
