"""Visit reports: record, edit, the card's visits, the daily report and the month view."""

from __future__ import annotations

import datetime as dt

import pytest

from backends import BOTH
from kehu.services import auth, dossiers, visits

pytestmark = BOTH

D = dt.date.fromisoformat


@pytest.fixture
def customer(user):
    return dossiers.create(
        {"name": "上海浦东百货", "address": "浦东大道1号", "phone": "021-58880000"},
        user,
        persons=[{"name": "王经理", "title": "采购"}],
    )


def test_a_visit_appears_in_the_card_and_the_daily_report(workspace, user, customer):
    visit_id = visits.record_visit(
        customer,
        user,
        visit_date=D("2024-10-08"),
        kind="urgent",
        content="投诉到货延迟",
        findings="仓库缺货",
        next_step="周五补货",
        next_visit_on=D("2024-10-11"),
    )
    card = visits.visits_of(customer, user)
    assert [v["id"] for v in card] == [visit_id]
    assert card[0]["kind"] == "urgent"
    report = visits.daily_report(user.id, D("2024-10-08"))
    assert len(report) == 1
    row = report[0]
    assert row["customer_name"] == "上海浦东百货"
    assert row["key_person"] == "王经理"
    assert row["content"] == "投诉到货延迟"
    assert row["next_visit_on"] == D("2024-10-11")
    assert row["salesperson_name"] == user.display_name
    assert visits.daily_report(user.id, D("2024-10-09")) == []
    assert visits.planned_visits([customer]) == {customer: D("2024-10-11")}


def test_validation(workspace, user, customer):
    with pytest.raises(visits.VisitError):
        visits.record_visit(customer, user, visit_date=D("2024-10-08"), kind="casual")
    with pytest.raises(visits.VisitError) as raised:
        visits.record_visit(
            customer, user, visit_date=D("2024-10-08"), next_visit_on=D("2024-10-01")
        )
    assert "下次访问日期" in raised.value.message("zh_CN")
    with pytest.raises(visits.VisitError):
        visits.record_visit(customer, user, visit_date=None)
    with pytest.raises(visits.VisitError):
        visits.record_visit(999, user, visit_date=D("2024-10-08"))


def test_a_salesperson_cannot_report_on_others_customers(workspace, user, customer):
    li = auth.create_user("li", "李四")
    with pytest.raises(visits.VisitError):
        visits.record_visit(customer, li, visit_date=D("2024-10-08"))
    with pytest.raises(visits.VisitError):
        visits.record_visit(customer, li, visit_date=D("2024-10-08"), salesperson_id=user.id)
    # the admin may record a visit on behalf of a salesperson
    visits.record_visit(customer, user, visit_date=D("2024-10-08"), salesperson_id=li.id)
    assert len(visits.daily_report(li.id, D("2024-10-08"))) == 1
    assert visits.daily_report(li.id, D("2024-10-08"), viewer=li) == []  # not li's customer


def test_edit_and_delete(workspace, user, customer):
    visit_id = visits.record_visit(customer, user, visit_date="2024-10-08", content="初访")
    visits.update_visit(visit_id, user, content="  回访 ", kind="periodic")
    visit = visits.get_visit(visit_id)
    assert (visit["content"], visit["kind"]) == ("回访", "periodic")
    with pytest.raises(visits.VisitError):
        visits.update_visit(visit_id, user, next_visit_on="2024-01-01")
    visits.delete_visit(visit_id, user)
    assert visits.visits_of(customer) == []


def test_newer_visit_replaces_the_plan(workspace, user, customer):
    visits.record_visit(customer, user, visit_date="2024-10-01", next_visit_on="2024-10-08")
    visits.record_visit(customer, user, visit_date="2024-10-07", next_visit_on="2024-10-21")
    visits.record_visit(customer, user, visit_date="2024-10-07")  # same day, entered later
    assert visits.planned_visits([customer]) == {}
    assert visits.last_visit_dates([customer]) == {customer: D("2024-10-07")}


def test_month_view(workspace, user, customer):
    other = dossiers.create({"name": "静安超市"}, user)
    visits.record_visit(customer, user, visit_date="2024-10-08", kind="routine")
    visits.record_visit(other, user, visit_date="2024-10-08", kind="urgent")
    visits.record_visit(other, user, visit_date="2024-10-31", kind="periodic")
    visits.record_visit(other, user, visit_date="2024-11-01")
    month = visits.month_report(user.id, 2024, 10)
    assert [(v["visit_date"].day, v["customer_name"]) for v in month] == [
        (8, "上海浦东百货"),
        (8, "静安超市"),
        (31, "静安超市"),
    ]
    summary = visits.month_summary(user.id, 2024, 10)
    assert len(summary) == 31
    eighth = summary[7]
    assert (eighth["total"], eighth["routine"], eighth["urgent"]) == (2, 1, 1)
    assert eighth["customers"] == ["上海浦东百货", "静安超市"]
    assert summary[30]["periodic"] == 1
    assert sum(day["total"] for day in summary) == 3
