"""Four editors at once on one file, in both modes: every process opens, every save it reports
is in the field and in the history, and no "locked" error reaches anyone (issue 12, point 1).

A shared-mode file is never switched to WAL by the editors opening it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from kehu.db.connection import LOCAL, SHARED
from kehu.db.models import Customer, FieldChange
from kehu.services import dossiers
from kehu.services.workspace import open_workspace

EDITORS = 4
SECONDS = 2.5

EDITOR = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    path, cid, name, barrier, seconds = (
        sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4]), float(sys.argv[5]))
    from kehu.services import dossiers
    from kehu.services.workspace import open_workspace
    (barrier / f"ready-{name}").touch()
    while len(list(barrier.glob("ready-*"))) < int(sys.argv[6]):
        time.sleep(0.002)
    report = {"opened": False, "saves": 0, "last": None, "errors": []}
    try:
        ws = open_workspace(path, create=False)  # all four at the same moment
        report["opened"] = True
        base = dossiers.load(cid)
        end = time.monotonic() + seconds
        while time.monotonic() < end or report["saves"] < 3:  # a few saves even when slow
            value = f"{name}-{report['saves'] + 1}"
            try:
                base = dossiers.save(base, {"problems": value}, ws.user)
            except Exception as exc:
                report["errors"].append(getattr(exc, "message", lambda _l: str(exc))("en"))
                base = dossiers.load(cid)
                continue
            report["saves"] += 1
            report["last"] = value
    except Exception as exc:
        report["errors"].append(getattr(exc, "message", lambda _l: str(exc))("en"))
    print(json.dumps(report))
""")


@pytest.mark.parametrize("mode", [LOCAL, SHARED])
def test_four_editors_all_open_and_every_reported_save_is_found(tmp_path, mode):
    path = tmp_path / f"{mode}.db"
    ws = open_workspace(path, mode=mode, lang="en")
    ids = [dossiers.create({"name": f"编辑者客户{n}"}, ws.user) for n in range(EDITORS)]
    ws.database.close()
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                EDITOR,
                str(path),
                str(cid),
                f"e{n}",
                str(barrier),
                str(SECONDS),
                str(EDITORS),
            ],  # fmt: skip
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n, cid in enumerate(ids)
    ]
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert [r["opened"] for r in reports] == [True] * EDITORS, reports
    assert [r["errors"] for r in reports] == [[]] * EDITORS  # no "locked" reached anyone

    ws = open_workspace(path, create=False)
    found = []
    for cid, report in zip(ids, reports, strict=True):
        history = FieldChange.select().where(
            (FieldChange.customer == cid) & (FieldChange.field == "problems")
        )
        assert Customer.get_by_id(cid).problems == report["last"]
        assert history.count() == report["saves"] > 0
        found.append(history.count())
    ws.database.close()
    journal = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == ("wal" if mode == LOCAL else "delete")
    print(f"{mode}: saves reported {[r['saves'] for r in reports]}, found {found}")
