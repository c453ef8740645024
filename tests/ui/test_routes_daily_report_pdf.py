"""Export PDF… in the visit report view: the day or month shown, read back with pdftotext."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from kehu.core.i18n import translate
from kehu.services import auth, dossiers, visits
from kehu.ui.routes import DailyReportView

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def view(qtbot, workspace, user):
    shop = dossiers.create({"name": "甲商店"}, user)
    other = dossiers.create({"name": "乙商店"}, user)
    visits.record_visit(shop, user, visit_date="2024-10-01", kind="urgent", content="退货处理")
    visits.record_visit(other, user, visit_date="2024-10-01", content="新品下单")
    visits.record_visit(other, user, visit_date="2024-10-15", content="月中回访")
    colleague = auth.create_user(
        "wang", "王业务", role="admin", password="password-123", own_password="admin-pass-1"
    )
    visits.record_visit(shop, colleague, visit_date="2024-10-01", content="同事拜访")
    widget = DailyReportView(user, day=dt.date(2024, 10, 1))
    qtbot.addWidget(widget)
    return widget


def save_to(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_export_pdf_writes_the_day_shown(qtbot, view, user, tmp_path, monkeypatch):
    save_to(monkeypatch, tmp_path / "day")  # no suffix: .pdf is added
    with qtbot.waitSignal(view.exported) as signal:
        view.export_button.click()
    path = Path(signal.args[0])
    assert path == tmp_path / "day.pdf"
    text = pdf_text(path)
    assert translate("Daily visit report", view.lang) in text
    assert "2024-10-01" in text and user.display_name in text
    assert "甲商店" in text and "退货处理" in text and "新品下单" in text
    assert "月中回访" not in text  # another day
    assert "同事拜访" not in text  # another salesperson


def test_export_pdf_of_the_month_and_of_everyone(qtbot, view, tmp_path, monkeypatch):
    view.mode.setCurrentIndex(view.mode.findData("month"))
    save_to(monkeypatch, tmp_path / "month.pdf")
    text = pdf_text(view.export_pdf())
    assert translate("Monthly visit report", view.lang) in text
    assert "2024-10" in text and "月中回访" in text and "退货处理" in text
    assert "同事拜访" not in text
    view.salesperson.setCurrentIndex(view.salesperson.findData(None))  # (everyone)
    save_to(monkeypatch, tmp_path / "everyone.pdf")
    text = pdf_text(view.export_pdf())
    assert "同事拜访" in text and "王业务" in text


def test_cancelled_save_dialog_writes_nothing(qtbot, view, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    seen: list[str] = []
    view.exported.connect(seen.append)
    view.export_button.click()
    assert seen == [] and list(tmp_path.glob("*.pdf")) == []
