"""User administration through the services and `kehu user …`: add, list as a tree, set,
disable, passwd (the first one turns logins on); each change audited; refused to others."""

import pytest

from kehu.app import main
from kehu.core.rights import Refused
from kehu.db.models import AuditEntry, User, database_proxy
from kehu.services import auth, users
from kehu.services.workspace import open_workspace


def run(capsys, *argv):
    code = main(["--lang", "zh_CN", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _close_after(monkeypatch):
    for name in ("KEHU_USER", "KEHU_PASSWORD", "KEHU_NEW_PASSWORD", "KEHU_OWN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    yield
    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()


@pytest.fixture
def shop(tmp_path):
    path = tmp_path / "shop.db"
    ws = open_workspace(path)
    root = ws.user.username
    ws.database.close()
    return path, root


def test_an_admin_builds_the_team_from_the_cli(shop, capsys, monkeypatch):
    path, root = shop
    db = ("--db", str(path))
    assert (
        run(capsys, *db, "user", "add", "wang", "--role", "manager", "--display-name", "王经理")[0]
        == 0
    )
    assert run(capsys, *db, "user", "add", "li", "--manager", "wang")[0] == 0
    assert run(capsys, *db, "user", "add", "zhao", "--manager", "wang")[0] == 0
    code, out, err = run(capsys, *db, "user", "list")
    assert code == 0, err
    lines = out.splitlines()
    wang = next(i for i, line in enumerate(lines) if line.startswith("wang"))
    assert lines[wang + 1].startswith("  li") and lines[wang + 2].startswith("  zhao")
    assert "经理" in lines[wang] and "无密码" in lines[wang]
    code, _out, err = run(capsys, *db, "user", "set", "zhao", "--role", "manager", "--manager", "")
    assert code == 0, err
    code, _out, err = run(capsys, *db, "user", "set", "wang", "--manager", "li")
    assert code == 1 and "下属" in err  # no cycles in the hierarchy
    # the first password: li's, and the admin's own in the same step
    monkeypatch.setenv("KEHU_NEW_PASSWORD", "li-pass-123")
    monkeypatch.setenv("KEHU_OWN_PASSWORD", "root-pass-123")
    code, _out, err = run(capsys, *db, "user", "passwd", "li")
    assert code == 0, err
    assert "wang" in err and "zhao" in err  # who cannot log in yet
    code, _out, err = run(capsys, *db, "user", "list")
    assert code == 1 and "--user" in err  # logins are on now
    monkeypatch.setenv("KEHU_PASSWORD", "root-pass-123")
    code, _out, err = run(capsys, *db, "--user", root, "user", "disable", "zhao")
    assert code == 0, err
    monkeypatch.setenv("KEHU_PASSWORD", "li-pass-123")
    code, _out, err = run(capsys, *db, "--user", "li", "user", "add", "evil", "--role", "admin")
    assert code == 1 and "推销员无权管理用户" in err
    ws = open_workspace(path)
    assert not User.get(User.username == "zhao").active
    assert not User.select().where(User.username == "evil").exists()
    actions = [a for (a,) in AuditEntry.select(AuditEntry.action).tuples()]
    for action in ("create_user", "update_user", "set_password", "disable_user"):
        assert action in actions
    ws.database.close()


def test_a_single_user_turns_logins_on_with_their_own_passwd(shop, capsys, monkeypatch):
    path, root = shop
    monkeypatch.setenv("KEHU_NEW_PASSWORD", "root-pass-123")
    code, _out, err = run(capsys, "--db", str(path), "user", "passwd", root)
    assert code == 0, err
    code, _out, err = run(capsys, "--db", str(path), "check")
    assert code == 1 and "--user" in err
    monkeypatch.setenv("KEHU_PASSWORD", "")
    code, _out, err = run(capsys, "--db", str(path), "--user", root, "check")
    assert code == 1


def test_user_changes_through_the_services(workspace, user):
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    li = auth.create_user("li", "李丽", manager=boss, by=user)
    with pytest.raises(Refused):
        users.update_user(li, li, role="admin")
    with pytest.raises(Refused):
        users.set_password(boss, "whatever-123", li)
    with pytest.raises(auth.AuthError):
        users.disable_user(user, user)
    users.update_user(li, user, display_name="李丽丽", role="manager")
    assert User.get_by_id(li.id).display_name == "李丽丽"
    users.disable_user(li, user)
    with pytest.raises(auth.AuthError):
        auth.act_as("li")
    tree = users.hierarchy()
    names = [(d, n.username) for root in tree for d, n in root.walk()]
    assert (0, "boss") in names and (1, "li") in names
