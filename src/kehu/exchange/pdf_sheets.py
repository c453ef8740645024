"""Sheets for work outside the office: the route sheet (路序表), the visit report form (blank,
for a salesperson's day), the filled daily report (客户访问日报) and monthly report, and the customer-information
form (客户资料表) that customers fill in by hand.
"""

from __future__ import annotations

import calendar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from kehu.core.fields import (
    DOSSIER_PARTS,
    FieldDef,
    Kind,
    Section,
    fields_in,
    person_field,
    section_label,
)
from kehu.core.language import pick
from kehu.db.models import User
from kehu.exchange.pdf_data import (
    Lookups,
    customer_names,
    day_visits,
    find_user,
    load_dossiers,
    period_visits,
    route_sheets,
)
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
    from kehu.exchange.pdf_export import Job

# Assessments the company makes about a customer: not asked on the form customers fill in.
INTERNAL_FIELDS = frozenset(
    {
        "potential",
        "staff_quality",
        "competitor_relations",
        "cooperation",
        "sales_activity",
        "problems",
        "strengths",
        "countermeasures",
        "reputation",
        "credit_status",
        "credit_limit",
        "credit_issues",
        "sales_record_notes",
        "business_philosophy",
        "management_style",
        "source",
        "review_state",
        "latitude",
        "longitude",
        "code",
    }
)
FORM_PERSON_COLUMNS = ("role", "name", "title", "mobile", "phone", "email")


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
    colon = pick("：", ": ", lang)
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


def _signatures(s: Styles, lang: str, labels: tuple[tuple[str, str], ...]) -> Flowable:
    colon = pick("：", ": ", lang)
    text = "　　　　".join(f"{pick(zh, en, lang)}{colon}______________" for zh, en in labels)
    return s.p(text)


def nothing_to_print(s: Styles, lang: str) -> list[Flowable]:
    return [s.p(pick("（没有符合条件的客户）", "(no customers in this selection)", lang))]


# ---- route sheet ---------------------------------------------------------------------------


