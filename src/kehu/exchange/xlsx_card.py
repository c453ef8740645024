"""The client card (客户档案) as an Excel sheet, built the way the seed describes it:

a title merged and centred over the card in 宋体 20 pt; labels and values centred; column
widths fitted to the content; thin borders on every cell; key items (name, code, grade,
credit status and limit, key persons) filled with colour; the four parts of the dossier as
blocks, then key persons and recent visits. A4 page setup. One sheet per customer.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kehu.core.fields import (
    DOSSIER_PARTS,
    PERSON_FIELDS,
    FieldDef,
    Kind,
    Section,
    customer_field,
    fields_in,
    section_label,
)
from kehu.core.schemes import GRADE_SCHEME
from kehu.core.values import display
from kehu.db.models import Category, CustomerCategory, Scheme, User, Visit
from kehu.exchange.xlsx_safety import safe_cell_value
from kehu.exchange.xlsx_sheets import unique_sheet_name

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
VISIT_KINDS = {"routine": "日常报告", "urgent": "紧急报告", "periodic": "定期报告"}
_PERSON = {f.name: f for f in PERSON_FIELDS}


def text_width(text: str) -> int:
    """Display width in Excel character units: CJK and full-width characters count double."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


class CardSheet:
    """Lays out one card; remembers widths needed per column and the key cells."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.row = 1
        self.widths = [MIN_WIDTH] * COLUMNS
        self.key_cells: list[str] = []

    def put(
        self, row: int, col: int, value: Any, span: int = 1, label: bool = False, key: bool = False
    ) -> None:
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
        self.ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        self.ws.sheet_view.showGridLines = False


def write_cards(path: Path, ids: list[int], user: User, title: str = "") -> int:
    from kehu.services import dossiers

    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    context = _Context()
    for cid in ids:
        dossier = dossiers.load(cid, user)
        name = dossier.values.get("name") or dossier.code
        ws = workbook.create_sheet(unique_sheet_name(name, used))
        _card(ws, dossier, context, title_is_name=title == "name")
    workbook.save(path)
    return len(ids)


class _Context:
    def __init__(self) -> None:
        self.schemes = list(Scheme.select().order_by(Scheme.position, Scheme.id))
        self.categories = {c.id: c for c in Category.select()}
        self.users = dict(User.select(User.id, User.display_name).tuples())

    def path(self, category_id: int) -> str:
        parts, current = [], self.categories.get(category_id)
        while current is not None and len(parts) < 20:
            parts.append(current.name)
            current = self.categories.get(current.parent_id) if current.parent_id else None
        return "/".join(reversed(parts))


def _item(name: str, values: dict[str, Any]) -> tuple[str, str, bool, bool]:
    f = customer_field(name)
    return f.zh, display(f, values.get(name)), f.key, f.kind is Kind.LONGTEXT


def _card(ws: Any, dossier: Any, context: _Context, title_is_name: bool) -> None:
    card = CardSheet(ws)
    values = dossier.values
    title = values.get("name") if title_is_name and values.get("name") else "客户档案"
    ws.cell(1, 1, title).font = TITLE_FONT
    ws.cell(1, 1).alignment = CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=COLUMNS)
    ws.row_dimensions[1].height = 36
    card.row = 2
    card.heading(section_label(Section.IDENTITY, "zh_CN"))
    identity: list[tuple[str, str, bool, bool]] = [("客户编号", dossier.code or "", True, False)]
    identity += [
        _item(f.name, values)
        for f in fields_in(Section.IDENTITY)
        if f.name not in ("code", "latitude", "longitude")
    ]
    identity += _classification(dossier, context)
    card.pairs(identity)
    for section in DOSSIER_PARTS:
        card.heading(section_label(section, "zh_CN"))
        card.pairs([_item(f.name, values) for f in fields_in(section)])
    card.heading(section_label(Section.MANAGEMENT, "zh_CN"))
    owner = context.users.get(dossier.owner_id, "")
    card.pairs(
        [
            ("负责人", owner, False, False),
            _item("source", values),
            _item("review_state", values),
            ("状态", "已归档" if dossier.status == "archived" else "正常", False, False),
        ]
    )
    _persons(card, dossier)
    _visits(card, dossier.id, context)
    card.finish()


def _classification(dossier: Any, context: _Context) -> list[tuple[str, str, bool, bool]]:
    assigned = dict(
        CustomerCategory.select(CustomerCategory.scheme, CustomerCategory.category)
        .where(CustomerCategory.customer == dossier.id)
        .tuples()
    )
    return [
        (
            scheme.name,
            context.path(assigned[scheme.id]) if scheme.id in assigned else "",
            scheme.key == GRADE_SCHEME,
            False,
        )
        for scheme in context.schemes
    ]


def _persons(card: CardSheet, dossier: Any) -> None:
    card.heading(section_label(Section.PERSON, "zh_CN"), key=True)
    fields: list[FieldDef] = [_PERSON[n] for n in PERSON_COLUMNS]
    rows = [[display(f, p.get(f.name)) for f in fields] for p in dossier.persons]
    if not rows:
        rows = [["", "", "", "", "", ""]]
    card.table([f.zh for f in fields], rows, [1] * COLUMNS, key_column=1)


def _visits(card: CardSheet, customer_id: int, context: _Context) -> None:
    card.heading("最近拜访")
    visits = (
        Visit.select()
        .where(Visit.customer == customer_id)
        .order_by(Visit.visit_date.desc(), Visit.id.desc())
        .limit(RECENT_VISITS)
    )
    rows = [
        [
            v.visit_date.isoformat() if isinstance(v.visit_date, dt.date) else str(v.visit_date),
            VISIT_KINDS.get(v.kind, v.kind),
            context.users.get(v.salesperson_id, ""),
            v.content or "",
            v.next_visit_on.isoformat()
            if isinstance(v.next_visit_on, dt.date)
            else (v.next_visit_on or ""),
        ]
        for v in visits
    ]
    if not rows:
        rows = [["", "", "", "（暂无拜访记录）", ""]]
    card.table(
        ["日期", "类型", "销售员", "内容", "下次拜访"], rows, [1, 1, 1, 2, 1], key_column=None
    )
