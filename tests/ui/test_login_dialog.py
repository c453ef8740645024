"""The login dialog: wrong passwords, and passwords remembered only in a secure store."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from kehu.services import auth
from kehu.ui.dialogs.login_dialog import LoginDialog


@pytest.fixture
def office(workspace):
    auth.create_user("li", "老李", "salesperson", password="s3cret!!", own_password="admin-pass-1")
    return workspace


def _choose(dialog: LoginDialog, username: str) -> None:
    dialog.users.setCurrentIndex(dialog.users.findData(username))


def test_wrong_password_keeps_the_dialog_open(qtbot, office, memory_keyring):
    dialog = LoginDialog(office.database.path)
    qtbot.addWidget(dialog)
    _choose(dialog, "li")
    dialog.password.setText("wrong")
    dialog.try_login()
    assert dialog.user is None and dialog.message.text()
    assert not memory_keyring.store


def test_a_remembered_password_is_filled_in_next_time(qtbot, office, memory_keyring):
    first = LoginDialog(office.database.path)
    qtbot.addWidget(first)
    _choose(first, "li")
    first.password.setText("s3cret!!")
    first.remember.setChecked(True)
    first.try_login()
    assert first.user.username == "li"
    assert list(memory_keyring.store.values()) == ["s3cret!!"]
    second = LoginDialog(office.database.path)
    qtbot.addWidget(second)
    _choose(second, "li")
    assert second.password.text() == "s3cret!!" and second.remember.isChecked()
    second.remember.setChecked(False)  # the user no longer wants it kept
    second.try_login()
    assert not memory_keyring.store


def test_without_a_secure_store_nothing_is_kept_and_the_user_is_told(qtbot, office):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = LoginDialog(office.database.path)
        qtbot.addWidget(dialog)
        assert not dialog.remember.isEnabled() and dialog.remember.toolTip()
        _choose(dialog, "li")
        dialog.password.setText("s3cret!!")
        dialog.try_login()
        assert dialog.user.username == "li"
    finally:
        keyring.set_keyring(previous)
