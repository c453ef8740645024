"""What every printed document shares: paragraph styles, the page frame, the footer (printed
by, date, page x/y counted per card or per route), running headers and the watermark.

Page numbers need the page count, which is known only at the end: the canvas keeps each
finished page and draws the footers when the document is saved (the usual reportlab
"numbered canvas" technique, grouped so that a batch of cards numbers each card on its own).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from kehu.core.i18n import N_, translate
from kehu.exchange.fonts import PdfFonts

ACCENT = colors.HexColor("#1F4E79")
ACCENT_LIGHT = colors.HexColor("#DCE6F1")
LABEL_FILL = colors.HexColor("#F2F2F2")
KEY_FILL = colors.HexColor("#FFF2CC")
RULE = colors.HexColor("#808080")
MUTED = colors.HexColor("#595959")

PAGE_SIZES = {"A4": A4, "A5": A5}


@dataclass
class Styles:
    """Paragraph styles of one document, scaled to its page size."""

    fonts: PdfFonts
    base: float = 9.5  # body font size

    def __post_init__(self) -> None:
        b, reg, bold = self.base, self.fonts.regular, self.fonts.bold
        common = dict(wordWrap="CJK", splitLongWords=True, bulletFontName=reg)
        self.body = ParagraphStyle("body", fontName=reg, fontSize=b, leading=b * 1.38, **common)
        self.small = ParagraphStyle(
            "small", parent=self.body, fontSize=b * 0.85, leading=b * 1.15, textColor=MUTED
        )
        self.label = ParagraphStyle(
            "label", parent=self.body, fontName=bold, fontSize=b * 0.92, leading=b * 1.25
        )
        self.head = ParagraphStyle(
            "head", parent=self.label, textColor=colors.white, fontSize=b * 1.05
        )
        self.title = ParagraphStyle(
            "title", parent=self.body, fontName=bold, fontSize=b * 1.9, leading=b * 2.3
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=self.body, fontSize=b * 1.05, leading=b * 1.4, textColor=MUTED
        )
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.badge = ParagraphStyle(
            "badge",
            parent=self.body,
            fontName=bold,
            fontSize=b * 1.25,
            leading=b * 1.6,
            alignment=TA_CENTER,
            textColor=colors.white,
        )
        self.badge_small = ParagraphStyle(
            "badge_small", parent=self.badge, fontSize=b * 0.9, leading=b * 1.2
        )

    def p(self, text: Any, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup(text), style or self.body)


def markup(text: Any) -> str:
    """Plain text → Paragraph markup: escaped, line breaks kept."""
    if text is None:
        return ""
    return escape(str(text)).replace("\r\n", "\n").replace("\n", "<br/>")


@dataclass
class PageInfo:
    """What the page decoration needs to know about the document and who prints it."""

    fonts: PdfFonts
    lang: str
    printed_by: str
    printed_at: dt.datetime
    title: str
    watermark: bool = False
    group_label: str = "document"  # "card" numbers pages per card, "document" per document
    header_on_continuation: bool = True

    @property
    def stamp(self) -> str:
        return self.printed_at.strftime("%Y-%m-%d %H:%M")


class GroupStart(Flowable):
    """Zero-size marker: pages from here on belong to `key` (a card, a route)."""

    def __init__(self, key: Any, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title
        self.width = self.height = 0

    def wrap(self, *_args) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.kehu_group = (self.key, self.title)


class DecoratedCanvas(Canvas):
    """Keeps finished pages and draws footers, running headers and watermarks on save."""

    def __init__(self, *args, page_info: PageInfo, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.page_info = page_info
        self.kehu_group: tuple[Any, str] = (None, page_info.title)
        self._finished: list[tuple[dict, tuple[Any, str]]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._finished.append((dict(self.__dict__), self.kehu_group))
        self._startPage()

    def save(self) -> None:
        totals = Counter(group[0] for _, group in self._finished)
        seen: Counter = Counter()
        for state, group in self._finished:
            seen[group[0]] += 1
            self.__dict__.update(state)
            decorate(self, self.page_info, group[1], seen[group[0]], totals[group[0]])
            Canvas.showPage(self)
        Canvas.save(self)

    @property
    def page_count(self) -> int:
        return len(self._finished)


def decorate(canv: Canvas, info: PageInfo, group_title: str, page: int, pages: int) -> None:
    width, height = canv._pagesize
    margin = page_margin((width, height))
    canv.saveState()
    font, size = info.fonts.regular, 7.5
    canv.setFont(font, size)
    canv.setFillColor(MUTED)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    y = margin * 0.55
    canv.line(margin, y + size * 1.4, width - margin, y + size * 1.4)
    left = translate(
        N_("Printed by {name}, {stamp}"), info.lang, name=info.printed_by, stamp=info.stamp
    )
    canv.drawString(margin, y, left)
    canv.drawRightString(
        width - margin, y, translate(N_("Page {page}/{pages}"), info.lang, page=page, pages=pages)
    )
    middle = _fit(group_title, font, size, width - 2 * margin - 2 * stringWidth(left, font, size))
    canv.drawCentredString(width / 2, y, middle)
    if page > 1 and info.header_on_continuation:
        canv.setFont(info.fonts.bold, 8.5)
        canv.drawString(
            margin, height - margin * 0.6, group_title + translate(N_(" (cont.)"), info.lang)
        )
        canv.line(margin, height - margin * 0.6 - 4, width - margin, height - margin * 0.6 - 4)
    canv.restoreState()
    if info.watermark:
        draw_watermark(canv, info)


def _fit(text: str, font: str, size: float, room: float) -> str:
    if room <= 0:
        return ""
    while text and stringWidth(text, font, size) > room:
        text = text[:-2] + "…" if len(text) > 2 else ""
    return text


def draw_watermark(canv: Canvas, info: PageInfo) -> None:
    """User and time, diagonally across the page, light enough to read the page through."""
    width, height = canv._pagesize
    text = f"{info.printed_by}  {info.stamp}"
    canv.saveState()
    canv.setFillColor(colors.HexColor("#9E9E9E"))
    canv.setFillAlpha(0.22)
    size = 16 if width < 450 else 20
    canv.setFont(info.fonts.regular, size)
    step_x, step_y = stringWidth(text, info.fonts.regular, size) + 70, 150
    canv.translate(width / 2, height / 2)
    canv.rotate(35)
    reach = math.hypot(width, height) / 2
    y = -reach
    row = 0
    while y < reach:
        x = -reach - (row % 2) * step_x / 2
        while x < reach:
            canv.drawString(x, y, text)
            x += step_x
        y += step_y
        row += 1
    canv.restoreState()


def page_margin(pagesize: tuple[float, float]) -> float:
    return 10 * mm if min(pagesize) < 430 else 14 * mm


@dataclass
class DocumentSpec:
    path: Path
    pagesize: tuple[float, float]
    info: PageInfo
    top_extra: float = 0  # room reserved under the top margin
    on_progress: Callable[[str, int], None] | None = None
    meta: dict[str, str] = field(default_factory=dict)


def build(spec: DocumentSpec, story: list[Flowable]) -> int:
    """Lay out `story` into the PDF at `spec.path`; returns the number of pages."""
    width, height = spec.pagesize
    margin = page_margin(spec.pagesize)
    frame = Frame(
        margin,
        margin,
        width - 2 * margin,
        height - 2 * margin - spec.top_extra,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc = BaseDocTemplate(
        str(spec.path),
        pagesize=spec.pagesize,
        title=spec.info.title,
        author=spec.info.printed_by,
        creator="kehu",
        subject=spec.meta.get("subject", ""),
        initialFontName=spec.info.fonts.regular,
        lang="zh-CN" if spec.info.lang.startswith("zh") else "en",
        invariant=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    if spec.on_progress:
        doc.setProgressCallBack(spec.on_progress)
    canv_ref: list[DecoratedCanvas] = []

    def maker(*args, **kwargs) -> DecoratedCanvas:
        canv = DecoratedCanvas(*args, page_info=spec.info, **kwargs)
        canv_ref.append(canv)
        return canv

    doc.build(story, canvasmaker=maker)
    return canv_ref[-1].page_count if canv_ref else 0


def content_width(pagesize: tuple[float, float]) -> float:
    return pagesize[0] - 2 * page_margin(pagesize)


def landscape_a4() -> tuple[float, float]:
    return landscape(A4)
