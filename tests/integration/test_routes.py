"""Routes service: regions, routes, stops, ordering round trip and concurrent edits."""

from __future__ import annotations

import random
import sqlite3
import threading

import pytest

from backends import BOTH
from kehu.db.models import Customer, Route, RouteStop
from kehu.services import dossiers, routes

pytestmark = BOTH


def make_customers(user, n: int, with_coordinates: bool = True) -> list[int]:
    ids = []
    for i in range(n):
        values = {
            "name": f"测试客户{i:02d}",
            "address": f"上海市某路{i}号",
            "phone": f"021-5555{i:04d}",
        }
        if with_coordinates:
            values.update(latitude=31.0 + (i * 7 % n) * 0.01, longitude=121.0 + (i * 3 % n) * 0.01)
        ids.append(dossiers.create(values, user))
    return ids


def assert_valid(route_id: int, expected: set[int]) -> list[int]:
    rows = list(
        RouteStop.select(RouteStop.customer, RouteStop.position)
        .where(RouteStop.route == route_id)
        .order_by(RouteStop.position)
        .tuples()
    )
    assert [p for _c, p in rows] == list(range(len(rows)))  # dense, no duplicates
    customers = [c for c, _p in rows]
    assert len(customers) == len(set(customers))
    assert set(customers) == expected
    return customers


def test_regions_and_route_life_cycle(workspace, user):
    east = routes.add_region("华东", user)
    shanghai = routes.add_region("上海", user, parent_id=east)
    assert [(name, parent) for _i, parent, name in routes.regions()] == [
        ("华东", None),
        ("上海", east),
    ]
    with pytest.raises(routes.RouteError):
        routes.add_region("上海", user, parent_id=east)
    route_id = routes.create_route(
        user, "浦东一线", region_id=shanghai, weekdays="2,5", frequency="weeks13"
    )
    info = routes.get_route(route_id)
    assert info.region_name == "上海"
    assert info.salesperson_id == user.id
    assert info.weekdays == (2, 5)
    assert info.describe_calendar("zh_CN") == "第1、3周 周二、周五"
    routes.rename_route(route_id, "浦东A线", user)
    routes.move_route(route_id, east, user)
    info = routes.get_route(route_id)
    assert (info.name, info.region_id) == ("浦东A线", east)
    with pytest.raises(routes.RouteError):
        routes.update_route(route_id, user, frequency="daily")
    with pytest.raises(routes.RouteError):
        routes.update_route(route_id, user, name="  ")
    with pytest.raises(routes.RouteError):
        routes.update_route(route_id, user, start_latitude=120.0, start_longitude=31.0)


def test_deleting_a_route_keeps_its_customers(workspace, user):
    ids = make_customers(user, 3)
    route_id = routes.create_route(user, "A线")
    routes.add_stops(route_id, ids, user)
    released = routes.delete_route(route_id, user)
    assert released == ids
    assert Customer.select().where(Customer.id.in_(ids)).count() == 3
    assert not RouteStop.select().exists()
    assert not Route.select().exists()


def test_ordering_round_trip(workspace, user):
    ids = make_customers(user, 6)
    route_id = routes.create_route(user, "A线")
    assert routes.add_stops(route_id, ids[:4], user) == ids[:4]
    # two more, inserted before the second stop
    assert routes.add_stops(route_id, ids[4:], user, before=ids[1]) == [
        ids[0],
        ids[4],
        ids[5],
        ids[1],
        ids[2],
        ids[3],
    ]
    order = routes.move_stops(route_id, [ids[3], ids[0]], ids[4], user)
    assert order == [ids[3], ids[0], ids[4], ids[5], ids[1], ids[2]]
    assert routes.move_stops(route_id, [ids[3]], None, user)[-1] == ids[3]
    assert routes.remove_stops(route_id, [ids[5]], user) == [ids[0], ids[4], ids[1], ids[2], ids[3]]
    wanted = [ids[2], ids[1], ids[0], ids[3], ids[4]]
    assert routes.reorder(route_id, wanted, user) == wanted
    rows = routes.stops(route_id, user)
    assert [r.customer_id for r in rows] == wanted
    assert [r.number for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].name == "测试客户02" and rows[0].phone == "021-55550002"
    assert_valid(route_id, set(wanted))


def test_a_customer_is_on_one_route_and_moving_asks(workspace, user):
    ids = make_customers(user, 3)
    first = routes.create_route(user, "A线")
    second = routes.create_route(user, "B线")
    routes.add_stops(first, ids, user)
    with pytest.raises(routes.AlreadyOnRouteError) as raised:
        routes.add_stops(second, [ids[1]], user)
    assert [(m.customer_id, m.route_name) for m in raised.value.memberships] == [(ids[1], "A线")]
    assert "A线" in raised.value.message("zh_CN")
    assert routes.stop_order(second) == []  # nothing written
    assert routes.add_stops(second, [ids[1]], user, move=True) == [ids[1]]
    assert_valid(first, {ids[0], ids[2]})
    assert routes.routes_of(ids)[ids[1]].route_id == second


