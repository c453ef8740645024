"""Sheets for work outside the office: the route sheet (路序表), the visit report form (blank,
for a salesperson's day), the filled daily report (客户访问日报) and monthly report, and the customer-information
form (客户资料表) that customers fill in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from kehu.core.fields import (
    DOSSIER_PARTS,
    VISIT_KINDS,
    FieldDef,
    Kind,
    Section,
    customer_form_fields,
    fields_in,
    person_field,
    person_form_fields,
    section_label,
)
from kehu.core.i18n import N_, translate
from kehu.exchange.pdf_layout import (
    ACCENT,
    LABEL_FILL,
    RULE,
    GroupStart,
    Styles,
    build,
    content_width,
    landscape_a4,
)

if TYPE_CHECKING:
    from kehu.db.print_data import RouteSheet, VisitRow
    from kehu.exchange.pdf_job import PdfJob as Job

PERSON_FRACTIONS = (0.19, 0.11, 0.13, 0.15, 0.14, 0.16, 0.12)  # one per person form field


@dataclass
class VisitReport:
    """What a visit report shows, decided by the export service from the options."""

    blank: bool  # an empty form to fill in, rather than the visits of a day or month
    month: bool  # every visit of the month of the job's day
    salesperson: str  # whose visits ("" on a blank form for anyone)
    everyone: bool  # everyone's visits: the salesperson is shown under each customer
    route: str = ""
    visits: list[VisitRow] = field(default_factory=list)
    customers: list[tuple[str, str, str | None]] = field(default_factory=list)  # blank form
    rows: int = 10  # empty rows of a blank form without customers


def _t(text: str, lang: str, **values: object) -> str:
    return translate(text, lang, **values)


def _grid(
    s: Styles, rows: list[list[Any]], widths: list[float], extra: list[tuple], repeat: int = 1
) -> Table:
    """A bordered table whose rows split across pages (no text is ever cut)."""
    table = Table(rows, colWidths=widths, repeatRows=repeat, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *extra,
            ]
        )
    )
    return table


def _title_block(
    s: Styles, title: str, facts: list[tuple[str, str]], width: float, lang: str
) -> Table:
    """A title and a line of facts (label: value) under it."""
    colon = _t(N_(": "), lang)
    line = "　　".join(f"{label}{colon}{value or '________'}" for label, value in facts)
    table = Table([[s.p(title, s.title)], [s.p(line)]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                ("LINEBELOW", (0, 0), (-1, 0), 1.6, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                ("TOPPADDING", (0, 1), (-1, 1), 4),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 5),
            ]
        )
    )
    return table


SIGNATURES = (N_("Salesperson's signature"), N_("Checked by"))


def _signatures(s: Styles, lang: str, labels: tuple[str, ...] = SIGNATURES) -> Flowable:
    colon = _t(N_(": "), lang)
    text = "　　　　".join(f"{_t(label, lang)}{colon}______________" for label in labels)
    return s.p(text)


def nothing_to_print(s: Styles, lang: str) -> list[Flowable]:
    return [s.p(_t(N_("(no customers in this selection)"), lang))]


# ---- route sheet ---------------------------------------------------------------------------

OVERDUE_RED = HexColor("#b00020")  # a stop overdue by its grade's visit cadence


def write_route_sheets(job: Job, sheets: list[RouteSheet], path: Path) -> tuple[int, int]:
    """One route sheet per route; returns (stops, pages)."""
    pagesize = landscape_a4()
    width = content_width(pagesize)
    s = Styles(job.fonts, base=9)
    lang = job.lang
    story: list[Flowable] = []
    heads = (
        N_("No."),
        N_("Customer"),
        N_("Address"),
        N_("Phone"),
        N_("Key person"),
        N_("Last visit"),
        N_("Notes"),
    )
    fractions = (0.05, 0.2, 0.24, 0.11, 0.13, 0.1, 0.17)
    widths = [width * f for f in fractions]
    overdue_style = ParagraphStyle("overdue", parent=s.small, textColor=OVERDUE_RED)
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        title = f"{_t(N_('Route sheet'), lang)} · {sheet.title}"
        story.append(GroupStart(("route", index), title))
        facts = [
            (_t(N_("Route"), lang), sheet.title),
            (_t(N_("Region"), lang), sheet.region),
            (_t(N_("Salesperson"), lang), sheet.salesperson),
            (_t(N_("Visit days"), lang), sheet.schedule),
            (_t(N_("Date"), lang), job.day.isoformat()),
            (_t(N_("Stops"), lang), str(len(sheet.stops))),
        ]
        story += [_title_block(s, title, facts, width, lang), Spacer(1, 3 * mm)]
        if sheet.note:
            story += [s.p(sheet.note, s.small), Spacer(1, 2 * mm)]
        rows: list[list[Any]] = [[s.p(_t(h, lang), s.head) for h in heads]]
        for stop in sheet.stops:
            last: Any = s.p(stop.last_visit.isoformat() if stop.last_visit else "—", s.center)
            if stop.overdue:
                last = [last, s.p(stop.overdue, overdue_style)]
            rows.append(
                [
                    s.p(str(stop.number), s.center),
                    [s.p(stop.name, s.label), s.p(stop.code, s.small)],
                    s.p(stop.address),
                    s.p(stop.phone),
                    s.p(stop.person),
                    last,
                    Spacer(1, 10 * mm),
                ]
            )
        if not sheet.stops:
            rows.append([s.p(_t(N_("(no stops)"), lang))] + [""] * 6)
        extra = [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
        extra += _span_empty_rows(rows)
        extra += [("BACKGROUND", (0, r), (-1, r), LABEL_FILL) for r in range(2, len(rows), 2)]
        story += [_grid(s, rows, widths, extra), Spacer(1, 6 * mm)]
        story.append(_signatures(s, lang))
    if not story:
        story = nothing_to_print(s, lang)
    spec = job.spec(path, pagesize, _t(N_("Route sheet"), lang))
    pages = build(spec, story)
    return sum(len(sheet.stops) for sheet in sheets), pages


# ---- visit report form and daily report ----------------------------------------------------


VISIT_HEADS = (
    N_("No."),
    N_("Customer"),
    N_("Kind"),
    N_("Visit content"),
    N_("Findings / problems"),
    N_("Next step"),
    N_("Next visit"),
)
VISIT_FRACTIONS = (0.045, 0.17, 0.085, 0.25, 0.19, 0.16, 0.1)


def write_visits(job: Job, report: VisitReport, path: Path) -> tuple[int, int]:
    """The daily or monthly visit report, or a blank visit form; returns (rows, pages)."""
    pagesize = landscape_a4()
    width = content_width(pagesize)
    s = Styles(job.fonts, base=9)
    lang = job.lang
    if report.month:
        title = _t(N_("Monthly visit report"), lang)
        when = (_t(N_("Month"), lang), job.day.strftime("%Y-%m"))
    else:
        title = _t(N_("Daily visit report"), lang)
        when = (_t(N_("Date"), lang), job.day.isoformat())
    name = report.salesperson
    if report.everyone and not report.blank:
        name = _t(N_("All salespeople"), lang)
    facts = [(_t(N_("Salesperson"), lang), name), when]
    if report.route:
        facts.append((_t(N_("Route"), lang), report.route))
    if report.blank:
        rows, count = _blank_visit_rows(job, report, s)
    else:
        rows, count = _filled_visit_rows(job, report, s)
        facts.append((_t(N_("Number of visits"), lang), str(count)))
    heads = [_t(h, lang) for h in VISIT_HEADS]
    if report.month:
        heads[0] = _t(N_("Date"), lang)
    table_rows = [[s.p(h, s.head) for h in heads], *rows]
    extra = [("BACKGROUND", (0, 0), (-1, 0), ACCENT), *_span_empty_rows(table_rows)]
    story: list[Flowable] = [
        GroupStart("visits", title),
        _title_block(s, title, facts, width, lang),
        Spacer(1, 3 * mm),
        _grid(s, table_rows, [width * f for f in VISIT_FRACTIONS], extra),
        Spacer(1, 4 * mm),
    ]
    if not report.month:
        story += [_summary_box(s, lang, width), Spacer(1, 6 * mm)]
    story.append(_signatures(s, lang))
    return count, build(job.spec(path, pagesize, title), story)


def _kind_boxes(lang: str) -> str:
    """A box to tick per visit kind (core.fields.VISIT_KINDS)."""
    gap = "" if lang.startswith("zh") else " "
    return "\n".join(f"□{gap}{kind.label(lang)}" for kind in VISIT_KINDS)


def _blank_visit_rows(job: Job, report: VisitReport, s: Styles) -> tuple[list[list[Any]], int]:
    """A row per customer of an explicit selection (e.g. a route), else empty rows."""
    customers = report.customers
    count = len(customers) if customers else report.rows
    rows = []
    for number in range(1, count + 1):
        name: Any = ""
        if customers:
            code, cname, address = customers[number - 1]
            name = [s.p(cname, s.label), s.p(code, s.small), s.p(address or "", s.small)]
        rows.append(
            [
                s.p(str(number), s.center),
                name or Spacer(1, 16 * mm),
                s.p(_kind_boxes(job.lang), s.small),
                Spacer(1, 16 * mm),
                "",
                "",
                s.p("____-__-__", s.small),
            ]
        )
    return rows, len(customers)


def _filled_visit_rows(job: Job, report: VisitReport, s: Styles) -> tuple[list[list[Any]], int]:
    """The visits of the day (or of its month, dated); with everyone's, who made each."""
    visits = report.visits
    rows: list[list[Any]] = []
    for number, v in enumerate(visits, start=1):
        customer: Any = s.p(v.customer)
        if report.everyone:  # everyone's visits: whose visit it was, under the customer
            customer = [customer, s.p(v.salesperson, s.small)]
        rows.append(
            [
                s.p(v.visit_date.strftime("%m-%d") if report.month else str(number), s.center),
                customer,
                s.p(v.kind),
                s.p(v.content),
                s.p(v.findings),
                s.p(v.next_step),
                s.p(v.next_visit_on.isoformat() if v.next_visit_on else ""),
            ]
        )
    if not visits:
        empty = N_("(no visits in this month)") if report.month else N_("(no visits on this day)")
        rows.append([s.p(_t(empty, job.lang))])
        rows[-1] += [""] * 6
    return rows, len(visits)


