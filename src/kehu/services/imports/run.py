"""One import run: open the sheet, resolve the mapping, record a batch, import the rows.

`run_import(path, user, options, job)` reports progress through the job and stops when it is
cancelled; a cancelled (or failed) run takes out everything it wrote (the batch's rows are
removed exactly as an undo would) before letting the exception through, so nothing stays
half done and no batch stays "running".
"""

from __future__ import annotations

import logging
from pathlib import Path

from kehu.core import rights
from kehu.core.i18n import N_
from kehu.core.jobs import Cancelled, Job
from kehu.core.rights import Action
from kehu.db import bulk, import_load
from kehu.db.connection import write
from kehu.db.models import ImportBatch, User
from kehu.exchange.xlsx_columns import Mapping
from kehu.exchange.xlsx_reading import Table, open_table

from .batches import CANCELLED, DONE, FAILED, finish_batch, start_batch
from .customers import CustomerImporter
from .forms import import_forms
from .persons import import_persons_sheet
from .plan import ON_DUPLICATE, ImportOptions, mapping_notes, resolve_mapping
from .report import ImportReport
from .sales import SaleImporter
from .undo import remove_batch

logger = logging.getLogger(__name__)


def run_import(
    path: str | Path, user: User, options: ImportOptions | None = None, job: Job | None = None
) -> ImportReport:
    """Import a file (or, with `options.dry_run`, report what an import would do).

    Raises `Cancelled` when `job` is cancelled; the database then holds what it held before.
    """
    options = options or ImportOptions()
    rights.check(user, Action.EDIT_SALE_LINES if options.kind == "sales" else Action.IMPORT)
    if options.create_categories and not options.dry_run:
        rights.check(user, Action.MANAGE_CATEGORIES)  # checked before any row is written
    if options.on_duplicate not in ON_DUPLICATE:
        raise ValueError(options.on_duplicate)
    path = Path(path)
    if options.kind == "forms":
        return import_forms(path, user, options, job)
    if options.kind not in ("customers", "sales"):
        raise ValueError(options.kind)
    with open_table(path, options.sheet) as table:
        report = ImportReport(options.kind, path, table.sheet, options.dry_run)
        report.notes.extend(table.notes)
        mapping = resolve_mapping(table, options)
        report.notes.extend(mapping_notes(mapping))
        report.headers = mapping.headers
        batch_id = None if options.dry_run else start_batch(path, user, options.kind, mapping)
        report.batch_id = batch_id
        try:
            if options.kind == "customers":
                load = batch_id is not None and _one_load(table)
                with bulk.import_writes(load):
                    if load:  # one transaction, indexes built once after the load
                        write(ImportBatch._meta.database, lambda: _load(table, mapping, report,
                                                                        user, options, batch_id, job))  # fmt: skip
                    else:
                        _customers(table, mapping, report, user, options, batch_id, job)
            else:
                with bulk.import_writes():
                    SaleImporter(user, options, report, batch_id, job).run(table, mapping)
        except BaseException as exc:
            if batch_id is not None:
                cancelled = isinstance(exc, (Cancelled, KeyboardInterrupt))
                status = CANCELLED if cancelled else FAILED
                _take_out(batch_id, report, user, status)
            raise
    if batch_id is not None:
        finish_batch(batch_id, report, user, status=DONE)
    logger.info("import %s: %s", path, report.summary("en").splitlines()[0])
    return report


def _customers(
    table: Table,
    mapping: Mapping,
    report: ImportReport,
    user: User,
    options: ImportOptions,
    batch_id: int | None,
    job: Job | None,
    load: bool = False,
) -> None:
    importer = CustomerImporter(user, options, report, batch_id, job, bulk=load)
    try:
        importer.run(table, mapping)
        if options.persons_sheet:
            import_persons_sheet(importer, table.path, options.persons_sheet)
    finally:
        importer.drop()


def _load(
    table: Table,
    mapping: Mapping,
    report: ImportReport,
    user: User,
    options: ImportOptions,
    batch_id: int,
    job: Job | None,
) -> None:
    """The whole customer import in the caller's one write transaction: the indexes that
    nothing reads during it and the Today keys' per-row triggers are dropped first, built
    again at the end (a cancel rolls all of it back)."""
    dropped = import_load.drop_load_indexes()
    triggers = import_load.drop_load_triggers()
    _customers(table, mapping, report, user, options, batch_id, job, load=True)
    if job is not None:
        job.stage(INDEXES)
    import_load.create_indexes(dropped)
    import_load.restore_load_triggers(triggers)
    if job is not None:
        job.check()  # the last moment a cancel rolls everything back


LOAD_MIN_ROWS = 5000  # a sheet of fewer rows is written in short transactions
INDEXES = N_("Building indexes")


def _one_load(table: Table) -> bool:
    """Whether to import in one transaction (`_load`): a sheet of many rows, into a database
    that is small beside it (building its indexes once costs less than inserting into them),
    in a file only this computer writes (WAL: other users of a shared file are not kept
    waiting for the whole import) or on a server (COPY, `kehu.db.dialect`)."""
    rows = table.scan.last_row or table.path.stat().st_size // 100
    if rows < LOAD_MIN_ROWS:
        return False
    db = ImportBatch._meta.database
    if not import_load.long_writes_ok(db):
        return False
    return import_load.customer_count() * 2 <= rows


def _take_out(batch_id: int, report: ImportReport, user: User, status: str) -> None:
    """Remove what the batch wrote and finish it as `status` (cancelled or failed)."""
    logger.info("import batch %s %s: taking out what it wrote", batch_id, status)
    try:
        write(ImportBatch._meta.database, lambda: remove_batch(batch_id, status))
        report.created = report.updated = 0
        report.created_ids.clear()
        finish_batch(batch_id, report, user, status=status)
    except Exception:  # the run's own error is the one to report
        logger.exception("import batch %s: could not take out what it wrote", batch_id)
