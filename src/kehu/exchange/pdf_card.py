"""The printed client card (客户档案卡), A4 or A5: a header with name, code, grade and
classifications; identity and the four parts of the dossier as labelled blocks (key items
highlighted); key persons; the last visits. Long texts split across pages (rows split inside),
so nothing is clipped; each card starts on a new page. The tables' layout and styles are in
`pdf_card_grid`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from kehu.core.fields import (
    DOSSIER_PARTS,
    LUNAR,
    PERSON_FIELDS,
    FieldDef,
    Kind,
    Section,
    customer_field,
    fields_in,
    section_label,
)
from kehu.core.i18n import N_, translate
from kehu.core.lunar_dates import lunar_text
from kehu.core.values import display
from kehu.exchange.pdf_card_grid import CardGrid, Cell
from kehu.exchange.pdf_layout import ACCENT, ACCENT_LIGHT, GroupStart, Styles

if TYPE_CHECKING:
    from kehu.db.print_data import CardData

PART_NUMBERS = ("一", "二", "三", "四")
IDENTITY_SKIP = {"code", "name", "short_name", "latitude", "longitude"}
PERSON_COLUMNS_A4 = ("role", "name", "title", "mobile", "phone", "wechat", "email")
PERSON_COLUMNS_A5 = ("role", "name", "title", "mobile", "phone")
PERSON_WIDTHS_A4 = (0.125, 0.11, 0.12, 0.135, 0.14, 0.12, 0.25)
PERSON_WIDTHS_A5 = (0.16, 0.18, 0.20, 0.23, 0.23)
WIDE_TEXT = {"address"}


class CardBuilder:
    """Makes the flowables of one card; one builder serves a whole batch."""

    def __init__(self, styles: Styles, width: float, lang: str, compact: bool):
        self.s = styles
        self.width = width
        self.lang = lang
        self.compact = compact
        self.grid = CardGrid(styles, width, compact)
        self.colon = translate(N_(": "), lang)
        self.gap = "　" if lang.startswith("zh") else "   "  # full-width space in Chinese

    # ---- the whole card -------------------------------------------------------------------
    def card(self, data: CardData, first: bool) -> list[Flowable]:
        dossier = data.dossier
        title = f"{dossier.values.get('name') or ''}（{dossier.code}）"
        story: list[Flowable] = [] if first else [PageBreak()]
        story.append(GroupStart(("card", dossier.id), title))
        story.append(self.header(data))
        story.append(Spacer(1, 3 * mm))
        story += self.grid.blocks(self.section_title(Section.IDENTITY), self.identity(data))
        for index, (number, part) in enumerate(zip(PART_NUMBERS, DOSSIER_PARTS, strict=True), 1):
            cells = [self.cell(f, dossier.values.get(f.name)) for f in fields_in(part)]
            heading = self.part_number(index, number) + self.section_title(part)
            story += [Spacer(1, 2.5 * mm), *self.grid.blocks(heading, cells)]
        story += [Spacer(1, 2.5 * mm), *self.persons(dossier.persons)]
        if dossier.custom:
            custom = [Cell(str(k), self._text(v)) for k, v in dossier.custom.items()]
            story += [
                Spacer(1, 2.5 * mm),
                *self.grid.blocks(self.t(N_("Other")), custom),
            ]
        story += [Spacer(1, 2.5 * mm), self.visits(data)]
        return story

    def t(self, text: str, **values: object) -> str:
        return translate(text, self.lang, **values)

    def part_number(self, index: int, number: str) -> str:
        return f"{number}、" if self.lang.startswith("zh") else f"{index}. "

    def section_title(self, section: Section) -> str:
        return section_label(section, self.lang)

    # ---- header ---------------------------------------------------------------------------
    def header(self, data: CardData) -> Table:
        s, values = self.s, data.dossier.values
        sub = [f"{self.t(N_('Code'))}{self.colon}{data.dossier.code}"]
        if values.get("short_name"):
            sub.append(f"{self.t(N_('Short name'))}{self.colon}{values['short_name']}")
        if data.dossier.status == "archived":
            sub.append(self.t(N_("[archived]")))
        badge_w = 30 * mm if self.compact else 40 * mm
        grade = data.grade or self.t(N_("no grade"))
        credit = values.get("credit_status")
        badge = [s.p(grade, s.badge)]
        if credit:
            credit_text = display(customer_field("credit_status"), credit, self.lang)
            badge.append(s.p(f"{self.t(N_('Credit'))} {credit_text}", s.badge_small))
        rows = [
            [
                [s.p(values.get("name") or "", s.title), s.p(self.gap.join(sub), s.subtitle)],
                badge,
            ],
            [s.p(self.classification_line(data), s.small), ""],
        ]
        table = Table(rows, colWidths=[self.width - badge_w, badge_w])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (1, 0), (1, 0), ACCENT),
                    ("SPAN", (0, 1), (1, 1)),
                    ("BACKGROUND", (0, 1), (1, 1), ACCENT_LIGHT),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.6, ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 1), (-1, 1), 3),
                    ("BOTTOMPADDING", (0, 1), (-1, 1), 4),
                ]
            )
        )
        return table

    def classification_line(self, data: CardData) -> str:
        parts = [f"{scheme}{self.colon}{path}" for scheme, path in data.classifications]
        if data.route:
            parts.append(f"{self.t(N_('Route'))}{self.colon}{data.route}")
        if data.owner:
            parts.append(f"{self.t(N_('Responsible'))}{self.colon}{data.owner}")
        if not data.classifications and not data.grade:
            parts.insert(0, self.t(N_("Classification: none")))
        return self.gap.join(parts)

    # ---- blocks ---------------------------------------------------------------------------
    def cell(self, f: FieldDef, value: Any) -> Cell:
        text = display(f, value, self.lang)
        wide = f.name in WIDE_TEXT or (f.kind is Kind.LONGTEXT and not self.grid.fits_half(text))
        return Cell(f.label(self.lang), text, f.key, wide)

    def identity(self, data: CardData) -> list[Cell]:
        values = data.dossier.values
        cells = [
            self.cell(f, values.get(f.name))
            for f in fields_in(Section.IDENTITY)
            if f.name not in IDENTITY_SKIP
        ]
        lat, lon = values.get("latitude"), values.get("longitude")
        if lat is not None and lon is not None:
            cells.append(Cell(self.t(N_("Coordinates")), f"{lat:.6f}, {lon:.6f}"))
        for name in ("source", "review_state"):
            cells.append(self.cell(customer_field(name), values.get(name)))
        return cells

    # ---- key persons ----------------------------------------------------------------------
    def persons(self, persons: list[dict[str, Any]]) -> list[Flowable]:
        """Key persons: a row of contact columns each, then their other details full width."""
        s = self.s
        columns = PERSON_COLUMNS_A5 if self.compact else PERSON_COLUMNS_A4
        fractions = PERSON_WIDTHS_A5 if self.compact else PERSON_WIDTHS_A4
        widths = [self.width * f for f in fractions]
        by_name = {f.name: f for f in PERSON_FIELDS}
        blank = [""] * (len(columns) - 1)
        rows: list[list[Any]] = [[self.section_title(Section.PERSON), *blank]]
        rows.append(
            [
                self.grid.fit(by_name[c].label(self.lang), s.label, w)
                for c, w in zip(columns, widths, strict=True)
            ]
        )
        style = self.grid.heading_style(len(columns)) + self.grid.column_heads()
        if not persons:
            rows.append([s.p(self.t(N_("(no key persons)")), s.small)])
            rows[-1] += blank
            style.append(("SPAN", (0, 2), (-1, 2)))
            return [self.grid.table(rows, widths, style, repeat=2)]
        blocks: list[Flowable] = []
        for person in persons:
            rows.append(
                [
                    self.grid.fit(display(by_name[c], person.get(c), self.lang), s.body, w)
                    for c, w in zip(columns, widths, strict=True)
                ]
            )
            blocks.append(self.grid.table(rows, widths, style, repeat=2 if len(rows) > 1 else 0))
            rows, style = [], []
            details = self.person_details(person, set(columns))
            if details:
                blocks.append(
                    self.grid.table([[s.p(details, s.small)]], [self.width], [], repeat=0)
                )
        return blocks

    def person_details(self, person: dict[str, Any], skip: set[str]) -> str:
        parts = []
        born = person.get("birthday")
        lunar = person.get("birthday_lunar") == LUNAR and isinstance(born, dt.date)
        for f in PERSON_FIELDS:
            if f.name in skip or (lunar and f.name == "birthday_lunar"):
                continue  # a lunar birthday says so beside its date
            text = display(f, person.get(f.name), self.lang)
            if lunar and f.name == "birthday":
                text = f"{text} ({lunar_text(born)})"
            if text:
                parts.append(f"{f.label(self.lang)}{self.colon}{text}")
        return self.gap.join(parts)

    # ---- visits ---------------------------------------------------------------------------
    def visits(self, data: CardData) -> Table:
        s = self.s
        heading = self.t(N_("Last visits"))
        head = (
            self.t(N_("Date")),
            self.t(N_("Kind")),
            self.t(N_("Salesperson")),
            self.t(N_("Content / findings / next step")),
            self.t(N_("Next visit")),
        )
        fractions = (0.14, 0.11, 0.12, 0.49, 0.14)
        widths = [self.width * f for f in fractions]
        rows: list[list[Any]] = [[heading, "", "", "", ""]]
        rows.append([self.grid.fit(h, s.label, w) for h, w in zip(head, widths, strict=True)])
        style = self.grid.heading_style(5) + self.grid.column_heads()
        for visit in data.visits:
            text = "\n".join(
                t
                for t in (
                    visit.content,
                    self._prefixed(self.t(N_("Findings")), visit.findings, self.colon),
                    self._prefixed(self.t(N_("Next step")), visit.next_step, self.colon),
                )
                if t
            )
            rows.append(
                [
                    self.grid.fit(visit.visit_date.isoformat(), s.body, widths[0]),
                    self.grid.fit(visit.kind, s.body, widths[1]),
                    self.grid.fit(visit.salesperson, s.body, widths[2]),
                    s.p(text),
                    self.grid.fit(
                        visit.next_visit_on.isoformat() if visit.next_visit_on else "",
                        s.body,
                        widths[4],
                    ),
                ]
            )
        if not data.visits:
            rows.append([s.p(self.t(N_("(no visits yet)")), s.small)])
            rows[-1] += [""] * 4
            style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        return self.grid.table(rows, widths, style, repeat=2)

    @staticmethod
    def _prefixed(label: str, text: str, colon: str) -> str:
        return f"{label}{colon}{text}" if text else ""

    @staticmethod
    def _text(value: Any) -> str:
        return "" if value is None else str(value)
