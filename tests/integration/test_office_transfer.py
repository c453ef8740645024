"""Owner transfer and sharing: one transaction, history per customer, one audit entry, the
route stops follow; a manager transfers within the team only; shares to read or edit."""

import datetime as dt

import pytest

from kehu.core.rights import Refused
from kehu.db.models import AuditEntry, Category, Customer, FieldChange, Route, RouteStop
from kehu.db.search import search
from kehu.services import auth, dossiers, routes, today, transfer, visits


@pytest.fixture
def team(workspace, user):
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    li = auth.create_user("li", "李丽", manager=boss, by=user)
    zhao = auth.create_user("zhao", "赵强", manager=boss, by=user)
    other = auth.create_user("chen", "陈明", by=user)  # in no team
    ids = [dossiers.create({"name": f"李的客户{n}"}, li) for n in range(4)]
    return dict(admin=user, boss=boss, li=li, zhao=zhao, other=other, ids=ids)


def test_all_of_a_leaving_salespersons_customers_move_with_their_route(team):
    li, zhao, ids = team["li"], team["zhao"], team["ids"]
    whole = routes.create_route(li, "周一线")
    routes.add_stops(whole, ids[:2], li)
    split = routes.create_route(li, "周三线")
    routes.add_stops(split, ids[2:], li)
    keep = dossiers.create({"name": "不转的"}, team["admin"], owner=li)
    routes.add_stops(split, [keep], li)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    visits.record_visit(ids[0], li, visit_date=dt.date.today(), next_visit_on=tomorrow)
    done = transfer.transfer(ids, zhao, team["boss"])
    assert done.customers == 4 and done.routes_given == 1 and done.stops_moved == 2
    assert {c.owner_id for c in Customer.select().where(Customer.id.in_(ids))} == {zhao.id}
    assert Route.get_by_id(whole).salesperson_id == zhao.id
    twin = RouteStop.get(RouteStop.customer == ids[2]).route
    assert twin.salesperson_id == zhao.id and twin.name == "周三线"
    assert RouteStop.get(RouteStop.customer == keep).route_id == split
    history = FieldChange.select().where(FieldChange.field == "owner")
    assert history.count() == 4 and {h.new_value for h in history} == {"赵强"}
    assert AuditEntry.select().where(AuditEntry.action == "transfer").count() == 1
    planned = today.today(zhao, tomorrow)
    assert ids[0] in {item.customer_id for item in planned.due}
    assert search("李的客户", li) == []


def test_transfer_all_of_a_users_and_the_refusals(team):
    li, zhao, other, boss = team["li"], team["zhao"], team["other"], team["boss"]
    with pytest.raises(Refused):
        transfer.transfer(None, other, boss, from_user=li)  # outside the manager's team
    with pytest.raises(Refused):
        transfer.transfer(None, zhao, li, from_user=li)  # a salesperson may not transfer
    assert Customer.select().where(Customer.owner == li.id).count() == 4
    done = transfer.transfer(None, other, team["admin"], from_user=li)
    assert done.customers == 4


def test_share_to_read_then_to_edit_then_take_back(team):
    li, zhao, ids = team["li"], team["zhao"], team["ids"]
    assert transfer.share(ids[:1], zhao, False, li) == 1
    assert ids[0] in search("李的客户", zhao)
    card = dossiers.load(ids[0], zhao)
    with pytest.raises(Refused):
        dossiers.save(card, {"phone": "010-12345678"}, zhao)
    transfer.share(ids[:1], zhao, True, li)
    dossiers.save(card, {"phone": "010-12345678"}, zhao)
    with pytest.raises(Refused):
        transfer.share(ids[1:2], li, False, zhao)  # not his to share
    assert transfer.unshare(ids[:1], zhao, li) == 1
    assert search("李的客户", zhao) == []
    actions = [a for (a,) in AuditEntry.select(AuditEntry.action).tuples()]
    assert actions.count("share") == 2 and "unshare" in actions


