"""How a main window opens another: given to each window by `kehu.ui.application`, which
builds windows. The window's parts (File → Open, Restore, Log out) call these instead of
importing the application, so imports keep pointing down (no circle through the window)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WindowOpening:
    # open_session_window(workspace, user, lang) -> a new main window
    open_session_window: Callable[..., Any]
    # switch_database(window, path, create=False, between=None) -> the new window or None
    switch_database: Callable[..., Any]
