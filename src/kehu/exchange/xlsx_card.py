"""The client card (客户档案) as an Excel sheet, built the way the seed describes it:

a title merged and centred over the card in 宋体 20 pt; labels and values centred; column
widths fitted to the content; thin borders on every cell; key items (name, code, grade,
credit status and limit, key persons) filled with colour; the four parts of the dossier as
blocks, then key persons and recent visits. A4 page setup. One sheet per customer.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kehu.core.fields import (
    ARCHIVED,
    CUSTOMER_STATUSES,
    DOSSIER_PARTS,
    PERSON_FIELDS,
    FieldDef,
    Kind,
    Section,
    choice_label,
    customer_field,
    fields_in,
    section_label,
)
from kehu.core.i18n import N_, translate
from kehu.core.jobs import Job, no_job
from kehu.core.values import display
from kehu.exchange.xlsx_safety import MAX_CELL, safe_cell_value
from kehu.exchange.xlsx_saving import save_book
from kehu.exchange.xlsx_sheets import unique_sheet_name

if TYPE_CHECKING:
    from kehu.db.print_data import CardData

COLUMNS = 6
TITLE_FONT = Font(name="宋体", size=20, bold=True)
BODY_FONT = Font(name="宋体", size=11)
LABEL_FONT = Font(name="宋体", size=11, bold=True)
HEADING_FONT = Font(name="宋体", size=12, bold=True)
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
KEY_FILL = PatternFill("solid", fgColor="FFF2CC")  # key items
HEADING_FILL = PatternFill("solid", fgColor="BDD7EE")  # block headings
LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
MIN_WIDTH, MAX_WIDTH = 9, 36
RECENT_VISITS = 10
PERSON_COLUMNS = ("role", "name", "title", "mobile", "phone", "wechat")
_PERSON = {f.name: f for f in PERSON_FIELDS}


def text_width(text: str) -> int:
    """Display width in Excel character units: CJK and full-width characters count double."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _cut(text: str, lang: str) -> str:
    """A text longer than a cell holds, cut with a note saying so (Excel would cut silently)."""
    marker = N_(" … [cut here: a cell holds {limit} characters; {n} more are in the dossier]")
    keep = MAX_CELL - 200  # room for the note in any language
    return text[:keep] + translate(marker, lang, limit=MAX_CELL, n=len(text) - keep)


class CardSheet:
    """Lays out one card; remembers widths needed per column and the key cells."""

    def __init__(self, ws: Any, lang: str) -> None:
        self.ws = ws
        self.lang = lang
        self.row = 1
        self.widths = [MIN_WIDTH] * COLUMNS
        self.key_cells: list[str] = []

    def put(
        self, row: int, col: int, value: Any, span: int = 1, label: bool = False, key: bool = False
    ) -> None:
        if isinstance(value, str) and len(value) > MAX_CELL:
            value = _cut(value, self.lang)
        cell = self.ws.cell(row, col, safe_cell_value(value) if isinstance(value, str) else value)
        cell.font = LABEL_FONT if label else BODY_FONT
        cell.alignment = CENTER
        if key:
            cell.fill = KEY_FILL
            self.key_cells.append(cell.coordinate)
        elif label:
            cell.fill = LABEL_FILL
        if span > 1:
            self.ws.merge_cells(
                start_row=row, start_column=col, end_row=row, end_column=col + span - 1
            )
        text = value.isoformat() if isinstance(value, dt.date) else str(value or "")
        self._fit(row, col, span, text)

    def _fit(self, row: int, col: int, span: int, text: str) -> None:
        longest = max((text_width(line) for line in text.splitlines()), default=0) + 2
        per_column = longest / span
        for index in range(col - 1, col - 1 + span):
            self.widths[index] = max(self.widths[index], min(per_column, MAX_WIDTH))
        available = sum(min(self.widths[i], MAX_WIDTH) for i in range(col - 1, col - 1 + span))
        lines = sum(
            max(1, math.ceil(text_width(line) / max(available - 1, 1)))
            for line in text.splitlines() or [""]
        )
        height = min(409, 16 * lines + 4)
        current = self.ws.row_dimensions[row].height or 20
        self.ws.row_dimensions[row].height = max(current, height)

    def heading(self, text: str, key: bool = False) -> None:
        cell = self.ws.cell(self.row, 1, text)
        cell.font, cell.alignment = HEADING_FONT, CENTER
        cell.fill = KEY_FILL if key else HEADING_FILL
        if key:
            self.key_cells.append(cell.coordinate)
        self.ws.merge_cells(
            start_row=self.row, start_column=1, end_row=self.row, end_column=COLUMNS
        )
        self.ws.row_dimensions[self.row].height = 22
        self.row += 1

    def pairs(self, items: list[tuple[str, str, bool, bool]]) -> None:
        """(label, value, key, long) items, two per row; long text takes the whole row."""
        pending: list[tuple[str, str, bool]] = []
        for label, value, key, long in items:
            if long:
                self._flush(pending)
                pending = []
                self.put(self.row, 1, label, label=True, key=key)
                self.put(self.row, 2, value, span=COLUMNS - 1, key=key)
                self.row += 1
            else:
                pending.append((label, value, key))
                if len(pending) == 2:
                    self._flush(pending)
                    pending = []
        self._flush(pending)

    def _flush(self, pending: list[tuple[str, str, bool]]) -> None:
        if not pending:
            return
        for index, (label, value, key) in enumerate(pending):
            col = 1 + index * 3
            self.put(self.row, col, label, label=True, key=key)
            span = 2 if len(pending) == 2 or index else COLUMNS - 1
            self.put(self.row, col + 1, value, span=span, key=key)
        self.row += 1

    def table(
        self, headers: list[str], rows: list[list[Any]], spans: list[int], key_column: int | None
    ) -> None:
        col = 1
        for header, span in zip(headers, spans, strict=True):
            self.put(self.row, col, header, span=span, label=True)
            col += span
        self.row += 1
        for values in rows:
            col = 1
            for index, (value, span) in enumerate(zip(values, spans, strict=True)):
                self.put(self.row, col, value, span=span, key=index == key_column)
                col += span
            self.row += 1

    def finish(self) -> None:
        last = self.row - 1
        for row in self.ws.iter_rows(min_row=1, max_row=last, max_col=COLUMNS):
            for cell in row:
                cell.border = BORDER
        for index, width in enumerate(self.widths):
            self.ws.column_dimensions[get_column_letter(index + 1)].width = round(width, 1)
        setup = self.ws.page_setup
        setup.paperSize = self.ws.PAPERSIZE_A4
        setup.orientation = "portrait"
        setup.fitToWidth, setup.fitToHeight = 1, 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_options.horizontalCentered = True
        self.ws.page_margins.left = self.ws.page_margins.right = 0.5
        self.ws.page_margins.top = self.ws.page_margins.bottom = 0.6
        self.ws.print_area = f"A1:{get_column_letter(COLUMNS)}{last}"
        self.ws.oddFooter.center.text = translate(N_("Page &P of &N"), self.lang)
        self.ws.sheet_view.showGridLines = False


