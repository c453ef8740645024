"""The SQL of owner transfers (一键转换负责人): the customers change owner in bulk, their
history rows go in with one statement, their route stops follow them; the derived counts
move set-based (`kehu.db.owner_moves`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from peewee import SQL

from kehu.db import owner_moves
from kehu.db.dialect import dialect
from kehu.db.models import Customer, Route, RouteStop

CHUNK = 900  # ids per statement (under SQLite's default 999 host parameters)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def customers_of(owner_id: int) -> list[int]:
    """Every customer of `owner_id` (active and archived)."""
    query = Customer.select(Customer.id).where(Customer.owner == owner_id).order_by(Customer.id)
    return [cid for (cid,) in query.tuples()]


def owners_and_versions(ids: Sequence[int]) -> dict[int, tuple[int | None, int]]:
    found: dict[int, tuple[int | None, int]] = {}
    for chunk in _chunks(ids):
        query = Customer.select(Customer.id, Customer.owner, Customer.version).where(
            Customer.id.in_(list(chunk))
        )
        found.update({cid: (owner, version) for cid, owner, version in query.tuples()})
    return found


def set_owner(
    before: dict[int, tuple[int | None, int]],
    names: dict[int | None, str],
    to_id: int,
    by_id: int,
    at: dt.datetime,
) -> int:
    """Give the customers of `before` (id → (old owner, version)) to `to_id`: a new version
    each, one history row each (field "owner", old and new display names). Set-based over a
    temporary table of the ids; the derived counts move in a few statements
    (`kehu.db.owner_moves`)."""
    db = Customer._meta.database
    ids = sorted(before)
    if not ids:
        return 0
    owner_moves.fill_moving(db, [(cid, before[cid][0] or 0) for cid in ids])
    try:
        with owner_moves.owner_triggers_off(db) as off:
            owner_moves.move_chosen_counts(db, off, to_id)
            db.execute_sql(
                _HISTORY.format(
                    source=f"customer c JOIN {owner_moves.MOVING} m ON m.customer_id = c.id "
                    'LEFT JOIN "user" u ON u.id = m.old_owner',
                    old="u.display_name",
                    where="1 = 1",
                    p=db.param,
                ),
                (names.get(to_id), by_id, str(at)),
            )
            Customer.update(
                owner=to_id, version=Customer.version + 1, updated_by=by_id, updated_at=at
            ).where(
                Customer.id.in_(SQL(f"(SELECT customer_id FROM {owner_moves.MOVING})"))
            ).execute()
    finally:
        owner_moves.drop_moving(db)
    return len(ids)


_HISTORY = (
    'INSERT INTO "field_change" (customer_id, version, person_id, field, old_value, '
    "new_value, user_id, changed_at, import_batch_id) "
    "SELECT c.id, c.version + 1, NULL, 'owner', {old}, {p}, {p}, {p}, NULL FROM {source} "
    "WHERE {where}"
)


def set_owner_of_all(
    from_id: int, names: dict[int | None, str], to_id: int, by_id: int, at: dt.datetime
) -> int:
    """Give every customer of `from_id` to `to_id`: their history rows (read from the rows
    themselves), the owner and a new version, each in one statement; the count rows of
    `from_id` change owner whole (`kehu.db.owner_moves`)."""
    db = Customer._meta.database
    with owner_moves.owner_triggers_off(db) as off:
        db.execute_sql(
            _HISTORY.format(
                source="customer c", old=db.param, where=f"c.owner_id = {db.param}", p=db.param
            ),
            (names.get(from_id), names.get(to_id), by_id, str(at), from_id),
        )
        owner_moves.move_all_counts(db, off, from_id, to_id)
        return (
            Customer.update(
                owner=to_id, version=Customer.version + 1, updated_by=by_id, updated_at=at
            )
            .where(Customer.owner == from_id)
            .execute()
        )


def bare_owner_update(from_id: int, to_id: int) -> int:
    """Only the owner column (the benchmark's baseline: no history, no versions)."""
    return Customer.update(owner=to_id).where(Customer.owner == from_id).execute()


def routes_holding(ids: Sequence[int], salesperson_id: int) -> dict[int, tuple[int, int]]:
    """The routes of `salesperson_id` with stops among `ids`: route → (moving, all stops).
    Two grouped queries over a temporary table of the ids, whatever their number."""
    db = Customer._meta.database
    p = db.param
    number = dialect(db).INTEGER
    db.execute_sql(f"CREATE TEMP TABLE IF NOT EXISTS {_HOLDING} (customer_id {number} PRIMARY KEY)")
    try:
        db.execute_sql(f"DELETE FROM {_HOLDING}")
        db.cursor().executemany(
            dialect(db).insert_ignore_sql(db, _HOLDING, ("customer_id",)), [(cid,) for cid in ids]
        )
        stops = (
            "SELECT rs.route_id, COUNT(*) FROM route_stop rs JOIN route r ON r.id = rs.route_id "
            f"WHERE r.salesperson_id = {p}"
        )
        moving = dict(
            db.execute_sql(
                f"{stops} AND rs.customer_id IN (SELECT customer_id FROM {_HOLDING}) GROUP BY 1",
                (salesperson_id,),
            ).fetchall()
        )
        total = dict(db.execute_sql(f"{stops} GROUP BY 1", (salesperson_id,)).fetchall())
    finally:
        db.execute_sql(f"DROP TABLE IF EXISTS {_HOLDING}")
    return {rid: (n, total[rid]) for rid, n in moving.items()}


_HOLDING = "temp_route_holding"


def give_route(route_id: int, to_id: int) -> None:
    Route.update(salesperson=to_id, version=Route.version + 1).where(Route.id == route_id).execute()


def copy_route(route_id: int, to_id: int) -> int:
    """A route like `route_id` (name, region, calendar, start), for `to_id`, without stops."""
    route = Route.get_by_id(route_id)
    twin = Route.get_or_none(
        Route.salesperson == to_id, Route.name == route.name, Route.region == route.region_id
    )
    if twin is not None:
        return twin.id
    return Route.create(
        region=route.region_id,
        name=route.name,
        salesperson=to_id,
        start_address=route.start_address,
        start_latitude=route.start_latitude,
        start_longitude=route.start_longitude,
        weekdays=route.weekdays,
        frequency=route.frequency,
        position=route.position,
        notes=route.notes,
    ).id


def move_stops(route_id: int, ids: Sequence[int], to_route: int) -> int:
    """Move the stops of `ids` on `route_id` to the end of `to_route`, in their order."""
    order = [
        cid
        for (cid,) in RouteStop.select(RouteStop.customer)
        .where(RouteStop.route == route_id)
        .order_by(RouteStop.position)
        .tuples()
    ]
    wanted = set(ids)
    moving = [cid for cid in order if cid in wanted]
    base = RouteStop.select().where(RouteStop.route == to_route).count()
    for offset, cid in enumerate(moving):
        RouteStop.update(route=to_route, position=base + offset).where(
            RouteStop.customer == cid
        ).execute()
    staying = [cid for cid in order if cid not in wanted]
    for position, cid in enumerate(staying):
        RouteStop.update(position=position).where(RouteStop.customer == cid).execute()
    return len(moving)
