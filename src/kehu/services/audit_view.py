"""The audit trail as the window reads it: each entry's action in the user's language
(`kehu.core.audit_actions`), the action filter's choices, and the Excel copy with the same
labels. Who may read which entries stays `services.audit_trail.rows` (administrators all,
managers their team's); the copy is audited (`export_audit`)."""

from __future__ import annotations

from pathlib import Path

from kehu.core.audit_actions import action_label
from kehu.core.digest import AUDIT_KEY, file_sha256
from kehu.core.i18n import N_, translate
from kehu.core.rights import Action, Scope, check, scope
from kehu.db.connection import write
from kehu.db.models import AuditEntry, User
from kehu.db.visibility import subordinate_ids
from kehu.exchange.xlsx_export import Table, write_tables
from kehu.services import audit, audit_trail
from kehu.services.audit_trail import COLUMNS, TrailFilter, TrailRow

__all__ = [
    "COLUMNS",
    "TrailFilter",
    "action_choices",
    "cells",
    "export_xlsx",
    "readable_users",
    "rows",
]


def rows(by: User, wanted: TrailFilter | None = None, limit: int = 5000) -> list[TrailRow]:
    return audit_trail.rows(by, wanted, limit)


# What an entry's record is ("customer 12"), as the viewer says it.
ENTITY_LABELS = {"customer": N_("Customer"), "user": N_("User"), "route": N_("Route")}


def _record(record: str, lang: str) -> str:
    entity, _, number = record.partition(" ")
    label = ENTITY_LABELS.get(entity)
    return f"{translate(label, lang)} {number}".strip() if label else record


def cells(row: TrailRow, lang: str) -> list[str]:
    """One entry as the viewer's and the Excel copy's columns (action and record translated)."""
    when = row.at.strftime("%Y-%m-%d %H:%M:%S") if row.at else ""
    return [
        when,
        row.user,
        action_label(row.action, lang),
        _record(row.record, lang),
        row.summary,
        row.details,
    ]


def action_choices(by: User, lang: str) -> list[tuple[str, str]]:
    """(code, label) of the actions found in the trail, by label: the action filter."""
    check(by, Action.VIEW_AUDIT)
    choices = [(code, action_label(code, lang)) for code in audit_trail.actions()]
    return sorted(choices, key=lambda c: c[1])


def readable_users(by: User) -> list[User]:
    """The users whose entries `by` reads (managers: their team), by display name."""
    check(by, Action.VIEW_AUDIT)
    query = User.select().order_by(User.display_name)
    if scope(by, Action.VIEW_AUDIT) is not Scope.ALL:
        query = query.where(User.id.in_(sorted(subordinate_ids(by))))
    return list(query)


def export_xlsx(by: User, wanted: TrailFilter, path: Path, lang: str) -> int:
    """Write the entries `by` may read, filtered, to an Excel file; returns the rows."""
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
