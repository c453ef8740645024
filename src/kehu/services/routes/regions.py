"""Regions: the categories of the "region" scheme that routes hang under."""

from __future__ import annotations

import logging

from kehu.core.i18n import N_
from kehu.core.rights import Action, check
from kehu.db.connection import write
from kehu.db.models import Category, CustomerCategory, Route, Scheme, User
from kehu.services import audit
from kehu.services.routes.records import REGION_SCHEME, RouteError

logger = logging.getLogger(__name__)


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
    check(user, Action.MANAGE_CATEGORIES)  # regions are the categories of the region scheme
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


def region_routes(region_id: int) -> int:
    """How many routes hang directly under the region."""
    return Route.select().where(Route.region == region_id).count()


def delete_region(region_id: int, user: User, move_routes_to: int | None = None) -> int:
    """Delete an empty region: no sub-regions, no customers classified in it; its routes
    move to `move_routes_to` first (refused when it has routes and no target is given).
    Returns the number of routes moved."""
    check(user, Action.MANAGE_CATEGORIES)
    scheme = region_scheme()

    def run() -> int:
        region = Category.get_or_none(Category.id == region_id)
        if region is None or scheme is None or region.scheme_id != scheme.id:
            raise RouteError(N_("There is no such region."))
        if Category.select().where(Category.parent == region_id).exists():
            raise RouteError(
                N_("The region '{name}' has sub-regions; move or delete them first."),
                name=region.name,
            )
        if CustomerCategory.select().where(CustomerCategory.category == region_id).exists():
            raise RouteError(
                N_("Customers are classified in the region '{name}'; move them first."),
                name=region.name,
            )
        count = region_routes(region_id)
        if count and move_routes_to is None:
            raise RouteError(
                N_("The region '{name}' still has {n} routes; choose where they go."),
                name=region.name,
                n=count,
            )
        if move_routes_to == region_id:
            raise RouteError(N_("Choose another region for the routes."))
        if count:
            Route.update(region=move_routes_to).where(Route.region == region_id).execute()
        Category.delete().where(Category.id == region_id).execute()
        audit.record(
            user, "delete_category", "category", region_id, region.name, routes_moved=count
        )
        return count

    return write(Category._meta.database, run)
