"""Layouts that fit at the default window size, in both languages (issue 14, point 7): the
Today dock, the conflict dialog, the first-start dialog, the card (a section list, the
history's columns in view), date pickers, no bogus error under a masked value."""

from __future__ import annotations

import pytest
from layout_checks import elided, overflowing_cells
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from kehu.services import dossiers
from kehu.ui import translations
from kehu.ui.card.person_dialog import PersonDialog
from kehu.ui.dialogs.conflict_dialog import ConflictDialog
from kehu.ui.dialogs.first_start import FirstStartDialog

LANGS = ["zh_CN", "en"]


@pytest.fixture(params=LANGS)
def lang(request, qapp):
    translations.install(qapp, request.param)
    yield request.param
    translations.install(qapp, "en")


@pytest.fixture
def shown(qtbot, customers, workspace, user, lang, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kehu.ui.application import open_session_window

    main = open_session_window(workspace, user, lang)
    # closed below, after the cards are made clean
    main.resize(1360, 820)
    main.show()
    qtbot.waitUntil(lambda: not main.model.is_loading, timeout=10_000)
    qtbot.waitUntil(lambda: main.route_views.today_panel.report is not None, timeout=10_000)
    QApplication.processEvents()
    yield main
    for card in main.open_cards():
        card._set_dirty(False)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    main.close()


def test_today_dock_shows_the_whole_date_and_every_button(qtbot, shown):
    dock = shown.route_views.today_dock
    assert dock.isVisible()
    assert elided(dock) == []
    panel = shown.route_views.today_panel
    assert panel.visit_button.visibleRegion().boundingRect().width() == panel.visit_button.width()


def test_conflict_dialog_rows_hold_their_choices(qtbot, customers, user, lang, qapp):
    cid = customers["bj"]
    base = dossiers.load(cid, user)
    dossiers.save(
        dossiers.load(cid, user),
        {"phone": "010-33334444", "address": "北京市海淀区中关村1号"},
        user,
    )
    with pytest.raises(dossiers.ConflictError) as caught:
        dossiers.save(base, {"phone": "010-55556666"}, user)
    dialog = ConflictDialog(caught.value, lang)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert overflowing_cells(dialog.table) == []
    assert elided(dialog) == []


def test_first_start_dialog_fits(qtbot, lang):
    dialog = FirstStartDialog(True)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert elided(dialog) == []


def test_the_card_shows_every_section_name_and_the_history(qtbot, shown, customers):
    card = shown.open_card(customers["hz"])
    card.editors["phone"].input.setText("0571-88889999")
    assert card.save()
    QApplication.processEvents()
    assert elided(card) == []
    history = card.history_table
    card.tabs.setCurrentWidget(history)
    QApplication.processEvents()
    header = history.horizontalHeader()

    def new_value_in_view() -> bool:
        right = header.sectionViewportPosition(4) + header.sectionSize(4)
        return header.sectionViewportPosition(4) >= 0 and right <= history.viewport().width() + 1

    qtbot.waitUntil(new_value_in_view, timeout=3_000)  # once the layout has settled


def test_date_fields_have_a_calendar(qtbot, shown, customers):
    card = shown.open_card(customers["hz"])
    dates = [e for e in card.editors.values() if e.calendar_button is not None]
    assert dates, "the card has date fields"
    editor = dates[0]
    editor.pick_date(QDate(2026, 3, 14))
    assert editor.text() == "2026-03-14" and card.is_dirty


def test_a_masked_birthday_shows_no_error(qtbot, shown, customers, user, monkeypatch):
    from kehu.core import sensitivity

    cid = dossiers.create(
        {"name": "长沙星城商行"}, user,
        persons=[{"name": "王芳", "birthday": "1980-05-06", "hobbies": "书法"}],
    )  # fmt: skip
    card = shown.open_card(cid)
    monkeypatch.setattr(sensitivity, "may_reveal", lambda role: True)
    dialog = PersonDialog(shown.session, card.persons[0], cid, card)
    qtbot.addWidget(dialog)
    masked = [e for e in dialog.editors.values() if e.masked]
    assert masked, "a stored person's sensitive fields are masked"
    for editor in masked:
        assert editor.message.isHidden(), editor.message.text()


def test_care_dialogs_fit(qtbot, shown, customers, user):
    """The person dialog with a lunar birthday, the cadence editor and Settings → Care."""
    import datetime as dt

    from kehu.ui.dialogs.cadence_dialog import CadenceDialog

    dialog = PersonDialog(shown.session, None, None, shown, today=dt.date(2026, 9, 20))
    qtbot.addWidget(dialog)
    dialog.editors["birthday"].input.setText("1990-10-03")
    box = dialog.editors["birthday_lunar"].input
    box.setCurrentIndex(box.findData("lunar"))
    dialog.show()
    QApplication.processEvents()
    assert dialog.lunar_hint.isVisible() and elided(dialog) == []
    cadence = CadenceDialog(shown.session, shown)
    qtbot.addWidget(cadence)
    cadence.show()
    QApplication.processEvents()
    assert elided(cadence) == []
    settings_dialog = shown.make_settings_dialog()
    qtbot.addWidget(settings_dialog)
    settings_dialog.show()
    QApplication.processEvents()
    assert elided(settings_dialog) == []
