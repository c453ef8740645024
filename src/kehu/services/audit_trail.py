"""The audit trail viewer's use case: who may read which entries (administrators all,
managers their team's), the filters, each entry as the viewer says it (its action in the
user's language, `kehu.core.audit_actions`), and the Excel copy (itself audited) — one use
case for the window and `kehu audit`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kehu.core.audit_actions import action_label, details_text
from kehu.core.digest import AUDIT_KEY, file_sha256
from kehu.core.i18n import N_, translate
from kehu.core.rights import Action, Scope, check, scope
from kehu.db import audit_trail
from kehu.db.connection import write
from kehu.db.models import AuditEntry, Customer, User
from kehu.db.visibility import subordinate_ids
from kehu.exchange.xlsx_export import Table, write_tables
from kehu.services import audit

COLUMNS = (N_("When"), N_("User"), N_("Action"), N_("Record"), N_("Summary"), N_("Details"))


@dataclass(frozen=True)
class TrailFilter:
    user_id: int | None = None
    action: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    customer_code: str | None = None


@dataclass(frozen=True)
class TrailRow:
    at: dt.datetime
    user: str
    action: str
    record: str
    summary: str
    details: str  # as stored (JSON): `cells` says it in the reader's language


def _readable_users(by: User) -> set[int] | None:
    check(by, Action.VIEW_AUDIT)
    return None if scope(by, Action.VIEW_AUDIT) is Scope.ALL else subordinate_ids(by)


def rows(by: User, wanted: TrailFilter | None = None, limit: int = 5000) -> list[TrailRow]:
    """The entries `by` may read (administrators: all; managers: their team's), newest first."""
    wanted = wanted or TrailFilter()
    allowed = _readable_users(by)
    user_ids = allowed
    if wanted.user_id is not None:
        if allowed is not None and wanted.user_id not in allowed:
            check(by, Action.VIEW_AUDIT, Scope.ALL)
        user_ids = {wanted.user_id}
    customer_id = None
    if wanted.customer_code:
        found = Customer.get_or_none(Customer.code == wanted.customer_code.strip())
        customer_id = found.id if found else -1
    found_entries = audit_trail.entries(
        user_ids, wanted.action, wanted.start, wanted.end, customer_id, limit
    )
    return [_row(e) for e in found_entries]


def _row(entry: AuditEntry) -> TrailRow:
    details = entry.details if entry.details not in (None, "{}") else ""
    record = f"{entry.entity or ''} {entry.entity_id or ''}".strip()
    return TrailRow(
        entry.at, entry.user_name or "", entry.action, record, entry.summary or "", details
    )


# What an entry's record is ("customer 12"), as the viewer says it.
ENTITY_LABELS = {"customer": N_("Customer"), "user": N_("User"), "route": N_("Route")}


def _record(record: str, lang: str) -> str:
    entity, _, number = record.partition(" ")
    label = ENTITY_LABELS.get(entity)
    return f"{translate(label, lang)} {number}".strip() if label else record


def cells(row: TrailRow, lang: str) -> list[str]:
    """One entry as the viewer's, the command's and the Excel copy's columns (action and record
    translated)."""
    when = row.at.strftime("%Y-%m-%d %H:%M:%S") if row.at else ""
    return [
        when,
        row.user,
        action_label(row.action, lang),
        _record(row.record, lang),
        row.summary,
        details_text(row.details, lang),
    ]


def action_choices(by: User, lang: str) -> list[tuple[str, str]]:
    """(code, label) of the actions found in the trail, by label: the action filter."""
    check(by, Action.VIEW_AUDIT)
    choices = [(code, action_label(code, lang)) for code in audit_trail.actions()]
    return sorted(choices, key=lambda c: c[1])


def readable_users(by: User) -> list[User]:
    """The users whose entries `by` reads (managers: their team), by display name."""
    allowed = _readable_users(by)
    query = User.select().order_by(User.display_name)
    if allowed is not None:
        query = query.where(User.id.in_(sorted(allowed)))
    return list(query)


def export_xlsx(by: User, wanted: TrailFilter, path: Path, lang: str) -> int:
    """Write the entries `by` may read, filtered, to an Excel file; returns the rows (the
    export is audited with its filter, row count and file hash)."""
    found = rows(by, wanted, limit=1_000_000)
    table = Table(
        translate(N_("Audit trail"), lang)[:31],
        [translate(c, lang) for c in COLUMNS],
        (cells(r, lang) for r in found),
        total=len(found),
    )
    count = write_tables(Path(path), [table])
    details = {
        "rows": count,
        "filter": {k: str(v) for k, v in vars(wanted).items() if v is not None},
        AUDIT_KEY: file_sha256(path),
    }
    write(
        AuditEntry._meta.database,
        lambda: audit.record(by, "export_audit", None, None, str(path), **details),
    )
    return count
