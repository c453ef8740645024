"""Every UI setting declared once, with its type and default (QSettings underneath)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from kehu import identity

ORGANISATION = identity.ORGANISATION
APPLICATION = identity.APPLICATION


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type


LANGUAGE = Setting("ui/language", "", str)  # "" follows the system
LIST_COLUMNS = Setting("list/columns", "", str)  # comma-separated column names, in order
LIST_SORT = Setting("list/sort", "code", str)
LIST_DESCENDING = Setting("list/descending", False, bool)
SHOW_ARCHIVED = Setting("list/show_archived", False, bool)
COMPLETENESS_BELOW = Setting("list/completeness_below", 60, int)  # the filter's threshold %
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray(), QByteArray)
WINDOW_STATE = Setting("window/state", QByteArray(), QByteArray)
MAIN_SPLITTER = Setting("window/main_splitter", QByteArray(), QByteArray)
CARD_GEOMETRY = Setting("card/geometry", QByteArray(), QByteArray)
CARDS_IN_WINDOWS = Setting("card/own_window", False, bool)
FIRST_START_SEEN = Setting("first_start/seen", "", str)  # database paths, "|"-separated
# Automatic backups (issue 12): on close and every N hours of use, rotated, verified.
BACKUP_AUTOMATIC = Setting("backup/automatic", True, bool)
BACKUP_EVERY_HOURS = Setting("backup/every_hours", 4, int)
BACKUP_KEEP_DAILY = Setting("backup/keep_daily", 7, int)
BACKUP_KEEP_WEEKLY = Setting("backup/keep_weekly", 4, int)
# Care by grade (issue 15): birthdays and anniversaries this many days ahead on the Today
# panel; a tray notification of today's birthdays and overdue A customers, once a day per
# database (TRAY_NOTIFIED: JSON {database path: last day notified}).
REMIND_DAYS = Setting("care/remind_days", 7, int)
REMIND_DAYS_MAX = 60
TRAY_NOTIFY = Setting("care/tray_notify", True, bool)
TRAY_NOTIFIED = Setting("care/tray_notified", "", str)


_adopted: list[bool] = []


def settings() -> QSettings:
    if sys.platform == "darwin":  # ~/Library/Preferences/<the bundle identifier>.plist
        current = QSettings(identity.ORGANISATION_DOMAIN, identity.APP_ID.rsplit(".", 1)[1])
        if not _adopted:
            _adopted.append(True)
            adopt(current, QSettings(ORGANISATION, APPLICATION))  # com.kehu.kehu.plist before
        return current
    return QSettings(ORGANISATION, APPLICATION)


def adopt(current: QSettings, earlier: QSettings) -> int:
    """Copy the settings an earlier kehu kept under other names into an empty `current`;
    returns how many were copied."""
    if current.allKeys() or not earlier.allKeys():
        return 0
    keys = earlier.allKeys()
    for key in keys:
        current.setValue(key, earlier.value(key))
    current.sync()
    return len(keys)


def get(setting: Setting) -> Any:
    value = settings().value(setting.key, setting.default)
    if value is None:
        return setting.default
    if setting.kind is bool and isinstance(value, str):  # ini files store text
        return value.lower() in ("true", "1", "yes")
    if setting.kind is QByteArray and not isinstance(value, QByteArray):
        return setting.default
    try:
        return setting.kind(value)
    except (TypeError, ValueError):
        return setting.default


def put(setting: Setting, value: Any) -> None:
    settings().setValue(setting.key, value)


RECENT_DATABASES = Setting("files/recent", "", str)  # absolute paths, newest first, "|"
RECENT_LIMIT = 8
PRINT_SIZE = Setting("print/size", "A4", str)  # the default paper of client cards
PDF_FONT = Setting("print/pdf_font", "", str)  # a TrueType file (#N: face N); "" finds one
