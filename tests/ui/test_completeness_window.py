"""Completeness in the window: the card's bar and missing items (a click focuses the field),
the list column sorted in SQL, the "below" filter, and the breakdown in the Analysis view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kehu.core import completeness as rule
from kehu.db.models import Customer, Scheme
from kehu.services import auth, dossiers


def _click_missing(qtbot, card, key):
    widget = card.completeness_panel.missing
    qtbot.waitUntil(lambda: widget.viewport().width() > 0)  # laid out in its tab
    item = next(
        widget.item(r) for r in range(widget.count()) if widget.item(r).data(Qt.UserRole + 1) == key
    )
    widget.scrollToItem(item)
    rect = widget.visualItemRect(item)
    assert widget.viewport().rect().contains(rect.center()), "the item is out of sight"
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _missing_texts(card):
    widget = card.completeness_panel.missing
    return [widget.item(r).text() for r in range(widget.count())]


def test_the_card_shows_its_completeness_and_what_is_missing(qtbot, customers, window):
    card = window.open_card(customers["bj"])
    panel = card.completeness_panel
    expected = rule.score({"name": "北京海淀科技有限公司", "phone": "0571-80000001"})
    assert panel.bar.value() == expected.percent and panel.bar.text() == f"{expected.percent} %"
    texts = _missing_texts(card)
    assert texts[:3] == ["地址", "关键人物: 姓名", "关键人物: 手机"]  # the key items first
    assert "区域" in texts and "电话" not in texts
    card.editors["address"].input.setText("北京市海淀区中关村大街1号")  # it moves while typing
    assert "地址" not in _missing_texts(card) and panel.bar.value() > expected.percent
    card.editors["address"].input.setText("")  # back as saved: nothing to ask on closing
    assert panel.bar.value() == expected.percent and not card.is_dirty


def test_a_click_on_a_missing_item_focuses_its_field(qtbot, customers, window):
    card = window.open_card(customers["sh"])
    card.activateWindow()
    _click_missing(qtbot, card, "address")
    address = card.editors["address"].input
    qtbot.waitUntil(address.hasFocus)
    assert card.tabs.currentWidget().isAncestorOf(address)
    _click_missing(qtbot, card, "founded_on")  # a field in another section
    founded = card.editors["founded_on"].input
    qtbot.waitUntil(founded.hasFocus)
    assert card.tabs.currentWidget().isAncestorOf(founded)
    _click_missing(qtbot, card, "scheme.region")  # a category: the classification page
    region = Scheme.get(Scheme.key == "region")
    box = card.category_boxes[region.id]
    qtbot.waitUntil(box.hasFocus)
    _click_missing(qtbot, card, "person.mobile")  # nobody yet: the button that adds one
    qtbot.waitUntil(lambda: card.findChild(type(card.save_button), "addPerson").hasFocus())


def test_the_saved_card_updates_the_list_column(qtbot, customers, window, loaded):
    card = window.open_card(customers["gz"])
    card.editors["address"].input.setText("广州市天河区天河路1号")
    assert card.save()
    loaded(window)
    column = window.model.columns.index("completeness")
    row = window.model.row_of(customers["gz"])
    stored = Customer.get_by_id(customers["gz"]).completeness
    assert stored == card.completeness_panel.bar.value()
    assert window.model.index(row, column).data() == f"{stored} %"


def _enrich(user, customer_id, **values):
    base = dossiers.load(customer_id)
    dossiers.save(base, values, user)


def test_sorting_by_completeness_and_the_below_filter(qtbot, customers, window, user, loaded):
    _enrich(user, customers["hz"], address="杭州市西湖区1号", postal_code="310000", email="t@e.cn")
    _enrich(user, customers["cq"], address="重庆市渝中区1号")
    window.refresh()
    loaded(window)
    column = window.model.columns.index("completeness")
    assert window.model.headerData(column, Qt.Orientation.Horizontal) == "健全度"
    window.list_view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    loaded(window)
    shown = list(window.model.ids())
    assert shown[:2] == [customers["hz"], customers["cq"]]
    values = [Customer.get_by_id(cid).completeness for cid in shown]
    assert values == sorted(values, reverse=True)
    assert window.model.spec.sort == "completeness"
    limit = Customer.get_by_id(customers["cq"]).completeness  # below it: the three thin ones
    window.completeness_filter.threshold.setValue(limit)
    window.completeness_filter.box.setChecked(True)
    loaded(window)
    assert sorted(window.model.ids()) == sorted(customers[k] for k in ("bj", "sh", "gz"))
    window.completeness_filter.threshold.setValue(limit + 1)  # editable: the list follows
    loaded(window)
    assert customers["cq"] in list(window.model.ids())
    window.completeness_filter.box.setChecked(False)
    loaded(window)
    assert len(window.model.ids()) == 5


def test_the_analysis_view_breaks_completeness_down_per_salesperson(qtbot, workspace, user, window):
    clerk = auth.create_user("li", "李明", "salesperson")
    for i in range(3):
        dossiers.create({"name": f"薄档案{i}"}, user, owner=clerk)
    view = window.analysis_view
    window.views.setCurrentWidget(view)
    view.analysis_box.setCurrentIndex(view.analysis_box.findData("completeness"))
    qtbot.waitUntil(lambda: view.report is not None and view.report.analysis == "completeness")
    qtbot.wait(50)
    assert not view.period_box.isEnabled()  # of the dossiers as they are now
    rows = {
        view.model.item(r, 0).text(): [view.model.item(r, c).text() for c in range(6)]
        for r in range(view.model.rowCount())
    }
    thin = rule.score({"name": "薄档案0"}).percent
    assert rows["李明"][1:5] == ["3", f"{thin}.0", "3", "100.0"]
    assert rows["合计"][1] == "3"
    headers = [view.model.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers[:4] == ["推销员", "客户数", "平均健全度 %", "低于 60 %"]
