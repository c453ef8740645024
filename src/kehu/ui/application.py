"""Starting the GUI: Qt application, language, logging, error dialog, database, first start."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from kehu import __version__, identity
from kehu.config import setup_logging
from kehu.db import server
from kehu.db.errors import DamagedDatabaseError, DatabaseError, warning_message
from kehu.db.models import User, database_proxy
from kehu.services.workspace import Workspace, needs_upgrade, open_workspace
from kehu.ui import settings, translations
from kehu.ui.errors import install_excepthook, show_error
from kehu.ui.icons import app_icon
from kehu.ui.qt_compat import protect_none
from kehu.ui.window.opening import WindowOpening

logger = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    protect_none()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setOrganizationDomain(identity.ORGANISATION_DOMAIN)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("kehu")
    app.setDesktopFileName(identity.APP_ID)  # Wayland's app id: the installed desktop entry
    app.setWindowIcon(app_icon())
    _set_windows_app_id()
    return app  # type: ignore[return-value]


def _set_windows_app_id() -> None:
    """Group the taskbar button with the Start-menu shortcut (build/kehu.iss sets the same
    AppUserModelID on it), not with python.exe."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(identity.APP_ID)
    except (AttributeError, OSError):
        logger.debug("cannot set the AppUserModelID", exc_info=True)


def open_session_window(workspace: Workspace, user: User, lang: str = "zh_CN"):
    """The main window of an open workspace (used by run_gui, tests and benchmarks), its
    texts below the UI in `lang` (the language the translators were installed for)."""
    from kehu.ui.main_window import MainWindow
    from kehu.ui.session import Session

    session = Session(workspace, user, lang)
    window = MainWindow(session)
    window.opening = WindowOpening(open_session_window, switch_database)
    session.setParent(window)
    return window


class FileCheck(QObject):
    """PRAGMA quick_check of a big file, run after the window is shown (reading a file of
    gigabytes takes a while). It runs on a low-priority daemon thread with its own read-only
    connection, so closing the window never waits for it; a damaged file is reported."""

    failed = Signal(object)
    passed = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.database = window.session.database
        self.thread: threading.Thread | None = None
        self.failed.connect(self._report)

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="kehu-quick-check", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        _lower_thread_priority()
        started = time.perf_counter()
        try:
            self.database.quick_check()
        except Exception as exc:  # reported on the UI thread
            logger.warning("quick_check of %s failed: %s", self.database.path, exc)
            self._emit(self.failed, exc)
            return
        logger.info("quick_check of %s: ok in %.1fs", self.database.path,
                    time.perf_counter() - started)  # fmt: skip
        self._emit(self.passed)

    @staticmethod
    def _emit(signal, *values) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the window was closed meanwhile
            logger.debug("file check result dropped: the window is gone")

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, DamagedDatabaseError):
            QMessageBox.critical(
                self.window,
                QCoreApplication.translate("Application", "The database is damaged"),
                exc.message(self.window.session.lang),
            )
        else:
            show_error(self.window, exc)


