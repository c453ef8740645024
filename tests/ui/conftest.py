"""Main-window fixtures: a workspace with a few customers and a live window over it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from kehu.services import dossiers
from kehu.ui import translations
from kehu.ui.qt_compat import protect_none

protect_none()  # inactive unless PySide6 has the 6.12.0 None bug: see kehu.ui.qt_compat


@pytest.fixture(autouse=True)
def _fresh_settings(qapp):
    """Qt keeps its settings path once read: clear what an earlier test remembered."""
    from kehu.ui import settings

    settings.settings().clear()
    yield
    settings.settings().clear()


@pytest.fixture
def customers(workspace, user) -> dict[str, int]:
    """Five customers with names chosen for search and sorting tests."""
    names = {
        "bj": "北京海淀科技有限公司",
        "sh": "上海浦东贸易有限公司",
        "gz": "广州天河商行",
        "cq": "重庆渝中五金店",
        "hz": "杭州西湖茶叶有限公司",
    }
    return {
        key: dossiers.create({"name": name, "phone": f"0571-8{i:07d}"}, user)
        for i, (key, name) in enumerate(names.items(), start=1)
    }


@pytest.fixture
def window(qtbot, qapp, workspace, user, monkeypatch):
    from kehu.ui.application import open_session_window

    translations.install(qapp, "zh_CN")
    main = open_session_window(workspace, user)
    qtbot.addWidget(main)
    main.show()
    wait_loaded(qtbot, main)
    yield main
    for card in main.open_cards():
        card._set_dirty(False)  # nothing left to ask about when the test closes the window
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    main.close()
    translations.install(qapp, "en")  # later tests start from the English source strings


def wait_loaded(qtbot, main) -> None:
    qtbot.waitUntil(lambda: not main.model.is_loading, timeout=10_000)
    qtbot.waitUntil(lambda: not main.categories._counting, timeout=10_000)


def shown_ids(main) -> list[int]:
    return list(main.model.ids())


@pytest.fixture
def loaded(qtbot):
    """Call with the window: waits until the list and the counts are loaded."""
    return lambda main: wait_loaded(qtbot, main)
