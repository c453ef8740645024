"""File → Open server database… (issue 16, point 1): the Server dialog connects a window to a
PostgreSQL database as the kehu user of its login role (no second login), remembers the
password in the keyring only, says why a connection is refused (entries kept), and the
recent list reopens a server. Real widgets, a real server (tests/backends.py) that asks for
passwords (scram-sha-256) for the test's database."""

from __future__ import annotations

import socket
import sys

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QDialog

from backends import PASSWORD, settled
from kehu.core.i18n import translate
from kehu.db import errors, server
from kehu.db.server import Address
from kehu.services import secrets
from kehu.ui import settings, translations
from kehu.ui.dialogs.server_dialog import ServerDialog
from kehu.ui.window.files import recent_databases


def _fill(dialog: ServerDialog, address: Address, password: str, remember: bool = False):
    dialog.host.setText(address.host)
    dialog.port.setValue(address.port)
    dialog.database.setText(address.database)
    dialog.user.setText(address.user)
    dialog.password.setText(password)
    if dialog.remember.isEnabled():
        dialog.remember.setChecked(remember)


def _answering(monkeypatch, answer):
    """ServerDialog.exec: `answer(dialog)` fills it in and clicks; the dialogs shown."""
    shown: list[ServerDialog] = []

    def exec_(self) -> QDialog.DialogCode:
        shown.append(self)
        answer(self)
        settled(self)
        return QDialog.DialogCode(self.result())

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    return shown


def _replaced(qtbot, window):
    new = window.replaced_by
    assert new is not None and new is not window
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: not new.model.is_loading, timeout=10_000)
    return new


def _all_settings() -> str:
    store = settings.settings()
    return "\n".join(f"{key}={store.value(key)}" for key in store.allKeys())


@pytest.fixture
def office(server_office):
    return server_office


def test_the_dialog_opens_the_server_as_the_kehu_user_and_remembers_in_the_keyring(
    qtbot, office, window, memory_keyring, monkeypatch
):
    wang = office["wang"]

    def answer(dialog):
        _fill(dialog, wang, PASSWORD, remember=True)
        dialog.connect_button.click()

    shown = _answering(monkeypatch, answer)
    window.open_server_action.trigger()
    assert len(shown) == 1 and shown[0].url is not None
    new = _replaced(qtbot, window)
    assert new.session.database.is_server
    assert new.session.user.username == office["people"]["wang"].username  # no second login
    assert set(new.model.ids()) == office["customers"]["wang"]  # the server's policies hold
    assert wang.shown in new.windowTitle() and "服务器" in new.windowTitle()
    assert PASSWORD not in new.windowTitle() and PASSWORD not in new.status_file.text()
    assert recent_databases()[0] == wang.shown
    assert PASSWORD not in _all_settings()
    assert memory_keyring.store == {(secrets.SERVICE, wang.key): PASSWORD}
    new.close()


def test_a_wrong_password_is_said_in_the_dialog_and_the_entries_stay(
    qtbot, office, window, memory_keyring, monkeypatch
):
    wang = office["wang"]

    def answer(dialog):
        _fill(dialog, wang, "wrong-password", remember=True)
        dialog.connect_button.click()

    shown = _answering(monkeypatch, answer)
    window.open_server_action.trigger()
    dialog = shown[0]
    assert dialog.url is None and dialog.result() != QDialog.DialogCode.Accepted
    expected = translate(errors.ServerLoginError.text, "zh_CN", path=wang.shown)
    assert not dialog.message.isHidden()
    assert dialog.message.text().startswith(expected)
    assert "Traceback" not in dialog.message.text()
    assert (dialog.host.text(), dialog.database.text(), dialog.user.text()) == (
        wang.host,
        wang.database,
        wang.user,
    )
    assert dialog.password.text() == "wrong-password"
    assert window.replaced_by is None and not memory_keyring.store


