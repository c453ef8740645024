"""The today panel's contents on fixed dates (October 2024 starts on a Tuesday), on both
backends."""

from __future__ import annotations

import datetime as dt

from tests.backends import BOTH

from kehu.services import auth, dossiers, routes, today, visits

pytestmark = BOTH
D = dt.date.fromisoformat


def build(user):
    ids = {
        name: dossiers.create({"name": name}, user, persons=persons)
        for name, persons in [
            ("甲商店", [{"name": "甲老板", "birthday": D("1970-10-10")}]),
            ("乙商店", [{"name": "乙经理", "birthday": D("1988-02-29")}]),
            ("丙商店", []),
            ("丁商店", [{"name": "丁会计", "birthday": D("1990-10-20")}]),
        ]
    }
    route = routes.create_route(user, "周二线", weekdays="2", frequency="weeks13")
    routes.add_stops(route, [ids["乙商店"], ids["甲商店"]], user)
    return ids, route


def names(items):
    return [i.name for i in items]


def test_due_by_route_calendar_and_planned_visits(workspace, user):
    ids, route = build(user)
    visits.record_visit(ids["丙商店"], user, visit_date="2024-10-01", next_visit_on="2024-10-15")
    first_tuesday = today.today(user, D("2024-10-01"))
    assert names(first_tuesday.due) == ["乙商店", "甲商店"]
    assert [i.stop_number for i in first_tuesday.due] == [1, 2]
    assert [r.id for r in first_tuesday.routes] == [route]
    assert names(today.today(user, D("2024-10-08")).due) == []  # second Tuesday
    third = today.today(user, D("2024-10-15"))
    assert names(third.due) == ["乙商店", "甲商店", "丙商店"]
    assert third.due[2].reasons == ("planned",)
    assert third.due[0].reasons == ("route",)


def test_a_visit_on_the_day_is_marked(workspace, user):
    ids, _route = build(user)
    visits.record_visit(ids["甲商店"], user, visit_date="2024-10-01")
    due = today.today(user, D("2024-10-01")).due
    assert [(i.name, i.visited) for i in due] == [("乙商店", False), ("甲商店", True)]


def test_overdue_follow_ups(workspace, user):
    ids, _route = build(user)
    visits.record_visit(
        ids["丙商店"], user, visit_date="2024-09-20", next_visit_on="2024-09-27", next_step="报价"
    )
    visits.record_visit(ids["丁商店"], user, visit_date="2024-09-20", next_visit_on="2024-09-25")
    visits.record_visit(ids["丁商店"], user, visit_date="2024-09-26")  # followed up, no new plan
    report = today.today(user, D("2024-10-01"))
    assert [(i.name, i.days_overdue, i.next_step) for i in report.overdue] == [
        ("丙商店", 4, "报价")
    ]
    assert today.today(user, D("2024-09-27")).overdue == []  # due that day, not overdue yet


def test_birthdays_in_the_next_seven_days(workspace, user):
    build(user)
    report = today.today(user, D("2024-10-03"))
    assert [(b.person_name, b.on, b.in_days, b.age) for b in report.birthdays] == [
        ("甲老板", D("2024-10-10"), 7, 54)
    ]
    assert [b.person_name for b in today.today(user, D("2024-10-14")).birthdays] == ["丁会计"]
    assert today.today(user, D("2024-10-21")).birthdays == []
    # 29 February is remembered on 28 February in a common year
    common = today.today(user, D("2025-02-25")).birthdays
    assert [(b.person_name, b.on) for b in common] == [("乙经理", D("2025-02-28"))]
    leap = today.today(user, D("2024-02-25")).birthdays
    assert [(b.person_name, b.on) for b in leap] == [("乙经理", D("2024-02-29"))]


def test_a_salesperson_sees_only_own_routes_and_customers(workspace, user):
    ids, _route = build(user)
    li = auth.create_user("li", "李四")
    assert today.today(li, D("2024-10-01")).is_empty
    own = dossiers.create({"name": "李的客户"}, user, owner=li)
    li_route = routes.create_route(user, "李的线", salesperson_id=li.id, weekdays="2")
    routes.add_stops(li_route, [own], user)
    report = today.today(li, D("2024-10-08"))
    assert names(report.due) == ["李的客户"]
    assert report.birthdays == []