def test_stops_of_customers_the_viewer_cannot_see_are_masked(workspace, user):
    from kehu.services import auth

    other = auth.create_user("li", "李四", role="salesperson")
    mine = dossiers.create({"name": "我的客户"}, user)
    theirs = dossiers.create({"name": "别人的客户"}, user, owner=user)
    route_id = routes.create_route(user, "A线", salesperson_id=other.id)
    routes.add_stops(route_id, [mine, theirs], user)
    Customer.update(owner=other.id).where(Customer.id == mine).execute()
    rows = routes.stops(route_id, other)
    assert rows[0].visible and rows[0].name == "我的客户"
    assert not rows[1].visible and rows[1].address is None
    with pytest.raises(routes.RouteError):
        routes.add_stops(route_id, [theirs], other)


def test_propose_and_accept_an_economical_order(workspace, user):
    # Stops along a line east of the start, entered in a zig-zag order.
    longitudes = [121.05, 121.01, 121.04, 121.02, 121.03]
    ids = [
        dossiers.create({"name": f"点{i}", "latitude": 31.0, "longitude": lon}, user)
        for i, lon in enumerate(longitudes)
    ]
    blank = dossiers.create({"name": "没有坐标"}, user)
    route_id = routes.create_route(
        user, "A线", start_latitude=31.0, start_longitude=121.0, start_address="公司"
    )
    routes.add_stops(route_id, ids[:2] + [blank] + ids[2:], user)
    proposed = routes.propose(route_id)
    assert proposed.unplaced_names == ["没有坐标"]
    assert proposed.proposal.after_km < proposed.proposal.before_km
    assert proposed.proposal.order == [ids[1], ids[3], blank, ids[4], ids[2], ids[0]]
    assert routes.stop_order(route_id) == ids[:2] + [blank] + ids[2:]  # nothing written yet
    routes.reorder(route_id, proposed.proposal.order, user)
    assert routes.stop_order(route_id) == proposed.proposal.order


def test_merge_order_keeps_every_current_stop_once():
    assert routes.merge_order([1, 2, 3], [3, 2, 1]) == [3, 2, 1]
    assert routes.merge_order([1, 2, 9, 3], [3, 2, 1]) == [3, 2, 9, 1]  # 9 added meanwhile
    assert routes.merge_order([1, 3], [3, 2, 1, 1]) == [3, 1]  # 2 removed meanwhile
    assert routes.moved_before([1, 2, 3, 4], [2, 3], 3) == [1, 2, 3, 4]
    assert routes.moved_before([1, 2, 3, 4], [4], 1) == [4, 1, 2, 3]


def test_reorder_from_a_stale_view_after_another_users_edit(workspace, user):
    ids = make_customers(user, 6, with_coordinates=False)
    route_id = routes.create_route(user, "A线")
    routes.add_stops(route_id, ids[:5], user)
    stale = routes.stop_order(route_id)
    # Another user, on another connection, adds one stop and removes another.
    done = threading.Event()

    def other_user() -> None:
        routes.add_stops(route_id, [ids[5]], user, before=ids[2])
        routes.remove_stops(route_id, [ids[0]], user)
        Route._meta.database.close()
        done.set()

    thread = threading.Thread(target=other_user)
    thread.start()
    thread.join()
    assert done.is_set()
    result = routes.reorder(route_id, list(reversed(stale)), user)
    # the stop added meanwhile follows the stop it followed when it was added
    assert result == [ids[4], ids[3], ids[2], ids[1], ids[5]]
    assert_valid(route_id, set(ids[1:6]))


def test_concurrent_reorders_by_two_connections_leave_a_valid_order(workspace, user):
    ids = make_customers(user, 12, with_coordinates=False)
    route_id = routes.create_route(user, "A线")
    routes.add_stops(route_id, ids[:10], user)
    errors: list[BaseException] = []

    def editor(seed: int) -> None:
        rng = random.Random(seed)
        try:
            for _ in range(40):
                order = routes.stop_order(route_id)  # possibly stale when the write runs
                action = rng.random()
                if action < 0.5:
                    moving = rng.sample(order, 2)
                    routes.move_stops(route_id, moving, rng.choice(order + [None]), user)
                elif action < 0.8:
                    rng.shuffle(order)
                    routes.reorder(route_id, order, user)
                else:
                    extra = ids[10 + seed]
                    if extra in order:
                        routes.remove_stops(route_id, [extra], user)
                    else:
                        routes.add_stops(route_id, [extra], user, before=rng.choice(order))
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            Route._meta.database.close()

    threads = [threading.Thread(target=editor, args=(seed,)) for seed in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    final = set(routes.stop_order(route_id))
    assert set(ids[:10]) <= final <= set(ids)
    assert_valid(route_id, final)


def test_a_write_waits_for_another_connection_holding_the_lock(workspace, user, db_path, backend):
    ids = make_customers(user, 3, with_coordinates=False)
    route_id = routes.create_route(user, "A线")
    routes.add_stops(route_id, ids, user)
    if backend == "postgresql":  # the other user's transaction holds the rows' locks
        import psycopg

        other = psycopg.connect(db_path, autocommit=True)
        other.execute("BEGIN")
    else:
        other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE route_stop SET position = position + 10")  # the other user's edit
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        order = routes.move_stops(route_id, [ids[2]], ids[0], user)
    finally:
        release.join()
        other.close()
    assert order == [ids[2], ids[0], ids[1]]
    assert_valid(route_id, set(ids))
