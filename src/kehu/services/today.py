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

import calendar
import datetime as dt
import logging
from dataclasses import dataclass, field

from kehu.core.paging import Page, walk_parts
from kehu.db import care_keys
from kehu.db.models import User
from kehu.services import care, routes, visits

logger = logging.getLogger(__name__)

BIRTHDAY_DAYS = 7
SHOWN = 200  # rows per section in the report; the rest are counted ("and 49,378 more")
SECTIONS = ("due", "overdue", "birthdays", "cadence", "lunar_birthdays", "anniversaries")


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
    # section → how many rows it has in all (the lists hold the first `SHOWN` of them)
    totals: dict[str, int] = field(default_factory=dict)

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

    def total(self, section: str) -> int:
        """How many rows `section` has in all (more than it lists when it is long)."""
        return self.totals.get(section, len(getattr(self, section)))


# -- due ---------------------------------------------------------------------------------------
def _due_entries(viewer: User, day: dt.date) -> tuple[dict[int, dict], list[routes.RouteInfo]]:
    """The visible customers due on `day` in the order listed: route calendar first (routes in
    their order, stops in stop order, numbered among all the route's stops), then planned."""
    due_routes = routes.due_routes(viewer, day)
    by_id = {r.id: r for r in due_routes}
    rank = {r.id: n for n, r in enumerate(due_routes)}
    entries: dict[int, dict] = {}
    numbers: dict[int, int] = {}
    stops = care_keys.route_stops(viewer, list(rank))
    for route_id, _position, _stop_id, cid, seen in sorted(
        stops, key=lambda s: (rank[s[0]], s[1], s[2])
    ):
        numbers[route_id] = numbers.get(route_id, 0) + 1
        if seen:
            entries.setdefault(
                cid, {"reasons": ["route"], "route": by_id[route_id], "stop": numbers[route_id]}
            )
    for cid in care_keys.planned_on(viewer, day):
        entry = entries.setdefault(cid, {"reasons": [], "route": None, "stop": None})
        entry["reasons"].append("planned")
    return entries, due_routes


def due_page(
    viewer: User, day: dt.date, offset: int = 0, limit: int | None = SHOWN
) -> tuple[Page, list[routes.RouteInfo]]:
    """Customers to visit on `day` (rows `offset`… of them) and the routes due that day."""
    entries, due_routes = _due_entries(viewer, day)
    ids = list(entries)
    shown = ids[offset : None if limit is None else offset + limit]
    details = care_keys.due_details(shown, day)
    items = []
    for cid in shown:
        entry = entries[cid]
        code, name, address, phone, last, visited = details[cid]
        route = entry["route"]
        items.append(
            DueItem(
                customer_id=cid,
                code=code,
                name=name,
                address=address,
                phone=phone,
                reasons=tuple(entry["reasons"]),
                route_id=route.id if route else None,
                route_name=route.name if route else None,
                stop_number=entry["stop"],
                last_visit=visits.as_date(last),
                visited=bool(visited),
            )
        )
    return Page(items, len(ids), offset), due_routes


def due_on(viewer: User, day: dt.date) -> tuple[list[DueItem], list[routes.RouteInfo]]:
    """Customers to visit on `day`: route calendar first (in stop order), then planned."""
    page, due_routes = due_page(viewer, day, 0, None)
    return page.items, due_routes


# -- overdue -----------------------------------------------------------------------------------
def overdue_page(viewer: User, day: dt.date, offset: int = 0, limit: int | None = SHOWN) -> Page:
    """Follow-ups planned before `day` by a customer's latest visit, oldest first."""
    items = []
    for cid, code, name, phone, planned, step, last in care_keys.overdue(
        viewer, day, offset, limit
    ):
        planned_on = visits.as_date(planned)
        items.append(
            OverdueItem(
                customer_id=cid,
                code=code,
                name=name,
                phone=phone,
                planned_on=planned_on,
                days_overdue=(day - planned_on).days,
                next_step=step,
                last_visit=visits.as_date(last),
            )
        )
    total = care_keys.overdue_count(viewer, day) if limit is not None else offset + len(items)
    return Page(items, total, offset)


