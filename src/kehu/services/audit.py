"""The append-only audit log: logins, sensitive views, changes, imports, exports, prints."""

from __future__ import annotations

import json
from typing import Any

from kehu.core import sensitivity
from kehu.db.connection import write
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


def reveal_sensitive(
    user: User, customer_id: int, person_id: int | None, field_names: list[str]
) -> None:
    """Check that `user` may see sensitive fields (`kehu.core.sensitivity`) and audit the
    reveal: one `view_sensitive` entry per field. Raises `RevealRefused` otherwise."""
    sensitivity.check_reveal(user.role, True)

    def run() -> None:
        for name in field_names:
            record(user, "view_sensitive", "customer", customer_id, name, person_id=person_id)

    write(AuditEntry._meta.database, run)