def write_route_sheets(job: Job, ids: list[int], path: Path) -> tuple[int, int]:
    from kehu.services.selection import find_route

    route = find_route(str(job.options["route"])) if job.options.get("route") else None
    lookups = Lookups(job.lang)
    sheets = route_sheets(ids, job.user, lookups, route)
    pagesize = landscape_a4()
    width = content_width(pagesize)
    s = Styles(job.fonts, base=9)
    lang = job.lang
    story: list[Flowable] = []
    heads = (
        ("序号", "No."),
        ("客户", "Customer"),
        ("地址", "Address"),
        ("电话", "Phone"),
        ("关键人物", "Key person"),
        ("最近访问", "Last visit"),
        ("备注", "Notes"),
    )
    fractions = (0.05, 0.2, 0.25, 0.11, 0.13, 0.08, 0.18)
    widths = [width * f for f in fractions]
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        title = f"{pick('路序表', 'Route sheet', lang)} · {sheet.title}"
        story.append(GroupStart(("route", index), title))
        facts = [
            (pick("路线", "Route", lang), sheet.title),
            (pick("区域", "Region", lang), sheet.region),
            (pick("业务员", "Salesperson", lang), sheet.salesperson),
            (pick("访问日", "Visit days", lang), sheet.schedule),
            (pick("日期", "Date", lang), job.day.isoformat()),
            (pick("客户数", "Stops", lang), str(len(sheet.stops))),
        ]
        story += [_title_block(s, title, facts, width, lang), Spacer(1, 3 * mm)]
        rows: list[list[Any]] = [[s.p(pick(zh, en, lang), s.head) for zh, en in heads]]
        for stop in sheet.stops:
            rows.append(
                [
                    s.p(str(stop.number), s.center),
                    [s.p(stop.name, s.label), s.p(stop.code, s.small)],
                    s.p(stop.address),
                    s.p(stop.phone),
                    s.p(stop.person),
                    s.p(stop.last_visit.isoformat() if stop.last_visit else "—", s.center),
                    Spacer(1, 10 * mm),
                ]
            )
        if not sheet.stops:
            rows.append([s.p(pick("（路线上没有客户）", "(no stops)", lang))] + [""] * 6)
        extra = [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
        extra += _span_empty_rows(rows)
        extra += [("BACKGROUND", (0, r), (-1, r), LABEL_FILL) for r in range(2, len(rows), 2)]
        story += [_grid(s, rows, widths, extra), Spacer(1, 6 * mm)]
        story.append(
            _signatures(s, lang, (("业务员签字", "Salesperson"), ("主管审核", "Checked by")))
        )
    if not story:
        story = nothing_to_print(s, lang)
    spec = job.spec(path, pagesize, pick("路序表", "Route sheet", lang))
    pages = build(spec, story)
    return sum(len(sheet.stops) for sheet in sheets), pages


# ---- visit report form and daily report ----------------------------------------------------


def _visit_heads(lang: str) -> tuple[str, ...]:
    return tuple(
        pick(zh, en, lang)
        for zh, en in (
            ("序号", "No."),
            ("客户", "Customer"),
            ("类型", "Kind"),
            ("访问内容", "Content"),
            ("发现 / 问题", "Findings / problems"),
            ("下一步", "Next step"),
            ("下次访问", "Next visit"),
        )
    )


VISIT_FRACTIONS = (0.045, 0.17, 0.085, 0.25, 0.19, 0.16, 0.1)


def write_visits(job: Job, ids: list[int], path: Path) -> tuple[int, int]:
    pagesize = landscape_a4()
    width = content_width(pagesize)
    s = Styles(job.fonts, base=9)
    lang = job.lang
    blank = str(job.options.get("blank", "")).strip().lower() in ("1", "true", "yes", "on")
    month = not blank and str(job.options.get("month", "")).strip().lower() in ("1", "true", "yes")
    everyone = not blank and str(job.options.get("salesperson", "")).strip() == "*"
    salesperson = (
        find_user(job.options.get("salesperson"))
        if job.options.get("salesperson") and not everyone
        else None
    )
    if job.options.get("salesperson") and salesperson is None and not everyone:
        from kehu.exchange.pdf_export import OptionError

        name = job.options["salesperson"]
        raise OptionError(f"找不到业务员“{name}”", f"No salesperson named '{name}'")
    who = None if everyone else salesperson or job.user
    if month:
        title = pick("客户访问月报", "Monthly visit report", lang)
        when = (pick("月份", "Month", lang), job.day.strftime("%Y-%m"))
    else:
        title = pick("客户访问日报", "Daily visit report", lang)
        when = (pick("日期", "Date", lang), job.day.isoformat())
    if who is None:
        name = "" if blank else pick("全部业务员", "All salespeople", lang)
    else:
        name = "" if blank and not salesperson else who.display_name
    facts = [(pick("业务员", "Salesperson", lang), name), when]
    if job.options.get("route"):
        facts.append((pick("路线", "Route", lang), str(job.options["route"])))
    if blank:
        rows, count = _blank_visit_rows(job, ids, s)
    else:
        rows, count = _filled_visit_rows(job, ids, s, who, month)
        facts.append((pick("访问数", "Visits", lang), str(count)))
    heads = _visit_heads(lang)
    if month:
        heads = (pick("日期", "Date", lang), *heads[1:])
    table_rows = [[s.p(h, s.head) for h in heads], *rows]
    extra = [("BACKGROUND", (0, 0), (-1, 0), ACCENT), *_span_empty_rows(table_rows)]
    story: list[Flowable] = [
        GroupStart("visits", title),
        _title_block(s, title, facts, width, lang),
        Spacer(1, 3 * mm),
        _grid(s, table_rows, [width * f for f in VISIT_FRACTIONS], extra),
        Spacer(1, 4 * mm),
    ]
    if not month:
        story += [_summary_box(s, lang, width), Spacer(1, 6 * mm)]
    story.append(_signatures(s, lang, (("业务员签字", "Salesperson"), ("主管审核", "Checked by"))))
    return count, build(job.spec(path, pagesize, title), story)


def _kind_boxes(lang: str) -> str:
    return pick("□日常\n□紧急\n□定期", "□ routine\n□ urgent\n□ periodic", lang)


def _blank_visit_rows(job: Job, ids: list[int], s: Styles) -> tuple[list[list[Any]], int]:
    """A row per customer of an explicit selection (e.g. a route), else empty rows."""
    explicit = job.options.get("route") or job.options.get("selection", "all") != "all"
    customers = customer_names(ids[:200], job.user) if explicit and ids else []
    count = len(customers) if customers else int(job.options.get("rows", 10) or 10)
    rows = []
    for number in range(1, count + 1):
        name = ""
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


def _filled_visit_rows(
    job: Job, ids: list[int], s: Styles, who: User | None, month: bool = False
) -> tuple[list[list[Any]], int]:
    """The visits of the day (or of its month, dated) by `who`, or by everyone with None."""
    lookups = Lookups(job.lang)
    if month:
        first = job.day.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        visits = period_visits(ids, who, first, last, lookups)
    else:
        visits = day_visits(ids, who, job.day, lookups)
    rows: list[list[Any]] = []
    for number, v in enumerate(visits, start=1):
        customer = s.p(v.customer)
        if who is None:  # everyone's visits: whose visit it was, under the customer
            customer = [customer, s.p(v.salesperson, s.small)]
        rows.append(
            [
                s.p(v.visit_date.strftime("%m-%d") if month else str(number), s.center),
                customer,
                s.p(v.kind),
                s.p(v.content),
                s.p(v.findings),
                s.p(v.next_step),
                s.p(v.next_visit_on.isoformat() if v.next_visit_on else ""),
            ]
        )
    if not visits:
        empty = ("（当月无访问记录）", "(no visits in this month)") if month else None
        empty = empty or ("（当日无访问记录）", "(no visits on this day)")
        rows.append([s.p(pick(*empty, job.lang))])
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
        [
            s.p(
                pick("当日总结 / 需要支持的事项", "Summary of the day / support needed", lang),
                s.label,
            )
        ],
        [Spacer(1, 22 * mm)],
    ]
    return _grid(s, rows, [width], [("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL)], repeat=0)


# ---- customer-information form -------------------------------------------------------------


def write_customer_form(job: Job, ids: list[int], path: Path) -> tuple[int, int]:
    """One blank form; with prefill=1 one form per customer with the identity filled in."""
    pagesize = A4
    width = content_width(pagesize)
    s = Styles(job.fonts, base=9)
    full = str(job.options.get("fields", "")).lower() == "all"
    prefill = str(job.options.get("prefill", "")).strip().lower() in ("1", "true", "yes")
    targets: list[dict[str, Any]] = [{}]
    if prefill and ids:
        loaded = load_dossiers(ids, job.user)
        targets = [{"code": loaded[cid].code, **loaded[cid].values} for cid in ids]
    story: list[Flowable] = []
    for index, values in enumerate(targets):
        if index:
            story.append(PageBreak())
        story += CustomerForm(s, width, job.lang, full).story(values, index)
    title = pick("客户资料表", "Customer information form", job.lang)
    return (len(targets) if prefill else 0), build(job.spec(path, pagesize, title), story)


class CustomerForm:
    """客户资料表: every field the customer can answer, with room to write."""

    def __init__(self, styles: Styles, width: float, lang: str, full: bool) -> None:
        self.s, self.width, self.lang, self.full = styles, width, lang, full
        self.label_w = 34 * mm

    def wanted(self, f: FieldDef) -> bool:
        return self.full or f.name not in INTERNAL_FIELDS

    def story(self, values: dict[str, Any], index: int) -> list[Flowable]:
        s, lang = self.s, self.lang
        title = pick("客户资料表", "Customer information form", lang)
        name = values.get("name") or ""
        story: list[Flowable] = [GroupStart(("form", index), f"{title} {name}".strip())]
        facts = [
            (pick("填表日期", "Date", lang), ""),
            (pick("客户编号", "Code", lang), values.get("code", "")),
        ]
        story.append(_title_block(s, title, facts, self.width, lang))
        intro = pick(
            "请用正楷填写以下资料，选择项请在□内打“√”。所填资料仅用于双方业务往来。",
            "Please fill in the information below in block letters and tick □ where options "
            "are given. It is used only for our business with you.",
            lang,
        )
        story += [s.p(intro, s.small), Spacer(1, 3 * mm)]
        identity = [f for f in fields_in(Section.IDENTITY) if self.wanted(f)]
        story.append(self.block(Section.IDENTITY, identity, values))
        for part in DOSSIER_PARTS:
            chosen = [f for f in fields_in(part) if self.wanted(f)]
            if chosen:
                story += [Spacer(1, 3 * mm), self.block(part, chosen, values)]
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
            return s.p(pick("______ 年 ____ 月 ____ 日", "____-____-____ (YYYY-MM-DD)", self.lang))
        if f.kind is Kind.MONEY:
            return s.p(pick("人民币 ______________ 元", "CNY ______________", self.lang))
        return Spacer(1, 18 * mm if f.kind is Kind.LONGTEXT else 5 * mm)

    def persons(self) -> Table:
        s, lang = self.s, self.lang
        heading = pick("主要联系人 / 关键人物", "Contacts / key persons", lang)
        fractions = (0.2, 0.13, 0.15, 0.17, 0.15, 0.2)
        widths = [self.width * f for f in fractions]
        rows: list[list[Any]] = [[s.p(heading, s.head)] + [""] * 5]
        rows.append([s.p(person_field(c).label(lang), s.label) for c in FORM_PERSON_COLUMNS])
        roles = person_field("role").choices
        role_text = " ".join(f"□{c.label(lang)}" for c in roles)
        for _ in range(4):
            rows.append([s.p(role_text, s.small), Spacer(1, 12 * mm), "", "", "", ""])
        extra = [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("BACKGROUND", (0, 1), (-1, 1), LABEL_FILL),
        ]
        return _grid(s, rows, widths, extra, repeat=2)

    def consent(self) -> Table:
        s, lang = self.s, self.lang
        text = pick(
            "个人信息处理说明：上表所列联系人的姓名、电话等个人信息仅用于双方业务联系，"
            "我司将依照《个人信息保护法》妥善保管，不向第三方提供。填表人确认已取得上述联系人的同意。",
            "Personal information: the contacts' names and phone numbers above are used only for "
            "our business with you and kept according to the Personal Information Protection "
            "Law; they are not given to third parties. The person filling in this form confirms "
            "that the contacts agreed.",
            lang,
        )
        sign = pick(
            "填表人签字：______________　　单位盖章：______________　　日期：______________",
            "Signature: ______________    Company stamp: ______________    Date: __________",
            lang,
        )
        rows = [[s.p(text, s.small)], [s.p(sign)], [Spacer(1, 6 * mm)]]
        return _grid(s, rows, [self.width], [("LINEBELOW", (0, 0), (-1, -1), 0, RULE)], repeat=0)
