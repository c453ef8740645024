"""The append-only audit log: logins, sensitive views, changes, imports, exports, prints."""

from __future__ import annotations

import json
from typing import Any

from kehu.db.models import AuditEntry, User


def record(
    user: User | None,
    action: str,
    entity: str | None = None,
    entity_id: int | None = None,
    summary: str | None = None,
    **details: Any,
) -> AuditEntry:
    return AuditEntry.create(
        user=user,
        user_name=user.display_name if user else None,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        details=json.dumps(details, ensure_ascii=False, default=str),
    )
