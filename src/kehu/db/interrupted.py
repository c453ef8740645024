"""Import batches whose process died: "running" in the file, but nobody runs them.

A batch records the process that runs it (host and process id, in its summary while it
runs; `running_marker`). On the same computer a process that no longer exists is proof; a
batch started elsewhere (a shared file) is taken as dead after `OTHER_HOST_HOURS`, and one of
an older version (no marker) after `UNMARKED_HOURS`. Dead batches are marked "interrupted":
what their finished chunks wrote stays, and the batch can be undone as a whole.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket

from kehu.db.models import ImportBatch

RUNNING, INTERRUPTED = "running", "interrupted"
OTHER_HOST_HOURS = 24
UNMARKED_HOURS = 1


def running_marker() -> str:
    """The summary of a running batch: who runs it (replaced when the batch finishes)."""
    return json.dumps({"host": socket.gethostname(), "pid": os.getpid()})


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, another user's
        return True
    except OSError:
        return True
    return True


def _is_dead(batch: ImportBatch, now: dt.datetime) -> bool:
    try:
        marker = json.loads(batch.summary or "{}")
    except ValueError:
        marker = {}
    started = batch.started_at if isinstance(batch.started_at, dt.datetime) else None
    age = (now - started) if started else dt.timedelta(days=365)
    if "pid" not in marker:
        return age > dt.timedelta(hours=UNMARKED_HOURS)
    if marker.get("host") != socket.gethostname():
        return age > dt.timedelta(hours=OTHER_HOST_HOURS)
    return not _alive(int(marker["pid"]))


def dead_batches() -> list[ImportBatch]:
    """Batches still "running" whose process is gone."""
    now = dt.datetime.now()
    running = ImportBatch.select().where(ImportBatch.status == RUNNING).order_by(ImportBatch.id)
    return [batch for batch in running if _is_dead(batch, now)]


def interrupted_batches() -> list[ImportBatch]:
    return list(
        ImportBatch.select().where(ImportBatch.status == INTERRUPTED).order_by(ImportBatch.id)
    )


def mark_interrupted(batch_ids: list[int]) -> int:
    """Mark these batches interrupted (inside the caller's write transaction)."""
    if not batch_ids:
        return 0
    return (
        ImportBatch.update(status=INTERRUPTED, summary=json.dumps({"interrupted": True}))
        .where((ImportBatch.id.in_(batch_ids)) & (ImportBatch.status == RUNNING))
        .execute()
    )