def _span_empty_rows(rows: list[list[Any]]) -> list[tuple]:
    """A one-message row (e.g. "no visits") spans the table; it is short and never splits."""
    return [
        ("SPAN", (0, r), (-1, r))
        for r, row in enumerate(rows)
        if len(row) > 1 and all(cell == "" for cell in row[1:])
    ]


def _summary_box(s: Styles, lang: str, width: float) -> Table:
    rows = [
        [s.p(_t(N_("Summary of the day / support needed"), lang), s.label)],
        [Spacer(1, 22 * mm)],
    ]
    return _grid(s, rows, [width], [("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL)], repeat=0)


# ---- customer-information form -------------------------------------------------------------


def write_customer_form(
    job: Job, targets: list[dict[str, Any]], path: Path, full: bool = False
) -> tuple[int, int]:
    """One form per entry of `targets` (field values to prefill; `{}` for a blank form)."""
    pagesize = A4
    width = content_width(pagesize)
    s = Styles(job.fonts, base=9)
    story: list[Flowable] = []
    for index, values in enumerate(targets or [{}]):
        if index:
            story.append(PageBreak())
        story += CustomerForm(s, width, job.lang, full).story(values, index)
    title = _t(N_("Customer information form"), job.lang)
    return len([t for t in targets if t]), build(job.spec(path, pagesize, title), story)


class CustomerForm:
    """客户资料表: the fields of `customer_form_fields()` (all fields with `full`) and, per
    key person, those of `person_form_fields()`, with room to write."""

    def __init__(self, styles: Styles, width: float, lang: str, full: bool) -> None:
        self.s, self.width, self.lang, self.full = styles, width, lang, full
        self.label_w = 34 * mm

    def fields(self, section: Section) -> list[FieldDef]:
        if self.full:
            return [f for f in fields_in(section) if f.name not in ("latitude", "longitude")]
        return list(customer_form_fields(section))

    def story(self, values: dict[str, Any], index: int) -> list[Flowable]:
        s, lang = self.s, self.lang
        title = _t(N_("Customer information form"), lang)
        name = values.get("name") or ""
        story: list[Flowable] = [GroupStart(("form", index), f"{title} {name}".strip())]
        facts = [
            (_t(N_("Date filled in"), lang), ""),
            (_t(N_("Code"), lang), values.get("code", "")),
        ]
        story.append(_title_block(s, title, facts, self.width, lang))
        intro = _t(
            N_(
                "Please fill in the information below in block letters and tick □ where "
                "options are given. It is used only for our business with you."
            ),
            lang,
        )
        story += [s.p(intro, s.small), Spacer(1, 3 * mm)]
        for number, section in enumerate((Section.IDENTITY, *DOSSIER_PARTS)):
            chosen = self.fields(section)
            if chosen:
                if number:
                    story.append(Spacer(1, 3 * mm))
                story.append(self.block(section, chosen, values))
        story += [Spacer(1, 3 * mm), self.persons(), Spacer(1, 3 * mm), self.consent()]
        return story

    def block(self, section: Section, chosen: list[FieldDef], values: dict) -> Table:
        s = self.s
        rows: list[list[Any]] = [[s.p(section_label(section, self.lang), s.head), ""]]
        for f in chosen:
            rows.append([s.p(f.label(self.lang), s.label), self.answer(f, values.get(f.name))])
        extra = [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("BACKGROUND", (0, 1), (0, -1), LABEL_FILL),
        ]
        return _grid(s, rows, [self.label_w, self.width - self.label_w], extra)

    def answer(self, f: FieldDef, value: Any) -> Any:
        s = self.s
        if value not in (None, ""):
            return s.p(f.choice_label(value, self.lang) if f.kind is Kind.CHOICE else value)
        if f.kind is Kind.CHOICE:
            return s.p("　".join(f"□ {c.label(self.lang)}" for c in f.choices))
        if f.kind is Kind.DATE:
            return s.p(_t(N_("____-____-____ (YYYY-MM-DD)"), self.lang))
        if f.kind is Kind.MONEY:
            return s.p(_t(N_("CNY ______________"), self.lang))
        return Spacer(1, 18 * mm if f.kind is Kind.LONGTEXT else 5 * mm)

    def person_fields(self) -> tuple[FieldDef, ...]:
        return person_form_fields()

    def persons(self) -> Table:
        s, lang = self.s, self.lang
        heading = _t(N_("Contacts / key persons"), lang)
        fields = self.person_fields()
        widths = [self.width * f for f in PERSON_FRACTIONS[: len(fields)]]
        widths[-1] += self.width - sum(widths)
        blank = [""] * (len(fields) - 1)
        rows: list[list[Any]] = [[s.p(heading, s.head), *blank]]
        rows.append([s.p(f.label(lang), s.label) for f in fields])
        roles = person_field("role").choices
        role_text = " ".join(f"□{c.label(lang)}" for c in roles)
        for _ in range(4):
            line: list[Any] = [s.p(role_text, s.small) if f.name == "role" else "" for f in fields]
            line[1 if fields[0].name == "role" else 0] = Spacer(1, 12 * mm)
            rows.append(line)
        extra = [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("BACKGROUND", (0, 1), (-1, 1), LABEL_FILL),
        ]
        return _grid(s, rows, widths, extra, repeat=2)

    def consent(self) -> Table:
        s, lang = self.s, self.lang
        text = _t(
            N_(
                "Personal information: the contacts' names and phone numbers above are used "
                "only for our business with you and kept according to the Personal "
                "Information Protection Law; they are not given to third parties. The person "
                "filling in this form confirms that the contacts agreed."
            ),
            lang,
        )
        sign = _t(
            N_("Signature: ______________    Company stamp: ______________    Date: __________"),
            lang,
        )
        rows = [[s.p(text, s.small)], [s.p(sign)], [Spacer(1, 6 * mm)]]
        return _grid(s, rows, [self.width], [("LINEBELOW", (0, 0), (-1, -1), 0, RULE)], repeat=0)
