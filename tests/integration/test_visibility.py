"""One query builder decides who sees which customers."""

import pytest

from backends import BOTH
from kehu.db.models import Customer
from kehu.db.visibility import visible_customers
from kehu.services import auth, dossiers

pytestmark = BOTH


@pytest.fixture
def team(workspace, user):
    boss = auth.create_user("boss", "王经理", "manager")
    lead = auth.create_user("lead", "赵组长", "manager", manager=boss)
    a = auth.create_user("a", "李明", "salesperson", manager=lead)
    b = auth.create_user("b", "张丽", "salesperson", manager=boss)
    c = auth.create_user("c", "陈强", "salesperson")  # in no team
    for owner in (boss, lead, a, b, c):
        dossiers.create({"name": f"{owner.display_name}的客户"}, user, owner=owner)
    return {"boss": boss, "lead": lead, "a": a, "b": b, "c": c, "admin": user}


def _names(viewer):
    return sorted(c.name for c in visible_customers(viewer))


def test_salesperson_sees_only_own_customers(team):
    assert _names(team["a"]) == ["李明的客户"]
    assert _names(team["c"]) == ["陈强的客户"]


def test_manager_sees_own_and_subordinates_recursively(team):
    assert _names(team["boss"]) == sorted(
        ["王经理的客户", "赵组长的客户", "李明的客户", "张丽的客户"]
    )
    assert _names(team["lead"]) == sorted(["赵组长的客户", "李明的客户"])


def test_admin_sees_all(team):
    assert len(_names(team["admin"])) == 5


def test_archived_customers_only_on_request(team):
    mine = Customer.get(Customer.name == "李明的客户")
    dossiers.archive(mine.id, team["admin"])
    assert _names(team["a"]) == []
    assert len(list(visible_customers(team["a"], include_archived=True))) == 1


def test_salesperson_cannot_load_or_save_another_salespersons_dossier(team):
    other = Customer.get(Customer.name == "张丽的客户")
    with pytest.raises(dossiers.NotAllowedError):
        dossiers.load(other.id, viewer=team["a"])
    base = dossiers.load(other.id)
    with pytest.raises(dossiers.NotAllowedError):
        dossiers.save(base, {"phone": "010-62345678"}, team["a"])


def test_no_login_on_a_new_database_but_once_someone_has_a_password(workspace, user):
    assert workspace.user is not None and workspace.user.role == "admin"
    assert not auth.needs_login()
    auth.create_user("demo", "演示", "salesperson")  # without a password: still no login
    assert not auth.needs_login()
    auth.create_user("li", "老李", "salesperson", password="s3cret!!", own_password="admin-pass-1")
    assert auth.needs_login()
    assert auth.login("li", "s3cret!!").username == "li"
    assert auth.login("li", "wrong") is None
