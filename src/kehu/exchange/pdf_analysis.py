"""An analysis report to PDF: title, a vector chart (reportlab.graphics: pie, bars with a
cumulative line, lines) and the table, in an embedded CJK font."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kehu.exchange.fonts import pdf_fonts
from kehu.exchange.pdf_layout import markup

PALETTE = [
    colors.HexColor(c)
    for c in (
        "#4472C4",
        "#ED7D31",
        "#A5A5A5",
        "#FFC000",
        "#5B9BD5",
        "#70AD47",
        "#264478",
        "#9E480E",
    )
]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,}"
    return str(value)


def write(report: Any, path: Path, font: str | None = None) -> int:
    """Write the report; returns the number of pages."""
    fonts = pdf_fonts(font)
    size = landscape(A4)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=report.title,
    )
    title = ParagraphStyle("t", fontName=fonts.bold, fontSize=16, leading=20)
    body = ParagraphStyle("b", fontName=fonts.regular, fontSize=9, leading=12)
    story: list = [
        Paragraph(markup(report.title), title),
        Paragraph(markup(report.subtitle), body),
        Spacer(1, 4 * mm),
    ]
    width = size[0] - 30 * mm
    story.append(chart_drawing(report.chart, fonts.regular, width, 75 * mm))
    story.append(Spacer(1, 4 * mm))
    data = [list(report.columns)] + [[_text(v) for v in row] for row in report.rows]
    table = Table(data, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
                ("FONTNAME", (0, 0), (-1, 0), fonts.bold),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
            ]
            + [  # figures to the right, text to the left
                ("ALIGN", (c, r), (c, r), "RIGHT")
                for r, row in enumerate(report.rows, start=1)
                for c, value in enumerate(row)
                if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 3 * mm))
    story += [Paragraph(markup(note), body) for note in report.notes]
    pages = []
    doc.build(
        story, onLaterPages=lambda c, d: pages.append(1), onFirstPage=lambda c, d: pages.append(1)
    )
    return len(pages)


def chart_drawing(spec: Any, font: str, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, spec.title, fontName=font, fontSize=10))
    if not spec.categories:
        return drawing
    if spec.kind == "pie":
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 20, 10, height - 30, height - 30
        values = spec.series[0][1]
        pie.data = [max(v, 0) for v in values]
        total = sum(pie.data) or 1
        pie.labels = [f"{v * 100 / total:.1f}%" for v in pie.data]
        pie.slices.fontName = font
        pie.slices.fontSize = 7
        for i in range(len(values)):
            pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
        drawing.add(pie)
        legend = Legend()
        legend.x, legend.y = height + 10, height - 25
        legend.alignment = "right"  # the swatch left of the text
        legend.columnMaximum = 14
        legend.fontName, legend.fontSize = font, 8
        legend.colorNamePairs = [
            (PALETTE[i % len(PALETTE)], f"{name}  {label}")
            for i, (name, label) in enumerate(zip(spec.categories, pie.labels, strict=True))
        ]
        drawing.add(legend)
        return drawing
    if spec.kind == "pareto":
        bars = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = 45, 25, width - 90, height - 45
        bars.data = [spec.series[0][1]]
        bars.bars[0].fillColor = PALETTE[0]
        bars.categoryAxis.categoryNames = spec.categories
        bars.categoryAxis.labels.fontName = font
        bars.categoryAxis.labels.fontSize = 5
        bars.categoryAxis.labels.angle = 60
        bars.categoryAxis.labels.boxAnchor = "ne"
        bars.valueAxis.labels.fontName = font
        bars.valueAxis.labels.fontSize = 7
        bars.valueAxis.valueMin = 0
        drawing.add(bars)
        line = HorizontalLineChart()
        line.x, line.y, line.width, line.height = bars.x, bars.y, bars.width, bars.height
        line.data = [spec.series[1][1]]
        line.lines[0].strokeColor = PALETTE[1]
        line.valueAxis.valueMin, line.valueAxis.valueMax = 0, 100
        line.valueAxis.visible = False
        line.categoryAxis.visible = False
        drawing.add(line)
        drawing.add(
            String(
                width - 40,
                height - 10,
                f"— {spec.series[1][0]}",
                fontName=font,
                fontSize=8,
                fillColor=PALETTE[1],
            )
        )
        return drawing
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 55, 25, width - 170, height - 45
    chart.data = [values for _name, values in spec.series]
    chart.categoryAxis.categoryNames = spec.categories
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    for i in range(len(spec.series)):
        chart.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 105, height - 25
    legend.alignment = "right"
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], name) for i, (name, _v) in enumerate(spec.series)
    ]
    drawing.add(legend)
    return drawing
