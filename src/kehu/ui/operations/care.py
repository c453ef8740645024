"""User actions of care by grade: the visit cadence of the grade categories."""

from __future__ import annotations

from kehu.core.changes import Changes, Outcome
from kehu.db.models import User
from kehu.services import care


def set_cadences(user: User, days: dict[int, int | None]) -> Outcome[int]:
    """Set the cadence of grade categories (None: none); the Today panel reads it again."""
    changed = care.set_cadences(days, user)
    return Outcome(changed, Changes(category_tree=True) if changed else Changes())


__all__ = ["set_cadences"]
