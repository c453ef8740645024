"""Window state remembered between sessions (as Picard's `PreserveGeometry`): geometry, the
dock and toolbar layout, and splitters by objectName, each in a setting declared in
`kehu.ui.settings`."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from kehu.ui import settings
from kehu.ui.settings import Setting

FRAME_MARGIN, TITLE_MARGIN = 16, 48  # what the window manager adds around a window


class PreserveGeometry:
    """Mixin for a top-level widget: call `restore_geometry()` once it is built and
    `save_geometry()` when it closes.

    The class says where: `geometry_setting` (and `default_size` when nothing is saved yet);
    for a QMainWindow `state_setting` (docks, toolbars); `splitter_settings` maps a child
    splitter's objectName to its setting."""

    geometry_setting: Setting
    default_size: tuple[int, int] = (800, 600)
    state_setting: Setting | None = None
    splitter_settings: dict[str, Setting] = {}

    def restore_geometry(self) -> None:
        geometry = settings.get(self.geometry_setting)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(self.fitting_default_size())
        if self.state_setting is not None and isinstance(self, QMainWindow):
            state = settings.get(self.state_setting)
            if not state.isEmpty():
                self.restoreState(state)
        for splitter, setting in self._remembered_splitters():
            state = settings.get(setting)
            if not state.isEmpty():
                splitter.restoreState(state)

    def fitting_default_size(self) -> QSize:
        """`default_size`, smaller where the screen is: a 1920×1080 screen at 150 % scaling
        has 1280×720 logical pixels, and a window larger than that opens cut off. A margin is
        left for the title bar and frame."""
        width, height = self.default_size
        screen = self.screen() if isinstance(self, QWidget) else None
        screen = screen or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() - FRAME_MARGIN)
            height = min(height, available.height() - TITLE_MARGIN)
        return QSize(width, height)

    def save_geometry(self) -> None:
        settings.put(self.geometry_setting, self.saveGeometry())
        if self.state_setting is not None and isinstance(self, QMainWindow):
            settings.put(self.state_setting, self.saveState())
        for splitter, setting in self._remembered_splitters():
            settings.put(setting, splitter.saveState())

    def has_saved_state(self) -> bool:
        """Whether a dock/toolbar layout was saved (else the window lays out its defaults)."""
        return self.state_setting is not None and not settings.get(self.state_setting).isEmpty()

    def _remembered_splitters(self) -> list[tuple[QSplitter, Setting]]:
        found = []
        for name, setting in self.splitter_settings.items():
            splitter = self.findChild(QSplitter, name)
            if splitter is not None:
                found.append((splitter, setting))
        return found


__all__ = ["PreserveGeometry"]
