"""`kehu repair` and the window's Repair button: rebuild what can be rebuilt, say what was done.

`REPAIR_STEPS` is a plain list, run in order; each step looks at the database itself, does
its work in its own write transaction and returns what it did (None: nothing was needed).
Another feature with derived data (a summary table, say) appends its own step:

    REPAIR_STEPS.append(RepairStep(N_("Sales summary"), rebuild_sales_summary))

What cannot be rebuilt (a damaged file, a missing table, broken foreign keys) is left to a
backup; `kehu check` names it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from peewee import Database

from kehu.core import rights
from kehu.core.i18n import N_, Message, note
from kehu.core.jobs import Job, no_job
from kehu.db import (
    care_keys,
    completeness,
    duplicate_index,
    health,
    interrupted,
    sales_summary,
    schema_check,
    search_index,
    tree_counts,
)
from kehu.db.connection import Database as OpenDatabase
from kehu.db.connection import write
from kehu.db.dialect import dialect
from kehu.services import audit

logger = logging.getLogger(__name__)

FULL_REBUILD_SHARE = 0.2  # more customers than this without keys: rebuild all keys at once


@dataclass(frozen=True)
class RepairStep:
    label: str  # N_() text: what the step rebuilds
    run: Callable[[Database, Job], Message | None]


def _schema_objects(db: Database, _job: Job) -> Message | None:
    missing = [o for o in schema_check.missing_objects(db) if o.kind != "table"]
    if not missing:
        return None
    created = write(db, lambda: schema_check.recreate(db, missing))
    return note(
        N_("Created again: {names}."), names=", ".join(f"{o.kind} {o.name}" for o in created)
    )


def _category_counts(db: Database, _job: Job) -> Message | None:
    wrong = health.count_mismatches(db)
    if not wrong:
        return None
    write(db, lambda: tree_counts.rebuild_counts(db))
    return note(N_("Classification counts counted again ({count} were wrong)."), count=wrong)


def _search_keys(db: Database, job: Job) -> Message | None:
    ids = sorted(
        set(health.customers_without_keys(db))
        | set(health.customers_without_name_text(db))
        | set(health.customers_without_sort_key(db))
        | set(duplicate_index.customers_without_keys(db))
    )
    if not ids:
        return None
    total = health.row_counts()["customers"]
    if len(ids) > FULL_REBUILD_SHARE * total:
        search_index.rebuild_all(job)
    else:
        search_index.refresh(ids)
    return note(N_("Search keys computed again for {count} customers."), count=len(ids))


def _dead_imports(db: Database, _job: Job) -> Message | None:
    dead = [batch.id for batch in interrupted.dead_batches()]
    if not dead:
        return None
    write(db, lambda: interrupted.mark_interrupted(dead))
    return note(
        N_(
            "Imports {batches} marked interrupted (their finished parts are kept; each can be "
            "undone as a whole)."
        ),
        batches=", ".join(str(b) for b in dead),
    )


def _sales_summaries(db: Database, _job: Job) -> Message | None:
    wrong = sales_summary.differences(db)
    if not wrong:
        return None
    write(db, lambda: sales_summary.rebuild(db))
    return note(N_("Sales summaries computed again ({tables})."), tables=", ".join(wrong))


def _today_keys(db: Database, _job: Job) -> Message | None:
    wrong = care_keys.differences(db)
    if not wrong:
        return None
    write(db, lambda: care_keys.rebuild(db))
    return note(N_("The Today panel's keys computed again ({count} were wrong)."), count=wrong)


def _completeness(_db: Database, job: Job) -> Message | None:
    """Every dossier's completeness computed again (batched; a stored value that was missing
    or wrong is written, the others are left alone)."""
    changed = completeness.fill(job)
    if not changed:
        return None
    return note(N_("Completeness computed again for {count} customers."), count=changed)


def _statistics(db: Database, _job: Job) -> Message | None:
    dialect(db).update_statistics(db)
    return None  # always done, never worth a line


REPAIR_STEPS: list[RepairStep] = [
    RepairStep(N_("Indexes and triggers"), _schema_objects),
    RepairStep(N_("Classification counts"), _category_counts),
    RepairStep(N_("Search keys"), _search_keys),
    RepairStep(N_("Interrupted imports"), _dead_imports),
    RepairStep(N_("Sales summaries"), _sales_summaries),
    RepairStep(N_("Today panel keys"), _today_keys),
    RepairStep(N_("Dossier completeness"), _completeness),
    RepairStep(N_("Planner statistics"), _statistics),
]
REPAIR_STAGE = N_("Repairing")


@dataclass
class RepairReport:
    done: list[Message]
    after: health.Health  # the check after the repair

    @property
    def nothing_to_do(self) -> bool:
        return not self.done


def repair(database: OpenDatabase, user=None, job: Job | None = None) -> RepairReport:
    """Run every repair step, then check again. Repairing is an administrator's action
    (the rights matrix); a refusal changes nothing."""
    if user is not None:
        rights.check(user, rights.Action.REPAIR, rights.Scope.ALL)
    job = job or no_job()
    db = database.db
    done: list[Message] = []
    for number, step in enumerate(REPAIR_STEPS):
        job.stage(REPAIR_STAGE, len(REPAIR_STEPS))
        job.progress(number, len(REPAIR_STEPS))
        result = step.run(db, job)
        if result is not None:
            logger.info("repair %s: %s", step.label, result.message("en"))
            done.append(result)
    if done and user is not None:
        write(db, lambda: audit.record(user, "repair", None, None, f"{len(done)} repairs"))
    return RepairReport(done, health.check(db))


def health_report(database: OpenDatabase, user) -> health.Health:
    """`kehu check` and the window's health view: the file's health, for anyone signed in;
    the whole file's row counts only for those with `Action.DATABASE_COUNTS` (a salesperson
    does not learn how many customers the others have)."""
    rights.check(user, rights.Action.VIEW)
    found = health.check(database.db)
    if not rights.allowed(user, rights.Action.DATABASE_COUNTS):
        found.counts = {}
    return found
