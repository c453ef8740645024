"""Put the Analysis view into the main window: a tab, and its clicks filter the customer list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from .view import AnalysisView


def install(window: Any) -> AnalysisView:
    """Add the view to `window` (a MainWindow with `add_view`, `views` and the list model)."""
    view = AnalysisView(window.session, window)
    window.add_view(view, QCoreApplication.translate("AnalysisView", "Analysis"))

    def show_list() -> None:
        window.views.setCurrentIndex(0)

    def category(category_id: int) -> None:
        window._apply_spec(
            window.model.spec.with_(category_id=category_id, unclassified_scheme=None, ids=None)
        )
        show_list()

    def unclassified(scheme_id: int) -> None:
        window._apply_spec(
            window.model.spec.with_(category_id=None, unclassified_scheme=scheme_id, ids=None)
        )
        show_list()

    def customers(ids: list[int]) -> None:
        window._apply_spec(
            window.model.spec.with_(category_id=None, unclassified_scheme=None, ids=tuple(ids))
        )
        show_list()

    view.category_chosen.connect(category)
    view.unclassified_chosen.connect(unclassified)
    view.customers_chosen.connect(customers)
    view.open_customer_requested.connect(window.open_card)
    return view
