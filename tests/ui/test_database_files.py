"""File → New database…, Open database…, Open recent; the title names the file; the
first-start dialog offers an existing file (issue 14, point 4)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QCommandLinkButton, QDialog, QFileDialog

from kehu.services import dossiers
from kehu.services.workspace import open_workspace
from kehu.ui import settings
from kehu.ui.application import offer_first_start
from kehu.ui.dialogs.first_start import OPEN, FirstStartDialog
from kehu.ui.window.files import recent_databases


def _menu_texts(window) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in file_menu.actions()]


def _switched(qtbot, window, monkeypatch, path, dialog="getOpenFileName"):
    monkeypatch.setattr(QFileDialog, dialog, lambda *a, **k: (str(path), ""))
    (window.open_database_action if dialog == "getOpenFileName" else
     window.new_database_action).trigger()  # fmt: skip
    new = window.replaced_by
    assert new is not None
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: not new.model.is_loading, timeout=10_000)
    return new


def _other_file(tmp_path, name="其他.db", customers=("长沙星城商行",)):
    path = tmp_path / "other" / name
    workspace = open_workspace(path, lang="zh_CN")
    for customer in customers:
        dossiers.create({"name": customer}, workspace.user)
    workspace.database.close()
    return path


def test_the_title_shows_the_open_file(window, db_path):
    assert db_path.name in window.windowTitle()
    assert str(db_path.parent) in window.windowTitle()


def test_open_database_replaces_the_window_and_is_remembered(
    qtbot, window, customers, db_path, tmp_path, monkeypatch
):
    assert "打开数据库(&O)…" in _menu_texts(window) or any("打开" in t for t in _menu_texts(window))
    other = _other_file(tmp_path)
    new = _switched(qtbot, window, monkeypatch, other)
    assert not window.isVisible() and new.isVisible()
    assert other.name in new.windowTitle()
    assert new.model.rowCount() == 1  # the other file's one customer, not the five
    assert recent_databases()[:2] == [str(other), str(db_path)]
    # back through Open recent
    new._fill_recent_menu()
    recent = [a for a in new.recent_menu.actions() if str(db_path) in a.text()]
    assert recent and recent[0].isEnabled()
    recent[0].trigger()
    back = new.replaced_by
    qtbot.addWidget(back)
    qtbot.waitUntil(lambda: not back.model.is_loading, timeout=10_000)
    assert back.model.rowCount() == 5 and db_path.name in back.windowTitle()
    back.close()


def test_new_database_creates_an_empty_file(qtbot, window, customers, tmp_path, monkeypatch):
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    target = tmp_path / "new" / "门店客户"
    new = _switched(qtbot, window, monkeypatch, target, "getSaveFileName")
    assert (tmp_path / "new" / "门店客户.db").exists()
    assert new.model.rowCount() == 0
    new.close()


def test_recent_databases_keep_the_last_eight(tmp_path):
    from kehu.ui.window.files import remember_database

    paths = []
    for n in range(10):
        path = tmp_path / f"f{n}.db"
        path.write_bytes(b"")
        paths.append(str(path))
        remember_database(path)
    assert recent_databases() == list(reversed(paths))[:8]
    assert len(str(settings.get(settings.RECENT_DATABASES)).split("|")) == 8


def test_an_unopenable_file_keeps_the_user_on_the_current_one(
    qtbot, window, customers, db_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is a spreadsheet, not a database" * 10)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    new = _switched(qtbot, window, monkeypatch, bad)
    assert shown and db_path.name in new.windowTitle()
    assert new.model.rowCount() == 5
    new.close()


def test_first_start_offers_an_existing_file(qtbot, window, tmp_path, monkeypatch):
    dialog = FirstStartDialog(True, window)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QCommandLinkButton, "openExisting").isVisibleTo(dialog)
    other = _other_file(tmp_path)

    def choose_open(self):
        self.choice = OPEN
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstStartDialog, "exec", choose_open)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    offer_first_start(window)
    new = window.replaced_by
    qtbot.addWidget(new)
    assert other.name in new.windowTitle()
    assert QApplication.instance().quitOnLastWindowClosed()
    new.close()
