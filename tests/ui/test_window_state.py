"""What the main window remembers (geometry, docks, the splitter) and cards in own windows."""

from __future__ import annotations

from kehu.ui import settings
from kehu.ui.window.cards import CardWindow


def test_the_splitter_and_window_layout_are_remembered(window):
    window.splitter.setSizes([200, 800, 400])
    remembered = window.splitter.sizes()
    window.save_state()
    assert not settings.get(settings.WINDOW_GEOMETRY).isEmpty()
    assert not settings.get(settings.WINDOW_STATE).isEmpty()
    assert settings.get(settings.MAIN_SPLITTER) == window.splitter.saveState()
    window.splitter.setSizes([400, 400, 600])
    window.restore_geometry()
    assert window.splitter.sizes()[0] == remembered[0]  # the trees keep the width they had


def test_a_card_opens_in_its_own_window_and_remembers_its_size(qtbot, window, customers):
    settings.put(settings.CARDS_IN_WINDOWS, True)
    card = window.open_card(customers["gz"])
    assert card is not None and window.cards.count() == 0
    own = card.window()
    assert isinstance(own, CardWindow) and window.card_windows == [own]
    assert own.windowTitle() == card.title()
    assert window.open_card(customers["gz"]) is card  # not opened twice
    own.resize(700, 650)
    own.close()
    assert window.card_windows == []
    assert not settings.get(settings.CARD_GEOMETRY).isEmpty()
    again = window.open_card(customers["gz"])
    assert again is not None and again is not card
    assert again.window().size().width() == 700


def test_a_tab_card_can_be_moved_to_its_own_window(window, customers):
    card = window.open_card(customers["sh"])
    assert window.cards.indexOf(card) >= 0
    window.cards.setCurrentWidget(card)
    window.detach_current_card()
    assert window.cards.count() == 0 and window.cards.isHidden()
    assert [w.card for w in window.card_windows] == [card]
