"""User actions on routes (客户路序): regions, routes, and their ordered stops."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kehu.core.changes import Changes, Outcome
from kehu.db.models import User
from kehu.services import classification, routes

ROUTES = Changes(routes=True)


def add_region(user: User, name: str, parent_id: int | None = None) -> Outcome[int]:
    """A region is a category of the region scheme: the classification tree changes too."""
    region_id = routes.add_region(name, user, parent_id=parent_id)
    return Outcome(region_id, ROUTES.with_(category_tree=True))


def rename_region(user: User, region_id: int, name: str) -> Changes:
    classification.rename(region_id, name, user)
    return ROUTES.with_(category_tree=True)


def move_region(user: User, region_id: int, parent_id: int | None) -> Changes:
    classification.move(region_id, parent_id, user)
    return ROUTES.with_(category_tree=True)


def delete_region(user: User, region_id: int, move_routes_to: int | None = None) -> Changes:
    routes.delete_region(region_id, user, move_routes_to)
    return ROUTES.with_(category_tree=True)


def create_route(user: User, **values: Any) -> Outcome[int]:
    return Outcome(routes.create_route(user, **values), ROUTES)


def update_route(user: User, route_id: int, **values: Any) -> Changes:
    routes.update_route(route_id, user, **values)
    return ROUTES


def delete_route(user: User, route_id: int) -> Changes:
    routes.delete_route(route_id, user)
    return ROUTES


def add_stops(
    user: User,
    route_id: int,
    customer_ids: Sequence[int],
    before: int | None = None,
    move: bool = False,
) -> Changes:
    """Raises `AlreadyOnRouteError` (unless `move`) when a customer is on another route."""
    routes.add_stops(route_id, list(customer_ids), user, before=before, move=move)
    return ROUTES


def remove_stops(user: User, route_id: int, customer_ids: Sequence[int]) -> Changes:
    routes.remove_stops(route_id, list(customer_ids), user)
    return ROUTES


def move_stops(
    user: User, route_id: int, customer_ids: Sequence[int], before: int | None
) -> Changes:
    routes.move_stops(route_id, list(customer_ids), before, user)
    return ROUTES


def reorder(user: User, route_id: int, order: Sequence[Any]) -> Changes:
    routes.reorder(route_id, list(order), user)
    return ROUTES


__all__ = [
    "ROUTES",
    "add_region",
    "add_stops",
    "create_route",
    "delete_region",
    "delete_route",
    "move_region",
    "rename_region",
    "move_stops",
    "remove_stops",
    "reorder",
    "update_route",
]
