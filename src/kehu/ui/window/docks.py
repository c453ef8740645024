"""The docks of the main window (the today panel): narrow at the right by default."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel

DOCK_WIDTH = 0.24  # of the window: the customer list keeps the middle
DOCK_MIN_WIDTH = 260


class DockLayout:
    """Mixin of the main window: docks sit at the right, narrow; the user may widen or move
    them and the layout is remembered (`PreserveGeometry.state_setting`). Long texts in docks
    wrap instead of widening the dock."""

    _shown_once: bool = False

    def _arrange_docks(self) -> None:
        for dock in self.findChildren(QDockWidget):
            for label in dock.findChildren(QLabel):
                label.setWordWrap(True)
            dock.widget().setMinimumWidth(DOCK_MIN_WIDTH)

    def _default_dock_sizes(self) -> None:
        docks = [d for d in self.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
        if docks:
            width = max(DOCK_MIN_WIDTH, int(self.width() * DOCK_WIDTH))
            self.resizeDocks(docks, [width] * len(docks), Qt.Orientation.Horizontal)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self.has_saved_state():
                QTimer.singleShot(0, self._default_dock_sizes)  # once the layout is set


__all__ = ["DOCK_MIN_WIDTH", "DOCK_WIDTH", "DockLayout"]
