"""PDF benchmark: N client cards through `kehu.exchange.pdf_export` vs a bare reportlab
document with the same table layout and font, built from the same rows read with plain SQL.

    python benchmarks/pdf.py [--customers 1000] [--cache DIR] [--repeat 2]

The demo database is made once with `kehu.services.demo.generate` and kept under --cache.
The last line printed is a JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

from kehu.core.fields import CUSTOMER_FIELDS, DOSSIER_PARTS, PERSON_FIELDS, Kind
from kehu.core.language import set_language
from kehu.core.values import display, from_db


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=1000, help="cards to print (1000)")
    parser.add_argument("--cache", type=Path, default=None, help="folder for the demo database")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each side; best is kept")
    return parser.parse_args()


def open_demo(cache: Path, customers: int):
    from kehu.services.workspace import open_workspace

    path = cache / f"pdf-demo-{customers}.db"
    fresh = not path.exists()
    ws = open_workspace(path, lang="zh_CN")
    if fresh:
        from kehu.services import demo

        started = time.perf_counter()
        demo.generate(customers=customers, user=ws.user)
        print(f"demo database: {customers} customers in {time.perf_counter() - started:.1f} s")
    return ws


# ---- the bare reportlab document ----------------------------------------------------------

SHORT = {f.name for f in CUSTOMER_FIELDS if f.kind is not Kind.LONGTEXT}


def bare_rows(ids: list[int]):
    """Customers, persons, visits and category names with plain SQL (no services)."""
    from kehu.db.models import Customer, CustomerCategory, KeyPerson, Visit, database_proxy

    db = database_proxy.obj
    names = [f.name for f in CUSTOMER_FIELDS]
    customers = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in Customer.select().where(Customer.id.in_(chunk)).dicts():
            customers[row["id"]] = row
    persons: dict[int, list[dict]] = {}
    for row in KeyPerson.select().where(KeyPerson.customer.in_(ids)).dicts():
        persons.setdefault(row["customer"], []).append(row)
    visits: dict[int, list[dict]] = {}
    for row in (
        Visit.select().where(Visit.customer.in_(ids)).order_by(Visit.visit_date.desc()).dicts()
    ):
        visits.setdefault(row["customer"], []).append(row)
    cats = dict(db.execute_sql("SELECT id, name FROM category").fetchall())
    classes: dict[int, list[str]] = {}
    for row in CustomerCategory.select().where(CustomerCategory.customer.in_(ids)).dicts():
        classes.setdefault(row["customer"], []).append(cats[row["category"]])
    return [
        (customers[i], persons.get(i, []), visits.get(i, [])[:5], classes.get(i, []))
        for i in ids
        if i in customers
    ], names


def bare_document(ids: list[int], out: Path, font: str) -> int:
    """The card layout written directly with reportlab: header, identity and the four parts
    (short fields two to a row, long texts one to a row), key persons, last visits."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    rows, _names = bare_rows(ids)
    body = ParagraphStyle("b", fontName=font, fontSize=9.2, leading=12.7, wordWrap="CJK")
    label = ParagraphStyle("l", parent=body, fontSize=8.5, leading=11.5)
    title = ParagraphStyle("t", parent=body, fontSize=17.5, leading=21)
    width = A4[0] - 28 * mm
    label_w = 30 * mm
    value_w = width / 2 - label_w
    base = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 9.2),
        ("LEADING", (0, 0), (-1, -1), 12.7),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    head = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F4E79")),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ]

    def cell(text: str, style: ParagraphStyle, room: float):
        if text and "\n" not in text and stringWidth(text, font, style.fontSize) <= room - 6.5:
            return text
        return Paragraph(text, style) if text else ""

    def table(data, widths, extra=()):
        return Table(data, colWidths=widths, style=[*base, *extra], splitInRow=1, repeatRows=1)

    story: list = []
    for n, (customer, persons, visits, classes) in enumerate(rows):
        if n:
            story.append(PageBreak())
        story.append(
            Table(
                [
                    [
                        [Paragraph(customer["name"], title), Paragraph(customer["code"], body)],
                        Paragraph(classes[0] if classes else "", body),
                    ],
                    [Paragraph(" ".join(classes), body), ""],
                ],
                colWidths=[width - 40 * mm, 40 * mm],
                style=[("SPAN", (0, 1), (1, 1))],
            )
        )
        story.append(Spacer(1, 3 * mm))
        for part in ("identity", *DOSSIER_PARTS):
            fields = [
                f
                for f in CUSTOMER_FIELDS
                if f.section == part
                and f.name not in ("code", "name", "short_name", "latitude", "longitude")
            ]
            texts = [(f.zh, display(f, from_db(f, customer[f.name]), "zh"), f.kind) for f in fields]
            runs: list = []
            for zh, text, kind in texts:
                wide = kind is Kind.LONGTEXT and stringWidth(text, font, 9.2) > 2 * value_w - 12
                if runs and runs[-1][0] == wide:
                    runs[-1][1].append((zh, text))
                else:
                    runs.append((wide, [(zh, text)]))
            for i, (wide, run) in enumerate(runs):
                data = [[str(part)] + [""] * (1 if wide else 3)] if i == 0 else []
                if wide:
                    data += [[cell(zh, label, label_w), Paragraph(text, body)] for zh, text in run]
                    story.append(table(data, [label_w, width - label_w], head if i == 0 else ()))
                    continue
                for j in range(0, len(run), 2):
                    line = []
                    for zh, text in run[j : j + 2]:
                        line += [cell(zh, label, label_w), cell(text, body, value_w)]
                    data.append(line + ["", ""] * (2 - len(line) // 2))
                story.append(table(data, [label_w, value_w] * 2, head if i == 0 else ()))
            story.append(Spacer(1, 2.5 * mm))
        cols = ("role", "name", "title", "mobile", "phone", "wechat", "email")
        widths7 = [width * f for f in (0.125, 0.11, 0.12, 0.135, 0.14, 0.12, 0.25)]
        data = [["关键人物"] + [""] * 6, [f.zh for f in PERSON_FIELDS if f.name in cols]]
        for p in persons:
            data.append(
                [cell(str(p.get(c) or ""), body, w) for c, w in zip(cols, widths7, strict=True)]
            )
            story.append(table(data, widths7, head if len(data) > 1 else ()))
            story.append(table([[Paragraph(str(p.get("notes") or ""), label)]], [width]))
            data = []
        if data:
            story.append(table(data, widths7, head))
        widths5 = [width * f for f in (0.14, 0.11, 0.12, 0.49, 0.14)]
        data = [
            ["最近访问", "", "", "", ""],
            ["日期", "类型", "业务员", "内容 / 发现 / 下一步", "下次访问"],
        ]
        for v in visits:
            text = "\n".join(t for t in (v["content"], v["findings"], v["next_step"]) if t)
            data.append(
                [
                    str(v["visit_date"]),
                    v["kind"],
                    "",
                    Paragraph(text, body),
                    str(v["next_visit_on"] or ""),
                ]
            )
        story += [Spacer(1, 2.5 * mm), table(data, widths5, head)]

    def footer(canv, doc):
        canv.setFont(font, 7.5)
        canv.drawString(14 * mm, 8 * mm, f"printed {time.strftime('%Y-%m-%d')}")
        canv.drawRightString(A4[0] - 14 * mm, 8 * mm, f"page {doc.page}")

    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        initialFontName=font,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return doc.page


# ---- run ----------------------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    set_language("zh_CN")
    cache = args.cache or Path(tempfile.mkdtemp(prefix="kehu-bench-pdf-"))
    cache.mkdir(parents=True, exist_ok=True)
    ws = open_demo(cache, args.customers)
    user = ws.user
    from kehu.exchange import fonts, pdf_export
    from kehu.services.selection import Selection, resolve

    ids = resolve(Selection(), user, limit=args.customers)
    started = time.perf_counter()
    chosen = fonts.pdf_fonts()
    font_s = time.perf_counter() - started
    print(f"font: {chosen.path} (embedded: {chosen.embedded}), registered in {font_s:.2f} s")
    print(f"cards: {len(ids)}")
    kehu_times, bare_times, pages = [], [], {}
    for run in range(args.repeat):
        out = cache / f"bare-{run}.pdf"
        started = time.perf_counter()
        pages["bare"] = bare_document(ids, out, chosen.regular)
        bare_times.append(time.perf_counter() - started)
        out = cache / f"kehu-{run}.pdf"
        started = time.perf_counter()
        pdf_export.export("card", ids, out, user, {"selection": "benchmark"})
        kehu_times.append(time.perf_counter() - started)
        pages["kehu"] = (
            int(os.popen(f"pdfinfo {out} 2>/dev/null | grep Pages").read().split()[-1] or 0)
            if sys.platform != "win32"
            else 0
        )
        print(f"run {run + 1}: bare reportlab {bare_times[-1]:.2f} s, kehu {kehu_times[-1]:.2f} s")
    best_kehu, best_bare = min(kehu_times), min(bare_times)
    ratio = best_kehu / best_bare
    print(
        f"bare reportlab: {best_bare:.2f} s for {pages['bare']} pages "
        f"({best_bare / len(ids) * 1000:.1f} ms per card)"
    )
    print(
        f"kehu export:    {best_kehu:.2f} s for {pages['kehu']} pages "
        f"({best_kehu / len(ids) * 1000:.1f} ms per card)"
    )
    print(f"ratio: {ratio:.2f} (target <= 1.3)")
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
                "ms_per_card": round(best_kehu / max(len(ids), 1) * 1000, 2),
                "font_register_s": round(font_s, 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
