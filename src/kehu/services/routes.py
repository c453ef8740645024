"""Routes (客户路序): regions → routes → ordered stops.

A route belongs to a region (a category of the scheme with key "region"), has a salesperson,
a start point, visit weekdays and a frequency code (see `kehu.core.route_calendar`), and an
ordered list of stops. A customer is on at most one route (a unique index says so).

Every change to the stops is one short write transaction that reads the stops as they are
*now* and renumbers them densely: when another user edited the same route in between, their
additions are kept and their removals respected, so no stop is ever duplicated or lost.
Orders are given as customer ids, never as row numbers, for the same reason.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, fn

from kehu.core import route_calendar
from kehu.core.i18n import N_, UserError, is_chinese, translate
from kehu.core.route_order import Proposal, Stop, propose_order, usable_point
from kehu.db.connection import write
from kehu.db.models import Category, Customer, Route, RouteStop, Scheme, User
from kehu.db.visibility import can_see, visible_owner_ids
from kehu.services import audit, visits

logger = logging.getLogger(__name__)

REGION_SCHEME = "region"
_EDITABLE = (
    "name",
    "region_id",
    "salesperson_id",
    "start_address",
    "start_latitude",
    "start_longitude",
    "weekdays",
    "frequency",
    "notes",
)


class RouteError(UserError):
    """A route change that cannot be made."""


@dataclass(frozen=True)
class Membership:
    """A customer's current route."""

    customer_id: int
    customer_name: str
    route_id: int
    route_name: str


class AlreadyOnRouteError(RouteError):
    """Some customers are on another route; nothing was written. Ask, then `move=True`."""

    SHOWN = 5  # customers named in the message

    def __init__(self, memberships: list[Membership]) -> None:
        self.memberships = memberships
        if len(memberships) > self.SHOWN:
            text = N_("Already on another route: {names} and others, {count} in all")
        else:
            text = N_("Already on another route: {names}")
        super().__init__(text, names=self._names("en"), count=len(memberships))

    def message(self, lang: str) -> str:
        return translate(self.text, lang, names=self._names(lang), count=len(self.memberships))

    def _names(self, lang: str) -> str:
        shown = self.memberships[: self.SHOWN]
        if is_chinese(lang):
            return "、".join(f"{m.customer_name}（{m.route_name}）" for m in shown)
        return ", ".join(f"{m.customer_name} ({m.route_name})" for m in shown)


@dataclass(frozen=True)
class RouteInfo:
    id: int
    name: str
    region_id: int | None
    region_name: str | None
    salesperson_id: int | None
    salesperson_name: str | None
    start_address: str | None
    start_latitude: float | None
    start_longitude: float | None
    weekdays: tuple[int, ...]
    frequency: str
    notes: str | None
    stop_count: int
    version: int

    def describe_calendar(self, lang: str) -> str:
        return route_calendar.describe(self.frequency, self.weekdays, lang)

    def is_due(self, day: dt.date) -> bool:
        return route_calendar.is_due(self.frequency, self.weekdays, day)


@dataclass(frozen=True)
class StopRow:
    number: int  # 1-based stop number
    customer_id: int
    code: str
    name: str
    address: str | None
    phone: str | None
    key_person: str | None
    last_visit: dt.date | None
    next_visit: dt.date | None
    latitude: float | None
    longitude: float | None
    status: str
    visible: bool = True

    @property
    def has_coordinates(self) -> bool:
        return usable_point(self.latitude, self.longitude) is not None


@dataclass(frozen=True)
class RouteProposal:
    route_id: int
    proposal: Proposal
    names: dict[int, str] = field(default_factory=dict)  # customer id → name

    @property
    def unplaced_names(self) -> list[str]:
        return [self.names.get(cid, str(cid)) for cid in self.proposal.unplaced]


# -- regions -------------------------------------------------------------------------------


def region_scheme() -> Scheme | None:
    return Scheme.get_or_none(Scheme.key == REGION_SCHEME)


