"""The Analysis tab: the grade shares as a pie beside the table, a click filters the customer
list, ABC grading applied and undone from the window."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QPieSeries
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from analysis_data import build, grade_of


@pytest.fixture
def sales(workspace, user):
    return build(user)


def _open(qtbot, window):
    view = window.analysis_view
    window.views.setCurrentWidget(view)
    view.period_box.setCurrentIndex(view.period_box.findData("custom"))
    view.first_edit.setDate(QDate(2026, 1, 1))
    view.last_edit.setDate(QDate(2026, 3, 1))
    _wait_for(qtbot, view, "composition")
    return view


def _wait_for(qtbot, view, kind):
    qtbot.waitUntil(
        lambda: (
            view.report is not None
            and view.report.analysis == kind
            and "2026-01..2026-03" in view.report.subtitle
        ),
        timeout=10_000,
    )
    qtbot.wait(50)  # a later refresh of the same choice may still arrive


def _column(view, col):
    return [view.model.item(r, col).text() for r in range(view.model.rowCount())]


def test_grade_shares_as_a_pie_beside_the_table_and_a_click_filters(qtbot, sales, window):
    view = _open(qtbot, window)
    assert window.views.tabText(window.views.indexOf(view)) == "分析"
    assert _column(view, 0)[:4] == ["主力客户 (A)", "一般客户 (B)", "零散客户 (C)", "未分类"]
    assert _column(view, 1)[:4] == ["600.00", "300.00", "60.00", "40.00"]
    assert _column(view, 2)[:4] == ["60.0", "30.0", "6.0", "4.0"]
    series = view.chart_view.chart().series()[0]
    assert isinstance(series, QPieSeries) and series.count() == 4
    assert series.slices()[0].label() == "60.0%"
    legend = view.chart_view.chart().legend().markers(series)
    assert [m.label() for m in legend][:2] == ["主力客户 (A) 60.0%", "一般客户 (B) 30.0%"]
    series.slices()[0].clicked.emit()
    assert window.views.currentIndex() == 0
    assert window.model.spec.category_id == sales["grades"]["A"]
    qtbot.waitUntil(lambda: not window.model.is_loading, timeout=10_000)
    assert window.model.rowCount() == 2
    window.views.setCurrentWidget(view)
    view.table.clicked.emit(view.model.index(3, 0))  # 未分类
    assert window.model.spec.unclassified_scheme == sales["grade_scheme"]


def test_region_tree_rolled_up_in_the_window(qtbot, sales, window):
    view = _open(qtbot, window)
    view.scheme_box.setCurrentIndex(view.scheme_box.findData("region"))
    qtbot.waitUntil(lambda: view.report.subtitle.endswith("区域"), timeout=10_000)
    qtbot.wait(50)
    assert _column(view, 0)[:3] == ["华东", "  上海", "  杭州"]
    assert view.chart_view.chart().series()[0].count() == 3  # 华东, 华南, 未分类


def test_abc_applied_and_undone_from_the_window(qtbot, sales, window, monkeypatch):
    view = _open(qtbot, window)
    view.analysis_box.setCurrentIndex(view.analysis_box.findData("abc"))
    _wait_for(qtbot, view, "abc")
    assert _column(view, 4) == ["50.0", "80.0", "90.0", "96.0", "100.0"]
    assert _column(view, 5) == ["A", "A", "B", "B", "C"]
    assert view.apply_button.isVisible() and view.apply_button.isEnabled()
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    ids, scheme, grades = sales["ids"], sales["grade_scheme"], sales["grades"]
    before = {k: grade_of(cid, scheme) for k, cid in ids.items()}
    view.apply_button.click()
    assert "4" in asked[0]
    assert grade_of(ids["c2"], scheme) == grades["A"]
    assert grade_of(ids["c3"], scheme) == grades["B"]
    qtbot.waitUntil(view.undo_button.isEnabled, timeout=10_000)
    view.undo_button.click()
    assert {k: grade_of(cid, scheme) for k, cid in ids.items()} == before


def test_a_salesperson_cannot_apply_grades(qtbot, sales, window):
    view = window.analysis_view
    window.session.user = sales["a"]
    view.analysis_box.setCurrentIndex(view.analysis_box.findData("abc"))
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(
        lambda: view.report is not None and view.report.analysis == "abc", timeout=10_000
    )
    assert not view.apply_button.isEnabled()
