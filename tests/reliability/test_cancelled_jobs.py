"""Long work cancelled or killed leaves nothing half done: backup, restore, demo data."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kehu.core.jobs import Cancelled, Job, Progress
from kehu.db import backup as db_backup
from kehu.services import backup, demo


def _cancel_at(stage: str) -> Job:
    def listener(progress: Progress) -> None:
        if progress.stage == stage and progress.done > 0:
            job.cancel()

    job = Job(listener)
    return job


def _left_over(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name or "restoring" in p.name)


@pytest.fixture
def filled(workspace, user, monkeypatch):
    monkeypatch.setattr(db_backup, "PAGES_PER_STEP", 8)  # many steps, so a cancel lands mid-way
    demo.generate(300, seed=2, user=user)
    return workspace


def test_backup_reports_pages_and_a_cancel_leaves_no_file(filled, tmp_path):
    seen: list[Progress] = []
    target = tmp_path / "backups" / "full.db"
    backup.backup(filled.database, target, Job(seen.append), by=filled.user)
    assert target.exists() and seen[-1].done == seen[-1].total > 8
    assert seen[0].stage == db_backup.BACKUP_STAGE

    cancelled = tmp_path / "backups" / "cancelled.db"
    with pytest.raises(Cancelled):
        backup.backup(
            filled.database, cancelled, _cancel_at(db_backup.BACKUP_STAGE), by=filled.user
        )
    assert not cancelled.exists()
    assert _left_over(cancelled.parent) == []  # no .part, no .part-journal


def test_a_cancelled_restore_changes_nothing(filled, tmp_path, db_path):
    saved = tmp_path / "saved.db"
    backup.backup(filled.database, saved, by=filled.user)
    filled.database.close()
    before = db_path.read_bytes()
    with pytest.raises(Cancelled):
        backup.restore(saved, db_path, _cancel_at(backup.RESTORE_STAGE), by=filled.user)
    assert db_path.read_bytes() == before
    assert _left_over(tmp_path) == []
    assert not list(tmp_path.glob("*before-restore*"))  # the copy kept aside went too
    restored = backup.restore(saved, db_path, by=filled.user)
    assert restored.kept is not None and restored.kept.exists()


KILLED_DEMO = """
import sys
from kehu.core.jobs import Job
from kehu.services import demo
from kehu.services.demo import workers
from kehu.services.workspace import open_workspace

ws = open_workspace(sys.argv[1])

def listener(progress):
    if progress.stage == demo.CUSTOMERS_STAGE and progress.done >= 400:
        print("written", progress.done, flush=True)
        sys.stdin.readline()  # wait to be killed

workers.CHUNK = 200  # chunks of 200 customers
demo.generate(2000, user=ws.user, job=Job(listener))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_demo_killed_half_way_leaves_an_empty_healthy_database(tmp_path):
    """The load is one transaction: a process killed in the middle leaves nothing of it."""
    path = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_DEMO, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline().startswith("written")
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT COUNT(*) FROM customer").fetchone()[0] == 0  # uncommitted
        conn.close()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    check = subprocess.run(
        [sys.executable, "-m", "kehu", "--db", str(path), "--lang", "en", "check", "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert check.returncode == 0, check.stderr
    assert '"healthy": true' in check.stdout and '"customers": 0' in check.stdout
