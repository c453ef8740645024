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


def test_search_ranks_the_same_demo_data_alike_on_both_backends(demo_file, pg_server, monkeypatch):
    """Issue 16, point 2: the same queries on the same demo data (a file, and its copy on a
    server) give the same customers in the same order, page after page."""
    from kehu.core.search_keys import normalize, pinyin_keys
    from kehu.db.models import ALL_MODELS

    url = pg_server.new_database(schema=False)
    try:
        file = open_workspace(demo_file, lang="zh_CN")
        target = connect(url)
        migrations.migrate(target)
        assert server_copy.to_server(file.database.db, target).differences == []
        names = [
            n
            for (n,) in file.database.db.execute_sql(
                "SELECT name FROM customer ORDER BY id LIMIT 12"
            )
        ]
        queries = {"有限", "公司", "商贸", "138", "0", "kh0001", "zz", "北", "科技有"}
        for name in names:
            queries |= {name[:1], name[:2], name[2:5], name[3:5]}
            spelled = pinyin_keys(normalize(name))
            queries |= {spelled[0][:4], spelled[-1][:3]}
        user = file.user

        def ranked(query: str) -> list[int]:
            first = search(query, user, limit=20)
            more = search(query, user, limit=20, after=first[-1]) if len(first) == 20 else []
            return first + more

        on_file = {q: ranked(q) for q in sorted(queries)}
        with target.bind_ctx(ALL_MODELS):
            on_server = {q: ranked(q) for q in sorted(queries)}
        assert on_server == on_file
        assert sum(map(len, on_file.values())) > 100
        target.close()
        file.database.close()
    finally:
        pg_server.drop(url)


def test_a_server_database_is_backed_up_with_pg_dump(pg_server, monkeypatch, tmp_path):
    from kehu.db import server_dump
    from kehu.services import backup

    url = pg_server.new_database()
    ws = open_workspace(url, lang="zh_CN")
    try:
        target = backup.backup(ws.database, tmp_path / "office.dump", by=ws.user)
        assert target.exists() and target.stat().st_size > 1000
        monkeypatch.setattr(server_dump, "client_binary", lambda name: None)
        with pytest.raises(server_dump.DumpError) as caught:
            backup.backup(ws.database, tmp_path / "again.dump", by=ws.user)
        assert "pg_dump" in caught.value.message("zh_CN")
        assert not (tmp_path / "again.dump").exists()
    finally:
        ws.database.close()
        pg_server.drop(url)


def test_the_copy_keeps_odd_text_and_numbers_exactly_and_its_checksum_sees_a_change(
    demo_file, pg_server, monkeypatch
):
    """The rows travel as COPY text written by SQLite: backslashes, tabs, line breaks and the
    other characters COPY escapes, NULLs, floats and decimals come back as they were; a row
    changed on the server afterwards makes its table differ."""
    odd = "a\\b\tc\nd\re\bf\fg\vh \\N 'q' \"dq\" 中文"
    url = pg_server.new_database(schema=False)
    try:
        file = open_database(demo_file, create=False, bind=False)
        file.db.execute_sql(
            "UPDATE customer SET notes = ?, latitude = ?, longitude = NULL, fax = '' WHERE id = 1",
            (odd, 0.1 + 0.2),
        )
        file.db.execute_sql("UPDATE sale_line SET quantity = ? WHERE id = 1", (2.0005,))
        target = connect(url)
        migrations.migrate(target)
        assert server_copy.to_server(file.db, target).differences == []
        row = target.execute_sql(
            "SELECT notes, latitude, longitude, fax FROM customer WHERE id = 1"
        ).fetchone()
        assert row == (odd, 0.1 + 0.2, None, "")
        quantity = target.execute_sql("SELECT quantity FROM sale_line WHERE id = 1").fetchone()
        assert quantity[0] == 2.001  # numeric(14, 3) rounds half away from zero, as checked
        target.execute_sql("ALTER TABLE customer DISABLE TRIGGER USER")
        target.execute_sql("UPDATE customer SET notes = notes || '.' WHERE id = 1")
        target.execute_sql("UPDATE route SET start_latitude = 1.5 WHERE id = 1")
        assert server_copy.verify(file.db, target).differences == ["customer", "route"]
        target.close()
        file.close()
    finally:
        pg_server.drop(url)


def test_a_save_on_the_shared_file_during_the_move_is_not_half_copied(
    demo_file, pg_server, monkeypatch
):
    """Another user saves on the shared file while it moves (a second connection, as another
    kehu would): the copy is the file as it was when the move began, verified as such."""
    import sqlite3

    from kehu.core.jobs import Job

    url = pg_server.new_database(schema=False)
    file = open_database(demo_file, create=False, bind=False)
    target = connect(url)
    migrations.migrate(target)
    other = sqlite3.connect(demo_file, timeout=10)
    saved: list[int] = []

    def progressed(progress) -> None:
        if progress.done == 3 and not saved:  # a few tables in, mid-move
            other.execute("UPDATE customer SET name = name || '（已改）' WHERE id = 1")
            other.commit()
            saved.append(1)

    try:
        moved = server_copy.to_server(file.db, target, Job(progressed))
        assert saved and moved.differences == []
        name = target.execute_sql("SELECT name FROM customer WHERE id = 1").fetchone()[0]
        assert not name.endswith("（已改）")  # the file as it was when the move began
        now = other.execute("SELECT name FROM customer WHERE id = 1").fetchone()[0]
        assert now.endswith("（已改）")  # and the other user's save stays in the file
    finally:
        other.close()
        target.close()
        file.close()
        pg_server.drop(url)
