"""Regions: the categories of the "region" scheme that routes hang under."""

from __future__ import annotations

import logging

from kehu.core.i18n import N_
from kehu.db.connection import write
from kehu.db.models import Category, Scheme, User
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
