"""Opening is read-only until it knows (issue 12, points 1 and 7): a missing path, an empty
file, another program's SQLite file, a damaged or read-only file are reported in plain words,
and their bytes (and their folder) stay exactly as they were."""

from __future__ import annotations

import sqlite3

import pytest
from disks import read_only

from kehu.app import main
from kehu.db import errors
from kehu.db.connection import SHARED, open_database
from kehu.db.models import database_proxy
from kehu.services import dossiers
from kehu.services.workspace import open_workspace


def run(capsys, *argv):
    code = main(["--lang", "en", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture(autouse=True)
def _close_after():
    yield
    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(
    "command",
    [["check"], ["search", "北京"], ["export", "--format", "xlsx", "--kind", "list", "out.xlsx"]],
)
def test_a_typo_path_creates_nothing(capsys, tmp_path, command):
    typo = tmp_path / "typo" / "kehu.db"
    code, text = run(capsys, "--db", typo, *command)
    assert code != 0 and "no database at" in text
    assert not typo.parent.exists()


def test_the_window_refuses_a_typo_path_but_creates_the_first_start_database(tmp_path):
    from kehu.config import default_database_path
    from kehu.ui.application import is_first_start

    assert not is_first_start(str(tmp_path / "typo" / "kehu.db"))
    assert is_first_start(str(default_database_path()))


def test_an_empty_file_is_not_initialised(capsys, tmp_path):
    empty = tmp_path / "kehu.db"
    empty.touch()
    for command in (["check"], ["init"], ["demo", "--customers", "5"]):
        code, text = run(capsys, "--db", empty, *command)
        assert code != 0 and "empty file (0 bytes)" in text
    assert _snapshot(tmp_path) == {"kehu.db": b""}


def _foreign(path, journal="delete"):
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('假期.jpg')")
    conn.commit()
    conn.close()


def test_another_programs_sqlite_file_is_refused_untouched(capsys, tmp_path):
    other = tmp_path / "photos.db"
    _foreign(other)
    before = _snapshot(tmp_path)
    for command in (["check"], ["init", "--mode", "local"], ["search", "x"]):
        code, text = run(capsys, "--db", other, *command)
        assert code != 0 and "is not a kehu database" in text
    assert _snapshot(tmp_path) == before  # not switched to WAL, no -wal/-shm beside it
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_damaged_file_is_refused_untouched(capsys, tmp_path):
    path = tmp_path / "kehu.db"
    ws = open_workspace(path, mode=SHARED)
    for n in range(200):
        dossiers.create({"name": f"损坏测试客户{n}", "problems": "很长的说明" * 40}, ws.user)
    ws.database.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    before = _snapshot(tmp_path)
    code, text = run(capsys, "--db", path, "check")
    assert code != 0 and ("damaged" in text or "not a kehu database" in text)
    assert _snapshot(tmp_path) == before


def test_a_read_only_file_opens_read_only_and_says_so(tmp_path):
    path = tmp_path / "kehu.db"
    ws = open_workspace(path)
    cid = dossiers.create({"name": "只读测试客户"}, ws.user)
    ws.database.close()
    with read_only(path, tmp_path) as locked:
        before = locked.read_bytes()
        ws = open_workspace(locked, create=False)
        assert ws.database.read_only
        assert any("read-only" in w.message("en") for w in ws.database.warnings)
        assert dossiers.load(cid).values["name"] == "只读测试客户"
        with pytest.raises(errors.ReadOnlyError) as refused:
            dossiers.save(dossiers.load(cid), {"problems": "改不了"}, ws.user)
        assert "只读" in refused.value.message("zh_CN")
        ws.database.close()
        assert locked.read_bytes() == before


def test_check_reads_a_read_only_file(capsys, tmp_path):
    path = tmp_path / "kehu.db"
    open_workspace(path).database.close()
    with read_only(path, tmp_path) as locked:
        before = locked.read_bytes()
        code, text = run(capsys, "--db", locked, "check")
        assert code == 0, text
        assert locked.read_bytes() == before


def test_the_stored_shared_mode_is_read_before_any_journal_change(tmp_path):
    path = tmp_path / "office.db"
    open_database(path, mode=SHARED).close()
    reader = sqlite3.connect(path)  # a colleague in the middle of reading
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM customer").fetchone()
    opened = open_database(path, create=False)
    assert opened.mode == SHARED
    assert opened.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
    opened.close()
    reader.rollback()
    reader.close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_read_only_file_says_so_and_disables_saving(qtbot, qapp, tmp_path):
    from kehu.ui.application import open_session_window

    path = tmp_path / "kehu.db"
    ws = open_workspace(path)
    cid = dossiers.create({"name": "只读窗口客户"}, ws.user)
    ws.database.close()
    with read_only(path, tmp_path) as locked:
        ws = open_workspace(locked, create=False)
        window = open_session_window(ws, ws.user, "en")
        qtbot.addWidget(window)
        window.show()
        assert "read-only" in window.status_file.text()
        card = window.open_card(cid)
        assert not card.save_button.isEnabled()
        window.close()
        ws.database.close()