def overdue_on(viewer: User, day: dt.date) -> list[OverdueItem]:
    """Follow-ups planned before `day` by a customer's latest visit, oldest first."""
    return overdue_page(viewer, day, 0, None).items


# -- birthdays ---------------------------------------------------------------------------------
def _birthday_in(birthday: dt.date, year: int) -> dt.date:
    try:
        return birthday.replace(year=year)
    except ValueError:  # 29 February in a common year
        return dt.date(year, 2, 28)


def birthday_days(day: dt.date, days: int) -> list[tuple[dt.date, list[str]]]:
    """Each day of the window with the MM-DD of the birthdays remembered on it (29 February
    ones on 28 February of a common year)."""
    found = []
    for offset in range(days + 1):
        on = day + dt.timedelta(days=offset)
        month_days = [on.strftime("%m-%d")]
        if on.month == 2 and on.day == 28 and not calendar.isleap(on.year):
            month_days.append("02-29")
        found.append((on, month_days))
    return found


def birthdays_page(
    viewer: User,
    day: dt.date,
    days: int = BIRTHDAY_DAYS,
    offset: int = 0,
    limit: int | None = SHOWN,
) -> Page:
    """Key persons with a birthday from `day` to `day + days`, soonest first."""
    window = birthday_days(day, days)
    counts = care_keys.birthday_counts(viewer, [m for _on, mds in window for m in mds])
    per_day = [((on, mds), sum(counts.get(m, 0) for m in mds)) for on, mds in window]

    def fetch(key: tuple[dt.date, list[str]], skip: int, at_most: int | None) -> list:
        on, month_days = key
        items = []
        for pid, cid, name, title, mobile, raw, customer_name in care_keys.birthday_rows(
            viewer, month_days, skip, at_most
        ):
            birthday = visits.as_date(raw)
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
        return items

    return Page(walk_parts(per_day, offset, limit, fetch), sum(n for _k, n in per_day), offset)


def birthdays_near(
    viewer: User, day: dt.date, days: int = BIRTHDAY_DAYS, limit: int | None = None
) -> list[BirthdayItem]:
    """Key persons with a birthday from `day` to `day + days`, soonest first (at most `limit`)."""
    return birthdays_page(viewer, day, days, 0, limit).items


# -- every section -----------------------------------------------------------------------------
def section_page(
    viewer: User,
    section: str,
    day: dt.date,
    days_ahead: int = BIRTHDAY_DAYS,
    offset: int = 0,
    limit: int | None = SHOWN,
) -> Page:
    """Rows `offset`… of one section of the report (the panel's "show all" pages)."""
    if section == "due":
        return due_page(viewer, day, offset, limit)[0]
    if section == "overdue":
        return overdue_page(viewer, day, offset, limit)
    if section == "birthdays":
        return birthdays_page(viewer, day, days_ahead, offset, limit)
    if section == "cadence":
        return care.cadence_page(viewer, day, offset, limit)
    if section == "lunar_birthdays":
        return care.lunar_page(viewer, day, days_ahead, offset, limit)
    if section == "anniversaries":
        return care.anniversaries_page(viewer, day, days_ahead, offset, limit)
    raise ValueError(f"unknown section {section!r}")


def today(
    viewer: User,
    day: dt.date | None = None,
    days_ahead: int = BIRTHDAY_DAYS,
    shown: int | None = None,
) -> TodayReport:
    """Everything the today panel shows for `day` (default: the computer's date); birthdays
    and anniversaries `days_ahead` days ahead. Each section lists its first `shown` rows (the
    soonest, most urgent) and counts them all."""
    day = day or dt.date.today()
    shown = SHOWN if shown is None else shown
    due, due_routes = due_page(viewer, day, 0, shown)
    pages = {"due": due}
    for section in SECTIONS[1:]:
        pages[section] = section_page(viewer, section, day, days_ahead, 0, shown)
    return TodayReport(
        day=day,
        due=due.items,
        overdue=pages["overdue"].items,
        birthdays=pages["birthdays"].items,
        routes=due_routes,
        cadence=pages["cadence"].items,
        lunar_birthdays=pages["lunar_birthdays"].items,
        anniversaries=pages["anniversaries"].items,
        days_ahead=days_ahead,
        totals={section: page.total for section, page in pages.items()},
    )
