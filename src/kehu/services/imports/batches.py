"""Import batches: started before the first write, finished (done, failed, cancelled) with
their counts and an audit entry holding the file's digest."""

from __future__ import annotations

from pathlib import Path

from kehu.core.digest import AUDIT_KEY, file_sha256
from kehu.db import import_batches
from kehu.db.connection import write
from kehu.db.models import ImportBatch, User
from kehu.exchange import xlsx_columns as columns
from kehu.services import audit

from .report import ImportReport

DONE, FAILED, CANCELLED = import_batches.DONE, import_batches.FAILED, import_batches.CANCELLED


def _db():
    return ImportBatch._meta.database


def start_batch(path: Path, user: User, kind: str, mapping: columns.Mapping) -> int:
    """A new batch row ("running"); returns its id."""
    digest = file_sha256(path)
    return write(
        _db(),
        lambda: import_batches.create_batch(
            kind, str(path), digest, user.id, mapping.to_json(kind)
        ),
    )


def finish_batch(batch_id: int, report: ImportReport, user: User, status: str) -> None:
    summary = {
        "sheet": report.sheet,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "reviews": report.reviews,
        "warnings": len(report.warnings),
    }
    counts = dict(
        rows_total=report.rows_total,
        rows_created=report.created,
        rows_updated=report.updated,
        rows_rejected=report.rejected,
    )

    def run() -> None:
        import_batches.finish_batch(batch_id, status, counts, summary)
        digest = import_batches.get_batch(batch_id).file_sha256
        audit.record(
            user,
            "import",
            "import_batch",
            batch_id,
            f"{report.kind} {report.path.name}",
            rows=report.rows_total,
            created=report.created,
            updated=report.updated,
            rejected=report.rejected,
            status=status,
            **{AUDIT_KEY: digest},
        )

    write(_db(), run)


def recent_batches(user: User, limit: int = 20) -> list[ImportBatch]:
    """The user's newest imports (everyone's for an admin)."""
    return import_batches.recent_batches(None if user.role == "admin" else user.id, limit)
