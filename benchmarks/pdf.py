"""PDF benchmark: N client cards through `kehu.services.exports` vs a bare reportlab
document with the same table layout and font, built from the same rows read with plain SQL.

    python benchmarks/pdf.py [--customers 1000] [--cache DIR] [--repeat 3]

The demo database is made once with `kehu.services.demo.generate` and kept under --cache.
The last line printed is a JSON object of the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from kehu.core.fields import (
    CUSTOMER_FIELDS,
    DOSSIER_PARTS,
    PERSON_FIELDS,
    Kind,
    Section,
    fields_in,
    section_label,
)
from kehu.core.values import display, from_db


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=1000, help="cards to print (1000)")
    parser.add_argument("--cache", type=Path, default=None, help="folder for the demo database")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; best is kept")
    return parser.parse_args()


def open_demo(cache: Path, customers: int):
    from kehu.db.models import Customer
    from kehu.services.workspace import open_workspace

    path = cache / f"pdf-demo-{customers}.db"
    ws = open_workspace(path, lang="zh_CN")
    if Customer.select().count() < customers:  # new, or an earlier run stopped half-way
        from kehu.services import demo

        started = time.perf_counter()
        demo.generate(customers=customers, user=ws.user)
        print(f"demo database: {customers} customers in {time.perf_counter() - started:.1f} s")
    return ws


# ---- the bare reportlab document ----------------------------------------------------------
# The same card, written straight with reportlab from rows read with plain SQL: same tables,
# rows, texts, styles, page frame and footer (page x/y per card, running header on continued
# pages). Texts are formatted with the core catalogue (kehu.core), nothing from kehu.exchange
# or kehu.services. `same_text` in the figures checks that both PDFs hold the same text.

IDENTITY_SKIP = {"code", "name", "short_name", "latitude", "longitude"}
PERSON_COLUMNS = ("role", "name", "title", "mobile", "phone", "wechat", "email")
PERSON_WIDTHS = (0.125, 0.11, 0.12, 0.135, 0.14, 0.12, 0.25)
VISIT_WIDTHS = (0.14, 0.11, 0.12, 0.49, 0.14)
KIND_LABELS = {"routine": "日常报告", "urgent": "紧急报告", "periodic": "定期报告"}
PART_NUMBERS = ("一", "二", "三", "四")
ACCENT, ACCENT_LIGHT = colors.HexColor("#1F4E79"), colors.HexColor("#DCE6F1")
LABEL_FILL, KEY_FILL = colors.HexColor("#F2F2F2"), colors.HexColor("#FFF2CC")
RULE, MUTED = colors.HexColor("#808080"), colors.HexColor("#595959")
MARGIN = 14 * mm
PAD = 3


def chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def bare_rows(ids: list[int]) -> tuple[list[tuple], dict]:
    """(customer, persons, last 5 visits, [(scheme, category)], stop) per card, plain SQL."""
    from kehu.db.models import database_proxy

    db = database_proxy.obj

    def query(sql: str, chunk: list[int] = ()):
        marks = ",".join("?" * len(chunk))
        return db.execute_sql(sql.replace("IDS", marks), list(chunk))

    look = {
        "users": dict(query("SELECT id, display_name FROM user").fetchall()),
        "schemes": query("SELECT id, key, name FROM scheme ORDER BY position, id").fetchall(),
        "categories": {r[0]: r[1:] for r in query("SELECT id, parent_id, name FROM category")},
        "routes": dict(query("SELECT id, name FROM route").fetchall()),
    }
    customers, persons, visits, classes, stops = {}, {}, {}, {}, {}
    for chunk in chunks(ids):
        cursor = query("SELECT * FROM customer WHERE id IN (IDS)", chunk)
        names = [c[0] for c in cursor.description]
        for row in cursor:
            customers[row[0]] = dict(zip(names, row, strict=True))
        cursor = query(
            "SELECT * FROM key_person WHERE customer_id IN (IDS) ORDER BY customer_id, position, id",
            chunk,
        )
        names = [c[0] for c in cursor.description]
        for row in cursor:
            person = dict(zip(names, row, strict=True))
            persons.setdefault(person["customer_id"], []).append(person)
        cursor = query(
            "SELECT customer_id, visit_date, kind, salesperson_id, content, findings, next_step,"
            " next_visit_on FROM visit WHERE customer_id IN (IDS)"
            " ORDER BY customer_id, visit_date DESC, id DESC",
            chunk,
        )
        for row in cursor:
            found = visits.setdefault(row[0], [])
            if len(found) < 5:
                found.append(row[1:])
        sql = "SELECT customer_id, scheme_id, category_id FROM customer_category"
        for cid, sid, cat in query(sql + " WHERE customer_id IN (IDS)", chunk):
            classes.setdefault(cid, []).append((sid, cat))
        sql = "SELECT customer_id, route_id, position FROM route_stop WHERE customer_id IN (IDS)"
        for cid, rid, pos in query(sql, chunk):
            stops[cid] = (rid, pos)
    rows = [
        (customers[i], persons.get(i, []), visits.get(i, []), classes.get(i, []), stops.get(i))
        for i in ids
        if i in customers
    ]
    return rows, look


def category_path(categories: dict, cid: int) -> str:
    names, seen = [], set()
    while cid is not None and cid not in seen:
        seen.add(cid)
        parent, name = categories.get(cid, (None, "?"))
        names.append(name)
        cid = parent
    return " > ".join(reversed(names))


def shown_text(f, raw) -> str:
    """The printed text of a stored value: sensitive values masked (as the card does)."""
    value = from_db(f, raw)
    if not f.sensitive:
        return display(f, value, "zh")
    if value is None or value == "":
        return ""
    if f.kind is Kind.ID_NUMBER:
        text = str(value)
        return text[:3] + "*" * max(len(text) - 7, 4) + text[-4:] if len(text) > 8 else "****"
    return "（已隐藏）"


class Group(Flowable):
    """Marks where a card starts, for the page x/y of the footer."""

    def __init__(self, key: int, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, *_args):
        return 0, 0

    def draw(self) -> None:
        self.canv.group = (self.key, self.title)


def numbered_canvas(font: str, bold: str, who: str, stamp: str):
    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.group, self.pages = (None, ""), []

        def showPage(self) -> None:  # noqa: N802
            self.pages.append((dict(self.__dict__), self.group))
            self._startPage()

        def save(self) -> None:
            totals = Counter(g[0] for _, g in self.pages)
            seen: Counter = Counter()
            width, height = A4
            for state, (key, title) in self.pages:
                seen[key] += 1
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, 7.5)
                self.setFillColor(MUTED)
                self.setStrokeColor(RULE)
                self.setLineWidth(0.4)
                y = MARGIN * 0.55
                self.line(MARGIN, y + 10.5, width - MARGIN, y + 10.5)
                left = f"打印人：{who}　{stamp}"
                self.drawString(MARGIN, y, left)
                self.drawRightString(width - MARGIN, y, f"第 {seen[key]}/{totals[key]} 页")
                self.drawCentredString(width / 2, y, title)
                if seen[key] > 1:
                    self.setFont(bold, 8.5)
                    top = height - MARGIN * 0.6
                    self.drawString(MARGIN, top, f"{title}（续）")
                    self.line(MARGIN, top - 4, width - MARGIN, top - 4)
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def bare_document(ids: list[int], out: Path, font: str, bold: str, who: str) -> int:
    rows, look = bare_rows(ids)
    b = 9.2
    body = ParagraphStyle("b", fontName=font, fontSize=b, leading=b * 1.38, wordWrap="CJK")
    small = ParagraphStyle("s", parent=body, fontSize=b * 0.85, leading=b * 1.15, textColor=MUTED)
    label = ParagraphStyle("l", parent=body, fontName=bold, fontSize=b * 0.92, leading=b * 1.25)
    head = ParagraphStyle("h", parent=label, fontSize=b * 1.05)
    title = ParagraphStyle("t", parent=body, fontName=bold, fontSize=b * 1.9, leading=b * 2.3)
    sub = ParagraphStyle("u", parent=body, fontSize=b * 1.05, leading=b * 1.4, textColor=MUTED)
    badge = ParagraphStyle(
        "g", parent=body, fontName=bold, fontSize=b * 1.25, leading=b * 1.6, alignment=1
    )
    badge.textColor = colors.white
    badge_small = ParagraphStyle("gs", parent=badge, fontSize=b * 0.9, leading=b * 1.2)
    width = A4[0] - 2 * MARGIN
    label_w = 30 * mm
    value_w = width / 2 - label_w
    grid = [label_w, value_w, label_w, value_w]

    def para(text, style=body):
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    def fit(text: str, style: ParagraphStyle, room: float):
        if not text:
            return ""
        if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= room - 6.5:
            return text
        return para(text, style)

    def heading(columns: int) -> list:
        return [
            ("SPAN", (0, 0), (columns - 1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONTNAME", (0, 0), (-1, 0), bold),
            ("FONTSIZE", (0, 0), (-1, 0), head.fontSize),
            ("LEADING", (0, 0), (-1, 0), head.leading),
        ]

    def label_font(start: tuple, end: tuple) -> list:
        return [
            ("FONTNAME", start, end, bold),
            ("FONTSIZE", start, end, label.fontSize),
            ("LEADING", start, end, label.leading),
        ]

    column_heads = [("BACKGROUND", (0, 1), (-1, 1), LABEL_FILL), *label_font((0, 1), (-1, 1))]

    def table(data, widths, extra, repeat):
        style = [
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("FONTSIZE", (0, 0), (-1, -1), b),
            ("LEADING", (0, 0), (-1, -1), body.leading),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
            *extra,
        ]
        return Table(
            data, colWidths=widths, repeatRows=repeat, splitInRow=1, splitByRow=1, style=style
        )

    def block(name: str, cells: list[tuple]) -> list:
        """cells: (label, text, key, wide); runs of pairs and of wide texts, as the card."""
        runs: list = []
        for c in cells:
            if runs and runs[-1][0] == c[3]:
                runs[-1][1].append(c)
            else:
                runs.append((c[3], [c]))
        tables = []
        for i, (wide, run) in enumerate(runs or [(False, [])]):
            top = i == 0
            cols = 2 if wide else 4
            data = [[name] + [""] * (cols - 1)] if top else []
            style = (heading(cols) if top else []) + label_font((0, 0), (0, -1))
            if not wide:
                style += label_font((2, 0), (2, -1))
            if wide:
                for lab, text, key, _ in run:
                    fill = KEY_FILL if key else LABEL_FILL
                    style.append(("BACKGROUND", (0, len(data)), (0, len(data)), fill))
                    if key:
                        style.append(("BACKGROUND", (1, len(data)), (1, len(data)), KEY_FILL))
                    data.append([fit(lab, label, label_w), para(text)])
                tables.append(table(data, [label_w, width - label_w], style, 1 if top else 0))
                continue
            for j in range(0, len(run), 2):
                pair, r, line = run[j : j + 2], len(data), []
                room = value_w if len(pair) == 2 else width - label_w
                for col, (lab, text, key, _) in enumerate(pair):
                    line += [fit(lab, label, label_w), fit(text, body, room)]
                    fill = KEY_FILL if key else LABEL_FILL
                    style.append(("BACKGROUND", (2 * col, r), (2 * col, r), fill))
                    if key:
                        style.append(("BACKGROUND", (2 * col + 1, r), (2 * col + 1, r), KEY_FILL))
                if len(pair) == 1:
                    line += ["", ""]
                    style.append(("SPAN", (1, r), (-1, r)))
                    if pair[0][2]:
                        style.append(("BACKGROUND", (1, r), (-1, r), KEY_FILL))
                data.append(line)
            tables.append(table(data, grid, style, 1 if top else 0))
        return tables

    def cell(f, raw) -> tuple:
        text = shown_text(f, raw)
        wide = f.name == "address" or (
            f.kind is Kind.LONGTEXT
            and ("\n" in text or stringWidth(text, font, b) > 2 * (value_w - 2 * PAD) * 0.9)
        )
        return (f.label("zh"), text, f.key, wide)

    grade_ids = {sid for sid, key, _ in look["schemes"] if key == "grade"}
    scheme_order = {sid: n for n, (sid, _, _) in enumerate(look["schemes"])}
    scheme_names = {sid: name for sid, _, name in look["schemes"]}
    person_fields = {f.name: f for f in PERSON_FIELDS}
    by_name = {f.name: f for f in CUSTOMER_FIELDS}
    story: list = []
    for n, (c, persons, visits, classes, stop) in enumerate(rows):
        name = c["name"] or ""
        if n:
            story.append(PageBreak())
        story.append(Group(c["id"], f"{name}（{c['code']}）"))
        pairs = sorted(classes, key=lambda p: scheme_order.get(p[0], 99))
        cats = look["categories"]
        grade = next((category_path(cats, k) for s, k in pairs if s in grade_ids), None)
        line = [f"{scheme_names.get(s, '?')}：{category_path(cats, k)}" for s, k in pairs]
        line = [t for (s, _), t in zip(pairs, line, strict=True) if s not in grade_ids]
        no_class = not line and not grade
        if stop and stop[0] in look["routes"]:
            line.append(f"路线：{look['routes'][stop[0]]} 第 {stop[1] + 1} 站")
        if look["users"].get(c["owner_id"]):
            line.append(f"负责人：{look['users'][c['owner_id']]}")
        if no_class:
            line.insert(0, "分类：未分类")
        subtitle = [f"客户编号：{c['code']}"]
        if c["short_name"]:
            subtitle.append(f"简称：{c['short_name']}")
        if c["status"] == "archived":
            subtitle.append("【已归档】")
        marks = [para(grade or "未分级", badge)]
        credit = by_name["credit_status"]
        if c["credit_status"]:
            marks.append(
                para(
                    f"信用 {display(credit, from_db(credit, c['credit_status']), 'zh')}",
                    badge_small,
                )
            )
        story.append(
            Table(
                [
                    [[para(name, title), para("　".join(subtitle), sub)], marks],
                    [para("　".join(line), small), ""],
                ],
                colWidths=[width - 40 * mm, 40 * mm],
                style=[
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (1, 0), (1, 0), ACCENT),
                    ("SPAN", (0, 1), (1, 1)),
                    ("BACKGROUND", (0, 1), (1, 1), ACCENT_LIGHT),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.6, ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 1), (-1, 1), 3),
                    ("BOTTOMPADDING", (0, 1), (-1, 1), 4),
                ],
            )
        )
        story.append(Spacer(1, 3 * mm))
        cells = [
            cell(f, c[f.name]) for f in fields_in(Section.IDENTITY) if f.name not in IDENTITY_SKIP
        ]
        if c["latitude"] is not None and c["longitude"] is not None:
            lat, lon = (
                from_db(by_name["latitude"], c["latitude"]),
                from_db(by_name["longitude"], c["longitude"]),
            )
            cells.append(("经纬度", f"{lat:.6f}, {lon:.6f}", False, False))
        cells += [cell(by_name[k], c[k]) for k in ("source", "review_state")]
        story += block(section_label(Section.IDENTITY, "zh_CN"), cells)
        for number, part in zip(PART_NUMBERS, DOSSIER_PARTS, strict=True):
            cells = [cell(f, c[f.name]) for f in fields_in(part)]
            story += [
                Spacer(1, 2.5 * mm),
                *block(f"{number}、{section_label(part, 'zh_CN')}", cells),
            ]
        story.append(Spacer(1, 2.5 * mm))
        widths = [width * f for f in PERSON_WIDTHS]
        data = [
            [section_label(Section.PERSON, "zh_CN")] + [""] * 6,
            [
                fit(person_fields[k].label("zh_CN"), label, w)
                for k, w in zip(PERSON_COLUMNS, widths, strict=True)
            ],
        ]
        style = heading(7) + column_heads
        if not persons:
            data.append([para("（未登记关键人物）", small)] + [""] * 6)
            story.append(table(data, widths, [*style, ("SPAN", (0, 2), (-1, 2))], 2))
        for p in persons:
            data.append(
                [
                    fit(shown_text(person_fields[k], p[k]), body, w)
                    for k, w in zip(PERSON_COLUMNS, widths, strict=True)
                ]
            )
            story.append(table(data, widths, style, 2 if len(data) > 1 else 0))
            data, style = [], []
            details = [
                f"{f.label('zh_CN')}：{shown_text(f, p[f.name])}"
                for f in PERSON_FIELDS
                if f.name not in PERSON_COLUMNS and shown_text(f, p[f.name])
            ]
            if details:
                story.append(table([[para("　".join(details), small)]], [width], [], 0))
        custom = json.loads(c["custom_fields"] or "{}")
        if custom:
            cells = [(str(k), "" if v is None else str(v), False, False) for k, v in custom.items()]
            story += [Spacer(1, 2.5 * mm), *block("其他", cells)]
        widths = [width * f for f in VISIT_WIDTHS]
        heads = ("日期", "类型", "推销员", "内容 / 发现 / 下一步", "下次访问")
        data = [
            ["最近访问", "", "", "", ""],
            [fit(h, label, w) for h, w in zip(heads, widths, strict=True)],
        ]
        style = heading(5) + column_heads
        for day, kind, seller, content, findings, next_step, next_on in visits:
            text = "\n".join(
                t
                for t in (
                    content,
                    f"发现：{findings}" if findings else "",
                    f"下一步：{next_step}" if next_step else "",
                )
                if t
            )
            data.append(
                [
                    fit(str(day)[:10], body, widths[0]),
                    fit(KIND_LABELS.get(kind, kind), body, widths[1]),
                    fit(look["users"].get(seller, ""), body, widths[2]),
                    para(text),
                    fit(str(next_on)[:10] if next_on else "", body, widths[4]),
                ]
            )
        if not visits:
            data.append([para("（暂无访问记录）", small), "", "", "", ""])
            style.append(("SPAN", (0, 2), (-1, 2)))
        story += [Spacer(1, 2.5 * mm), table(data, widths, style, 2)]

    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    frame = Frame(MARGIN, MARGIN, width, A4[1] - 2 * MARGIN, 0, 0, 0, 0, id="body")
    doc = BaseDocTemplate(str(out), pagesize=A4, initialFontName=font, invariant=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    maker = numbered_canvas(font, bold, who, stamp)
    made: list = []
    doc.build(story, canvasmaker=lambda *a, **k: made.append(maker(*a, **k)) or made[-1])
    return len(made[-1].pages)


def pdf_text(path: Path) -> str | None:
    """The text of a PDF without whitespace and print times (None without pdftotext)."""
    if not shutil.which("pdftotext"):
        return None
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "", text))


# ---- run ----------------------------------------------------------------------------------


def page_count(path: Path) -> int:
    if not shutil.which("pdfinfo"):
        return 0
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    return int(found[1]) if found else 0


def main() -> int:
    args = parse_args()
    cache = args.cache or Path(tempfile.mkdtemp(prefix="kehu-bench-pdf-"))
    cache.mkdir(parents=True, exist_ok=True)
    ws = open_demo(cache, args.customers)
    user = ws.user
    from kehu.exchange import fonts
    from kehu.services import exports
    from kehu.services.selection import Selection, resolve

    ids = resolve(Selection(), user, limit=args.customers)
    started = time.perf_counter()
    chosen = fonts.pdf_fonts()
    font_s = time.perf_counter() - started
    print(f"font: {chosen.path} (embedded: {chosen.embedded}), registered in {font_s:.2f} s")
    print(f"cards: {len(ids)}")
    kehu_times, bare_times, pages = [], [], {}
    bare_out, kehu_out = cache / "bare.pdf", cache / "kehu.pdf"
    for run in range(args.repeat):
        started = time.perf_counter()
        pages["bare"] = bare_document(ids, bare_out, chosen.regular, chosen.bold, user.display_name)
        bare_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        exports.export("pdf", "card", ids, kehu_out, user, {"selection": "benchmark"})
        kehu_times.append(time.perf_counter() - started)
        print(f"run {run + 1}: bare reportlab {bare_times[-1]:.2f} s, kehu {kehu_times[-1]:.2f} s")
    pages["kehu"] = page_count(kehu_out)
    kehu_text, bare_text = pdf_text(kehu_out), pdf_text(bare_out)
    same = None if kehu_text is None else kehu_text == bare_text
    best_kehu, best_bare = min(kehu_times), min(bare_times)
    ratio = best_kehu / best_bare
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    print(
        f"bare reportlab: {best_bare:.2f} s for {pages['bare']} pages "
        f"({best_bare / len(ids) * 1000:.1f} ms per card)"
    )
    print(
        f"kehu export:    {best_kehu:.2f} s for {pages['kehu']} pages "
        f"({best_kehu / len(ids) * 1000:.1f} ms per card)"
    )
    print(f"same text in both PDFs (pdftotext, print times removed): {same}")
    print(f"ratio: {ratio:.2f} (target <= 1.3), best of {args.repeat}")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    ws.database.close()
    print(
        json.dumps(
            {
                "benchmark": "pdf",
                "customers": len(ids),
                "kehu_s": round(best_kehu, 3),
                "baseline_s": round(best_bare, 3),
                "ratio": round(ratio, 3),
                "kehu_pages": pages["kehu"],
                "baseline_pages": pages["bare"],
                "same_text": same,
                "ms_per_card": round(best_kehu / max(len(ids), 1) * 1000, 2),
                "font_register_s": round(font_s, 3),
                "runs": args.repeat,
                "load_average_1m": round(load[0], 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
