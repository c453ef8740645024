"""Care by grade on fixed dates: overdue by cadence, lunar birthdays, anniversaries."""

import datetime as dt

import pytest

from kehu.core.i18n import UserError
from kehu.db.models import Category, KeyPerson, Scheme, Visit
from kehu.services import care, dossiers, today


@pytest.fixture
def grades(workspace):
    scheme = Scheme.get(Scheme.key == "grade")
    return sorted(scheme.categories, key=lambda c: c.position)


def test_a_new_database_has_the_default_cadence(grades):
    assert [c.visit_days for c in grades] == [7, 14, 30]


def _customer(user, name, grade, last_visit=None, **values):
    cid = dossiers.create({"name": name, **values}, user, categories={grade.scheme_id: grade.id})
    if last_visit:
        Visit.create(customer=cid, salesperson=user, visit_date=last_visit)
    return cid


def test_overdue_customers_by_grade_then_days(user, grades):
    a, b, c = grades
    day = dt.date(2026, 3, 20)
    late_a = _customer(user, "甲公司", a, dt.date(2026, 3, 1))  # 19 days > 7
    fresh_a = _customer(user, "乙公司", a, dt.date(2026, 3, 18))
    late_b = _customer(user, "丙公司", b, dt.date(2026, 2, 1))
    never_c = _customer(user, "丁公司", c)
    found = care.overdue_by_cadence(user, day)
    ids = [i.customer_id for i in found]
    assert ids == [late_a, late_b, never_c]
    assert fresh_a not in ids
    assert found[0].days_overdue == 12 and found[2].days_overdue is None
    care.set_visit_days(c.id, None, user)
    assert never_c not in [i.customer_id for i in care.overdue_by_cadence(user, day)]
    with pytest.raises(UserError):
        care.set_visit_days(a.id, 0, user)
    assert Category.get_by_id(a.id).visit_days == 7


def test_a_lunar_birthday_shows_on_this_years_solar_day(user, grades):
    cid = dossiers.create(
        {"name": "戊公司"}, user, persons=[{"name": "王芳", "birthday": dt.date(1990, 10, 3)}]
    )
    person = KeyPerson.get(KeyPerson.customer == cid)
    care.set_birthday_lunar(person.id, True, user)
    report = today.today(user, dt.date(2026, 9, 20))
    assert [b.person_name for b in report.lunar_birthdays] == ["王芳"]
    item = report.lunar_birthdays[0]
    assert item.on == dt.date(2026, 9, 25) and item.in_days == 5
    assert item.label(report.day, "zh_CN") == "农历八月十五 (今年 9月25日)"
    assert report.birthdays == []  # not on its solar day 10-03 either
    assert today.today(user, dt.date(2026, 9, 28)).lunar_birthdays == []
    next_year = today.today(user, dt.date(2027, 9, 10)).lunar_birthdays
    assert next_year[0].on == dt.date(2027, 9, 15)


def test_a_lunar_new_year_birthday_across_the_solar_year(user):
    cid = dossiers.create(
        {"name": "己公司"}, user, persons=[{"name": "李强", "birthday": dt.date(1990, 1, 27)}]
    )
    care.set_birthday_lunar(KeyPerson.get(KeyPerson.customer == cid).id, True, user)
    found = care.lunar_birthdays_near(user, dt.date(2026, 2, 12), 7)
    assert found[0].on == dt.date(2026, 2, 17)


def test_trading_anniversaries(user):
    cid = dossiers.create({"name": "庚公司", "trading_since": dt.date(2016, 4, 2)}, user)
    found = care.anniversaries_near(user, dt.date(2026, 3, 30), 7)
    assert [(a.customer_id, a.years, a.on) for a in found] == [(cid, 10, dt.date(2026, 4, 2))]
