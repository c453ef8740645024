"""The Today report on the stored keys of schema 12 gives what the scans of schema 10 gave
(tests/integration/today_legacy.py), for every viewer, on days around 29 February and the
year's end, with lunar birthdays (a leap month, the 30th), archived and shared customers; its
pages add up to the whole section; every write path keeps care_key equal to a fresh count."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from tests.integration import today_legacy as legacy

from kehu.db import care_keys
from kehu.db.models import Category, KeyPerson, Scheme, Visit
from kehu.services import (
    auth,
    care,
    classification,
    dossiers,
    merge,
    repair,
    routes,
    today,
    transfer,
    visits,
)

D = dt.date.fromisoformat
DAYS = [D("2024-02-24"), D("2025-02-25"), D("2025-12-27"), D("2026-03-20"), D("2024-10-01"),
        D("2026-05-30")]  # fmt: skip
BIRTHDAYS = ["1988-02-29", "1990-02-28", "1975-03-01", "1980-12-31", "1982-01-01", "1970-01-02",
             "1995-12-29", "1900-10-05", "1966-10-03", "2020-06-10", "1990-10-03", "1985-03-22",
             "1979-02-27", "2001-12-30"]  # fmt: skip
# 2020-06-10: 闰四月十九 (kept on 四月十九); the others fall in the windows of DAYS
LUNAR = ["2020-06-10", "2024-10-05", "2025-03-01", "2025-12-30", "1990-01-27", "2024-02-26"]
TRADING = ["2016-02-29", "2020-02-28", "2019-03-01", "2018-12-31", "2021-01-01", "2025-12-30",
           "2024-02-26", "2016-03-22", "2026-03-21", "2010-10-03"]  # fmt: skip


@pytest.fixture
def office(workspace, user):
    """An administrator (the local user), a manager with a salesperson under her, another
    salesperson; 60 customers of all of them with grades, persons, visits, a route."""
    rng = random.Random(11)
    manager = auth.create_user("zhang", "张经理", role="manager", by=user)
    wang = auth.create_user("wang", "王销售", role="salesperson", manager=manager, by=user)
    zhao = auth.create_user("zhao", "赵销售", role="salesperson", by=user)
    owners = [user, manager, wang, zhao]
    grade = Scheme.get(Scheme.key == "grade")
    grades = sorted(grade.categories, key=lambda c: c.position)
    sub = Category.create(scheme=grade, parent=grades[0], name="A1", position=0, visit_days=3)
    choices = [*grades, sub, None]
    ids = []
    for n in range(60):
        persons = []
        for k in range(rng.randrange(3)):
            lunar = rng.random() < 0.25
            born = rng.choice(LUNAR if lunar else BIRTHDAYS)
            persons.append({"name": f"联系人{n}-{k}", "birthday": D(born), "_lunar": lunar})
        category = rng.choice(choices)
        values = {"name": f"客户{rng.randrange(30):02d}{n:02d}", "phone": f"138{n:08d}"}
        if rng.random() < 0.8:
            values["trading_since"] = D(rng.choice(TRADING))
        cid = dossiers.create(
            values,
            user,
            persons=[{k: v for k, v in p.items() if k != "_lunar"} for p in persons],
            owner=rng.choice(owners),
            categories={grade.id: category.id} if category else None,
        )
        for person, stored in zip(
            persons,
            KeyPerson.select().where(KeyPerson.customer == cid).order_by(KeyPerson.id),
            strict=True,
        ):
            if person["_lunar"]:
                care.set_birthday_lunar(stored.id, True, user)
        for _ in range(rng.randrange(4)):
            day = DAYS[rng.randrange(len(DAYS))] - dt.timedelta(days=rng.randrange(40))
            plan = day + dt.timedelta(days=rng.randrange(15)) if rng.random() < 0.6 else None
            Visit.create(customer=cid, salesperson=user, visit_date=day, next_visit_on=plan)
        ids.append(cid)
    for cid in ids[::9]:
        dossiers.archive(cid, user)
    transfer.share([c for c in ids if dossiers.load(c).owner_id == wang.id][:2], zhao, False, user)
    route = routes.create_route(user, "周二线", weekdays="2,5", frequency="weekly")
    routes.add_stops(route, ids[1:20:2], user)
    other = routes.create_route(
        user, "周四线", weekdays="2,4", frequency="weekly", salesperson_id=wang.id
    )
    routes.add_stops(other, ids[21:30], user)
    return {"viewers": owners, "ids": ids}


def _birthday(b):
    return (b.on, b.customer_name, b.person_name, b.person_id, b.customer_id, b.in_days, b.age)


def test_every_section_equals_the_scans_of_schema_10(office):
    for viewer in office["viewers"]:
        for day in DAYS:
            assert today.due_on(viewer, day)[0] == legacy.due_on(viewer, day), (viewer, day)
            assert today.overdue_on(viewer, day) == legacy.overdue_on(viewer, day)
            assert care.overdue_by_cadence(viewer, day, None) == legacy.overdue_by_cadence(
                viewer, day
            ), (viewer.username, day)
            for days in (0, 7, 30):
                got = [_birthday(b) for b in today.birthdays_near(viewer, day, days)]
                assert got == legacy.birthdays_near(viewer, day, days), (viewer, day, days)
                lunar = care.lunar_birthdays_near(viewer, day, days)
                assert [
                    (b.on, b.customer_name, b.person_id, b.customer_id, b.in_days) for b in lunar
                ] == (legacy.lunar_birthdays_near(viewer, day, days))
                anniversaries = care.anniversaries_near(viewer, day, days)
                assert [(a.on, a.code, a.customer_id, a.years) for a in anniversaries] == (
                    legacy.anniversaries_near(viewer, day, days)
                )


def test_the_fixture_reaches_the_edge_cases(office):
    admin = office["viewers"][0]
    leap = today.birthdays_near(admin, D("2024-02-24"), 7)
    common = today.birthdays_near(admin, D("2025-02-25"), 7)
    assert D("2024-02-29") in {b.on for b in leap}
    assert any(b.on == D("2025-02-28") and b.person_name for b in common)
    year_end = today.birthdays_near(admin, D("2025-12-27"), 7)
    assert {b.on.year for b in year_end} == {2025, 2026}
    assert care.lunar_birthdays_near(admin, D("2026-03-20"), 366)
    assert care.overdue_by_cadence(admin, D("2026-03-20"), None)
    assert today.overdue_on(admin, D("2026-03-20"))
    assert today.due_on(admin, D("2025-12-30"))[0]  # a Tuesday


def test_pages_add_up_to_the_section(office):
    for viewer in office["viewers"]:
        for day in DAYS[:3]:
            for section in today.SECTIONS:
                whole = today.section_page(viewer, section, day, 30, 0, None)
                pages, offset = [], 0
                while True:
                    page = today.section_page(viewer, section, day, 30, offset, 4)
                    assert page.total == whole.total == len(whole.items), (section, viewer)
                    pages += page.items
                    offset += 4
                    if offset >= page.total:
                        break
                assert pages == whole.items, (section, viewer.username, day)


def test_the_report_lists_the_first_rows_and_counts_them_all(office):
    admin = office["viewers"][0]
    day = D("2025-12-27")
    report = today.today(admin, day, 30, shown=3)
    whole = today.birthdays_near(admin, day, 30)
    assert report.birthdays == whole[:3]
    assert report.total("birthdays") == len(whole) > 3
    assert report.total("cadence") == len(care.overdue_by_cadence(admin, day, None))


def test_every_write_keeps_the_keys(office, workspace, user):
    db = workspace.database.db
    ids = office["ids"]
    manager, wang, zhao = office["viewers"][1:]
    assert care_keys.differences(db) == 0
    visit = visits.record_visit(ids[2], user, visit_date="2026-03-01", next_visit_on="2026-03-09")
    visits.update_visit(visit, user, visit_date="2026-02-01", next_visit_on="2026-02-05")
    other = visits.record_visit(ids[4], user, visit_date="2026-03-02")
    visits.delete_visit(other, user)
    grade = Scheme.get(Scheme.key == "grade")
    b = Category.get(Category.scheme == grade, Category.position == 1, Category.parent.is_null())
    classification.assign(ids[3:8], b.id, user)
    classification.assign(ids[8:10], None, user, scheme_id=grade.id)
    transfer.transfer(ids[10:14], zhao, user)
    dossiers.archive(ids[14], user)
    dossiers.restore(ids[18], user)
    dossiers.erase(ids[15], user, "测试")
    assert care_keys.differences(db) == 0
    # key persons: a birthday changed, one added, one removed, one kept by the lunar calendar
    base = dossiers.load(ids[16])
    persons = [dict(p) for p in base.persons][:1] + [{"name": "新人", "birthday": D("1991-02-28")}]
    if persons[0].get("birthday") is not None:
        persons[0]["birthday"] = D("1992-12-31")
    dossiers.save(base, {}, user, persons=persons)
    first = KeyPerson.select().where(KeyPerson.customer == ids[16]).first()
    care.set_birthday_lunar(first.id, True, user)
    assert care_keys.differences(db) == 0
    # a merge moves the other's persons and visits to the kept customer; undone, they go back
    done = merge.merge(merge.plan(ids[20], ids[22], user), {}, user)
    assert care_keys.differences(db) == 0
    merge.undo(done, user)
    assert care_keys.differences(db) == 0
    care_keys.rebuild(db)
    assert care_keys.differences(db) == 0


def test_repair_computes_wrong_keys_again(office, workspace, user):
    db = workspace.database.db
    db.execute_sql("UPDATE care_key SET last_visit_on = NULL WHERE customer_id % 3 = 0")
    db.execute_sql("DELETE FROM care_key WHERE customer_id % 5 = 0")
    assert care_keys.differences(db) > 0
    report = repair.repair(workspace.database, user)
    assert any("Today panel's keys computed again" in d.message("en") for d in report.done)
    assert care_keys.differences(db) == 0
