"""The window and the file under it (issue 12, points 2 and 7): a replaced file is noticed,
nothing more is written, the edits stay in the card."""

from __future__ import annotations

import os
import shutil

from PySide6.QtWidgets import QMessageBox

from kehu.db.models import Customer


def test_a_replaced_file_stops_writing_and_keeps_the_edits(
    qtbot, window, customers, db_path, tmp_path, monkeypatch
):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    errors: list[str] = []
    monkeypatch.setattr(
        "kehu.ui.operations.show_error", lambda _p, exc: errors.append(exc.message("zh_CN"))
    )
    card = window.open_card(customers["bj"])
    card.editors["problems"].set_text("还没保存的修改")
    copy = tmp_path / "copy.db"
    shutil.copyfile(db_path, copy)
    os.replace(copy, db_path)  # another program puts another file in its place
    qtbot.waitUntil(lambda: window.session.lost, timeout=5_000)
    assert warned and "重新打开" in warned[0]
    assert "replaced" in window.status_file.text() or "替换" in window.status_file.text()
    assert not card.save_button.isEnabled()
    assert card.editors["problems"].text() == "还没保存的修改"  # the edits are kept
    assert card.save() is False
    assert errors and "重新打开" in errors[0]
    assert Customer.get_by_id(customers["bj"]).problems is None