def test_a_login_that_is_no_kehu_user_is_refused(qtbot, office, window, monkeypatch):
    stranger = Address(
        office["wang"].host, office["wang"].database, office["stranger"], office["wang"].port
    )

    def answer(dialog):
        _fill(dialog, stranger, PASSWORD)
        dialog.connect_button.click()

    shown = _answering(monkeypatch, answer)
    window.open_server_action.trigger()
    expected = translate(
        errors.ServerNotAUserError.text, "zh_CN", path=stranger.shown, role=stranger.user
    )
    assert shown[0].message.text() == expected and window.replaced_by is None


def test_a_recent_server_reopens_with_the_remembered_password(
    qtbot, office, window, memory_keyring, monkeypatch
):
    wang = office["wang"]
    secrets.remember_server(wang, PASSWORD)
    settings.put(settings.RECENT_DATABASES, wang.shown)
    shown = _answering(monkeypatch, lambda dialog: pytest.fail("no dialog: the password is known"))
    window._fill_recent_menu()
    entries = [a for a in window.recent_menu.actions() if wang.shown.replace("&", "&&") in a.text()]
    assert entries and entries[0].isEnabled()
    entries[0].trigger()
    new = _replaced(qtbot, window)
    assert not shown and set(new.model.ids()) == office["customers"]["wang"]
    # the open server is the first recent entry, greyed as the one open
    new._fill_recent_menu()
    assert not new.recent_menu.actions()[0].isEnabled()
    new.close()


def test_a_recent_server_without_a_remembered_password_asks_for_it(
    qtbot, office, window, memory_keyring, monkeypatch
):
    wang = office["wang"]
    settings.put(settings.RECENT_DATABASES, wang.shown)
    asked = {}

    def answer(dialog):
        asked.update(message=dialog.message.text(), user=dialog.user.text())
        dialog.password.setText(PASSWORD)
        dialog.connect_button.click()

    _answering(monkeypatch, answer)
    window.switch_to(wang.shown)
    new = _replaced(qtbot, window)
    assert asked["user"] == wang.user
    assert asked["message"].startswith(
        translate(errors.ServerPasswordNeededError.text, "zh_CN", path=wang.shown)
    )
    assert set(new.model.ids()) == office["customers"]["wang"]
    assert not memory_keyring.store  # not asked to remember
    new.close()


def test_without_a_password_store_remember_is_greyed_and_nothing_breaks(qtbot, qapp, pg_server):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    translations.install(qapp, "zh_CN")
    try:
        address = Address.from_url(pg_server.admin_url)
        dialog = ServerDialog(None, "zh_CN", address)
        qtbot.addWidget(dialog)
        assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
        assert "密码" in dialog.remember.toolTip()
        assert secrets.with_password(address.shown) == address.shown
        assert not secrets.remember_server(address, "x")
    finally:
        keyring.set_keyring(previous)
        translations.install(qapp, "en")


def _refused(qtbot, address: Address, lang: str = "en") -> str:
    dialog = ServerDialog(None, lang)
    qtbot.addWidget(dialog)
    _fill(dialog, address, "whatever")
    dialog.connect_button.click()
    settled(dialog)
    assert dialog.url is None and dialog.host.text() == address.host
    return dialog.message.text()


def test_each_refusal_says_why(qtbot, pg_server, tmp_path, monkeypatch):
    admin = Address.from_url(pg_server.admin_url)
    down = Address(str(tmp_path), "kehu", "wang")  # a socket folder where no server runs
    assert _refused(qtbot, down).startswith(
        translate(errors.ServerUnreachableError.text, "en", path=down.shown)
    )
    missing = Address(admin.host, "no_such_kehu_db", admin.user, admin.port)
    assert _refused(qtbot, missing, "zh_CN").startswith(
        translate(errors.ServerNoDatabaseError.text, "zh_CN", path=missing.shown)
    )
    silent = socket.socket()  # takes the connection and never answers: libpq's timeout ends it
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    monkeypatch.setattr(server, "CONNECT_TIMEOUT_S", 1)
    mute = Address("127.0.0.1", "kehu", "wang", silent.getsockname()[1])
    try:
        assert _refused(qtbot, mute).startswith(
            translate(errors.ServerUnreachableError.text, "en", path=mute.shown)
        )
    finally:
        silent.close()
    # a server without pg_trgm (every test server has it: its answer stands in)
    new = Address.from_url(pg_server.new_database(schema=False))
    monkeypatch.setattr(server, "_trigram_ready", lambda db: False)
    try:
        assert _refused(qtbot, Address(new.host, new.database, admin.user, new.port)) == (
            translate(
                errors.ServerExtensionMissingError.text,
                "en",
                path=Address(new.host, new.database, admin.user, new.port).shown,
            )
        )
    finally:
        pg_server.drop(new.url())
    monkeypatch.setitem(sys.modules, "psycopg", None)  # the optional driver is not installed
    assert _refused(qtbot, missing) == translate(
        errors.ServerDriverMissingError.text, "en", path=missing.shown
    )


