"""Merging a duplicate into the customer kept, reviewed per field, and undoing it as a whole."""

import datetime as dt

import pytest

from kehu.db.models import (
    Customer,
    CustomerCategory,
    KeyPerson,
    Route,
    RouteStop,
    SaleLine,
    Scheme,
    Visit,
)
from kehu.db.search import search
from kehu.services import auth, dossiers, merge


@pytest.fixture
def pair(workspace, user):
    grade = Scheme.get(Scheme.key == "grade")
    nature = Scheme.get(Scheme.key == "nature")
    keep = dossiers.create(
        {"name": "北京海淀华鑫五金有限公司", "phone": "010-88888888"},
        user,
        persons=[{"name": "张伟", "role": "owner"}],
        categories={grade.id: grade.categories[0].id},
    )
    other = dossiers.create(
        {
            "name": "海淀华鑫五金（北京）",
            "phone": "01088888888",
            "address": "北京市海淀区学院路1号",
            "industry": "五金",
        },
        user,
        persons=[{"name": "李娜", "role": "purchasing"}],
        categories={grade.id: grade.categories[1].id, nature.id: nature.categories[0].id},
    )
    Visit.create(customer=other, salesperson=user, visit_date=dt.date(2026, 3, 1))
    SaleLine.create(
        customer=other,
        sale_date=dt.date(2026, 3, 2),
        product_category="五金",
        quantity=1,
        amount=1000,
    )
    route = Route.create(name="周一线")
    RouteStop.create(route=route, customer=other, position=1)
    return keep, other, grade, nature


def _snapshot(cid):
    return (
        sorted(p.name for p in KeyPerson.select().where(KeyPerson.customer == cid)),
        Visit.select().where(Visit.customer == cid).count(),
        SaleLine.select().where(SaleLine.customer == cid).count(),
        RouteStop.select().where(RouteStop.customer == cid).count(),
        sorted(
            (c.scheme_id, c.category_id)
            for c in CustomerCategory.select().where(CustomerCategory.customer == cid)
        ),
    )


def test_the_plan_defaults_to_the_filled_value(pair, user):
    keep, other, *_ = pair
    the_plan = merge.plan(keep, other, user)
    by_name = {f.name: f for f in the_plan.fields}
    assert by_name["address"].default == merge.OTHER  # empty on the kept one
    assert by_name["name"].differs
    assert (the_plan.persons, the_plan.visits, the_plan.sales) == (1, 1, 1)


def test_merge_moves_everything_archives_and_links_and_undo_restores(pair, user):
    keep, other, grade, nature = pair
    before_keep, before_other = _snapshot(keep), _snapshot(other)
    the_plan = merge.plan(keep, other, user)
    merge_id = merge.merge(the_plan, {"name": merge.KEEP}, user)

    kept = dossiers.load(keep)
    assert kept.values["address"] == "北京市海淀区学院路1号"
    assert kept.values["name"] == "北京海淀华鑫五金有限公司"
    names, visits, sales, stops, categories = _snapshot(keep)
    assert names == ["张伟", "李娜"] and (visits, sales, stops) == (1, 1, 1)
    assert (nature.id, nature.categories[0].id) in categories
    assert (grade.id, grade.categories[0].id) in categories  # the kept grade stays
    assert Customer.get_by_id(other).status == "archived"
    assert merge.merged_into(other) == keep
    history = {h["field"]: h for h in dossiers.history(keep)}
    assert history["merged.name"]["old"] == "海淀华鑫五金（北京）"  # the losing value is kept
    assert history["address"]["new"] == "北京市海淀区学院路1号"
    assert other not in search("海淀华鑫", user)

    undone = merge.undo(merge_id, user)
    assert undone.kept_newer == ()
    assert _snapshot(keep) == before_keep and _snapshot(other) == before_other
    assert Customer.get_by_id(other).status == "active"
    assert dossiers.load(keep).values["address"] is None
    assert merge.merged_into(other) is None
    assert merge.recent(user)[0]["undone"] is not None
    with pytest.raises(merge.MergeError):
        merge.undo(merge_id, user)


def test_undo_keeps_a_value_changed_after_the_merge(pair, user):
    keep, other, *_ = pair
    merge_id = merge.merge(merge.plan(keep, other, user), {}, user)
    dossiers.save(dossiers.load(keep), {"address": "北京市海淀区知春路9号"}, user)
    undone = merge.undo(merge_id, user)
    assert undone.kept_newer == ("address",)
    assert dossiers.load(keep).values["address"] == "北京市海淀区知春路9号"


def test_a_salesperson_cannot_merge_another_salespersons_customer(workspace, user):
    a = auth.create_user("a", "李明", "salesperson")
    b = auth.create_user("b", "张丽", "salesperson")
    mine = dossiers.create({"name": "华鑫五金"}, user, owner=a)
    theirs = dossiers.create({"name": "华鑫五金店"}, user, owner=b)
    with pytest.raises(dossiers.NotAllowedError):
        merge.plan(mine, theirs, a)


def test_a_stale_plan_is_refused(pair, user):
    keep, other, *_ = pair
    the_plan = merge.plan(keep, other, user)
    dossiers.save(dossiers.load(other), {"fax": "010-1"}, user)
    with pytest.raises(merge.MergeError):
        merge.merge(the_plan, {}, user)
    assert Customer.get_by_id(other).status == "active"
