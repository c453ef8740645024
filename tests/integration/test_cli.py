"""The command line on real files: init, check, demo, backup, restore, --version."""

import json
import sqlite3

import pytest

from kehu import __version__
from kehu.app import main
from kehu.db.models import database_proxy


def run(capsys, *argv):
    if "--lang" not in argv:
        argv = ("--lang", "zh_CN", *argv)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _close_after():
    yield
    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    for command in ("init", "demo", "check", "backup", "restore", "export"):
        assert command in help_text


def test_init_then_check_on_a_new_database(capsys, tmp_path):
    db = tmp_path / "new.db"
    code, out, _ = run(capsys, "--db", str(db), "init")
    assert code == 0 and "已创建数据库" in out
    code, out, _ = run(capsys, "--db", str(db), "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["healthy"] and report["counts"]["schemes"] == 8
    assert report["counts"]["users"] == 1


def test_default_database_lives_in_the_user_data_folder(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("KEHU_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("KEHU_DB", raising=False)
    code, _out, _ = run(capsys, "init")
    assert code == 0 and (tmp_path / "data" / "kehu.db").exists()


def test_demo_then_check_reports_a_healthy_database(capsys, tmp_path):
    db = tmp_path / "demo.db"
    code, out, _ = run(capsys, "--db", str(db), "demo", "--customers", "3000", "--quiet")
    assert code == 0 and "3,000" in out
    code, out, _ = run(capsys, "--db", str(db), "--lang", "en", "check")
    assert code == 0 and "The database is healthy." in out and "Customers: 3,000" in out


def test_backup_and_restore_round_trip_keeps_the_previous_database(capsys, tmp_path):
    db = tmp_path / "main.db"
    run(capsys, "--db", str(db), "demo", "--customers", "200", "--quiet")
    backup = tmp_path / "b" / "backup.db"
    code, out, err = run(capsys, "--db", str(db), "backup", str(backup))
    assert code == 0 and backup.exists() and "已备份到" in out
    assert "正在备份" in err  # the job's progress line, in the language asked for
    database_proxy.obj.close()
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM key_person")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(db), "restore", str(backup))
    assert code == 0 and "已从" in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM key_person").fetchone()[0] > 200
    conn.close()
    kept = list(tmp_path.glob("main.before-restore-*.db"))
    assert len(kept) == 1
    conn = sqlite3.connect(kept[0])
    assert conn.execute("SELECT COUNT(*) FROM key_person").fetchone()[0] == 0
    conn.close()


def test_restore_refuses_a_damaged_backup_and_keeps_the_database(capsys, tmp_path):
    db = tmp_path / "main.db"
    run(capsys, "--db", str(db), "init")
    database_proxy.obj.close()
    before = db.read_bytes()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 50)
    code, _out, err = run(capsys, "--db", str(db), "restore", str(bad))
    assert code == 2 and "不是客户档案数据库" in err
    assert db.read_bytes() == before


def test_check_on_garbage_says_so_without_a_traceback(capsys, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    code, out, err = run(capsys, "--db", str(bad), "check")
    assert code == 2 and "Traceback" not in err and "不是客户档案数据库" in err


def test_a_database_with_logins_needs_the_user_and_password(capsys, tmp_path, monkeypatch):
    from kehu.services import auth, dossiers
    from kehu.services.workspace import open_workspace

    db = tmp_path / "office.db"
    ws = open_workspace(db)
    li = auth.create_user(
        "li", "老李", "salesperson", password="s3cret!!", own_password="admin-pass-1"
    )
    dossiers.create({"name": "北京海淀科技有限公司"}, ws.user, owner=li)
    dossiers.create({"name": "北京朝阳商贸有限公司"}, ws.user)  # the admin's: not li's to see
    ws.database.close()
    monkeypatch.delenv("KEHU_USER", raising=False)
    monkeypatch.delenv("KEHU_PASSWORD", raising=False)
    code, _out, err = run(capsys, "--db", str(db), "search", "北京")
    assert code == 1 and "--user" in err
    monkeypatch.setenv("KEHU_PASSWORD", "wrong")
    code, _out, err = run(capsys, "--db", str(db), "--user", "li", "search", "北京")
    assert code == 1 and "密码不正确" in err
    monkeypatch.setenv("KEHU_PASSWORD", "s3cret!!")
    code, out, err = run(capsys, "--db", str(db), "--user", "li", "search", "北京")
    assert code == 0, err
    assert "北京海淀科技有限公司" in out and "北京朝阳商贸有限公司" not in out


def test_init_speaks_one_language(tmp_path, capsys):
    """issue 14: "…（local 模式）" — the mode is named in the message's language."""
    from kehu.cli import parse, run

    db = tmp_path / "one.db"
    assert run(parse(["--db", str(db), "--lang", "zh_CN", "init"])) == 0
    out = capsys.readouterr().out
    assert "本机" in out and "local" not in out
    assert run(parse(["--db", str(db), "--lang", "en", "init"])) == 0
    assert "local mode" in capsys.readouterr().out