def regions() -> list[tuple[int, int | None, str]]:
    """(id, parent id, name) of every region, parents before children, by position."""
    scheme = region_scheme()
    if scheme is None:
        return []
    rows = list(
        Category.select(Category.id, Category.parent, Category.name)
        .where(Category.scheme == scheme.id)
        .order_by(Category.position, Category.name)
        .tuples()
    )
    by_parent: dict[int | None, list[tuple[int, int | None, str]]] = {}
    for row in rows:
        by_parent.setdefault(row[1], []).append(row)
    ordered: list[tuple[int, int | None, str]] = []
    known = {row[0] for row in rows}

    def walk(parent: int | None) -> None:
        for row in by_parent.get(parent, []):
            ordered.append(row)
            walk(row[0])

    walk(None)
    for row in rows:  # orphans (a parent in another scheme): keep them visible at the top
        if row[1] is not None and row[1] not in known:
            ordered.append((row[0], None, row[2]))
            walk(row[0])
    return ordered


def add_region(name: str, user: User, parent_id: int | None = None) -> int:
    name = (name or "").strip()
    if not name:
        raise RouteError(N_("Enter a name for the region."))
    scheme = region_scheme()
    if scheme is None:
        raise RouteError(N_("The database has no region scheme."))

    def run() -> int:
        taken = Category.select().where(
            Category.scheme == scheme.id,
            Category.parent.is_null() if parent_id is None else Category.parent == parent_id,
            Category.name == name,
        )
        if taken.exists():
            raise RouteError(N_("The region '{name}' exists already."), name=name)
        position = (
            Category.select()
            .where(
                Category.scheme == scheme.id,
                Category.parent.is_null() if parent_id is None else Category.parent == parent_id,
            )
            .count()
        )
        region = Category.create(scheme=scheme.id, parent=parent_id, name=name, position=position)
        audit.record(user, "add_category", "category", region.id, name)
        return region.id

    return write(Category._meta.database, run)


# -- routes --------------------------------------------------------------------------------


