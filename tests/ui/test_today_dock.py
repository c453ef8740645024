"""The Today dock of the main window at length: a section lists its first rows, says how many
more there are, and its "more" line opens them all page by page; a row there opens the card."""

from __future__ import annotations

import datetime as dt

from kehu.db.models import Category, Scheme
from kehu.services import dossiers, today
from kehu.ui.routes import today_all


def test_the_more_line_of_a_long_section_shows_every_row(qtbot, window, user, monkeypatch):
    monkeypatch.setattr(today, "SHOWN", 3)
    monkeypatch.setattr(today_all, "PAGE", 4)
    grade = Scheme.get(Scheme.key == "grade")
    a = Category.get(Category.scheme == grade, Category.parent.is_null(), Category.position == 0)
    ids = [
        dossiers.create({"name": f"未访{n:02d}公司"}, user, categories={grade.id: a.id})
        for n in range(9)
    ]  # never visited: all overdue by the A cadence, listed by code
    panel = window.route_views.today_panel
    panel.show_day(dt.date.today())
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert panel.rows("cadence") == ["未访00公司", "未访01公司", "未访02公司"]
    more = panel.more_line("cadence")
    assert more is not None and more.text() == "… 还有 6 个 — 全部显示"
    section = more.parent()
    assert section.text() == "超过访问周期的客户 (9)"
    panel.tree.doubleClicked.emit(more.index())
    dialog = panel.section_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert dialog.windowTitle() == "超过访问周期的客户"
    assert dialog.rows() == [f"未访{n:02d}公司" for n in range(4)]
    assert dialog.position.text() == "1–4 / 共 9"
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.rows() == ["未访08公司"] and dialog.position.text() == "9–9 / 共 9"
    dialog.tree.doubleClicked.emit(dialog.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card_for(ids[8]) is not None, timeout=10_000)
    dialog.close()
