"""The tables a printed client card is made of: labelled blocks of fields (short ones two to a
row, long texts one to a row), and the table styles the card's other tables share.

Tables split across pages inside rows, so nothing is clipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from kehu.exchange.pdf_layout import ACCENT, KEY_FILL, LABEL_FILL, RULE, Styles


@dataclass
class Cell:
    label: str
    value: str
    key: bool = False
    wide: bool = False


class CardGrid:
    """Tables of a card `width` wide; compact (A5) has narrower labels and padding."""

    def __init__(self, styles: Styles, width: float, compact: bool):
        self.s = styles
        self.width = width
        label_w = 22 * mm if compact else 30 * mm
        value_w = width / 2 - label_w
        self.grid_widths = [label_w, value_w, label_w, value_w]
        self.pad = 2.2 if compact else 3

    def fits_half(self, text: str) -> bool:
        """A long-text field with a short answer shares its row with a neighbour."""
        if "\n" in text:
            return False
        room = 2 * (self.grid_widths[1] - 2 * self.pad) * 0.9
        return stringWidth(text, self.s.body.fontName, self.s.body.fontSize) <= room

    def blocks(self, heading: str, cells: list[Cell]) -> list[Flowable]:
        """A labelled block: runs of short fields two to a row, long texts one to a row.

        Long texts live in two-column tables of their own: a row that is split across pages
        must not span columns (reportlab loses the span width on the continued part).
        """
        runs: list[tuple[bool, list[Cell]]] = []
        for c in cells:
            if runs and runs[-1][0] == c.wide:
                runs[-1][1].append(c)
            else:
                runs.append((c.wide, [c]))
        head = heading
        if not runs:
            return [self._pairs(head, [])]
        return [
            self._wides(head if i == 0 else None, run)
            if wide
            else self._pairs(head if i == 0 else None, run)
            for i, (wide, run) in enumerate(runs)
        ]

    def _pairs(self, head: str | None, cells: list[Cell]) -> Table:
        s = self.s
        rows: list[list[Any]] = [[head, "", "", ""]] if head else []
        style: list[tuple] = self.heading_style(4) if head else []
        style += self.label_columns(0, 2)
        label_w, value_w = self.grid_widths[0], self.grid_widths[1]
        for start in range(0, len(cells), 2):
            pair = cells[start : start + 2]
            row = len(rows)
            line: list[Any] = []
            wide_value = value_w if len(pair) == 2 else self.width - label_w
            for col, c in enumerate(pair):
                line += [self.fit(c.label, s.label, label_w), self.fit(c.value, s.body, wide_value)]
                self._fill(style, c, 2 * col, row, 2 * col + 1)
            if len(pair) == 1:  # a short value: spanning is safe, it never splits
                line += ["", ""]
                style.append(("SPAN", (1, row), (-1, row)))
                if pair[0].key:
                    style.append(("BACKGROUND", (1, row), (-1, row), KEY_FILL))
            rows.append(line)
        return self.table(rows, self.grid_widths, style, repeat=1 if head else 0)

    def _wides(self, head: str | None, cells: list[Cell]) -> Table:
        s = self.s
        rows: list[list[Any]] = [[head, ""]] if head else []
        style: list[tuple] = self.heading_style(2) if head else []
        style += self.label_columns(0)
        label_w = self.grid_widths[0]
        for c in cells:
            self._fill(style, c, 0, len(rows), 1)
            rows.append([self.fit(c.label, s.label, label_w), s.p(c.value)])
        return self.table(rows, [label_w, self.width - label_w], style, repeat=1 if head else 0)

    def _fill(self, style: list[tuple], c: Cell, col: int, row: int, value_col: int) -> None:
        style.append(("BACKGROUND", (col, row), (col, row), KEY_FILL if c.key else LABEL_FILL))
        if c.key:
            style.append(("BACKGROUND", (value_col, row), (value_col, row), KEY_FILL))

    def fit(self, text: str, style: ParagraphStyle, width: float) -> Any:
        """Plain text when it fits on one line: tables draw it directly, far cheaper than a
        Paragraph (a batch of cards has a hundred cells per card); a Paragraph otherwise."""
        if not text:
            return ""
        if "\n" not in text:
            room = width - 2 * self.pad - 0.5
            if stringWidth(text, style.fontName, style.fontSize) <= room:
                return text
        return self.s.p(text, style)

    def label_columns(self, *columns: int) -> list[tuple]:
        s = self.s
        found: list[tuple] = []
        for col in columns:
            found += [
                ("FONTNAME", (col, 0), (col, -1), s.label.fontName),
                ("FONTSIZE", (col, 0), (col, -1), s.label.fontSize),
                ("LEADING", (col, 0), (col, -1), s.label.leading),
            ]
        return found

    def column_heads(self) -> list[tuple]:
        s = self.s
        return [
            ("BACKGROUND", (0, 1), (-1, 1), LABEL_FILL),
            ("FONTNAME", (0, 1), (-1, 1), s.label.fontName),
            ("FONTSIZE", (0, 1), (-1, 1), s.label.fontSize),
            ("LEADING", (0, 1), (-1, 1), s.label.leading),
        ]

    def heading_style(self, columns: int) -> list[tuple]:
        s = self.s
        return [
            ("SPAN", (0, 0), (columns - 1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONTNAME", (0, 0), (-1, 0), s.head.fontName),
            ("FONTSIZE", (0, 0), (-1, 0), s.head.fontSize),
            ("LEADING", (0, 0), (-1, 0), s.head.leading),
        ]

    def table(
        self, rows: list[list[Any]], widths: list[float], extra: list[tuple], repeat: int = 1
    ) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=repeat, splitInRow=1, splitByRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                    ("FONTNAME", (0, 0), (-1, -1), self.s.fonts.regular),
                    ("FONTSIZE", (0, 0), (-1, -1), self.s.body.fontSize),
                    ("LEADING", (0, 0), (-1, -1), self.s.body.leading),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), self.pad),
                    ("RIGHTPADDING", (0, 0), (-1, -1), self.pad),
                    ("TOPPADDING", (0, 0), (-1, -1), self.pad * 0.7),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad),
                    *extra,
                ]
            )
        )
        return table