def _check_values(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(_EDITABLE)
    if unknown:
        raise TypeError(f"unknown route fields: {sorted(unknown)}")
    cleaned = dict(values)
    if "name" in cleaned:
        cleaned["name"] = (cleaned["name"] or "").strip()
        if not cleaned["name"]:
            raise RouteError(N_("Enter a name for the route."))
        if len(cleaned["name"]) > 60:
            raise RouteError(N_("A route name has at most 60 characters."))
    if "frequency" in cleaned:
        try:
            route_calendar.check_frequency(cleaned["frequency"])
        except route_calendar.CalendarError as exc:
            raise RouteError(exc.text, **exc.values) from exc
    if "weekdays" in cleaned:
        try:
            cleaned["weekdays"] = route_calendar.format_weekdays(
                route_calendar.parse_weekdays(cleaned["weekdays"])
            )
        except route_calendar.CalendarError as exc:
            raise RouteError(exc.text, **exc.values) from exc
    lat, lon = cleaned.get("start_latitude"), cleaned.get("start_longitude")
    if (lat is not None or lon is not None) and usable_point(lat, lon) is None:
        raise RouteError(
            N_("Invalid start coordinates: latitude −90…90, longitude −180…180."),
        )
    if cleaned.get("region_id") is not None:
        scheme = region_scheme()
        region = Category.get_or_none(Category.id == cleaned["region_id"])
        if region is None or scheme is None or region.scheme_id != scheme.id:
            raise RouteError(N_("The chosen region does not exist."))
    for name in ("start_address", "notes"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip() or None
    return cleaned


def _columns(values: dict[str, Any]) -> dict[str, Any]:
    renamed = {"region_id": "region", "salesperson_id": "salesperson"}
    return {renamed.get(k, k): v for k, v in values.items()}


def create_route(user: User, name: str, **settings: Any) -> int:
    """A new route; `settings`: region_id, salesperson_id, weekdays, frequency, start_*, notes.

    The salesperson defaults to the user who creates the route.
    """
    values = _check_values({"name": name, **settings})
    values.setdefault("salesperson_id", user.id)
    values.setdefault("frequency", route_calendar.WEEKLY)

    def run() -> int:
        region = values.get("region_id")
        position = (
            Route.select()
            .where(Route.region.is_null() if region is None else Route.region == region)
            .count()
        )
        route = Route.create(position=position, **_columns(values))
        audit.record(user, "create_route", "route", route.id, route.name)
        return route.id

    return write(Route._meta.database, run)


def _route_or_error(route_id: int) -> Route:
    route = Route.get_or_none(Route.id == route_id)
    if route is None:
        raise RouteError(
            N_("This route was deleted (perhaps by another user)."),
        )
    return route


def update_route(route_id: int, user: User, **changes: Any) -> None:
    """Change a route's name, region, salesperson, start point, calendar or notes."""
    values = _check_values(changes)
    if not values:
        return

    def run() -> None:
        route = _route_or_error(route_id)
        Route.update(version=Route.version + 1, **_columns(values)).where(
            Route.id == route_id
        ).execute()
        audit.record(user, "update_route", "route", route_id, route.name, fields=sorted(values))

    write(Route._meta.database, run)


def rename_route(route_id: int, name: str, user: User) -> None:
    update_route(route_id, user, name=name)


def move_route(route_id: int, region_id: int | None, user: User) -> None:
    update_route(route_id, user, region_id=region_id)


def delete_route(route_id: int, user: User) -> list[int]:
    """Delete a route; its customers stay (only their stops go). Returns those customers."""

    def run() -> list[int]:
        route = _route_or_error(route_id)
        released = _order(route_id)
        RouteStop.delete().where(RouteStop.route == route_id).execute()
        Route.delete().where(Route.id == route_id).execute()
        audit.record(user, "delete_route", "route", route_id, route.name, stops=len(released))
        return released

    return write(Route._meta.database, run)


def _info_query():
    salesperson = User.alias("salesperson")
    counts = (
        RouteStop.select(RouteStop.route, fn.COUNT(RouteStop.id).alias("n"))
        .group_by(RouteStop.route)
        .alias("counts")
    )
    return (
        Route.select(
            Route,
            Category.name.alias("region_name"),
            salesperson.display_name.alias("salesperson_name"),
            fn.COALESCE(counts.c.n, 0).alias("stop_count"),
        )
        .join(Category, JOIN.LEFT_OUTER, on=(Route.region == Category.id))
        .switch(Route)
        .join(salesperson, JOIN.LEFT_OUTER, on=(Route.salesperson == salesperson.id))
        .switch(Route)
        .join(counts, JOIN.LEFT_OUTER, on=(counts.c.route_id == Route.id))
        .order_by(Route.position, Route.name, Route.id)
    )


def _info(row: Any) -> RouteInfo:
    return RouteInfo(
        id=row.id,
        name=row.name,
        region_id=row.region_id,
        region_name=row.region_name,
        salesperson_id=row.salesperson_id,
        salesperson_name=row.salesperson_name,
        start_address=row.start_address,
        start_latitude=row.start_latitude,
        start_longitude=row.start_longitude,
        weekdays=route_calendar.parse_weekdays(row.weekdays),
        frequency=row.frequency,
        notes=row.notes,
        stop_count=row.stop_count,
        version=row.version,
    )


def get_route(route_id: int) -> RouteInfo:
    row = _info_query().where(Route.id == route_id).objects().first()
    if row is None:
        _route_or_error(route_id)
    return _info(row)


def list_routes(region_id: int | None = None, *, all_regions: bool = True) -> list[RouteInfo]:
    """Routes of one region (without its sub-regions), or all routes."""
    query = _info_query()
    if not all_regions:
        query = query.where(
            Route.region.is_null() if region_id is None else Route.region == region_id
        )
    return [_info(row) for row in query.objects()]


def routes_for(viewer: User) -> list[RouteInfo]:
    """The routes whose salesperson the viewer may act for (admins: all routes)."""
    allowed = visible_owner_ids(viewer)
    return [r for r in list_routes() if allowed is None or r.salesperson_id in allowed]


# -- stops ---------------------------------------------------------------------------------


def _order(route_id: int) -> list[int]:
    """Customer ids of a route's stops, in stop order (read inside the transaction)."""
    query = (
        RouteStop.select(RouteStop.customer)
        .where(RouteStop.route == route_id)
        .order_by(RouteStop.position, RouteStop.id)
        .tuples()
    )
    return [cid for (cid,) in query]


def stop_order(route_id: int) -> list[int]:
    return _order(route_id)


def _renumber(route_id: int, order: Sequence[int]) -> None:
    """Write positions 0…n-1; only rows whose position changes are touched."""
    stored = dict(
        RouteStop.select(RouteStop.customer, RouteStop.position)
        .where(RouteStop.route == route_id)
        .tuples()
    )
    for position, cid in enumerate(order):
        if stored.get(cid) != position:
            RouteStop.update(position=position).where(
                RouteStop.route == route_id, RouteStop.customer == cid
            ).execute()
    Route.update(version=Route.version + 1).where(Route.id == route_id).execute()


def merge_order(current: Sequence[int], wanted: Sequence[int]) -> list[int]:
    """`wanted` applied to the stops as they are now.

    Stops no longer on the route are dropped from `wanted`; stops on the route that `wanted`
    does not mention (added meanwhile by someone else) keep their place after the stop that
    preceded them. The result holds every current stop exactly once.
    """
    on_route = set(current)
    result: list[int] = []
    seen: set[int] = set()
    for cid in wanted:
        if cid in on_route and cid not in seen:
            result.append(cid)
            seen.add(cid)
    for index, cid in enumerate(current):
        if cid in seen:
            continue
        predecessor = current[index - 1] if index else None
        at = result.index(predecessor) + 1 if predecessor in seen else 0
        result.insert(at, cid)
        seen.add(cid)
    return result


def moved_before(current: Sequence[int], moving: Sequence[int], before: int | None) -> list[int]:
    """`current` with `moving` (in that order) placed just before `before` (None: at the end).

    When `before` is itself moving, the first stop after it that does not move is used.
    """
    moving_set = set(moving)
    if before in moving_set and before in current:
        after = current[current.index(before) :]
        before = next((cid for cid in after if cid not in moving_set), None)
    rest = [cid for cid in current if cid not in moving_set]
    at = rest.index(before) if before in rest else len(rest)
    unique = list(dict.fromkeys(moving))
    return rest[:at] + unique + rest[at:]


def routes_of(customer_ids: Iterable[int]) -> dict[int, Membership]:
    """The current route of each customer that is on one."""
    ids = list(customer_ids)
    found: dict[int, Membership] = {}
    for start in range(0, len(ids), 500):
        query = (
            RouteStop.select(RouteStop.customer, Customer.name, Route.id, Route.name)
            .join(Route, on=(RouteStop.route == Route.id))
            .switch(RouteStop)
            .join(Customer, on=(RouteStop.customer == Customer.id))
            .where(RouteStop.customer.in_(ids[start : start + 500]))
            .tuples()
        )
        for cid, cname, rid, rname in query:
            found[cid] = Membership(cid, cname, rid, rname)
    return found


def add_stops(
    route_id: int,
    customer_ids: Sequence[int],
    user: User,
    *,
    before: int | None = None,
    move: bool = False,
) -> list[int]:
    """Put customers on a route, just before stop `before` (None: at the end).

    Customers on another route raise `AlreadyOnRouteError` and nothing is written, unless
    `move` is true: then they leave their old route. Customers already on this route are
    moved to the new place. Returns the new stop order.
    """
    wanted = list(dict.fromkeys(customer_ids))

    def run() -> list[int]:
        _route_or_error(route_id)
        _check_customers(wanted, user)
        elsewhere = {cid: m for cid, m in routes_of(wanted).items() if m.route_id != route_id}
        if elsewhere and not move:
            raise AlreadyOnRouteError(list(elsewhere.values()))
        old_routes = {m.route_id for m in elsewhere.values()}
        if elsewhere:
            RouteStop.delete().where(RouteStop.customer.in_(list(elsewhere))).execute()
            for old in old_routes:
                _renumber(old, _order(old))
        current = _order(route_id)
        new = [cid for cid in wanted if cid not in current]
        base = len(current)
        if new:
            RouteStop.insert_many(
                [(route_id, cid, base + i) for i, cid in enumerate(new)],
                fields=[RouteStop.route, RouteStop.customer, RouteStop.position],
            ).execute()
        order = moved_before(current + new, wanted, before)
        _renumber(route_id, order)
        audit.record(
            user,
            "route_add_stops",
            "route",
            route_id,
            None,
            added=len(new),
            moved_from=sorted(old_routes),
        )
        return order

    return write(Route._meta.database, run)


def _check_customers(customer_ids: Sequence[int], user: User) -> None:
    rows = {c.id: c for c in Customer.select().where(Customer.id.in_(list(customer_ids)))}
    missing = [cid for cid in customer_ids if cid not in rows]
    if missing:
        raise RouteError(N_("Some of these customers were erased."))
    hidden = [c for c in rows.values() if not can_see(user, c)]
    if hidden:
        raise RouteError(N_("You may not schedule some of these customers."))


def remove_stops(route_id: int, customer_ids: Iterable[int], user: User) -> list[int]:
    """Take customers off a route (the customers stay). Returns the new stop order."""
    ids = list(customer_ids)

    def run() -> list[int]:
        _route_or_error(route_id)
        removed = (
            RouteStop.delete()
            .where(RouteStop.route == route_id, RouteStop.customer.in_(ids))
            .execute()
        )
        order = _order(route_id)
        _renumber(route_id, order)
        audit.record(user, "route_remove_stops", "route", route_id, None, removed=removed)
        return order

    return write(Route._meta.database, run)


def move_stops(
    route_id: int, customer_ids: Sequence[int], before: int | None, user: User
) -> list[int]:
    """Move stops (dragged together) to just before stop `before` (None: to the end)."""

    def run() -> list[int]:
        _route_or_error(route_id)
        current = _order(route_id)
        moving = [cid for cid in customer_ids if cid in set(current)]
        order = moved_before(current, moving, before)
        _renumber(route_id, order)
        audit.record(user, "route_reorder", "route", route_id, None, moved=len(moving))
        return order

    return write(Route._meta.database, run)


def reorder(route_id: int, order: Sequence[int], user: User) -> list[int]:
    """Set the whole stop order (e.g. an accepted proposal), merged with concurrent edits."""

    def run() -> list[int]:
        _route_or_error(route_id)
        merged = merge_order(_order(route_id), order)
        _renumber(route_id, merged)
        audit.record(user, "route_reorder", "route", route_id, None, stops=len(merged))
        return merged

    return write(Route._meta.database, run)


def stops(route_id: int, viewer: User | None = None) -> list[StopRow]:
    """The stops of a route in order, with what a route sheet shows.

    Customers the viewer may not see keep their place but show no details.
    """
    query = (
        RouteStop.select(RouteStop.position, Customer)
        .join(Customer, on=(RouteStop.customer == Customer.id))
        .where(RouteStop.route == route_id)
        .order_by(RouteStop.position, RouteStop.id)
    )
    customers = [stop.customer for stop in query]
    ids = [c.id for c in customers]
    persons = visits.first_key_persons(ids)
    last = visits.last_visit_dates(ids)
    planned = visits.planned_visits(ids)
    allowed = visible_owner_ids(viewer) if viewer is not None else None
    rows = []
    for number, c in enumerate(customers, start=1):
        visible = allowed is None or c.owner_id in allowed
        if not visible:
            rows.append(
                StopRow(  # its place only: the view says it is not visible
                    number,
                    c.id,
                    c.code,
                    "",
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    c.status,
                    visible=False,
                )
            )
            continue
        rows.append(
            StopRow(
                number=number,
                customer_id=c.id,
                code=c.code,
                name=c.name,
                address=c.address,
                phone=c.phone,
                key_person=persons.get(c.id),
                last_visit=last.get(c.id),
                next_visit=planned.get(c.id),
                latitude=c.latitude,
                longitude=c.longitude,
                status=c.status,
            )
        )
    return rows


def propose(route_id: int) -> RouteProposal:
    """An economical order for the route's stops (nothing is written; see `reorder`)."""
    route = _route_or_error(route_id)
    query = (
        RouteStop.select(RouteStop.customer, Customer.name, Customer.latitude, Customer.longitude)
        .join(Customer, on=(RouteStop.customer == Customer.id))
        .where(RouteStop.route == route_id)
        .order_by(RouteStop.position, RouteStop.id)
        .tuples()
    )
    rows = list(query)
    start = usable_point(route.start_latitude, route.start_longitude)
    proposal = propose_order([Stop(cid, lat, lon) for cid, _n, lat, lon in rows], start)
    return RouteProposal(route_id, proposal, {cid: name for cid, name, _a, _b in rows})


def salespeople() -> list[tuple[int, str]]:
    return visits.salespeople()
