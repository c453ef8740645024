"""File → Print…: every document of the registry from the window, with the CLI's options,
saved as PDF and read back (issue 14, point 2); the CLI prints the right counts."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from kehu.cli import parse, run
from kehu.services import routes, visits
from kehu.ui.dialogs.print_dialog import DOCUMENTS, PrintDialog

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")

DAY = "2026-11-27"


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(info.split("Pages:")[1].split()[0])


@pytest.fixture
def route(customers, user):
    region = routes.add_region("渝中", user)
    route_id = routes.create_route(user, "渝中一线", region_id=region, salesperson_id=user.id)
    routes.add_stops(route_id, [customers["cq"], customers["bj"]], user)
    visits.record_visit(customers["cq"], user, visit_date=DAY, content="补货五金")
    return route_id


def save_from_dialog(qtbot, window, monkeypatch, tmp_path, key, setup=None):
    out = tmp_path / f"{key}.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog = window.make_print_dialog()
    qtbot.addWidget(dialog)
    dialog.select(key)
    if setup:
        setup(dialog)
    assert dialog.save_button.isEnabled(), (dialog.counts, dialog.scope(), dialog.document())
    dialog.save_button.click()
    window.print_choice(dialog.choice)
    qtbot.waitUntil(out.exists, timeout=30_000)
    return out


def test_the_dialog_lists_every_printed_kind_of_the_registry(qtbot, customers, window):
    from kehu.services.exports import registry

    dialog = window.make_print_dialog()
    qtbot.addWidget(dialog)
    offered = {d.kind for d in DOCUMENTS}
    # the analyses print from their own view (Analysis tab), not from a customer selection
    assert offered == {k.name for k in registry.kinds(registry.PDF)} - {"analysis"}
    assert dialog.documents.count() == 8


def test_cards_a5_of_the_selection(qtbot, customers, window, monkeypatch, tmp_path):
    window.list_view.selectAll()

    def a5(dialog: PrintDialog):
        dialog.size.setCurrentIndex(dialog.size.findData("A5"))
        dialog.scope_buttons["selection"].setChecked(True)

    out = save_from_dialog(qtbot, window, monkeypatch, tmp_path, "card", a5)
    text = pdf_text(out)
    assert "杭州西湖茶叶有限公司" in text and "重庆渝中五金店" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "419.528 x 595.276" in info  # A5


def test_route_sheet_prints_the_routes_stops(qtbot, route, window, monkeypatch, tmp_path):
    def pick(dialog: PrintDialog):
        dialog.route.setCurrentIndex(dialog.route.findData(route))
        dialog.date.setDate(QDate.fromString(DAY, "yyyy-MM-dd"))

    out = save_from_dialog(qtbot, window, monkeypatch, tmp_path, "route", pick)
    text = pdf_text(out)
    assert "路序表" in text and "渝中一线" in text and DAY in text
    assert text.index("重庆渝中五金店") < text.index("北京海淀科技有限公司")  # stop order
    assert "杭州西湖茶叶有限公司" not in text


def test_blank_visit_form_daily_and_monthly_reports(qtbot, route, window, monkeypatch, tmp_path):
    out = save_from_dialog(qtbot, window, monkeypatch, tmp_path, "visit_form")
    assert "访问" in pdf_text(out)

    def day(dialog: PrintDialog):
        dialog.date.setDate(QDate.fromString(DAY, "yyyy-MM-dd"))
        dialog.scope_buttons["list"].setChecked(True)

    daily = save_from_dialog(qtbot, window, monkeypatch, tmp_path, "daily", day)
    assert "补货五金" in pdf_text(daily) and "日报" in pdf_text(daily)
    monthly = save_from_dialog(qtbot, window, monkeypatch, tmp_path, "monthly", day)
    assert "补货五金" in pdf_text(monthly) and "月" in pdf_text(monthly)


def test_customer_form_and_labels(qtbot, customers, window, monkeypatch, tmp_path):
    window.list_view.selectRow(0)
    form = save_from_dialog(qtbot, window, monkeypatch, tmp_path, "form")
    assert "客户资料表" in pdf_text(form)

    def two_by_seven(dialog: PrintDialog):
        dialog.labels.setCurrentIndex(dialog.labels.findData("2x7"))
        dialog.scope_buttons["list"].setChecked(True)

    labels = save_from_dialog(qtbot, window, monkeypatch, tmp_path, "labels", two_by_seven)
    text = pdf_text(labels)
    assert all(name in text for name in ("北京海淀科技有限公司", "广州天河商行"))


def test_the_filtered_list_prints_what_the_list_shows(
    qtbot, customers, window, loaded, monkeypatch, tmp_path
):
    window.search_box.setText("有限公司")
    window.search_box.flush()
    loaded(window)
    shown = window.model.rowCount()
    assert 0 < shown < 5

    def whole_list(dialog: PrintDialog):
        dialog.scope_buttons["list"].setChecked(True)

    out = save_from_dialog(qtbot, window, monkeypatch, tmp_path, "list", whole_list)
    text = pdf_text(out)
    assert "客户名单" in text and "北京海淀科技有限公司" in text
    assert "广州天河商行" not in text and "重庆渝中五金店" not in text


def test_the_cli_counts_the_route_sheets_stops(route, db_path, capsys):
    code = run(parse(["--db", str(db_path), "--lang", "en", "export", "--format", "pdf",
                      "--kind", "route", "--option", f"route={route}", str(db_path.parent /
                      "r.pdf")]))  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "2 stops" in out and "customers" not in out
