"""The Today report's sections as schema 10 computed them (scans of visits, key persons and
customers), kept as the reference that the stored keys of schema 12 must agree with."""

from __future__ import annotations

import datetime as dt

from peewee import JOIN, fn

from kehu.core.lunar_dates import next_lunar_birthday
from kehu.core.schemes import GRADE_SCHEME
from kehu.db import categories
from kehu.db.models import Category, Customer, CustomerCategory, KeyPerson, Scheme, Visit
from kehu.db.visibility import owner_filter, visible_customers
from kehu.services import care, routes, visits
from kehu.services.today import DueItem, OverdueItem, _birthday_in


def _visible(viewer, ids):
    found = {}
    for start in range(0, len(ids), 500):
        query = visible_customers(viewer).where(Customer.id.in_(ids[start : start + 500]))
        found.update({c.id: c for c in query})
    return found


def due_on(viewer, day):
    due_routes = [r for r in routes.routes_for(viewer) if r.is_due(day)]
    entries = {}
    for route in due_routes:
        for number, cid in enumerate(routes.stop_order(route.id), start=1):
            entries.setdefault(cid, {"reasons": ["route"], "route": route, "stop": number})
    planned = Visit.select(Visit.customer).where(Visit.next_visit_on == day).distinct().tuples()
    candidates = [cid for (cid,) in planned]
    plans = visits.planned_visits(candidates)
    for cid in candidates:
        if plans.get(cid) != day:
            continue
        entry = entries.setdefault(cid, {"reasons": [], "route": None, "stop": None})
        entry["reasons"].append("planned")
    customers = _visible(viewer, list(entries))
    ids = [cid for cid in entries if cid in customers]
    last = visits.last_visit_dates(ids)
    visited = {
        cid
        for (cid,) in Visit.select(Visit.customer)
        .where(Visit.visit_date == day, Visit.customer.in_(ids))
        .tuples()
    }
    items = []
    for cid in ids:
        entry, customer = entries[cid], customers[cid]
        route = entry["route"]
        items.append(
            DueItem(
                cid,
                customer.code,
                customer.name,
                customer.address,
                customer.phone,
                tuple(entry["reasons"]),
                route.id if route else None,
                route.name if route else None,
                entry["stop"],
                last.get(cid),
                cid in visited,
            )
        )
    return items


def overdue_on(viewer, day):
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
                cid,
                customers[cid].code,
                customers[cid].name,
                customers[cid].phone,
                planned_on,
                (day - planned_on).days,
                visit.next_step,
                visits.as_date(visit.visit_date),
            )
        )
    items.sort(key=lambda i: (i.planned_on, i.code))
    return items


def birthdays_near(viewer, day, days):
    window = [day + dt.timedelta(days=offset) for offset in range(days + 1)]
    month_days = {d.strftime("%m-%d") for d in window}
    if any(d.month == 2 and d.day == 28 for d in window):
        month_days.add("02-29")
    query = (
        KeyPerson.select(
            KeyPerson.id,
            KeyPerson.customer,
            KeyPerson.name,
            KeyPerson.birthday,
            Customer.name,
        )
        .join(Customer, on=(KeyPerson.customer == Customer.id))
        .where(
            KeyPerson.birthday.is_null(False),
            KeyPerson.birthday_lunar == False,  # noqa: E712
            fn.SUBSTR(KeyPerson.birthday, 6, 5).in_(sorted(month_days)),
        )
    )
    items = []
    for pid, cid, name, raw, customer_name in visible_customers(viewer, query=query).tuples():
        birthday = visits.as_date(raw)
        on = next((d for d in window if _birthday_in(birthday, d.year) == d), None)
        if on is None:
            continue
        age = on.year - birthday.year if birthday.year > 1900 else None
        items.append((on, customer_name, name, pid, cid, (on - day).days, age))
    items.sort(key=lambda i: i[:3])
    return items


def overdue_by_cadence(viewer, day):
    last = fn.MAX(Visit.visit_date)
    query = (
        Customer.select(
            Customer.id,
            Customer.code,
            Customer.name,
            Customer.phone,
            Category.name,
            Category.id,
            Category.visit_days,
            last,
        )
        .join(CustomerCategory, on=(CustomerCategory.customer == Customer.id))
        .join(Category, on=(Category.id == CustomerCategory.category))
        .join(Scheme, on=(Scheme.id == CustomerCategory.scheme))
        .switch(Customer)
        .join(Visit, JOIN.LEFT_OUTER, on=(Visit.customer == Customer.id))
        .where(
            Scheme.key == GRADE_SCHEME,
            Category.visit_days.is_null(False),
            Customer.status == "active",
        )
        .group_by(Customer.id)
        .having(
            last.is_null()
            | (last < fn.date(day.isoformat(), fn.printf("-%d days", Category.visit_days)))
        )
        .order_by(
            Category.parent.is_null(False),
            Category.position,
            last.asc(nulls="first"),
            Customer.code,
        )
    )
    condition = owner_filter(viewer)
    if condition is not None:
        query = query.where(condition)
    keys = categories.builtin_keys()
    return [care._item(row, day, keys) for row in query.tuples()]


def lunar_birthdays_near(viewer, day, days):
    query = (
        KeyPerson.select(KeyPerson.id, KeyPerson.customer, KeyPerson.birthday, Customer.name)
        .join(Customer, on=(KeyPerson.customer == Customer.id))
        .where(KeyPerson.birthday_lunar == True, KeyPerson.birthday.is_null(False))  # noqa: E712
    )
    items = []
    for pid, cid, raw, customer_name in visible_customers(viewer, query=query).tuples():
        born = visits.as_date(raw)
        on = next_lunar_birthday(born, day)
        if (on - day).days <= days:
            items.append((on, customer_name, pid, cid, (on - day).days))
    items.sort()
    return items


def anniversaries_near(viewer, day, days):
    window = [day + dt.timedelta(days=n) for n in range(days + 1)]
    by_month_day = {d.strftime("%m-%d"): d for d in window}
    query = Customer.select(
        Customer.id, Customer.code, Customer.name, Customer.trading_since
    ).where(
        Customer.trading_since.is_null(False),
        fn.SUBSTR(Customer.trading_since, 6, 5).in_(sorted(by_month_day)),
    )
    items = []
    for cid, code, _name, since in visible_customers(viewer, query=query).tuples():
        since = visits.as_date(since)
        on = by_month_day[since.strftime("%m-%d")]
        if on.year > since.year:
            items.append((on, code, cid, on.year - since.year))
    items.sort()
    return items
