"""The "copy of personal data" (个人信息副本, PIPL Art. 45) as PDF: a title, a few lines saying
whose data and when, then one table per section (the person's fields, the history of their
values, the uses of the dossier), in the embedded CJK font of every printed document.

Plain data in: the same `xlsx_export.Table`s the Excel copy is written from.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from kehu.exchange.fonts import pdf_fonts
from kehu.exchange.pdf_layout import ACCENT_LIGHT, Styles, markup
from kehu.exchange.xlsx_export import Table

MARGIN = 15 * mm


def _widths(columns: int, width: float) -> list[float]:
    if columns == 2:  # field and value
        return [width * 0.3, width * 0.7]
    first = 36 * mm  # a date and time
    return [first] + [(width - first) / (columns - 1)] * (columns - 1)


def _cell(value: Any, style) -> Paragraph:
    return Paragraph(markup("" if value is None else value), style)


def write_copy(
    path: Path, title: str, lines: Sequence[str], tables: Sequence[Table], font: str | None = None
) -> int:
    """Write the copy; returns the number of pages."""
    styles = Styles(pdf_fonts(font), base=9)
    width = A4[0] - 2 * MARGIN
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
    )
    story: list = [Paragraph(markup(title), styles.title), Spacer(1, 2 * mm)]
    story += [Paragraph(markup(line), styles.body) for line in lines]
    for table in tables:
        story += [Spacer(1, 5 * mm), Paragraph(markup(table.title), styles.label)]
        story.append(Spacer(1, 1.5 * mm))
        data = [[_cell(label, styles.label) for label in table.labels]]
        data += [[_cell(value, styles.body) for value in row] for row in table.rows]
        if len(data) == 1:
            data.append([_cell("—", styles.body)] + [""] * (len(table.labels) - 1))
        grid = PdfTable(data, colWidths=_widths(len(table.labels), width), repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(grid)
    pages: list[int] = []
    doc.build(
        story,
        onFirstPage=lambda _c, _d: pages.append(1),
        onLaterPages=lambda _c, _d: pages.append(1),
    )
    return len(pages)
