"""The rights matrix: declared once, read by the sensitivity rule, refusals in both languages."""

from types import SimpleNamespace

import pytest

from kehu.core import rights, sensitivity
from kehu.core.rights import Action, Refused, Scope


def person(role, active=True):
    return SimpleNamespace(role=role, active=active)


def test_every_action_has_a_row_and_a_label():
    assert set(rights.MATRIX) == set(Action) == set(rights.ACTION_LABELS)
    for row in rights.MATRIX.values():
        assert len(row) == len(rights.ROLES)


def test_the_defaults_of_the_issue():
    sales, manager, admin = person("salesperson"), person("manager"), person("admin")
    assert rights.scope(sales, Action.VIEW) is Scope.OWN
    assert rights.scope(manager, Action.VIEW) is Scope.TEAM
    assert rights.scope(admin, Action.VIEW) is Scope.ALL
    for action in (Action.BACKUP, Action.RESTORE, Action.MANAGE_USERS, Action.DEMO):
        assert not rights.allowed(sales, action) and not rights.allowed(manager, action)
        assert rights.allowed(admin, action, Scope.ALL)
    assert rights.allowed(manager, Action.TRANSFER_OWNER, Scope.TEAM)
    assert not rights.allowed(manager, Action.TRANSFER_OWNER, Scope.ALL)
    assert not rights.allowed(sales, Action.EDIT, Scope.TEAM)


def test_a_disabled_user_and_nobody_may_do_nothing():
    for action in Action:
        assert not rights.allowed(person("admin", active=False), action)
        assert not rights.allowed(None, action)


def test_the_sensitivity_rule_reads_the_matrix():
    assert rights.roles_with(Action.REVEAL_SENSITIVE) == sensitivity.REVEAL_ROLES
    assert sensitivity.may_reveal("manager") and not sensitivity.may_reveal("salesperson")


def test_a_refusal_says_why_in_the_users_language():
    with pytest.raises(Refused) as refused:
        rights.check(person("salesperson"), Action.BACKUP)
    assert refused.value.message("en") == (
        "A salesperson may not back up the database. Ask an administrator."
    )
    assert refused.value.message("zh_CN") == "推销员无权备份数据库。请联系管理员。"
    with pytest.raises(Refused) as refused:
        rights.check(person("salesperson"), Action.MANAGE_ROUTES, Scope.ALL)
    assert "自己的和共享给自己的记录" in refused.value.message("zh_CN")
    with pytest.raises(Refused) as refused:
        rights.check(person("admin", active=False), Action.VIEW)
    assert "已停用" in refused.value.message("zh_CN")