def _summaries():
    db = Customer._meta.database
    found = {}
    for table, sums in (
        ("category_count", "n"),
        ("sales_month", "lines"),
        ("sales_summary", "lines"),
        ("product_month", "lines"),
    ):
        rows = db.execute_sql(f'SELECT * FROM "{table}" WHERE {sums} != 0').fetchall()
        found[table] = sorted(rows)
    return found


def _triggers():
    db = Customer._meta.database
    rows = db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    return sorted(rows.fetchall())


@pytest.fixture
def classified(team):
    """Li's customers (and one of chen's) in categories, with sale lines."""
    from kehu.services import classification, sales

    admin, li = team["admin"], team["li"]
    ids = [*team["ids"], dossiers.create({"name": "陈的客户"}, team["other"])]
    region = classification.scheme_by_key("region")
    east = classification.add(region.id, "华东", admin).category_id
    shanghai = classification.add(region.id, "上海", admin, parent_id=east).category_id
    classification.assign(ids[:3], shanghai, admin)
    classification.assign(ids[3:], east, admin)
    grade = classification.scheme_by_key("grade")
    a = Category.get(Category.name == "主力客户 (A)", Category.scheme == grade.id)
    classification.assign(ids[::2], a.id, admin)
    for n, cid in enumerate(ids):
        for month in (1, 2):
            line = sales.SaleInput(dt.date(2026, month, 3 + n), f"产品{n % 2}", "饮料", "2", "10")
            sales.add_line(admin, cid, line)
    dossiers.archive(ids[1], li)
    return ids


def test_a_transfer_keeps_counts_and_sales_summaries_exactly_right(team, classified):
    from kehu.db import health, sales_summary, tree_counts

    db = Customer._meta.database
    triggers = _triggers()
    transfer.transfer(classified[:2] + classified[4:], team["zhao"], team["admin"])
    transfer.transfer(None, team["other"], team["admin"], from_user=team["li"])
    transfer.transfer(None, team["boss"], team["admin"], from_user=team["other"])
    assert _triggers() == triggers
    assert health.count_mismatches(db) == 0
    kept = _summaries()
    tree_counts.rebuild_counts(db)
    sales_summary.rebuild(db)
    assert _summaries() == kept
    assert Customer.select().where(Customer.owner == team["boss"].id).count() == 2


def test_a_failed_transfer_leaves_the_triggers_and_counts_as_they_were(
    team, classified, monkeypatch
):
    from kehu.db import ownership

    before, triggers = _summaries(), _triggers()
    versions = [c.version for c in Customer.select().order_by(Customer.id)]

    def broken(*_args):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(ownership, "routes_holding", broken)
    for ids, source in ((classified[:3], None), (None, team["li"])):
        with pytest.raises(RuntimeError):
            transfer.transfer(ids, team["zhao"], team["admin"], from_user=source)
        assert _triggers() == triggers and _summaries() == before
        assert [c.version for c in Customer.select().order_by(Customer.id)] == versions
        assert not FieldChange.select().where(FieldChange.field == "owner").exists()


def test_codes_the_viewer_cannot_see_are_named_and_nothing_moves(team):
    """`kehu transfer --codes A,B` resolves codes through the selection: a code that names no
    customer the viewer may see is an error naming it, not a silent "0 customers"."""
    from kehu.services.selection import Selection, SelectionError, resolve

    li, zhao, boss = team["li"], team["zhao"], team["boss"]
    mine = Customer.get_by_id(team["ids"][0]).code
    theirs = Customer.get_by_id(dossiers.create({"name": "别人的"}, team["other"])).code
    assert resolve(Selection(codes=[mine], include_archived=True), boss) == [team["ids"][0]]
    for codes in ([mine, theirs], [mine, "KH999999"]):
        with pytest.raises(SelectionError) as refused:
            resolve(Selection(codes=codes, include_archived=True), boss)
        assert codes[1] in str(refused.value) and mine not in str(refused.value)
    assert {c.owner_id for c in Customer.select().where(Customer.id.in_(team["ids"]))} == {li.id}
    assert zhao.id not in {c.owner_id for c in Customer.select()}
