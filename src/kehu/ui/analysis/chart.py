"""QtCharts charts of an analysis report's chart spec: a pie for shares, bars with a
cumulative line for ABC (Pareto), lines for the trend."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import Qt
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
        bar_set = QBarSet(spec.series[0][0])
        bar_set.append(spec.series[0][1])
        bars.append(bar_set)
        chart.addSeries(bars)
        line = QLineSeries()
        line.setName(spec.series[1][0])
        for index, value in enumerate(spec.series[1][1]):
            line.append(index, value)
        chart.addSeries(line)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        left, right = QValueAxis(), QValueAxis()
        left.setLabelFormat("%.0f")
        left.setMin(0)
        right.setRange(0, 100)
        right.setLabelFormat("%.0f%%")
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(axis_x)
        bars.attachAxis(left)
        line.attachAxis(axis_x)
        line.attachAxis(right)
        return chart
    axis_x.setLabelsAngle(-90)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    axis_y = QValueAxis()
    axis_y.setMin(0)
    axis_y.setLabelFormat("%.0f")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    top = 0.0
    for name, values in spec.series:
        line = QLineSeries()
        line.setName(name)
        for index, value in enumerate(values):
            line.append(index, value)
            top = max(top, value)
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    axis_y.setMax(top * 1.1 or 1)
    return chart


RENDER_HINT = QPainter.RenderHint.Antialiasing
