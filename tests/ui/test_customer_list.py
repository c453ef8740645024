"""The customer list: ids from SQL, rows on demand, sorting in SQL, columns remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kehu.db.customer_list import ListSpec
from kehu.services import dossiers
from kehu.ui import settings
from kehu.ui.models.customer_table import CustomerTableModel, IdRole
from kehu.ui.tasks import TaskRunner


def test_customer_model_passes_modeltester(qtbot, qtmodeltester, user, customers):
    runner = TaskRunner()
    model = CustomerTableModel(runner, ListSpec(user), "zh", ["code", "name", "phone", "owner"])
    model.reload()
    qtbot.waitUntil(lambda: not model.is_loading)
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "北京海淀科技有限公司"
    runner.wait()


def test_sorting_by_a_header_queries_in_sql(qtbot, customers, window, loaded):
    name_column = window.model.columns.index("name")
    window.list_view.sortByColumn(name_column, Qt.SortOrder.DescendingOrder)
    loaded(window)
    names = [window.model.index(r, name_column).data() for r in range(window.model.rowCount())]
    assert [n[:2] for n in names] == ["上海", "杭州", "广州", "重庆", "北京"]  # pinyin, reversed
    assert window.model.spec.sort == "name" and window.model.spec.descending


def test_archived_customers_only_on_request(qtbot, customers, window, user, loaded):
    dossiers.archive(customers["gz"], user)
    window.refresh()
    loaded(window)
    assert customers["gz"] not in list(window.model.ids())
    window.archived_box.setChecked(True)
    loaded(window)
    assert customers["gz"] in list(window.model.ids())
    row = window.model.row_of(customers["gz"])
    assert window.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_columns_are_chosen_and_remembered(qtbot, customers, window, loaded):
    window.list_view.toggle_column("industry", False)
    window.list_view.toggle_column("uscc", True)
    assert "industry" not in window.model.columns
    assert window.model.columns[-1] == "uscc"
    stored = settings.get(settings.LIST_COLUMNS).split(",")
    assert stored == window.model.columns


def test_multi_select_reports_ids(qtbot, customers, window, loaded):
    view = window.list_view
    view.selectAll()
    assert sorted(view.selected_ids()) == sorted(customers.values())
    assert view.model().index(0, 0).data(IdRole) in customers.values()


def test_the_selection_is_counted_from_its_ranges(qtbot, customers, window, loaded):
    from PySide6.QtCore import QItemSelectionModel

    from kehu.ui.widgets.customer_list import _covered

    view = window.list_view
    counts: list[int] = []
    view.selection_changed.connect(counts.append)
    view.selectAll()
    assert view.selected_count() == 5 and counts[-1] == 5
    view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1, 3):
        view.selectionModel().select(view.model().index(row, 0), flags)
    assert view.selected_count() == 3 == len(view.selected_ids())
    assert "3" in window.status_counts.text()
    assert _covered({(0, 4), (2, 6), (9, 9)}) == 8


def test_select_all_of_a_long_list_is_counted_and_painted(
    qtbot, customers, window, loaded, monkeypatch
):
    from PySide6.QtCore import Qt as _Qt

    from kehu.ui.widgets import customer_list

    monkeypatch.setattr(customer_list, "QUIET_SELECT_ALL", 2)  # "long": from two rows
    view = window.list_view
    counts: list[int] = []
    view.selection_changed.connect(counts.append)
    qtbot.keyClick(view, _Qt.Key.Key_A, _Qt.KeyboardModifier.ControlModifier)
    assert counts == [5] and view.selected_count() == 5
    assert sorted(view.selected_ids()) == sorted(customers.values())
    assert "5" in window.status_counts.text()
    assert view.selectionModel().isRowSelected(4)  # what the view paints as selected
    cell = view.visualRect(view.model().index(1, 1)).center()
    qtbot.mouseClick(view.viewport(), _Qt.MouseButton.LeftButton, pos=cell)  # a plain click
    assert view.selected_count() == 1 and counts[-1] == 1
