"""Address labels on common A4 label sheets (3×8, 2×7, 3×7, 2×8, or any COLS×ROWS).

Each label: postal code, address, customer name, and the first key person ("张三 经理 收").
Text that does not fit is set smaller until it does, never cut. Labels get no footer and no
watermark: both would print on the labels themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kehu.core.i18n import N_, translate
from kehu.exchange.pdf_job import OptionError
from kehu.exchange.pdf_layout import markup

if TYPE_CHECKING:
    from kehu.db.print_data import Address
    from kehu.exchange.pdf_job import PdfJob as Job


@dataclass(frozen=True)
class Sheet:
    """Geometry of a label sheet, in points."""

    cols: int
    rows: int
    width: float  # one label
    height: float
    left: float  # page margin to the first label
    top: float
    gap_x: float = 0
    gap_y: float = 0

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    def origin(self, index: int, page_height: float) -> tuple[float, float]:
        """Bottom-left corner of label `index` (0-based, row by row)."""
        row, col = divmod(index % self.per_page, self.cols)
        x = self.left + col * (self.width + self.gap_x)
        y = page_height - self.top - (row + 1) * self.height - row * self.gap_y
        return x, y


SHEETS = {
    "3x8": Sheet(3, 8, 70 * mm, 37 * mm, 0, 0.5 * mm),
    "2x7": Sheet(2, 7, 99.1 * mm, 38.1 * mm, 4.65 * mm, 15.15 * mm, 2.5 * mm),
    "3x7": Sheet(3, 7, 63.5 * mm, 38.1 * mm, 7.2 * mm, 15.15 * mm, 2.5 * mm),
    "2x8": Sheet(2, 8, 99.1 * mm, 33.9 * mm, 4.65 * mm, 12.9 * mm, 2.5 * mm),
}


def sheet_for(spec: str) -> Sheet:
    """A known sheet, or an even grid COLSxROWS on A4 with 5 mm margins."""
    key = spec.lower().replace("×", "x").replace("*", "x").strip()
    if key in SHEETS:
        return SHEETS[key]
    match = re.fullmatch(r"(\d{1,2})x(\d{1,2})", key)
    if not match or not (1 <= int(match[1]) <= 6 and 1 <= int(match[2]) <= 20):
        raise OptionError(
            N_("The label sheet must be COLSxROWS, e.g. 3x8 or 2x7: {spec}"), spec=spec
        )
    cols, rows = int(match[1]), int(match[2])
    margin = 5 * mm
    return Sheet(
        cols, rows, (A4[0] - 2 * margin) / cols, (A4[1] - 2 * margin) / rows, margin, margin
    )


def attention(a: Address, lang: str) -> str:
    """ "张三 经理 收" / "Attn: Zhang San, manager" for the first key person, or ""."""
    who = " ".join(t for t in (a.person_name, a.person_title) if t)
    return translate(N_("Attn: {who}"), lang, who=who) if who else ""


class LabelPainter:
    def __init__(self, fonts, sheet: Sheet, lang: str) -> None:
        self.fonts, self.sheet, self.lang = fonts, sheet, lang
        self.pad = 4 * mm if sheet.width > 60 * mm else 3 * mm

    def styles(self, size: float) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
        body = ParagraphStyle(
            "label",
            fontName=self.fonts.regular,
            fontSize=size,
            leading=size * 1.25,
            wordWrap="CJK",
            splitLongWords=True,
        )
        name = ParagraphStyle(
            "name", parent=body, fontName=self.fonts.bold, fontSize=size * 1.2, leading=size * 1.45
        )
        code = ParagraphStyle("code", parent=body, fontSize=size * 1.1, leading=size * 1.35)
        return body, name, code

    def paragraphs(self, a: Address, size: float) -> list[Paragraph]:
        body, name, code = self.styles(size)
        parts = []
        if a.postal_code:
            parts.append(Paragraph(markup(a.postal_code), code))
        parts.append(Paragraph(markup(a.address), body))
        parts.append(Paragraph(markup(a.name), name))
        attn = attention(a, self.lang)
        if attn:
            parts.append(Paragraph(markup(attn), body))
        return parts

    def draw(self, canv: Canvas, a: Address, x: float, y: float) -> None:
        room_w = self.sheet.width - 2 * self.pad
        room_h = self.sheet.height - 2 * self.pad
        size = 10.0
        while True:
            parts = self.paragraphs(a, size)
            heights = [p.wrap(room_w, room_h)[1] for p in parts]
            if sum(heights) <= room_h or size <= 5:
                break
            size -= 0.5
        top = y + self.sheet.height - self.pad
        for part, height in zip(parts, heights, strict=True):
            top -= height
            part.drawOn(canv, x + self.pad, top)


def write_labels(job: Job, items: list[Address], path: Path) -> tuple[int, int]:
    """Address labels (no footer, no watermark: they would print on the labels)."""
    sheet = sheet_for(str(job.options.get("labels", "3x8")))
    canv = Canvas(str(path), pagesize=A4, initialFontName=job.fonts.regular, invariant=0)
    canv.setTitle(translate(N_("Address labels"), job.lang))
    canv.setAuthor(job.printed_by)
    canv.setCreator("kehu")
    painter = LabelPainter(job.fonts, sheet, job.lang)
    pages = 0
    outline = str(job.options.get("outline", "")).lower() in ("1", "true", "yes")
    for index, item in enumerate(items):
        if index and index % sheet.per_page == 0:
            canv.showPage()
        if index % sheet.per_page == 0:
            pages += 1
        x, y = sheet.origin(index, A4[1])
        if outline:
            canv.setStrokeGray(0.75)
            canv.setLineWidth(0.3)
            canv.rect(x, y, sheet.width, sheet.height)
        painter.draw(canv, item, x, y)
        if index % 100 == 99:
            job.job.progress(index + 1, len(items), N_("Laying out pages"))
    if not items:
        canv.setFont(job.fonts.regular, 11)
        canv.drawString(20 * mm, A4[1] - 30 * mm, translate(N_("(no customers)"), job.lang))
        pages = 1
    canv.showPage()
    canv.save()
    return len(items), pages
