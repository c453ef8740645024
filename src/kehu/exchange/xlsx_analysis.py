"""An analysis report to Excel: the table, and beside it a native Excel chart over its cells
(pie for shares, bars with a cumulative line for ABC, lines for the trend).

Plain data in (`title`, `subtitle`, `columns`, `rows`, `notes`, a chart spec with `kind`,
`title`, `categories`, `series`), a file out; who may see what was decided before.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kehu.exchange.xlsx_saving import save_book

HEADER_ROW = 4
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FILL = PatternFill("solid", fgColor="DDEBF7")


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # formula injection neutralised
    return value


def write(report: Any, path: Path) -> int:
    """Write the report; returns the number of table rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = report.title[:31]
    sheet["A1"] = report.title
    sheet["A1"].font = Font(name="SimSun", size=16, bold=True)
    sheet["A2"] = report.subtitle
    for col, name in enumerate(report.columns, start=1):
        cell = sheet.cell(HEADER_ROW, col, name)
        cell.font, cell.fill, cell.border = Font(bold=True), _FILL, _BORDER
        cell.alignment = Alignment(horizontal="center")
    for r, row in enumerate(report.rows, start=HEADER_ROW + 1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, _value(value))
            cell.border = _BORDER
            if isinstance(value, Decimal):
                cell.number_format = "#,##0.00" if value.as_tuple().exponent == -2 else "0.0"
    last = HEADER_ROW + len(report.rows)
    for n, note in enumerate(report.notes, start=last + 2):
        sheet.cell(n, 1, note)
    for col, name in enumerate(report.columns, start=1):
        width = max(
            [len(str(name)) * 2]
            + [len(str(row[col - 1])) + 2 for row in report.rows if col - 1 < len(row)]
        )
        sheet.column_dimensions[get_column_letter(col)].width = min(max(width, 8), 40)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    chart = _chart(report, sheet, last + len(report.notes) + 3)
    if chart is not None:
        sheet.add_chart(chart, f"{get_column_letter(len(report.columns) + 2)}{HEADER_ROW}")
    save_book(book, path)
    return len(report.rows)


def _chart(report: Any, sheet, at: int):
    """The chart over its own block of cells (categories and series, written at row `at`,
    below the table and notes): the table may hold rows the chart leaves out (sub-categories,
    empty ones)."""
    spec = report.chart
    points = len(spec.categories)
    if not points:
        return None
    sheet.cell(at, 1, spec.title)
    for c, (name, values) in enumerate(spec.series, start=2):
        sheet.cell(at, c, name)
        for r, value in enumerate(values, start=at + 1):
            sheet.cell(r, c, value)
    for r, name in enumerate(spec.categories, start=at + 1):
        sheet.cell(r, 1, _value(name))
    end = at + points
    labels = Reference(sheet, min_col=1, min_row=at + 1, max_row=end)

    def data(first_col: int, last_col: int | None = None) -> Reference:
        return Reference(
            sheet, min_col=first_col, max_col=last_col or first_col, min_row=at, max_row=end
        )

    if spec.kind == "pie":
        chart = PieChart()
        chart.add_data(data(2), titles_from_data=True)
        chart.set_categories(labels)
        chart.dataLabels = DataLabelList()
        chart.dataLabels.showPercent = True
    elif spec.kind == "pareto":
        chart = BarChart()
        chart.add_data(data(2), titles_from_data=True)
        chart.set_categories(labels)
        line = LineChart()
        line.add_data(data(3), titles_from_data=True)
        line.y_axis.axId = 200
        line.y_axis.title = "%"
        line.y_axis.scaling.min, line.y_axis.scaling.max = 0, 100
        line.y_axis.crosses = "max"
        chart += line
    else:
        chart = LineChart()
        chart.add_data(data(2, 1 + len(spec.series)), titles_from_data=True)
        chart.set_categories(labels)
    chart.title = spec.title
    chart.width, chart.height = 18, 10
    return chart
