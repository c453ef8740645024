"""Card and list exports read back with openpyxl: the seed's formatting, text cells, safety."""

from __future__ import annotations

import json

import openpyxl
from openpyxl.utils import get_column_letter

from backends import BOTH
from kehu.db.models import AuditEntry, Category, Visit
from kehu.exchange.xlsx_card import COLUMNS, KEY_FILL
from kehu.exchange.xlsx_sheets import unique_sheet_name
from kehu.services import auth, classification, dossiers, exports

pytestmark = BOTH


def _customer(user, name="北京海淀科技有限公司", **extra):
    grade = classification.scheme_by_key("grade")
    a = Category.get(Category.scheme == grade.id, Category.name == "主力客户 (A)").id
    values = {
        "name": name,
        "phone": "010-62345678",
        "credit_status": "AA",
        "problems": "回款周期长，需要跟进。" * 8,
        **extra,
    }
    cid = dossiers.create(
        values,
        user,
        persons=[{"name": "张三", "role": "owner", "mobile": "13812345678"}],
        categories={grade.id: a},
    )
    Visit.create(
        customer=cid, salesperson=user, visit_date="2024-05-06", kind="routine", content="介绍新品"
    )
    return cid


def _assert_all_borders(ws, last: int) -> None:
    """Every cell has its top and bottom line; left/right lines sit at the edges of merges
    (Excel draws a merged range as one cell)."""
    spans = {}
    for rng in ws.merged_cells.ranges:
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                spans[(row, col)] = rng
    for row in range(1, last + 1):
        for col in range(1, COLUMNS + 1):
            border = ws.cell(row, col).border
            rng = spans.get((row, col))
            top = rng is None or row == rng.min_row
            bottom = rng is None or row == rng.max_row
            left = rng is None or col == rng.min_col
            right = rng is None or col == rng.max_col
            for needed, side in (
                (top, "top"),
                (bottom, "bottom"),
                (left, "left"),
                (right, "right"),
            ):
                if needed:
                    assert getattr(border, side).style == "thin", (row, col, side)


def test_card_follows_the_seed_recipe(workspace, user, tmp_path):
    first = _customer(user)
    second = _customer(user, name="北京海淀科技有限公司")  # same name: unique sheet names
    third = _customer(user, name="A/B:C*公司[总部]?")
    out = exports.export("xlsx", "card", [first, second, third], tmp_path / "cards.xlsx", user, {})
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "北京海淀科技有限公司",
        "北京海淀科技有限公司 (2)",
        "A_B_C_公司_总部__",
    ]
    ws = book.worksheets[0]
    assert "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    title = ws["A1"]
    assert title.value == "客户档案"
    assert (title.font.name, title.font.sz) == ("宋体", 20)
    assert title.alignment.horizontal == "center"
    last = ws.max_row
    _assert_all_borders(ws, last)
    for row in ws.iter_rows(min_row=1, max_row=last, max_col=COLUMNS):
        for cell in row:
            if cell.value is not None:
                assert cell.alignment.horizontal == "center", cell.coordinate
    labels = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for key_label in ("客户名称", "客户编号", "信用状况", "客户等级", "关键人物"):
        assert labels[key_label].fill.fgColor.rgb[-6:] == KEY_FILL.fgColor.rgb[-6:], key_label
    name_value = ws.cell(labels["客户名称"].row, labels["客户名称"].column + 1)
    assert name_value.value == "北京海淀科技有限公司" and name_value.fill.fgColor.rgb.endswith(
        "FFF2CC"
    )
    assert labels["电话"].fill.fgColor.rgb[-6:] != "FFF2CC"
    for part in ("基础资料", "客户特征", "业务状况", "交易活动现状", "关键人物", "最近访问"):
        assert part in labels
    assert "张三" in labels and "介绍新品" in labels
    widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, COLUMNS + 1)]
    assert all(9 <= w <= 36 for w in widths) and max(widths) > 9
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    title_card = exports.export(
        "xlsx", "card", [first], tmp_path / "one.xlsx", user, {"title": "name"}
    )
    assert openpyxl.load_workbook(title_card).active["A1"].value == "北京海淀科技有限公司"