def _lower_thread_priority() -> None:
    """Let the check yield to the user's work (Linux: niceness is per thread)."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except OSError:
            logger.debug("cannot lower the check's priority", exc_info=True)


def check_in_background(window) -> FileCheck | None:
    """Start the deferred quick_check of a big file once the list is shown (None: not needed)."""
    if not window.session.database.check_deferred:
        return None
    check = FileCheck(window)
    window.session.tasks.when_released(check.start)
    return check


def _login(workspace: Workspace, lang: str = "en") -> User | None:
    if workspace.user is not None:
        return workspace.user
    from kehu.ui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog(workspace.database.path, lang=lang)
    return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None


def _first_start_seen(path: str) -> bool:
    return path in str(settings.get(settings.FIRST_START_SEEN)).split("|")


def _mark_first_start_seen(path: str) -> None:
    seen = [p for p in str(settings.get(settings.FIRST_START_SEEN)).split("|") if p]
    settings.put(settings.FIRST_START_SEEN, "|".join([*seen[-20:], path]))


def offer_first_start(window) -> None:
    """A new database greets the user: start empty, load demo data, or import Excel."""
    from kehu.ui.dialogs.first_start import DEMO, IMPORT, OPEN, FirstStartDialog

    _mark_first_start_seen(window.session.database.shown)  # a server's: without password
    dialog = FirstStartDialog(True, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    if dialog.choice == DEMO:
        load_demo(window, dialog.demo_count.value())
    elif dialog.choice == IMPORT:
        window.open_import_wizard()
    elif dialog.choice == OPEN:
        window.open_database()


def load_demo(window, customers: int) -> None:
    """Generate demo customers off the UI thread, with progress and cancel."""
    from kehu.services import demo
    from kehu.ui.tasks import Cancelled, run_job

    user = window.session.user
    window.poll_timer.stop()

    def work(job) -> object:
        return demo.generate(customers=customers, user=user, job=job)  # Cancel rolls it back

    def finished(_result) -> None:
        window.poll_timer.start()
        window.refresh()

    def failed(exc: BaseException) -> None:
        window.poll_timer.start()
        window.refresh()
        if not isinstance(exc, Cancelled):
            show_error(window, exc)

    run_job(
        window.session.tasks,
        window,
        QCoreApplication.translate("Application", "Creating %1 demo customers…").replace(
            "%1", f"{customers:,}"
        ),
        work,
        finished,
        failed,
    )


def _open(
    path: str, lang: str, parent: QWidget | None, create: bool = False, offer: bool = False
) -> Workspace | None:
    """Open `path` for the window (created only with `create` or on a first start). With
    `offer` (at start), a file that cannot be opened offers a way on (`start_problems`)."""
    while True:
        try:
            if needs_upgrade(path) is not None:
                workspace = _upgrade_and_open(path, lang, parent)
            else:
                workspace = open_workspace(path, lang=lang, create=create or is_first_start(path))
            break
        except DatabaseError as exc:
            logger.warning("cannot open %s: %s", server.display_url(path), exc)
            if offer and server.is_url(path):  # the Server dialog, filled in, says why
                from kehu.ui.dialogs.server_dialog import ask_server

                asked = ask_server(parent, lang, server.Address.from_url(path), exc.message(lang))
                if asked is None:
                    return None
                path = asked
                continue
            if offer:
                from kehu.ui import start_problems

                way = start_problems.resolve(path, exc, lang, parent)
                if way is None:
                    return None
                path, create = way
                continue
            QMessageBox.critical(
                parent,
                QCoreApplication.translate("Application", "Cannot open the database"),
                exc.message(lang),
            )
            return None
    for warning in workspace.database.warnings:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Application", "About this database"),
            warning_message(warning, lang),
        )
    if workspace.database.backup_path is not None:
        logger.info("migrated; backup at %s", workspace.database.backup_path)
    return workspace


def _upgrade_and_open(path: str, lang: str, parent: QWidget | None) -> Workspace:
    """Open a file that needs an upgrade (backup copy, migrations, keys computed once) off the
    UI thread, with a busy dialog: a large file takes a minute, and a window that shows
    nothing for that long looks hung. No Cancel: each step is one transaction, and stopping
    between steps would leave a half-upgraded file to upgrade again next time."""
    from PySide6.QtCore import QEventLoop, Qt, QThreadPool
    from PySide6.QtWidgets import QProgressDialog

    from kehu.ui.tasks import Task

    dialog = QProgressDialog(parent)
    dialog.setObjectName("upgradeProgressDialog")
    dialog.setWindowTitle("kehu")
    dialog.setLabelText(
        QCoreApplication.translate(
            "Application",
            "Upgrading %1 to this version of kehu…\nA backup copy is made first. "
            "A large file takes a minute or two.",
        ).replace("%1", Path(path).name)
    )
    dialog.setCancelButton(None)
    dialog.setMinimumWidth(420)
    dialog.setRange(0, 0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    outcome: dict[str, object] = {}
    loop = QEventLoop()
    task = Task(lambda _job: open_workspace(path, lang=lang, create=False))
    queued = Qt.ConnectionType.QueuedConnection
    task.signals.succeeded.connect(lambda result: outcome.update(result=result), queued)
    task.signals.failed.connect(lambda exc: outcome.update(error=exc), queued)
    task.signals.finished.connect(loop.quit, queued)
    QThreadPool.globalInstance().start(task)
    QTimer.singleShot(300, lambda: "result" in outcome or "error" in outcome or dialog.show())
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def is_first_start(path: str) -> bool:
    """A first start creates the database in the user's data folder; any other path that
    does not exist is refused (a typo must not become a new, empty database)."""
    from kehu.config import default_database_path

    return Path(path).absolute() == default_database_path().absolute()


def show_session_window(workspace: Workspace, user: User, lang: str):
    """Show the window of an opened workspace and start what follows (file check, the
    first-start dialog of an empty new file)."""
    window = open_session_window(workspace, user, lang)
    window.show()
    check_in_background(window)
    if workspace.is_empty and not _first_start_seen(workspace.database.shown):
        QTimer.singleShot(0, lambda: offer_first_start(window))
    return window


def switch_database(window, path: str, create: bool = False, between=None):
    """File → Open/New/recent: close `window` and its database, open `path` in a new window
    (the previous file again when `path` cannot be opened; a missing `path` is created only
    with `create`, File → New). `between()` runs once the database is closed (a restore);
    its error is shown and the file opens again. Returns the new window, or None when the
    user kept the current one (unsaved card, cancelled login)."""
    app = QApplication.instance()
    lang = window.session.lang
    previous = window.session.database.target  # a server's URL, with its password
    app.setQuitOnLastWindowClosed(False)  # between the two windows none is shown
    try:
        if not window.close():
            return None
        window.session.database.close()
        if between is not None:
            try:
                between()
            except Exception as exc:  # the same file opens again, as it was
                show_error(None, exc)
        for candidate, new in ((path, create), (previous, False)):
            workspace = _open(candidate, lang, None, create=new)
            if workspace is None:
                continue
            user = _login(workspace)
            if user is None:
                workspace.database.close()
                continue
            logger.info("switched to %s", workspace.database.shown)
            return show_session_window(workspace, user, lang)
        return None
    finally:
        app.setQuitOnLastWindowClosed(True)
        if not any(w.isVisible() for w in QApplication.topLevelWidgets()):
            app.quit()


def run_gui(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    log_path = setup_logging(getattr(args, "verbose", False))
    app = make_application()
    lang = translations.choose_language(getattr(args, "lang", None))
    translations.install(app, lang)
    install_excepthook()
    shown = server.display_url(str(args.db))
    logger.info("starting the GUI on %s (%s); log %s", shown, lang, log_path)
    workspace = _open(str(args.db), lang, None, offer=True)
    if workspace is None:
        return 2
    user = _login(workspace, lang)
    if user is None:
        workspace.database.close()
        return 1
    show_session_window(workspace, user, lang)
    logger.info("main window shown after %.2fs", time.perf_counter() - started)
    code = app.exec()
    workspace.database.close()
    if database_proxy.obj is not None:  # the file opened last (File → Open)
        database_proxy.obj.close()
    return code