def write_cards(
    path: Path,
    cards: Iterable[CardData],
    lang: str,
    title_is_name: bool = False,
    job: Job | None = None,
    total: int = 0,
) -> int:
    """One sheet per card (values already masked); returns the number of cards."""
    job = job or no_job()
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    count = 0
    job.stage(N_("Writing cards"), total)
    for data in cards:
        dossier = data.dossier
        name = dossier.values.get("name") or dossier.code
        ws = workbook.create_sheet(unique_sheet_name(name, used))
        _card(ws, data, lang, title_is_name)
        count += 1
        job.progress(count)
    job.check()
    save_book(workbook, path)
    return count


def _item(name: str, values: dict[str, Any], lang: str) -> tuple[str, str, bool, bool]:
    f = customer_field(name)
    return f.label(lang), display(f, values.get(name), lang), f.key, f.kind is Kind.LONGTEXT


def _card(ws: Any, data: CardData, lang: str, title_is_name: bool) -> None:
    card = CardSheet(ws, lang)
    dossier = data.dossier
    values = dossier.values
    title = values.get("name") if title_is_name and values.get("name") else None
    ws.cell(1, 1, title or translate(N_("Client record"), lang)).font = TITLE_FONT
    ws.cell(1, 1).alignment = CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=COLUMNS)
    ws.row_dimensions[1].height = 36
    card.row = 2
    card.heading(section_label(Section.IDENTITY, lang))
    code_label = customer_field("code").label(lang)
    identity: list[tuple[str, str, bool, bool]] = [(code_label, dossier.code or "", True, False)]
    identity += [
        _item(f.name, values, lang)
        for f in fields_in(Section.IDENTITY)
        if f.name not in ("code", "latitude", "longitude")
    ]
    identity += [(scheme, path, is_grade, False) for scheme, path, is_grade in data.schemes]
    card.pairs(identity)
    for section in DOSSIER_PARTS:
        card.heading(section_label(section, lang))
        card.pairs([_item(f.name, values, lang) for f in fields_in(section)])
    card.heading(section_label(Section.MANAGEMENT, lang))
    status = choice_label(
        CUSTOMER_STATUSES, ARCHIVED if dossier.status == ARCHIVED else "active", lang
    )
    card.pairs(
        [
            (translate(N_("Responsible"), lang), data.owner, False, False),
            _item("source", values, lang),
            _item("review_state", values, lang),
            (translate(N_("Status"), lang), status, False, False),
        ]
    )
    _persons(card, dossier.persons, lang)
    _visits(card, data, lang)
    card.finish()


def _persons(card: CardSheet, persons: list[dict[str, Any]], lang: str) -> None:
    card.heading(section_label(Section.PERSON, lang), key=True)
    fields: list[FieldDef] = [_PERSON[n] for n in PERSON_COLUMNS]
    rows = [[display(f, p.get(f.name), lang) for f in fields] for p in persons]
    if not rows:
        rows = [[""] * len(fields)]
    card.table([f.label(lang) for f in fields], rows, [1] * COLUMNS, key_column=1)


def _visits(card: CardSheet, data: CardData, lang: str) -> None:
    card.heading(translate(N_("Recent visits"), lang))
    rows = [
        [
            v.visit_date.isoformat() if isinstance(v.visit_date, dt.date) else str(v.visit_date),
            v.kind,
            v.salesperson,
            v.content,
            v.next_visit_on.isoformat()
            if isinstance(v.next_visit_on, dt.date)
            else (v.next_visit_on or ""),
        ]
        for v in data.visits[:RECENT_VISITS]
    ]
    if not rows:
        rows = [["", "", "", translate(N_("(no visits yet)"), lang), ""]]
    heads = (N_("Date"), N_("Kind"), N_("Salesperson"), N_("Content"), N_("Next visit"))
    card.table([translate(h, lang) for h in heads], rows, [1, 1, 1, 2, 1], key_column=None)
