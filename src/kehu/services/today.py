"""The "today" list: who to visit on a day, overdue follow-ups, and coming birthdays.

- due: customers on the viewer's routes that the route calendar visits that day, and
  customers whose next planned visit (from their latest visit report) is that day;
- overdue: customers whose latest visit planned a follow-up before that day that has not
  happened (a newer visit would have replaced the plan);
- birthdays: key persons whose birthday falls within the next days (default: that day and
  the 7 days after it). A 29 February birthday is remembered on 28 February in other years.

Everything respects the viewer's visibility and leaves archived customers out. The day is a
parameter, so the same report answers "today", "tomorrow" and tests on fixed dates.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from peewee import fn

from kehu.db.models import Customer, KeyPerson, User, Visit
from kehu.db.visibility import visible_customers
from kehu.services import care, routes, visits

logger = logging.getLogger(__name__)

BIRTHDAY_DAYS = 7


@dataclass(frozen=True)
class DueItem:
    customer_id: int
    code: str
    name: str
    address: str | None
    phone: str | None
    reasons: tuple[str, ...]  # "route" and/or "planned"
    route_id: int | None = None
    route_name: str | None = None
    stop_number: int | None = None
    last_visit: dt.date | None = None
    visited: bool = False  # a visit report exists for that day already


@dataclass(frozen=True)
class OverdueItem:
    customer_id: int
    code: str
    name: str
    phone: str | None
    planned_on: dt.date
    days_overdue: int
    next_step: str | None
    last_visit: dt.date | None


@dataclass(frozen=True)
class BirthdayItem:
    customer_id: int
    customer_name: str
    person_id: int
    person_name: str
    title: str | None
    mobile: str | None
    on: dt.date  # the birthday in the coming days
    in_days: int
    age: int | None  # the age reached that day, when the birth year is known


@dataclass(frozen=True)
class TodayReport:
    day: dt.date
    due: list[DueItem] = field(default_factory=list)
    overdue: list[OverdueItem] = field(default_factory=list)
    birthdays: list[BirthdayItem] = field(default_factory=list)
    routes: list[routes.RouteInfo] = field(default_factory=list)  # the routes due that day
    # care by grade (issue 15): overdue by cadence, lunar birthdays, trading anniversaries
    cadence: list[care.CadenceItem] = field(default_factory=list)
    lunar_birthdays: list[care.LunarBirthday] = field(default_factory=list)
    anniversaries: list[care.Anniversary] = field(default_factory=list)
    days_ahead: int = BIRTHDAY_DAYS  # how far ahead birthdays and anniversaries reach

    @property
    def is_empty(self) -> bool:
        return not (
            self.due
            or self.overdue
            or self.birthdays
            or self.cadence
            or self.lunar_birthdays
            or self.anniversaries
        )


def _visible(viewer: User, ids: list[int]) -> dict[int, Customer]:
    found: dict[int, Customer] = {}
    for start in range(0, len(ids), 500):
        query = visible_customers(viewer).where(Customer.id.in_(ids[start : start + 500]))
        found.update({c.id: c for c in query})
    return found


def due_on(viewer: User, day: dt.date) -> tuple[list[DueItem], list[routes.RouteInfo]]:
    """Customers to visit on `day`: route calendar first (in stop order), then planned."""
    due_routes = [r for r in routes.routes_for(viewer) if r.is_due(day)]
    entries: dict[int, dict] = {}
    for route in due_routes:
        for number, cid in enumerate(routes.stop_order(route.id), start=1):
            entries.setdefault(
                cid,
                {"reasons": ["route"], "route": route, "stop": number},
            )
    planned = Visit.select(Visit.customer).where(Visit.next_visit_on == day).distinct().tuples()
    candidates = [cid for (cid,) in planned]
    plans = visits.planned_visits(candidates)
    for cid in candidates:
        if plans.get(cid) != day:
            continue  # a newer visit replaced that plan
        entry = entries.setdefault(cid, {"reasons": [], "route": None, "stop": None})
        entry["reasons"].append("planned")
    customers = _visible(viewer, list(entries))
    ids = [cid for cid in entries if cid in customers]
    last = visits.last_visit_dates(ids)
    visited_today = (
        {
            cid
            for (cid,) in Visit.select(Visit.customer)
            .where(Visit.visit_date == day, Visit.customer.in_(ids))
            .tuples()
        }
        if ids
        else set()
    )
    items = []
    for cid in ids:
        entry, customer = entries[cid], customers[cid]
        route = entry["route"]
        items.append(
            DueItem(
                customer_id=cid,
                code=customer.code,
                name=customer.name,
                address=customer.address,
                phone=customer.phone,
                reasons=tuple(entry["reasons"]),
                route_id=route.id if route else None,
                route_name=route.name if route else None,
                stop_number=entry["stop"],
                last_visit=last.get(cid),
                visited=cid in visited_today,
            )
        )
    return items, due_routes


def overdue_on(viewer: User, day: dt.date) -> list[OverdueItem]:
    """Follow-ups planned before `day` by a customer's latest visit, oldest first."""
    candidates = [
        cid
        for (cid,) in Visit.select(Visit.customer)
        .where(Visit.next_visit_on < day)
        .distinct()
        .tuples()
    ]
    latest = visits.latest_visits(candidates)
    late = {
        cid: v
        for cid, v in latest.items()
        if v.next_visit_on is not None and visits.as_date(v.next_visit_on) < day
    }
    customers = _visible(viewer, list(late))
    items = []
    for cid, visit in late.items():
        if cid not in customers:
            continue
        planned_on = visits.as_date(visit.next_visit_on)
        items.append(
            OverdueItem(
                customer_id=cid,
                code=customers[cid].code,
                name=customers[cid].name,
                phone=customers[cid].phone,
                planned_on=planned_on,
                days_overdue=(day - planned_on).days,
                next_step=visit.next_step,
                last_visit=visits.as_date(visit.visit_date),
            )
        )
    items.sort(key=lambda i: (i.planned_on, i.code))
    return items


