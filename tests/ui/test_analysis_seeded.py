"""The Analysis tab on a database seeded by the demo generator: it opens and paints each
analysis; the dashboard paints the summaries first and then the customers' lists; the
ranking's arrays are read in the background once the view has painted, and a sale line
added from the card's service is in the next ABC figures."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QLineSeries, QPieSeries

from kehu.core.periods import month_of
from kehu.db import sales_arrays, sales_baseline, sales_queries
from kehu.db.models import Customer, SaleLine
from kehu.services import analysis_abc, demo, sales


@pytest.fixture
def seeded(workspace, user):
    sales_arrays.forget()
    demo.generate(300, seed=5, user=user)
    return user


def _painted(qtbot, view, kind, complete=True):
    qtbot.waitUntil(
        lambda: (
            view.report is not None
            and view.report.analysis == kind
            and (not complete or view._complete == view._generation)
        ),
        timeout=20_000,
    )


def _series(view):
    return view.chart_view.chart().series()


def test_each_analysis_opens_and_paints(qtbot, seeded, window, monkeypatch):
    view = window.analysis_view
    window.views.setCurrentWidget(view)
    _painted(qtbot, view, "composition")
    assert view.model.rowCount() > 3 and isinstance(_series(view)[0], QPieSeries)
    qtbot.waitUntil(
        lambda: any(k[1] == sales_arrays.SALES for k in sales_arrays._cache), timeout=20_000
    )  # read in the background after the first paint

    shown = []
    original = view._show
    monkeypatch.setattr(view, "_show", lambda result: (shown.append(result[0]), original(result)))
    view.analysis_box.setCurrentIndex(view.analysis_box.findData("trend"))
    _painted(qtbot, view, "trend")
    texts = ["\n".join(report.notes) for report in shown]
    period = view.period()
    (top, _amount), *_rest = sales_queries.top_customers(period.first, period.last, None, 1)
    name = Customer.get_by_id(top).name
    assert name in texts[-1] and view.model.rowCount() == 24  # the whole dashboard
    if len(shown) == 2:  # the first paint came first (as it does unless the machine is busy)
        assert name not in texts[0] and shown[0].rows == shown[1].rows
    assert isinstance(_series(view)[0], QLineSeries)

    view.analysis_box.setCurrentIndex(view.analysis_box.findData("abc"))
    _painted(qtbot, view, "abc")
    assert view.proposal is not None and view.model.rowCount() > 10
    assert len(_series(view)) == 2  # bars and the cumulative line
    period = view.period()
    plain = sales_baseline.abc(period.first, period.last, None, view.proposal.scheme_id, (80, 95))
    assert view.proposal.total == plain["total"]

    best = Customer.get_by_id(view.proposal.rows(1)[0].customer_id)
    today = dt.date.today()
    line = sales.SaleInput(today, "", "调味品", "1", "99999.99")
    other = Customer.select().where(Customer.id != best.id, Customer.status == "active").first()
    sales.add_line(seeded, other.id, line)
    assert month_of(today) == period.last
    view.refresh()
    _painted(qtbot, view, "abc")
    assert view.proposal.rows(1)[0].customer_id == other.id
    assert view.model.item(0, 1).text() == other.code
    again = analysis_abc.propose(seeded, period)
    assert again.total == view.proposal.total == plain["total"] + 9999999
    SaleLine.delete().where(SaleLine.customer == other.id, SaleLine.amount == 9999999).execute()
