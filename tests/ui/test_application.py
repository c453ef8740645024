"""Language, first start, error dialog, status bar, add_view."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton

from kehu.core.fields import ACTIVE, ARCHIVED
from kehu.core.i18n import N_
from kehu.db.models import Customer
from kehu.services.routes import RouteError
from kehu.ui import translations
from kehu.ui.dialogs.first_start import DEMO, FirstStartDialog
from kehu.ui.errors import ErrorDialog, show_error


def test_zh_cn_ui_shows_chinese_labels(qtbot, qapp, customers, window, loaded):
    assert window.new_action.text() == "新建客户(&N)"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.archived_box.text() == "显示已归档"
    assert window.views.tabText(0) == "客户"
    views = [window.views.tabText(i) for i in range(window.views.count())]
    assert views[:3] == ["客户", "路线", "访问日报"]
    assert window.route_views.today_dock.windowTitle() == "今天"
    assert "共 5 个客户" in window.status_counts.text()
    card = window.open_card(customers["bj"])
    tabs = [card.tabs.tabText(i) for i in range(card.tabs.count())]
    assert tabs[:5] == ["客户资料", "基础资料", "客户特征", "业务状况", "交易活动现状"]
    assert "修改历史" in tabs
    # Qt's own strings (standard buttons) are translated too
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_ui_when_asked(qtbot, qapp, workspace, user, monkeypatch):
    from kehu.ui.application import open_session_window

    translations.install(qapp, "en")
    try:
        main = open_session_window(workspace, user, "en")
        qtbot.addWidget(main)
        assert main.new_action.text() == "&New customer"
        assert main.session.lang == "en"
        # texts from below the UI follow the session's language, not a global
        assert main.model.format("status", ARCHIVED) == "Archived"
        assert _shown_error(main, monkeypatch) == "Enter a name for the route."
    finally:
        translations.install(qapp, "zh_CN")
    assert translations.choose_language("en") == "en"
    assert translations.choose_language("zh") == "zh_CN"


def test_chinese_window_shows_texts_from_below_the_ui_in_chinese(window, monkeypatch):
    assert window.session.lang == "zh_CN"
    assert window.model.format("status", ARCHIVED) == "已归档"
    assert window.model.format("status", ACTIVE) == "正常"
    assert _shown_error(window, monkeypatch) == "请填写路线名称。"
    assert window.route_views.routes_view.lang == "zh_CN"  # passed down from the session


def _shown_error(parent, monkeypatch) -> str:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    show_error(parent, RouteError(N_("Enter a name for the route.")))
    return shown[0]


def test_first_start_loads_demo_data_with_progress(qtbot, window, loaded, monkeypatch):
    from kehu.ui import application

    def choose_demo(dialog):
        dialog.choice = DEMO
        dialog.demo_count.setValue(40)
        return FirstStartDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstStartDialog, "exec", choose_demo)
    application.offer_first_start(window)
    qtbot.waitUntil(lambda: Customer.select().count() >= 40, timeout=30_000)
    qtbot.waitUntil(lambda: window.model.rowCount() >= 40, timeout=30_000)
    assert application._first_start_seen(str(window.session.database.path))


def test_first_start_offers_three_choices(qtbot):
    dialog = FirstStartDialog(can_import=True)
    qtbot.addWidget(dialog)
    names = {b.objectName() for b in dialog.findChildren(QPushButton)}
    assert {"startEmpty", "loadDemo", "importExcel"} <= names


def test_error_dialog_details_can_be_copied(qtbot, qapp):
    dialog = ErrorDialog("ValueError: boom", "Traceback …\nValueError: boom")
    qtbot.addWidget(dialog)
    dialog.copy_details()
    assert "ValueError: boom" in qapp.clipboard().text()


def test_add_view_adds_a_tab(qtbot, window):
    before = window.views.count()
    index = window.add_view(QLabel("视图"), "视图")
    assert window.views.tabText(index) == "视图"
    assert window.views.count() == before + 1
