"""Each finding of the office issue (rights on every action, logins that hold) as its own test,
through the services and through the command line."""

import pytest

from kehu.app import main
from kehu.core.rights import Refused
from kehu.db.models import AuditEntry, Customer, Route, User, database_proxy
from kehu.services import auth, backup, demo, dossiers, routes
from kehu.services.workspace import open_workspace

ADMIN_PW, SALES_PW = "admin-pass-1", "sales-pass-1"


def run(capsys, *argv):
    code = main(["--lang", "zh_CN", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _close_after():
    yield
    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()


@pytest.fixture
def office(tmp_path, monkeypatch):
    """An office database with logins: the admin (root), a salesperson li with 20 customers
    and a salesperson wang; closed, ready for the CLI."""
    monkeypatch.delenv("KEHU_USER", raising=False)
    monkeypatch.delenv("KEHU_PASSWORD", raising=False)
    path = tmp_path / "office.db"
    ws = open_workspace(path)
    root = ws.user
    li = auth.create_user("li", "李丽", password=SALES_PW, by=root, own_password=ADMIN_PW)
    auth.create_user("wang", "王强", password=SALES_PW, by=root)
    for n in range(20):
        dossiers.create({"name": f"客户{n}"}, root, owner=li)
    ws.database.close()
    return path, root.username


def counts(path):
    ws = open_workspace(path)
    found = Customer.select().count(), User.select().count()
    ws.database.close()
    return found


def test_restore_asks_for_a_login_and_refuses_a_salesperson(office, capsys, monkeypatch, tmp_path):
    path, root = office
    empty = tmp_path / "empty.db"
    open_workspace(empty).database.close()
    code, _out, err = run(capsys, "--db", str(path), "restore", str(empty))
    assert code == 1 and "--user" in err
    monkeypatch.setenv("KEHU_PASSWORD", SALES_PW)
    code, _out, err = run(capsys, "--db", str(path), "--user", "li", "restore", str(empty))
    assert code == 1 and "推销员无权恢复备份" in err
    assert counts(path) == (20, 3)
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_by_the_administrator_works(office, capsys, monkeypatch, tmp_path):
    path, root = office
    monkeypatch.setenv("KEHU_PASSWORD", ADMIN_PW)
    saved = tmp_path / "saved.db"
    code, _out, err = run(
        capsys, "--db", str(path), "--user", root, "backup", str(saved), "--quiet"
    )
    assert code == 0, err
    code, _out, err = run(
        capsys, "--db", str(path), "--user", root, "restore", str(saved), "--quiet"
    )
    assert code == 0, err
    assert counts(path) == (20, 3)


def test_the_passwordless_admin_cannot_log_in_once_passwords_exist(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KEHU_USER", raising=False)
    path = tmp_path / "office.db"
    ws = open_workspace(path)
    root = ws.user
    # the old way round: another user gets a password while the admin has none
    User.create(username="li", display_name="李丽", password_hash=auth.hash_password(SALES_PW))
    assert auth.needs_login() and root.password_hash is None
    assert auth.login(root.username, "") is None
    assert auth.automatic_user() is None
    ws.database.close()
    monkeypatch.setenv("KEHU_PASSWORD", "")
    code, _out, err = run(capsys, "--db", str(path), "--user", root.username, "search", "x")
    assert code == 1 and "密码不正确" in err


def test_the_first_password_asks_the_admin_for_theirs(workspace, user):
    with pytest.raises(auth.FirstPassword):
        auth.create_user("li", "李丽", password=SALES_PW, by=user)
    assert not User.select().where(User.username == "li").exists()
    auth.create_user("li", "李丽", password=SALES_PW, by=user, own_password=ADMIN_PW)
    assert auth.login(user.username, ADMIN_PW).id == user.id


def test_a_salesperson_cannot_back_up(office, capsys, monkeypatch, tmp_path):
    path, _root = office
    monkeypatch.setenv("KEHU_PASSWORD", SALES_PW)
    target = tmp_path / "copy.db"
    code, _out, err = run(capsys, "--db", str(path), "--user", "li", "backup", str(target))
    assert code == 1 and "推销员无权备份数据库" in err
    assert not target.exists()


def test_the_backup_service_checks_the_right(workspace, user, tmp_path):
    clerk = auth.create_user("li", "李丽", by=user)
    with pytest.raises(Refused):
        backup.backup(workspace.database, tmp_path / "b.db", by=clerk)
    assert not (tmp_path / "b.db").exists()
    assert backup.backup(workspace.database, tmp_path / "a.db", by=user).exists()
    assert AuditEntry.select().where(AuditEntry.action == "backup").count() == 1


def test_a_salesperson_cannot_create_an_admin(workspace, user):
    clerk = auth.create_user("li", "李丽", by=user)
    with pytest.raises(Refused) as refused:
        auth.create_user("evil", "Evil", role="admin", by=clerk)
    assert "推销员无权管理用户" in refused.value.message("zh_CN")
    assert not User.select().where(User.username == "evil").exists()


def test_a_salesperson_cannot_delete_anothers_route(workspace, user):
    li = auth.create_user("li", "李丽", by=user)
    wang = auth.create_user("wang", "王强", by=user)
    route_id = routes.create_route(wang, "王的路线")
    with pytest.raises(Refused):
        routes.delete_route(route_id, li)
    with pytest.raises(Refused):
        routes.rename_route(route_id, "我的了", li)
    assert Route.get_by_id(route_id).name == "王的路线"
    assert routes.delete_route(route_id, wang) == []


def test_a_salesperson_cannot_run_demo_into_the_office_database(office, capsys, monkeypatch):
    path, _root = office
    monkeypatch.setenv("KEHU_PASSWORD", SALES_PW)
    code, _out, err = run(capsys, "--db", str(path), "--user", "li", "demo", "--customers", "5")
    assert code == 1 and "推销员无权生成演示数据" in err
    assert counts(path) == (20, 3)


def test_demo_by_a_salesperson_through_the_service_changes_nothing(workspace, user):
    li = auth.create_user("li", "李丽", by=user)
    with pytest.raises(Refused):
        demo.generate(5, user=li)
    assert not User.select().where(User.username == "demo.manager").exists()


def test_user_on_a_passwordless_database_acts_as_that_user_or_fails(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KEHU_USER", raising=False)
    path = tmp_path / "shop.db"
    ws = open_workspace(path)
    li = auth.create_user("li", "李丽", by=ws.user)
    dossiers.create({"name": "李的客户"}, ws.user, owner=li)
    dossiers.create({"name": "管理员的客户"}, ws.user)
    ws.database.close()
    code, out, err = run(capsys, "--db", str(path), "--user", "li", "search", "客户")
    assert code == 0, err
    assert "李的客户" in out and "管理员的客户" not in out
    code, _out, err = run(capsys, "--db", str(path), "--user", "nobody", "search", "客户")
    assert code == 1 and "没有用户 nobody" in err
    code, _out, err = run(capsys, "--db", str(path), "--user", "li", "backup")
    assert code == 1 and "推销员无权备份数据库" in err


def test_a_salespersons_check_shows_health_but_not_the_whole_files_counts(
    office, capsys, monkeypatch
):
    path, root = office
    monkeypatch.setenv("KEHU_PASSWORD", SALES_PW)
    code, out, err = run(capsys, "--db", str(path), "--user", "li", "check", "--json")
    assert code == 0, err
    assert '"counts": {}' in out and '"integrity": "ok"' in out
    monkeypatch.setenv("KEHU_PASSWORD", ADMIN_PW)
    code, out, err = run(capsys, "--db", str(path), "--user", root, "check", "--json")
    assert '"customers": 20' in out


def test_passwords_use_scrypt_2_17_and_weak_hashes_are_upgraded(workspace, user):
    weak = auth.hash_password(SALES_PW, n=2**14)
    li = User.create(username="li", display_name="李丽", password_hash=weak)
    assert auth.is_weak_hash(weak)
    assert auth.login("li", SALES_PW).id == li.id
    stored = User.get_by_id(li.id).password_hash
    assert stored.startswith(f"scrypt${2**17}$8$1$") and not auth.is_weak_hash(stored)
    assert auth.login("li", SALES_PW) is not None


def test_failed_logins_are_audited_and_slowed_after_five(workspace, user):
    import datetime as dt

    auth.create_user("li", "李丽", password=SALES_PW, by=user, own_password=ADMIN_PW)
    start = dt.datetime(2026, 1, 1, 9, 0, 0)
    for _n in range(5):
        assert auth.login("li", "wrong", at=start) is None
    failed = AuditEntry.select().where(AuditEntry.action == "login_failed")
    assert failed.count() == 5
    # the audit's clock is the real one: the next try comes right after the last failure
    last = failed.order_by(AuditEntry.id.desc()).first().at
    with pytest.raises(auth.LoginThrottled) as throttled:
        auth.login("li", SALES_PW, at=last)
    assert "请等待" in throttled.value.message("zh_CN")
    assert auth.login("li", SALES_PW, at=last + dt.timedelta(seconds=3)) is not None
    assert auth.login("li", "", at=last + dt.timedelta(seconds=3)) is None  # never empty


# -- the same findings through a separate process, as a user types them


def kehu(db, *argv, user=None, password=None):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("KEHU_USER", "KEHU_PASSWORD")}
    if password is not None:
        env["KEHU_PASSWORD"] = password
    who = ["--user", user] if user else []
    return subprocess.run(
        [sys.executable, "-m", "kehu", "--lang", "zh_CN", "--db", str(db), *who, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_restore_without_login_in_a_process_replaces_nothing(office, tmp_path):
    path, _root = office
    empty = tmp_path / "empty.db"
    open_workspace(empty).database.close()
    done = kehu(path, "restore", str(empty))
    assert done.returncode == 1 and "--user" in done.stderr
    done = kehu(path, "restore", str(empty), user="li", password=SALES_PW)
    assert done.returncode == 1 and "推销员无权恢复备份" in done.stderr
    assert counts(path) == (20, 3)


def test_root_with_an_empty_password_cannot_log_in_in_a_process(office):
    path, root = office
    done = kehu(path, "check", user=root, password="")
    assert done.returncode == 1 and "密码不正确" in done.stderr
    done = kehu(path, "user", "list", user=root, password=ADMIN_PW)
    assert done.returncode == 0 and "li" in done.stdout


def test_a_salesperson_cannot_create_an_admin_in_a_process(office):
    path, _root = office
    done = kehu(path, "user", "add", "evil", "--role", "admin", user="li", password=SALES_PW)
    assert done.returncode == 1 and "推销员无权管理用户" in done.stderr
    assert counts(path) == (20, 3)


def test_user_is_not_ignored_on_a_passwordless_database_in_a_process(tmp_path):
    path = tmp_path / "shop.db"
    ws = open_workspace(path)
    li = auth.create_user("li", "李丽", by=ws.user)
    dossiers.create({"name": "管理员的客户"}, ws.user)
    dossiers.create({"name": "李的客户"}, ws.user, owner=li)
    ws.database.close()
    done = kehu(path, "search", "客户", user="li")
    assert done.returncode == 0 and "李的客户" in done.stdout and "管理员" not in done.stdout
    done = kehu(path, "search", "客户", user="nobody")
    assert done.returncode == 1 and "没有用户 nobody" in done.stderr
    done = kehu(path, "demo", "--customers", "3", user="li")
    assert done.returncode == 1 and "推销员无权生成演示数据" in done.stderr


def test_a_salespersons_check_in_a_process_shows_health_only(office):
    path, root = office
    done = kehu(path, "check", user="li", password=SALES_PW)
    assert done.returncode == 0, done.stderr
    assert "完整性" in done.stdout and "客户：" not in done.stdout.replace(" ", "")
    done = kehu(path, "check", user=root, password=ADMIN_PW)
    assert "20" in done.stdout


def test_the_health_report_service_withholds_counts_from_a_salesperson(workspace, user):
    from kehu.services import repair, users

    li = auth.create_user("li", "李丽", by=user)
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    assert repair.health_report(workspace.database, user).counts["customers"] == 0
    for who in (li, boss):
        found = repair.health_report(workspace.database, who)
        assert found.counts == {} and found.integrity == "ok"
    users.disable_user(li, user)
    with pytest.raises(Refused):
        repair.health_report(workspace.database, User.get_by_id(li.id))


def test_database_settings_are_an_administrators(workspace, user):
    from kehu.db.models import Category, Setting
    from kehu.services import care, database_settings

    boss = auth.create_user("boss", "王经理", "manager", by=user)
    li = auth.create_user("li", "李丽", by=user)
    with pytest.raises(Refused) as refused:
        database_settings.change_mode(workspace.database, "shared", boss)
    assert "经理无权修改数据库设置" in refused.value.message("zh_CN")
    assert workspace.database.mode == "local"
    assert Setting.get(Setting.key == "mode").value == "local"
    assert database_settings.change_mode(workspace.database, "shared", user)
    assert Setting.get(Setting.key == "mode").value == "shared"
    assert AuditEntry.select().where(AuditEntry.action == "settings").count() == 1
    grade = Category.select().where(Category.visit_days.is_null(False)).first()
    with pytest.raises(Refused):  # the cadence is part of the trees: managers and admins
        care.set_visit_days(grade.id, 3, li)
    care.set_visit_days(grade.id, 3, boss)
    assert Category.get_by_id(grade.id).visit_days == 3