def test_at_start_a_refused_server_opens_the_dialog_filled_in(
    qtbot, office, memory_keyring, monkeypatch
):
    from kehu.ui.application import _open

    wang = office["wang"]

    def answer(dialog):
        assert dialog.user.text() == wang.user and not dialog.message.isHidden()
        dialog.password.setText(PASSWORD)
        dialog.connect_button.click()

    shown = _answering(monkeypatch, answer)
    workspace = _open(wang.shown, "en", None, offer=True)  # `kehu --db URL` without password
    try:
        assert len(shown) == 1 and workspace is not None
        assert workspace.user.username == office["people"]["wang"].username
    finally:
        workspace.database.close()


def test_the_user_name_typed_is_the_kehu_users_login_role(qtbot):
    dialog = ServerDialog(None, "en")
    qtbot.addWidget(dialog)
    dialog.user.setText(" Wang Fang ")
    assert dialog.address().user == "wang_fang"


def test_log_out_on_a_server_asks_the_server_for_the_other_login(
    qtbot, office, window, memory_keyring, monkeypatch
):
    """Office → Log out on a server: the Server dialog (not the file's login), filled in
    with the server and without the user; the other user's window sees only her rows."""
    wang, li = office["wang"], office["people"]["li"]
    asked: list[tuple] = []

    def answer(dialog):
        asked.append(
            (dialog.host.text(), dialog.database.text(), dialog.user.text(), dialog.focusWidget())
        )
        _fill(dialog, wang if len(asked) == 1 else Address(wang.host, wang.database, li.username,
              wang.port), PASSWORD)  # fmt: skip
        dialog.connect_button.click()

    _answering(monkeypatch, answer)
    window.open_server_action.trigger()
    first = _replaced(qtbot, window)
    assert first.session.user.username == office["people"]["wang"].username
    first.switch_user_action.trigger()
    second = _replaced(qtbot, first)
    host, database, typed, focus = asked[1]
    assert (host, database, typed) == (wang.host, wang.database, "")  # the server kept
    assert focus is not None and focus.objectName() == "serverUser"  # the user is asked
    assert second.session.database.is_server and second.session.user.username == li.username
    assert set(second.model.ids()) == office["customers"]["li"]
    second.close()


def test_while_a_silent_server_is_asked_the_dialog_answers_and_cancel_stops_waiting(
    qtbot, monkeypatch
):
    """Connect asks off the UI thread: the entries are greyed, Cancel still works and the
    server's late answer is dropped (it had frozen the window for libpq's whole timeout)."""
    silent = socket.socket()  # takes the connection and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    monkeypatch.setattr(server, "CONNECT_TIMEOUT_S", 2)
    dialog = ServerDialog(None, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        _fill(dialog, Address("127.0.0.1", "kehu", "wang", silent.getsockname()[1]), "x")
        dialog.connect_button.click()
        assert dialog.checking and not dialog.host.isEnabled()
        assert not dialog.connect_button.isEnabled() and dialog.message.text() == "Connecting…"
        cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
        assert cancel.isEnabled()
        cancel.click()
        assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.checking
        assert dialog.url is None and dialog.host.isEnabled()
        assert dialog._runner.wait(15_000)  # the timeout ends the attempt in the background
        qtbot.wait(50)
        assert dialog.url is None and dialog.message.text() == "Connecting…"  # dropped
    finally:
        silent.close()