def _birthday_in(birthday: dt.date, year: int) -> dt.date:
    try:
        return birthday.replace(year=year)
    except ValueError:  # 29 February in a common year
        return dt.date(year, 2, 28)


def birthdays_near(
    viewer: User, day: dt.date, days: int = BIRTHDAY_DAYS, limit: int | None = None
) -> list[BirthdayItem]:
    """Key persons with a birthday from `day` to `day + days`, soonest first (at most `limit`)."""
    window = [day + dt.timedelta(days=offset) for offset in range(days + 1)]
    month_days = {d.strftime("%m-%d") for d in window}
    if any(d.month == 2 and d.day == 28 for d in window):
        month_days.add("02-29")
    query = (
        KeyPerson.select(
            KeyPerson.id,
            KeyPerson.customer,
            KeyPerson.name,
            KeyPerson.title,
            KeyPerson.mobile,
            KeyPerson.birthday,
            Customer.name,
        )
        .join(Customer, on=(KeyPerson.customer == Customer.id))
        .where(
            KeyPerson.birthday.is_null(False),
            KeyPerson.birthday_lunar == False,  # noqa: E712 - lunar ones: services.care
            fn.SUBSTR(KeyPerson.birthday, 6, 5).in_(sorted(month_days)),
        )
    )
    query = visible_customers(viewer, query=query)
    items = []
    for pid, cid, name, title, mobile, raw_birthday, customer_name in query.tuples():
        birthday = visits.as_date(raw_birthday)
        on = next((d for d in window if _birthday_in(birthday, d.year) == d), None)
        if on is None:
            continue
        items.append(
            BirthdayItem(
                customer_id=cid,
                customer_name=customer_name,
                person_id=pid,
                person_name=name,
                title=title,
                mobile=mobile,
                on=on,
                in_days=(on - day).days,
                age=on.year - birthday.year if birthday.year > 1900 else None,
            )
        )
    items.sort(key=lambda i: (i.on, i.customer_name, i.person_name))
    return items[:limit] if limit is not None else items


def today(viewer: User, day: dt.date | None = None, days_ahead: int = BIRTHDAY_DAYS) -> TodayReport:
    """Everything the today panel shows for `day` (default: the computer's date); birthdays
    and anniversaries `days_ahead` days ahead."""
    day = day or dt.date.today()
    due, due_routes = due_on(viewer, day)
    return TodayReport(
        day=day,
        due=due,
        overdue=overdue_on(viewer, day),
        birthdays=birthdays_near(viewer, day, days_ahead),
        routes=due_routes,
        cadence=care.overdue_by_cadence(viewer, day),
        lunar_birthdays=care.lunar_birthdays_near(viewer, day, days_ahead),
        anniversaries=care.anniversaries_near(viewer, day, days_ahead),
        days_ahead=days_ahead,
    )