def test_list_export_text_cells_freeze_filter_and_injection(workspace, user, tmp_path):
    cid = _customer(
        user,
        postal_code="010010",
        uscc="91110108MA01ABCD1X"[:17] + "0",
        short_name="=cmd|' /C calc'!A0",
        industry="@SUM(1)",
    )
    out = exports.export(
        "xlsx",
        "list",
        [cid],
        tmp_path / "list.xlsx",
        user,
        {
            "columns": "code,name,short_name,postal_code,phone,industry,客户等级",
            "sheets": "persons,visits,sales",
            "selection": "codes=KH000001",
        },
    )
    book = openpyxl.load_workbook(out)
    ws = book["客户"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:G2"
    header = [c.value for c in ws[1]]
    assert header == ["客户编号", "客户名称", "简称", "邮编", "电话", "业种", "客户等级"]
    row = [c for c in ws[2]]
    assert row[3].value == "010010" and row[3].data_type == "s"
    assert row[4].value == "010-62345678"
    assert row[2].value == "'=cmd|' /C calc'!A0" and row[2].data_type == "s"
    assert row[5].value == "'@SUM(1)"
    assert row[6].value == "主力客户 (A)"
    assert book["关键人物"]["D2"].value == "张三"
    assert book["访问记录"]["F2"].value == "介绍新品"
    assert book.sheetnames == ["客户", "关键人物", "访问记录", "销售记录"]
    entry = AuditEntry.select().where(AuditEntry.action == "export").get()
    details = json.loads(entry.details)
    assert details["rows"] == 1 and len(details["file_sha256"]) == 64


def test_exports_respect_visibility(workspace, user, tmp_path):
    mine = _customer(user)
    other = auth.create_user("li", "李销售")
    theirs = dossiers.create({"name": "别人的客户"}, user, owner=other)
    out = exports.export("xlsx", "list", [mine, theirs], tmp_path / "v.xlsx", other, {})
    names = [
        r[1] for r in openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True)
    ]
    assert names == ["别人的客户"]


def test_sheet_names_are_valid_and_unique():
    used: set[str] = set()
    names = [unique_sheet_name(n, used) for n in ["History", "", "x" * 40, "x" * 40, "a:b"]]
    assert names == ["History_", "Sheet_", "x" * 31, "x" * 27 + " (2)", "a_b"]
    assert all(len(n) <= 31 for n in names)


def test_list_export_cleans_stored_text_in_every_block(workspace, user, tmp_path, backend):
    """Rows are made safe block by block: stored text with control characters, dangerous
    starts and over-long values (in the first and in a later block of 500) reads back as
    `safe_cell_value` makes it; every other cell as stored."""
    from kehu.db.models import Customer
    from kehu.exchange.xlsx_safety import MAX_CELL, safe_cell_value

    rows = [
        {"code": f"KH{n:06d}", "name": f"客户{n}号商店", "owner": user.id, "version": 1}
        for n in range(1, 1203)
    ]
    Customer.insert_many(rows).execute()
    odd = {
        3: {"name": '=HYPERLINK("x")', "address": "北京\x0b海淀"},
        # PostgreSQL text cannot hold NUL at all: another control character stands in there
        777: {
            "name": "坏\x00客户" if backend == "sqlite" else "坏\x01客户",
            "address": "-5 号楼",
            "short_name": "@甲",
        },
        1201: {"address": "长" * (MAX_CELL + 10), "email": "\ta@example.cn"},
        1202: {"address": "第一行\n-第二行"},
    }
    for n, values in odd.items():
        Customer.update(**values).where(Customer.code == f"KH{n:06d}").execute()
    ids = [cid for (cid,) in Customer.select(Customer.id).order_by(Customer.code).tuples()]
    out = exports.export(
        "xlsx",
        "list",
        ids,
        tmp_path / "odd.xlsx",
        user,
        {"columns": "code,name,short_name,address,email"},
    )
    sheet = openpyxl.load_workbook(out, read_only=True).active
    got = list(sheet.iter_rows(min_row=2, max_col=5, values_only=True))
    stored = (
        Customer.select(
            Customer.code, Customer.name, Customer.short_name, Customer.address, Customer.email
        )
        .order_by(Customer.code)
        .tuples()
    )
    assert got == [tuple(safe_cell_value(v) for v in row) for row in stored]
    assert got[2][1] == '\'=HYPERLINK("x")' and got[776][1] == "坏客户"
    assert got[1200][3] == "长" * (MAX_CELL - 1) + "…" and got[1201][3] == "第一行\n-第二行"
