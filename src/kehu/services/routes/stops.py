"""A route's ordered stops: add, remove, move, reorder, read, propose an order.

Every change reads the stops as they are *now* inside one short write transaction and
renumbers them densely (see the package docstring)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from kehu.core.i18n import N_
from kehu.core.route_order import Stop, propose_order, usable_point
from kehu.db.connection import write
from kehu.db.models import Customer, Route, RouteStop, User
from kehu.db.visibility import can_see, visible_owner_ids
from kehu.services import audit, visits
from kehu.services.routes.records import (
    AlreadyOnRouteError,
    Membership,
    RouteError,
    RouteProposal,
    StopRow,
    route_for,
    route_or_error,
    stop_ids,
)

logger = logging.getLogger(__name__)


def stop_order(route_id: int) -> list[int]:
    return stop_ids(route_id)


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
        route_for(route_id, user)
        _check_customers(wanted, user)
        elsewhere = {cid: m for cid, m in routes_of(wanted).items() if m.route_id != route_id}
        if elsewhere and not move:
            raise AlreadyOnRouteError(list(elsewhere.values()))
        old_routes = {m.route_id for m in elsewhere.values()}
        if elsewhere:
            RouteStop.delete().where(RouteStop.customer.in_(list(elsewhere))).execute()
            for old in old_routes:
                _renumber(old, stop_ids(old))
        current = stop_ids(route_id)
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
        route_for(route_id, user)
        removed = (
            RouteStop.delete()
            .where(RouteStop.route == route_id, RouteStop.customer.in_(ids))
            .execute()
        )
        order = stop_ids(route_id)
        _renumber(route_id, order)
        audit.record(user, "route_remove_stops", "route", route_id, None, removed=removed)
        return order

    return write(Route._meta.database, run)


def move_stops(
    route_id: int, customer_ids: Sequence[int], before: int | None, user: User
) -> list[int]:
    """Move stops (dragged together) to just before stop `before` (None: to the end)."""

    def run() -> list[int]:
        route_for(route_id, user)
        current = stop_ids(route_id)
        moving = [cid for cid in customer_ids if cid in set(current)]
        order = moved_before(current, moving, before)
        _renumber(route_id, order)
        audit.record(user, "route_reorder", "route", route_id, None, moved=len(moving))
        return order

    return write(Route._meta.database, run)


def reorder(route_id: int, order: Sequence[int], user: User) -> list[int]:
    """Set the whole stop order (e.g. an accepted proposal), merged with concurrent edits."""

    def run() -> list[int]:
        route_for(route_id, user)
        merged = merge_order(stop_ids(route_id), order)
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
    route = route_or_error(route_id)
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
