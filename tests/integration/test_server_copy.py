"""Moving a file database to a server and back (issue 16, point 6): the same rows, counted
and checksummed per table on both sides, and the moved database works on the server."""

from __future__ import annotations

import pytest

from kehu.db import migrations, server_copy
from kehu.db.connection import open_database
from kehu.db.search import search
from kehu.db.server import connect
from kehu.services import demo
from kehu.services.workspace import open_workspace


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "office.db"
    ws = open_workspace(path, lang="zh_CN")
    demo.generate(customers=120, user=ws.user)
    ws.database.close()
    return path


def test_a_file_moves_to_the_server_and_back_with_the_same_counts_and_checksums(
    demo_file, tmp_path, pg_server, monkeypatch
):
    monkeypatch.setenv("KEHU_SERVER_PREVIEW", "1")
    url = pg_server.new_database(schema=False)
    try:
        file = open_database(demo_file, create=False, bind=False)
        target = connect(url)
        migrations.migrate(target)
        moved = server_copy.to_server(file.db, target)
        assert moved.differences == []
        counts = {t.table: t.rows for t in moved.tables}
        assert counts["customer"] == 120 and counts["sale_line"] > 0
        assert counts["search_key"] > 0 and counts["category_count"] > 0
        target.close()

        # It works there: search, and a new customer gets a new id.
        server = open_workspace(url, lang="zh_CN")
        found = search("有限", server.user, limit=5)
        assert found
        from kehu.services import dossiers

        new = dossiers.create({"name": "新客户有限公司"}, server.user)
        assert new > max(found)
        dossiers.archive(new, server.user)
        server.database.close()

        back = tmp_path / "back.db"
        source = connect(url)
        copy = open_database(back, create=True, bind=False)
        returned = server_copy.to_file(source, copy.db)
        assert returned.differences == []
        checks = {t.table: (t.rows, t.sha256) for t in returned.tables}
        assert checks["customer"][0] == 121
        unchanged = {t.table: (t.rows, t.sha256) for t in moved.tables}
        assert checks["sale_line"] == unchanged["sale_line"]
        assert checks["key_person"] == unchanged["key_person"]
        source.close()
        copy.close()
        file.close()
    finally:
        pg_server.drop(url)


def _run(capsys, *argv):
    from kehu.app import main

    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_kehu_server_migrate_export_and_init(demo_file, tmp_path, pg_server, monkeypatch, capsys):
    monkeypatch.setenv("KEHU_SERVER_PREVIEW", "1")
    url = pg_server.new_database(schema=False)
    fresh = pg_server.new_database(schema=False)
    try:
        code, out, err = _run(capsys, "server", "migrate", str(demo_file), url)
        assert code == 0, err
        assert "counts and checksums agree" in out
        # Moving into a database that has data is refused, nothing changed.
        code, _out, err = _run(capsys, "server", "migrate", str(demo_file), url)
        assert code != 0 and "not empty" in err
        back = tmp_path / "back.db"
        code, out, err = _run(capsys, "server", "export", url, str(back))
        assert code == 0, err
        assert "counts and checksums agree" in out and back.exists()
        code, out, err = _run(capsys, "--db", str(back), "check")
        assert code == 0, out + err
        code, out, err = _run(capsys, "server", "init", fresh)
        assert code == 0, err
        assert "row-level security on" in out
        db = connect(fresh)
        assert db.execute_sql("SELECT COUNT(*) FROM kehu_role").fetchone()[0] == 1
        db.close()
    finally:
        from kehu.db.models import database_proxy

        if database_proxy.obj is not None and not database_proxy.obj.is_closed():
            database_proxy.obj.close()
        pg_server.drop(url)
        pg_server.drop(fresh)
