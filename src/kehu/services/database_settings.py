"""The database's own settings (the `setting` table: its mode, local or shared) are an
administrator's (`Action.CHANGE_SETTINGS`): checked before the change, each change audited.
The other rows of `setting` are written at creation (language, version) or by the demo
service (DEMO); the visit cadence per grade is part of the classification trees
(`services.care.set_cadences`, MANAGE_CATEGORIES); per-user settings (window, fonts, backups
folder) live in `ui/settings.py`."""

from __future__ import annotations

from kehu.core.i18n import N_, UserError
from kehu.core.rights import Action, check
from kehu.db.connection import MODES, Database, set_mode, write
from kehu.db.models import User
from kehu.services import audit


class ServerModeError(UserError):
    """A file's mode asked of a server database."""


MODE_ON_SERVER = N_(
    "A server database has no file mode (local or shared): the server keeps its own files "
    "and journal."
)


def change_mode(database: Database, mode: str, by: User | None) -> bool:
    """Switch the file between local (WAL) and shared mode; False when it already was."""
    if mode not in MODES:
        raise ValueError(mode)
    if database.is_server:
        raise ServerModeError(MODE_ON_SERVER)
    check(by, Action.CHANGE_SETTINGS)
    old = database.mode
    if old == mode:
        return False
    set_mode(database, mode)  # a journal change: outside any transaction
    write(database.db, lambda: audit.record(by, "settings", None, None, "mode", old=old, new=mode))
    return True
