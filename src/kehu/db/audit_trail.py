"""Reading the audit trail (档案使用全过程可追溯): entries filtered by user, action, dates and
record; appending (`services.audit.record`) stays the only write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kehu.db.models import AuditEntry


def entries(
    user_ids: Iterable[int] | None = None,
    action: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    customer_id: int | None = None,
    limit: int = 5000,
) -> list[AuditEntry]:
    """Newest first. `user_ids` None: everyone's (and entries of nobody, e.g. failed logins)."""
    query = AuditEntry.select()
    if user_ids is not None:
        query = query.where(AuditEntry.user.in_(sorted(user_ids)))
    if action:
        query = query.where(AuditEntry.action == action)
    if start:
        query = query.where(AuditEntry.at >= dt.datetime.combine(start, dt.time.min))
    if end:
        query = query.where(
            AuditEntry.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)
        )
    if customer_id is not None:
        query = query.where(AuditEntry.entity == "customer", AuditEntry.entity_id == customer_id)
    return list(query.order_by(AuditEntry.id.desc()).limit(limit))


def actions() -> list[str]:
    query = AuditEntry.select(AuditEntry.action).distinct().order_by(AuditEntry.action)
    return [a for (a,) in query.tuples()]
