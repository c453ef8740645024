"""`kehu check`, `kehu repair`, `kehu backup` and `kehu restore` on a server database (issue 16):
the file-only parts are replaced by the server's meaning or refused with the reason, kehu's own
checks run. Real PostgreSQL (tests/backends.py), the commands as a user types them."""

from __future__ import annotations

import json
import subprocess

import psycopg
import pytest

from kehu.app import main
from kehu.core.search_keys import SLOTS
from kehu.db import health
from kehu.db.pg_cluster import client_binary
from kehu.services import backup, backups, database_settings, dossiers, repair

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)


def run(capsys, *argv):
    code = main(["--lang", "zh_CN", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def three(workspace, user) -> list[int]:
    names = ("北京海淀科技有限公司", "上海浦东贸易有限公司", "广州天河商行")
    return [dossiers.create({"name": n}, user) for n in names]


def test_kehu_check_on_a_server_runs_kehus_checks(capsys, three, db_path):
    code, out, _err = run(capsys, "--db", db_path, "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["healthy"] and report["mode"] == "server"
    assert report["counts"]["customers"] == 3
    assert report["path"].startswith("postgresql://") and "@/" in report["path"]
    assert any("pg_amcheck" in n for n in report["notes"])
    code, out, _err = run(capsys, "--db", db_path, "check")
    assert "模式：服务器" in out and "wal" not in out.lower()


def test_a_missing_search_key_is_found_and_repaired_on_the_server(capsys, three, db_path):
    with psycopg.connect(db_path, autocommit=True) as other:
        other.execute(
            "DELETE FROM search_key WHERE id >= %s AND id < %s",
            (three[1] * SLOTS, three[1] * SLOTS + SLOTS),
        )
    found = health.check(dossiers_db())
    assert [p.code for p in found.problems] == [health.SEARCH_KEYS]
    code, out, _err = run(capsys, "--db", db_path, "repair", "--quiet")
    assert code == 0 and "✓" in out
    assert health.check(dossiers_db()).healthy


def dossiers_db():
    from kehu.db.models import database_proxy

    return database_proxy.obj


def test_kehu_backup_on_a_server_is_a_pg_dump(capsys, three, db_path, tmp_path):
    if client_binary("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    target = tmp_path / "office.dump"
    code, out, _err = run(capsys, "--db", db_path, "backup", str(target), "--quiet")
    assert code == 0 and str(target) in out
    listed = subprocess.run(
        [client_binary("pg_restore"), "--list", str(target)], capture_output=True, text=True
    )
    assert "TABLE DATA" in listed.stdout


def test_restore_mode_and_automatic_backups_are_refused_on_a_server(
    capsys, workspace, db_path, tmp_path
):
    code, _out, err = run(capsys, "--db", db_path, "restore", str(tmp_path / "x.db"))
    assert code != 0 and "pg_restore" in err and "Traceback" not in err
    database, user = workspace.database, workspace.user
    with pytest.raises(backup.ServerRestoreError):
        backup.restore(tmp_path / "x.db", database.url, by=user)
    with pytest.raises(backups.ServerBackupsError):
        backups.automatic_backup(database)
    with pytest.raises(database_settings.ServerModeError):
        database_settings.change_mode(database, "shared", user)
    assert not list(tmp_path.glob("*"))  # nothing was written


def test_health_report_through_the_service_on_a_server(workspace, three):
    found = repair.health_report(workspace.database, workspace.user)
    assert found.healthy and found.journal_mode == "server" and found.counts["customers"] == 3
