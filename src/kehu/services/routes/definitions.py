"""Routes themselves: create, change, delete, read (their stops are in `stops`)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from peewee import JOIN, fn

from kehu.core import route_calendar
from kehu.core.i18n import N_
from kehu.core.rights import Action
from kehu.core.route_order import usable_point
from kehu.db.connection import write
from kehu.db.models import Category, Route, RouteStop, User
from kehu.db.visibility import visible_owner_ids
from kehu.services import access, audit, visits
from kehu.services.routes.records import (
    _EDITABLE,
    RouteError,
    RouteInfo,
    route_for,
    route_or_error,
    stop_ids,
)
from kehu.services.routes.regions import region_scheme

logger = logging.getLogger(__name__)


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
    access.require(user, Action.MANAGE_ROUTES, values["salesperson_id"], route=name)

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


def update_route(route_id: int, user: User, **changes: Any) -> None:
    """Change a route's name, region, salesperson, start point, calendar or notes."""
    values = _check_values(changes)
    if not values:
        return

    def run() -> None:
        route = route_for(route_id, user)
        if values.get("salesperson_id") not in (None, route.salesperson_id):
            access.require(user, Action.MANAGE_ROUTES, values["salesperson_id"], route=route.name)
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
        route = route_for(route_id, user)
        released = stop_ids(route_id)
        RouteStop.delete().where(RouteStop.route == route_id).execute()
        Route.delete().where(Route.id == route_id).execute()
        audit.record(user, "delete_route", "route", route_id, route.name, stops=len(released))
        return released

    return write(Route._meta.database, run)


def _info_query(route_ids: list[int] | None = None):
    salesperson = User.alias("salesperson")
    counts = RouteStop.select(RouteStop.route, fn.COUNT(RouteStop.id).alias("n"))
    if route_ids is not None:  # counted for these routes only
        counts = counts.where(RouteStop.route.in_(route_ids))
    counts = counts.group_by(RouteStop.route).alias("counts")
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
        route_or_error(route_id)
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


def due_routes(viewer: User, day: dt.date) -> list[RouteInfo]:
    """The routes of `routes_for(viewer)` that the route calendar visits on `day`, in their
    order (only those are read whole)."""
    query = Route.select(Route.id, Route.salesperson, Route.weekdays, Route.frequency)
    allowed = visible_owner_ids(viewer)
    ids = [
        rid
        for rid, salesperson, weekdays, frequency in query.tuples()
        if (allowed is None or salesperson in allowed)
        and route_calendar.is_due(frequency, weekdays, day)
    ]
    if not ids:
        return []
    return [_info(row) for row in _info_query(ids).where(Route.id.in_(ids)).objects()]


def salespeople() -> list[tuple[int, str]]:
    return visits.salespeople()
