"""A restore while another program writes (issue 12, points 2 and 8): the restore goes into
the same file through the backup API, so every save the writer reports is in a file: before
the restore in the copy kept aside, after it in the restored database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time

from kehu.db import probe
from kehu.services import backup, dossiers
from kehu.services.workspace import open_workspace

WRITER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from kehu.services import dossiers
    from kehu.services.workspace import open_workspace
    path, cid, until = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    ws = open_workspace(path, create=False)
    base, saved, n, after = dossiers.load(cid), [], 0, 0
    deadline = time.monotonic() + 90
    while after < 5 and time.monotonic() < deadline:  # until 5 saves after the restore
        n += 1
        restored = until.exists()
        try:
            base = dossiers.save(base, {"problems": f"w-{n}"}, ws.user)
        except dossiers.ConflictError:  # the restore took the customer back: start again
            base = dossiers.load(cid)
            continue
        except Exception as exc:  # a restore under way: not saved, not reported, try again
            assert "restored into" in exc.message("en"), exc
            time.sleep(0.01)
            continue
        saved.append(f"w-{n}")
        after += restored
        print(f"saved w-{n}", flush=True)
    print(json.dumps(saved), flush=True)
""")


def _history(path) -> set[str]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT new_value FROM field_change WHERE field = 'problems'")
        return {value for (value,) in rows}
    finally:
        conn.close()


def test_a_restore_while_another_program_writes_loses_no_reported_save(tmp_path):
    path = tmp_path / "kehu.db"
    ws = open_workspace(path)
    cid = dossiers.create({"name": "恢复测试客户"}, ws.user)
    user = ws.user
    saved_copy = backup.backup(ws.database, tmp_path / "saved.db", by=user)
    dossiers.create({"name": "备份之后的客户"}, ws.user)
    ws.database.close()
    identity = probe.identity(path)

    until = tmp_path / "stop"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(cid), str(until)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    for _ in range(20):  # the writer is saving
        assert writer.stdout.readline().startswith("saved"), writer.stderr.read()
    restored = backup.restore(saved_copy, path, by=user)
    until.touch()  # …and goes on saving after the restore, into the same file
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    reported = json.loads(out.strip().splitlines()[-1])

    assert probe.identity(path) == identity  # restored in place: the same file
    assert restored.kept is not None
    now, before = _history(path), _history(restored.kept)
    lost = [value for value in reported if value not in now | before]
    assert lost == []
    assert any(value in now for value in reported)  # saves after the restore reached it
    print(f"restore under load: {len(reported)} saves reported, {len(lost)} lost")
    ws = open_workspace(path, create=False)
    names = {c.name for c in dossiers.Customer.select()}
    assert "备份之后的客户" not in names and "恢复测试客户" in names
    ws.database.close()
    time.sleep(0)
