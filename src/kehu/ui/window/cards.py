"""Dossier cards opened from the main window: as tabs beside the list, or each in its own
window (setting `CARDS_IN_WINDOWS`, or "Open card in own window")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from kehu.ui import settings
from kehu.ui.card.dossier_card import DossierCard
from kehu.ui.errors import show_error
from kehu.ui.icons import app_icon
from kehu.ui.window.state import PreserveGeometry

if TYPE_CHECKING:
    from kehu.ui.session import Session
    from kehu.ui.widgets.customer_list import CustomerListView


class CardWindow(PreserveGeometry, QWidget):
    """A dossier card in its own window (several can be open)."""

    geometry_setting = settings.CARD_GEOMETRY
    default_size = (820, 720)

    def __init__(self, card: DossierCard) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.card = card
        self.setWindowIcon(app_icon())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        card.title_changed.connect(self.setWindowTitle)
        self.setWindowTitle(card.title())
        self.restore_geometry()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.card.confirm_close():
            event.ignore()
            return
        self.save_geometry()
        self.card.closed.emit()
        event.accept()


class CardTabs:
    """Mixin of the main window: opens, finds, detaches and closes dossier cards.

    The window builds `cards` (the tab widget) and `card_windows`, and connects
    `cards.tabCloseRequested` to `close_card_at`."""

    session: Session
    list_view: CustomerListView
    cards: QTabWidget
    card_windows: list[CardWindow]

    def open_cards(self) -> list[DossierCard]:
        cards = [self.cards.widget(i) for i in range(self.cards.count())]
        return [c for c in cards if isinstance(c, DossierCard)] + [
            w.card for w in self.card_windows
        ]

    def card_for(self, customer_id: int) -> DossierCard | None:
        return next((c for c in self.open_cards() if c.customer_id == customer_id), None)

    def open_card(self, customer_id: int | None) -> DossierCard | None:
        if customer_id is not None:
            existing = self.card_for(customer_id)
            if existing is not None:
                self._focus_card(existing)
                return existing
        try:
            card = DossierCard(self.session, customer_id)
        except Exception as exc:
            show_error(self, exc)
            return None
        card.saved.connect(self._on_card_saved)
        card.open_requested.connect(self.open_card)
        card.erased.connect(lambda _cid, c=card: self._close_erased(c))
        if settings.get(settings.CARDS_IN_WINDOWS):
            self._show_in_window(card)
        else:
            index = self.cards.addTab(card, card.title())
            card.title_changed.connect(lambda title, c=card: self._retitle(c, title))
            self.cards.setCurrentIndex(index)
            self.cards.show()
        return card

    def _retitle(self, card: DossierCard, title: str) -> None:
        index = self.cards.indexOf(card)
        if index >= 0:
            self.cards.setTabText(index, title)

    def _focus_card(self, card: DossierCard) -> None:
        index = self.cards.indexOf(card)
        if index >= 0:
            self.cards.setCurrentIndex(index)
        else:
            window = card.window()
            window.raise_()
            window.activateWindow()

    def _show_in_window(self, card: DossierCard) -> CardWindow:
        window = CardWindow(card)
        self.card_windows.append(window)
        card.closed.connect(lambda w=window: self._forget_window(w))
        window.show()
        return window

    def _forget_window(self, window: CardWindow) -> None:
        if window in self.card_windows:
            self.card_windows.remove(window)
        window.deleteLater()

    def current_card(self) -> DossierCard | None:
        active = self.focusWidget()
        for window in self.card_windows:
            if window.isActiveWindow() or (active and window.isAncestorOf(active)):
                return window.card
        widget = self.cards.currentWidget()
        return widget if isinstance(widget, DossierCard) else None

    def new_customer(self) -> None:
        self.open_card(None)

    def save_current(self) -> None:
        card = self.current_card()
        if card is not None:
            card.save()

    def close_card_at(self, index: int) -> bool:
        card = self.cards.widget(index)
        if isinstance(card, DossierCard) and not card.confirm_close():
            return False
        self.cards.removeTab(index)
        if card is not None:
            card.deleteLater()
        if self.cards.count() == 0:
            self.cards.hide()
        return True

    def close_current_card(self) -> None:
        index = self.cards.currentIndex()
        if index >= 0:
            self.close_card_at(index)

    def detach_current_card(self) -> None:
        index = self.cards.currentIndex()
        card = self.cards.widget(index)
        if not isinstance(card, DossierCard):
            return
        self.cards.removeTab(index)
        if self.cards.count() == 0:
            self.cards.hide()
        card.setParent(None)
        self._show_in_window(card)

    def _close_erased(self, card: DossierCard) -> None:
        """A customer erased from its own card: the card goes (nothing left to save)."""
        card._set_dirty(False)
        index = self.cards.indexOf(card)
        if index >= 0:
            self.close_card_at(index)
        else:
            window = card.window()
            if window is not card:
                window.close()
        self.statusBar().showMessage(self.tr("Customer erased"), 4000)

    def _on_card_saved(self, customer_id: int) -> None:
        self.statusBar().showMessage(self.tr("Saved"), 3000)
        self.list_view.select_id(customer_id)

    def archive_current(self) -> None:
        card = self.current_card()
        if card is not None:
            card.toggle_archived()
            return
        customer_id = self.list_view.current_id()
        if customer_id is not None:
            card = self.open_card(customer_id)
            if card is not None:
                card.toggle_archived()

    def _cards_may_close(self) -> bool:
        """Ask about every card with unsaved changes; False when one of them stays open."""
        for window in list(self.card_windows):
            if not window.card.confirm_close():
                return False
        for index in range(self.cards.count()):
            card = self.cards.widget(index)
            if isinstance(card, DossierCard) and not card.confirm_close():
                self.cards.setCurrentIndex(index)
                return False
        return True

    def _close_card_windows(self) -> None:
        for window in list(self.card_windows):
            window.hide()
            window.deleteLater()
        self.card_windows.clear()


__all__ = ["CardTabs", "CardWindow"]
