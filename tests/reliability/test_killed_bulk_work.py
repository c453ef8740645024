"""Bulk work killed with SIGKILL (issue 12, points 4 and 8): a demo load is all or nothing,
an import keeps its finished batches and shows as interrupted (and can be undone); after
either, `kehu check` tells the truth and the database works."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
DEMO_CUSTOMERS = 1200

# Stops (blocks on stdin, to be killed) when the load reaches (stage, done) given in argv; a
# stage that never comes lets it run (killed by the clock).
KILLED_DEMO = """
import sys
from kehu.core.jobs import Job
from kehu.services import demo
from kehu.services.demo import workers
from kehu.services.workspace import open_workspace

path, stage, at = sys.argv[1], sys.argv[2], int(sys.argv[3])
ws = open_workspace(path)
if len(sys.argv) > 4:
    demo.generate(200, seed=9, user=ws.user)  # a database with customers already
workers.CHUNK = 200

def listener(progress):
    if progress.stage == stage and progress.done >= at:
        print("at", stage, progress.done, flush=True)
        sys.stdin.readline()

print("started", flush=True)
demo.generate(CUSTOMERS, user=ws.user, job=Job(listener))
print("finished", flush=True)
""".replace("CUSTOMERS", str(DEMO_CUSTOMERS))


def _check(path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "kehu", "--db", str(path), "--lang", "en", "check", "--json"],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert done.stdout, done.stderr
    return json.loads(done.stdout)


def _kill_demo(path, stage: str, at: int, *extra: str, after: float | None = None) -> str:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_DEMO, str(path), stage, str(at), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        assert child.stdout.readline().startswith("started")
        if after is None:
            line = child.stdout.readline()
            assert line.startswith("at"), child.stderr.read()
        else:
            time.sleep(after)  # a moment chosen by the clock, not by the load
            line = "by time"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    return line


KILL_POINTS = [
    ("Demo customers", 400, ()),  # half-way through the rows
    ("Routes", 0, ()),  # rows written, routes next
    ("Indexes", 0, ()),  # indexes and triggers dropped, being created again
    ("Demo customers", 600, ("existing",)),  # a database that had customers
    ("Search keys", 0, ("existing",)),  # keys of the new customers being computed
]


@pytest.mark.parametrize(("stage", "at", "extra"), KILL_POINTS)
def test_a_killed_demo_leaves_the_database_as_it_was(tmp_path, stage, at, extra):
    path = tmp_path / "killed.db"
    _kill_demo(path, stage, at, *extra)
    report = _check(path)
    assert report["healthy"], report["problems"]
    assert report["counts"]["customers"] == (200 if extra else 0)


def test_demos_killed_at_moments_chosen_by_the_clock_are_finished_or_rolled_back(tmp_path):
    outcomes = []
    for run, delay in enumerate((1.0, 1.8, 2.6)):
        path = tmp_path / f"clock-{run}.db"
        _kill_demo(path, "never", 0, after=delay)
        report = _check(path) if path.exists() else None
        if report is None:
            outcomes.append("not created")
            continue
        assert report["healthy"], report["problems"]
        assert report["counts"]["customers"] in (0, DEMO_CUSTOMERS)
        outcomes.append(report["counts"]["customers"])
    print("clock kills:", outcomes)


KILLED_IMPORT = """
import sys
from kehu.core.jobs import Job
from kehu.services import imports
from kehu.services.imports import plan
from kehu.services.workspace import open_workspace

ws = open_workspace(sys.argv[1], create=False)
plan.PROGRESS_EVERY = 50
at = int(sys.argv[3])

def listener(progress):
    if progress.done >= at:
        print("at", progress.done, flush=True)
        sys.stdin.readline()

options = imports.ImportOptions(batch_size=100)
imports.run_import(sys.argv[2], ws.user, options, Job(listener))
print("finished", flush=True)
"""


def _book(path, count: int):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["客户名称", "电话"])
    for i in range(count):
        book.active.append([f"导入测试公司{i:04d}", f"0571-8{i:07d}"])
    book.save(path)
    return path


def _cli(*argv) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kehu", "--lang", "en", *map(str, argv)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )


@pytest.mark.parametrize("at", [150, 420])
def test_a_killed_import_shows_interrupted_and_can_be_undone(tmp_path, at):
    path = tmp_path / "kehu.db"
    assert _cli("--db", path, "init").returncode == 0
    book = _book(tmp_path / "客户.xlsx", 600)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(path), str(book), str(at)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("at"), child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    listed = _cli("--db", path, "import", "--list")
    assert "interrupted" in listed.stdout and "running" not in listed.stdout, listed
    report = _check(path)
    assert report["healthy"], report["problems"]
    kept = report["counts"]["customers"]
    assert 0 <= kept < 600 and kept % 100 == 0  # the finished batches of 100, nothing half
    assert any("was interrupted" in n for n in report["notes"])
    undone = _cli("--db", path, "import", "--undo", "1")
    assert undone.returncode == 0, undone.stderr
    assert _check(path)["counts"]["customers"] == 0
