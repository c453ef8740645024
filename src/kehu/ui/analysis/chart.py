"""QtCharts charts of an analysis report's chart spec: a pie for shares, bars with a
cumulative line for ABC (Pareto), lines for the trend."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPainter

from kehu.services.analysis_report import Chart


def build_chart(spec: Chart) -> QChart:
    chart = QChart()
    chart.setTitle(spec.title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    if not spec.categories:
        return chart
    if spec.kind == "pie":
        series = QPieSeries()
        series.setPieSize(0.8)
        values = spec.series[0][1]
        total = sum(v for v in values if v > 0) or 1
        names = []
        for name, value in zip(spec.categories, values, strict=True):
            share = f"{max(value, 0) * 100 / total:.1f}%"
            part = series.append(share, max(value, 0))
            part.setLabelPosition(QPieSlice.LabelPosition.LabelInsideNormal)
            part.setLabelVisible(value * 100 / total >= 3)  # thin slices: the legend says it
            part.setLabelColor(Qt.GlobalColor.white)
            names.append(f"{name} {share}")
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        for marker, text in zip(chart.legend().markers(series), names, strict=False):
            marker.setLabel(text)
        return chart
    axis_x = QBarCategoryAxis()
    axis_x.append(spec.categories)
    small = QFont()
    small.setPointSize(7)
    axis_x.setLabelsFont(small)
    if spec.kind == "pareto":
        axis_x.setLabelsAngle(-90)
        bars = QBarSeries()
        name, values = spec.series[0]
        scale = _money_scale(spec, values)
        bar_set = QBarSet(_scaled_name(name, scale))
        bar_set.append([v / scale for v in values])
        bars.append(bar_set)
        chart.addSeries(bars)
        line = QLineSeries()
        line.setName(spec.series[1][0])
        for index, value in enumerate(spec.series[1][1]):
            line.append(index, value)
        chart.addSeries(line)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        ranks = _rank_axis(spec.categories, small)
        if ranks is not None:  # too many bars for a label each: a few ranks on a value axis
            axis_x.setLabelsVisible(False)
            axis_x.setGridLineVisible(False)
            chart.addAxis(ranks, Qt.AlignmentFlag.AlignBottom)
            line_x = ranks
        else:
            line_x = axis_x
        left, right = QValueAxis(), QValueAxis()
        left.setMin(0)
        right.setRange(0, 100)
        right.setLabelFormat("%.0f%%")
        left.setLabelFormat("%.1f" if scale > 1 else "%.0f")
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(axis_x)
        bars.attachAxis(left)
        line.attachAxis(line_x)
        line.attachAxis(right)
        return chart
    axis_x.setLabelsAngle(-90)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    axis_y = QValueAxis()
    axis_y.setMin(0)
    scale = _money_scale(spec, [v for _n, vs in spec.series for v in vs])
    axis_y.setLabelFormat("%.1f" if scale > 1 else "%.0f")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    top = 0.0
    for name, values in spec.series:
        line = QLineSeries()
        line.setName(_scaled_name(name, scale))
        for index, value in enumerate(values):
            line.append(index, value / scale)
            top = max(top, value / scale)
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    axis_y.setMax(top * 1.1 or 1)
    return chart


MAX_LABELS = 12  # bars that each keep their own label under them
TEN_THOUSAND = 10_000.0  # 万: amounts from 100,000 yuan on are shown in 万元


def _rank_axis(categories: list[str], font: QFont) -> QCategoryAxis | None:
    """For more bars than labels fit under (a bar's label is cut to the bar's width): an axis
    over the bars' positions labelled with the first rank of every n-th bar ("1", "66",
    "131"…), or None when each bar can keep its own label."""
    if len(categories) <= MAX_LABELS:
        return None
    every = -(-len(categories) // 6)
    axis = QCategoryAxis()
    axis.setLabelsFont(font)
    axis.setRange(-0.5, len(categories) - 0.5)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for index in range(0, len(categories), every):
        axis.append(categories[index].split("–")[0], index)
    axis.setTitleText(QCoreApplication.translate("AnalysisChart", "Rank"))
    axis.setTitleFont(font)
    return axis


def _money_scale(spec: Chart, values: list[float]) -> float:
    """1, or 10,000 for amounts that reach 100,000 yuan: the axis then reads 17.2 (万元)
    instead of 171846."""
    return TEN_THOUSAND if spec.money and max(values, default=0) >= 10 * TEN_THOUSAND else 1.0


def _scaled_name(name: str, scale: float) -> str:
    if scale == 1:
        return name
    unit = QCoreApplication.translate("AnalysisChart", "10,000 yuan")
    for yuan, scaled in (("（元）", f"（{unit}）"), ("(yuan)", f"({unit})")):
        if yuan in name:  # "Sales (yuan)", as the report names the column
            return name.replace(yuan, scaled, 1)
    return f"{name} ({unit})"


RENDER_HINT = QPainter.RenderHint.Antialiasing
