"""The database's own settings — its mode (local / shared) and the visit cadence of a
category — are an administrator's (`Action.CHANGE_SETTINGS`): checked before the change,
each change audited. Per-user settings (window, fonts, backups folder) live in `ui/settings.py`
and are nobody else's business."""

from __future__ import annotations

from kehu.core.i18n import N_, UserError
from kehu.core.rights import Action, check
from kehu.db import care
from kehu.db.connection import MODES, Database, set_mode, write
from kehu.db.models import Category, User
from kehu.services import audit


def change_mode(database: Database, mode: str, by: User | None) -> bool:
    """Switch the file between local (WAL) and shared mode; False when it already was."""
    if mode not in MODES:
        raise ValueError(mode)
    check(by, Action.CHANGE_SETTINGS)
    old = database.mode
    if old == mode:
        return False
    set_mode(database, mode)  # a journal change: outside any transaction
    write(database.db, lambda: audit.record(by, "settings", None, None, "mode", old=old, new=mode))
    return True


def set_visit_days(category_id: int, days: int | None, by: User | None) -> None:
    """The visit cadence of a category's customers (None: no cadence)."""
    check(by, Action.CHANGE_SETTINGS)
    if days is not None and not 1 <= days <= 366:
        raise UserError(N_("A visit cadence is between 1 and 366 days."))
    category = Category.get_or_none(Category.id == category_id)
    if category is None:
        raise UserError(N_("This category does not exist any more."))

    def run() -> None:
        care.set_visit_days(category_id, days)
        audit.record(by, "settings", "category", category_id, category.name, visit_days=days)

    write(Category._meta.database, run)
