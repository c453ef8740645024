"""The one place that shows errors: plain-words messages, and unexpected errors with details.

Unexpected errors are logged with their traceback to the rotating log file and shown in a
dialog whose details can be copied for a bug report.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kehu.core.jobs import Cancelled
from kehu.ui.translations import shown_language

logger = logging.getLogger(__name__)


def user_message(exc: BaseException, lang: str) -> str | None:
    """The message of errors a user can act on (they carry a `.message(lang)`)."""
    message = getattr(exc, "message", None)
    if callable(message):
        return str(message(lang))
    return None


def widget_language(widget: QObject | None) -> str:
    """The language of the window `widget` is in: its own `lang`, its session's, or (for
    no window at all) the one the UI was started in."""
    while widget is not None:
        for owner in (widget, getattr(widget, "session", None)):
            lang = getattr(owner, "lang", None)
            if isinstance(lang, str):
                return lang
        widget = widget.parent()
    return shown_language()


class ErrorDialog(QDialog):
    """An unexpected error: what happened in one line, the details to copy below."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "ErrorDialog",
                "Something went wrong that kehu did not expect. Your saved data is safe. "
                "The details below were written to the log file; copy them if you report "
                "the problem.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(summary))
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 220)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(
            QCoreApplication.translate("ErrorDialog", "Copy details"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def show_error(
    parent: QWidget | None, exc: BaseException, title: str | None = None, lang: str | None = None
) -> None:
    """Show an error: plain words when the error has a message, otherwise the details dialog.

    The message is in `lang`, by default the language of the window `parent` is in. A
    cancelled job (`kehu.core.jobs.Cancelled`) is not an error: nothing is shown."""
    if isinstance(exc, Cancelled):
        logger.info("cancelled by the user")
        return
    message = user_message(exc, lang or widget_language(parent))
    if message is not None:
        logger.info("user-facing error: %s", exc)
        QMessageBox.warning(
            parent, title or QCoreApplication.translate("ErrorDialog", "Cannot do that"), message
        )
        return
    show_unexpected(parent, type(exc), exc, exc.__traceback__)


def show_unexpected(
    parent: QWidget | None,
    kind: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> None:
    details = "".join(traceback.format_exception(kind, exc, tb))
    logger.error("unexpected error\n%s", details)
    ErrorDialog(f"{kind.__name__}: {exc}", details, parent).exec()


def install_excepthook() -> None:
    """Uncaught exceptions in slots are logged and shown instead of killing the app."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        window = QApplication.activeWindow()
        message = user_message(exc, widget_language(window))
        if message is not None:
            logger.info("user-facing error: %s", exc)
            QMessageBox.warning(
                window,
                QCoreApplication.translate("ErrorDialog", "Cannot do that"),
                message,
            )
            return
        show_unexpected(QApplication.activeWindow(), kind, exc, tb)

    sys.excepthook = hook
