"""The charts of the Analysis view stay readable: a Pareto of many bars labels a few ranks on
an axis of its own (a label per bar was cut to "⋮"), and amounts from 100,000 yuan on read in
10,000 yuan (17.2, not 171846)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QCategoryAxis, QValueAxis

from kehu.services.analysis_report import Chart
from kehu.ui.analysis.chart import build_chart


def _pareto(bars: int, top: float) -> Chart:
    categories = [f"{i * 13 + 1}–{i * 13 + 13}" for i in range(bars)]
    amounts = [top / (i + 1) for i in range(bars)]
    shares = [round(100 * (i + 1) / bars, 1) for i in range(bars)]
    return Chart("pareto", "ABC", categories, [("Sales (yuan)", amounts), ("%", shares)], True)


def test_many_bars_label_a_few_ranks_and_large_amounts_read_in_ten_thousands(qtbot):
    chart = build_chart(_pareto(40, 171_846.0))
    ranks = [a for a in chart.axes() if isinstance(a, QCategoryAxis)]
    assert len(ranks) == 1 and ranks[0].categoriesLabels()[:3] == ["1", "92", "183"]
    assert len(ranks[0].categoriesLabels()) <= 7
    bars_axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    assert not bars_axis.labelsVisible()
    bar_set = next(s for s in chart.series() if isinstance(s, QBarSeries)).barSets()[0]
    assert bar_set.label() == "Sales (10,000 yuan)"
    assert round(bar_set.at(0), 2) == 17.18


def test_few_bars_keep_their_labels_and_small_amounts_stay_in_yuan(qtbot):
    chart = build_chart(_pareto(8, 50_000.0))
    assert not [a for a in chart.axes() if isinstance(a, QCategoryAxis)]
    bars_axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    assert bars_axis.labelsVisible() and bars_axis.categories()[0] == "1–13"
    bar_set = next(s for s in chart.series() if isinstance(s, QBarSeries)).barSets()[0]
    assert bar_set.label() == "Sales (yuan)" and bar_set.at(0) == 50_000.0
    left = [a for a in chart.axes() if isinstance(a, QValueAxis) and a.labelFormat() == "%.0f"]
    assert left
