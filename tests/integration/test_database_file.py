"""Opening files: modes, damaged and foreign files, network and cloud paths, locks."""

import sqlite3
import threading
import time

import pytest

from kehu.db import errors
from kehu.db.connection import LOCAL, SHARED, open_database, set_mode, write
from kehu.db.models import Setting
from kehu.db.paths import locate


def _journal(opened):
    return opened.db.execute_sql("PRAGMA journal_mode").fetchone()[0]


def test_new_database_is_local_wal_and_remembers_it(db_path):
    opened = open_database(db_path)
    assert opened.created and opened.mode == LOCAL and _journal(opened) == "wal"
    opened.close()
    again = open_database(db_path)
    assert not again.created and again.mode == LOCAL
    again.close()


def test_shared_mode_is_stored_in_the_file(db_path):
    opened = open_database(db_path, mode=SHARED)
    assert _journal(opened) == "delete"
    assert opened.db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    opened.close()
    again = open_database(db_path)
    assert again.mode == SHARED and _journal(again) == "delete"
    set_mode(again, LOCAL)
    again.close()
    assert open_database(db_path).mode == LOCAL


def test_garbage_file_gives_a_clear_message(tmp_path):
    path = tmp_path / "客户.xlsx"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    with pytest.raises(errors.NotADatabaseError) as caught:
        open_database(path)
    assert "不是客户档案数据库" in caught.value.message("zh_CN")
    assert path.read_bytes().startswith(b"PK")  # untouched


def test_truncated_database_gives_a_clear_message(db_path, tmp_path):
    opened = open_database(db_path, mode=SHARED)
    opened.db.execute_sql("CREATE TABLE filler (x TEXT)")
    opened.db.execute_sql(
        "INSERT INTO filler SELECT hex(randomblob(500)) "
        "FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c "
        "WHERE n < 2000) SELECT n FROM c)"
    )
    opened.close()
    data = db_path.read_bytes()
    broken = tmp_path / "broken.db"
    broken.write_bytes(data[: len(data) // 3])
    with pytest.raises((errors.DamagedDatabaseError, errors.NotADatabaseError)) as caught:
        open_database(broken)
    assert caught.value.message("en")


def test_sqlite_file_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(errors.NotADatabaseError):
        open_database(path)


def test_network_mounts_and_cloud_folders_are_detected(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "//server/share /mnt/office cifs rw 0 0\n"
        "server:/export /mnt/nfs nfs4 rw 0 0\n"
    )
    assert locate("/mnt/office/kehu.db", str(mounts)).network
    assert locate("/mnt/nfs/a/kehu.db", str(mounts)).network
    assert not locate("/home/li/kehu.db", str(mounts)).network
    assert locate("/home/li/Dropbox/kehu.db", str(mounts)).cloud == "Dropbox"
    assert locate("/home/li/坚果云/kehu.db", str(mounts)).cloud == "坚果云"
    assert locate("//server/share/kehu.db", str(mounts)).network


def test_cloud_folder_creates_a_shared_database_and_warns(tmp_path):
    opened = open_database(tmp_path / "OneDrive" / "kehu.db")
    assert opened.mode == SHARED
    shown = [w.message("zh_CN") for w in opened.warnings]
    assert any("OneDrive" in text and "云同步" in text for text in shown)
    opened.close()


def test_write_waits_for_a_lock_held_by_another_connection(db_path):
    opened = open_database(db_path)
    other = sqlite3.connect(db_path, timeout=0, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting (key, value) VALUES ('other', '1')")
    opened.db.execute_sql("PRAGMA busy_timeout=50")

    def release():
        time.sleep(0.4)
        other.commit()

    thread = threading.Thread(target=release)
    thread.start()
    write(opened.db, lambda: Setting.create(key="mine", value="2"))
    thread.join()
    assert {s.key for s in Setting.select()} >= {"other", "mine"}
    other.close()
    opened.close()


def test_write_gives_up_with_a_clear_message_when_the_lock_stays(db_path):
    opened = open_database(db_path)
    opened.db.execute_sql("PRAGMA busy_timeout=10")
    other = sqlite3.connect(db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(errors.DatabaseLockedError) as caught:
        write(opened.db, lambda: Setting.create(key="mine", value="2"), attempts=3)
    assert "占用" in caught.value.message("zh_CN")
    other.rollback()
    other.close()
    assert not Setting.select().where(Setting.key == "mine").exists()
    opened.close()


def test_data_version_moves_when_another_connection_commits(db_path):
    opened = open_database(db_path)
    before = opened.data_version()
    other = sqlite3.connect(db_path)
    other.execute("INSERT INTO setting (key, value) VALUES ('x', 'y')")
    other.commit()
    other.close()
    assert opened.data_version() != before
    opened.close()


def test_a_big_file_is_checked_after_opening(db_path, monkeypatch):
    from kehu.db import connection

    open_database(db_path).close()
    monkeypatch.setattr(connection, "QUICK_CHECK_MAX_BYTES", 0)
    opened = open_database(db_path)
    assert opened.check_deferred
    opened.quick_check()  # healthy: no exception
    opened.close()


def test_background_check_reports_damage(db_path, tmp_path):
    opened = open_database(db_path, mode=SHARED)
    opened.db.execute_sql("CREATE TABLE filler (x TEXT)")
    opened.db.execute_sql(
        "INSERT INTO filler SELECT hex(randomblob(400)) FROM (WITH RECURSIVE c(n) AS "
        "(SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n < 3000) SELECT n FROM c)"
    )
    opened.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 20, page * 40):  # scribble over pages of the filler table
        data[offset] = 0x55
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    with pytest.raises((errors.DamagedDatabaseError, errors.NotADatabaseError)):
        broken = open_database(damaged, create=False)
        broken.quick_check()
