"""Duplicate policies, dry runs, rejected-rows report, sale lines, customer forms, the CLI."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import openpyxl
import pytest

from backends import BOTH
from kehu import cli
from kehu.db.models import AuditEntry, FieldChange, PendingReview, Product, SaleLine
from kehu.services import dossiers, exports, imports
from kehu.services.imports import ImportOptions, run_import

pytestmark = BOTH


def _book(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def existing(workspace, user):
    return dossiers.create(
        {"name": "北京海淀科技有限公司", "phone": "010-62345678", "email": "old@hd.example"}, user
    )


ROWS = [
    ["公司名称", "联系电话", "电子邮箱", "业种"],
    ["北京海淀科技（有限公司）", "010-62345678", "new@hd.example", "软件"],
    ["深圳南山电子厂", "0755 2666 1234", None, "电子"],
    ["深圳南山电子厂", "0755-26661234", None, "电子"],
]


@pytest.mark.parametrize(
    "policy, created, updated, skipped, email, industry",
    [
        ("skip", 1, 0, 2, "old@hd.example", None),
        ("update_empty", 1, 1, 1, "old@hd.example", "软件"),
        ("overwrite", 1, 1, 1, "new@hd.example", "软件"),
        ("import_anyway", 3, 0, 0, "old@hd.example", None),
    ],
)
def test_duplicate_policies(
    workspace, user, existing, tmp_path, policy, created, updated, skipped, email, industry
):
    path = _book(tmp_path / "dups.xlsx", ROWS)
    dry = run_import(path, user, ImportOptions(on_duplicate=policy, dry_run=True))
    assert (dry.created, dry.updated, dry.skipped) == (created, updated, skipped)
    assert dossiers.Customer.select().count() == 1  # the dry run wrote nothing
    report = run_import(path, user, ImportOptions(on_duplicate=policy))
    assert (report.created, report.updated, report.skipped) == (created, updated, skipped)
    values = dossiers.load(existing).values
    assert (values["email"], values["industry"]) == (email, industry)
    if policy == "skip":
        messages = [d.message("zh") for d in report.duplicates]
        assert "第2行与已有客户 KH000001 的客户名称相同" in messages
        assert "第4行与第3行的电话相同" in messages or "第4行与第3行的客户名称相同" in messages


def test_rejected_rows_report_has_reason_row_and_original_cells(workspace, user, tmp_path):
    path = _book(
        tmp_path / "bad.xlsx",
        [
            ["客户名称", "邮编", "电子邮箱"],
            ["甲", "10001", "a@b.cn"],
            [None, "100080", "x"],
            ["乙", "100080", "y@z.cn"],
        ],
    )
    report = run_import(path, user)
    assert (report.created, report.rejected) == (1, 2)
    out = report.write_rejected(tmp_path / "rejected.xlsx", "zh")
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("原因", "原行号", "客户名称", "邮编", "电子邮箱")
    assert rows[1][1] == 2 and "邮政编码应为6位数字" in rows[1][0] and rows[1][3] == "10001"
    assert rows[2][1] == 3 and "客户名称为空" in rows[2][0] and "电子邮箱" in rows[2][0]
    batch = imports.recent_batches(user)[0]
    assert (batch.rows_total, batch.rows_created, batch.rows_rejected) == (3, 1, 2)
    audit = AuditEntry.select().where(AuditEntry.action == "import").get()
    assert json.loads(audit.details)["file_sha256"] == imports.file_sha256(path)


def test_saved_mapping_is_applied(workspace, user, tmp_path):
    path = _book(tmp_path / "odd.xlsx", [["单位", "号码"], ["甲公司", "010-62345678"]])
    inspection = imports.inspect(path)
    assert inspection.mapping.targets == ["", ""]
    inspection.mapping.set(0, "name")
    inspection.mapping.set(1, "phone")
    saved = json.loads(inspection.mapping.to_json("customers"))
    report = run_import(path, user, ImportOptions(saved_mapping=saved))
    assert report.created == 1
    assert dossiers.load(report.created_ids[0]).values["phone"] == "010-62345678"


def test_sale_lines_import_and_undo(workspace, user, existing, tmp_path):
    other = dossiers.create({"name": "上海浦东贸易", "uscc": None}, user)
    path = _book(
        tmp_path / "sales.xlsx",
        [
            ["销售日期", "客户编号", "客户名称", "商品名称", "商品类别", "数量", "金额"],
            [dt.date(2024, 3, 1), "KH000001", None, "打印纸", "办公用品", 10, 1234.5],
            ["2024/3/2", None, "上海浦东贸易", "墨盒", "耗材", "2.5", "¥99.90"],
            ["2024-03-03", "KH999999", None, "墨盒", None, 1, 10],
        ],
    )
    report = run_import(path, user, ImportOptions(kind="sales"))
    assert (report.created, report.rejected) == (2, 1)
    assert "KH999999" in report.errors[0].message("zh")
    lines = {s.customer_id: s for s in SaleLine.select()}
    assert lines[existing].amount == 123450 and lines[existing].quantity == Decimal("10")
    assert lines[other].amount == 9990 and lines[other].product_category == "耗材"
    assert Product.select().count() == 2
    imports.undo(report.batch_id, user)
    assert SaleLine.select().count() == 0 and Product.select().count() == 0


def test_customer_form_becomes_a_pending_review(workspace, user, existing, tmp_path):
    dossiers.save(
        dossiers.load(existing), {}, user, persons=[{"name": "张三", "mobile": "13812345678"}]
    )
    out = exports.export("xlsx", "form", [existing], tmp_path / "form.xlsx", user, {})
    book = openpyxl.load_workbook(out)
    ws = book.active
    assert ws["B1"].value == "客户资料表" and ws.protection.sheet
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    person_id = dossiers.load(existing).persons[0]["id"]
    ws.cell(rows["email"], 3).value = "new@hd.example"
    ws.cell(rows["employees"], 3).value = 80
    ws.cell(rows["postal_code"], 3).value = "12345"
    ws.cell(rows[f"person.{person_id}.mobile"], 3).value = "13912345678"
    ws.cell(rows["person.new1.name"], 3).value = "李四"
    ws.cell(rows["person.new1.title"], 3).value = "采购经理"
    book.save(out)

    report = run_import(out, user, ImportOptions(kind="forms"))
    assert report.reviews == 1
    assert dossiers.load(existing).values["email"] == "old@hd.example"  # unchanged
    review = PendingReview.get()
    assert review.source == "customer_form"
    lines = {line.key: line for line in imports.review_lines(review.id, user, "zh")}
    assert lines["email"].current == "old@hd.example"
    assert lines["email"].proposed == "new@hd.example"
    assert lines["postal_code"].problem and "6位" in lines["postal_code"].problem
    accepted = {
        lines[k].item_id
        for k in ("email", "person.new1.name", "person.new1.title", f"person.{person_id}.mobile")
    }
    history = FieldChange.select().count()
    imports.decide_review(review.id, accepted, user)
    after = dossiers.load(existing)
    assert after.values["email"] == "new@hd.example"
    assert after.values["employees"] is None  # rejected
    assert [(p["name"], p["mobile"], p["title"]) for p in after.persons] == [
        ("张三", "13912345678", None),
        ("李四", None, "采购经理"),
    ]
    assert FieldChange.select().count() > history
    assert PendingReview.get_by_id(review.id).status == "applied"
    decided = AuditEntry.select().where(AuditEntry.action == "form_review").get()
    assert "employees" in json.loads(decided.details)["rejected"]
    assert imports.pending_reviews(user) == []


def test_blank_form_creates_a_new_customer_on_acceptance(workspace, user, tmp_path):
    out = exports.export("xlsx", "form", [], tmp_path / "blank.xlsx", user, {"blank": "1"})
    book = openpyxl.load_workbook(out)
    ws = book.active
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(rows["name"], 3).value = "新来的客户有限公司"
    ws.cell(rows["org_form"], 3).value = "有限责任公司"
    book.save(out)
    run_import(out, user, ImportOptions(kind="forms"))
    review = imports.pending_reviews(user)[0]
    assert review.customer_id is None
    items = {line.key: line.item_id for line in imports.review_lines(review.id, user)}
    cid = imports.decide_review(review.id, set(items.values()), user)
    created = dossiers.load(cid)
    assert created.values["org_form"] == "llc"
    assert created.values["source"] == "customer_form"


def test_cli_import_dry_run_and_undo(workspace, user, tmp_path, capsys, db_path):
    path = _book(
        tmp_path / "cli.xlsx", [["客户名称", "电话"], ["甲", "010-62345678"], ["乙", 1062345678]]
    )
    workspace.database.close()
    base = ["--db", str(db_path), "--lang", "zh_CN", "import"]
    assert cli.run(cli.parse([*base, str(path), "--dry-run"])) == 0
    out = capsys.readouterr().out
    assert "试运行" in out and "将新建 1" in out and "区号开头的0已丢失" in out
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".xlsx" and p.name != "cli.xlsx"]
    report = tmp_path / "rejected.xlsx"
    assert cli.run(cli.parse([*base, str(path), "--dry-run", "--rejected", str(report)])) == 0
    assert report.exists()
    report.write_bytes(b"keep me")
    assert cli.run(cli.parse([*base, str(path), "--dry-run", "--rejected", str(report)])) == 0
    assert report.read_bytes() == b"keep me"  # never overwritten without asking
    capsys.readouterr()
    assert cli.run(cli.parse([*base, str(path)])) == 0
    assert "kehu import --undo 1" in capsys.readouterr().out
    assert cli.run(cli.parse([*base, "--undo", "1"])) == 0
    assert dossiers.Customer.select().count() == 0


def test_duplicates_across_batches_and_codes(workspace, user, existing, tmp_path):
    """With one row per batch, duplicates of earlier rows, taken codes and the key-person
    sheet behave as within one batch (the keys live in a temporary table between batches)."""
    book = openpyxl.Workbook()
    book.active.title = "客户"
    for row in [
        ["客户编号", "客户名称", "联系电话"],
        [None, "上海浦东贸易有限公司", "021-58881234"],
        ["KH000003", "杭州西湖茶业", None],
        [None, "上海浦东贸易(有限公司)", None],
        ["KH000001", "南京鼓楼文具", None],
        [None, "北京海淀科技有限公司", None],
    ]:
        book.active.append(row)
    persons = book.create_sheet("联系人")
    persons.append(["客户名称", "姓名", "手机"])
    persons.append(["杭州西湖茶业", "王芳", "13812345678"])
    path = tmp_path / "batches.xlsx"
    book.save(path)
    options = ImportOptions(batch_size=1, on_duplicate="import_anyway", persons_sheet="联系人")
    dry = run_import(path, user, ImportOptions(batch_size=1, dry_run=True))
    assert (dry.created, dry.skipped) == (2, 3)
    report = run_import(path, user, ImportOptions(batch_size=1))
    assert (report.created, report.skipped) == (2, 3)
    messages = [d.message("zh") for d in report.duplicates]
    assert messages == [
        "第4行与第2行的客户名称相同",
        "第5行与已有客户 KH000001 的客户编号相同",
        "第6行与已有客户 KH000001 的客户名称相同",
    ]
    codes = sorted(c.code for c in dossiers.Customer.select())
    assert codes == ["KH000001", "KH000002", "KH000003"]
    imports.undo(report.batch_id, user)
    report = run_import(path, user, options)
    assert (report.created, report.skipped) == (5, 0)
    codes = [c.code for c in dossiers.Customer.select()]
    assert len(codes) == len(set(codes)) == 6  # KH000001 and KH000003 taken: new codes given
    assert any("KH000001 已被使用" in p.message("zh") for p in report.warnings)
    tea = dossiers.Customer.get(dossiers.Customer.name == "杭州西湖茶业")
    assert tea.code == "KH000003"
    assert [p["name"] for p in dossiers.load(tea.id).persons] == ["王芳"]


def test_a_missing_column_is_named_in_the_language_shown(workspace, user, tmp_path):
    path = _book(tmp_path / "sales.xlsx", [["客户名称", "金额"], ["甲", 3]])
    with pytest.raises(imports.ImportFailed) as caught:
        run_import(path, user, ImportOptions(kind="sales"))
    assert caught.value.message("zh_CN") == "缺少必需的列：日期（标题行在第1行）"
    assert caught.value.message("en") == "Required columns are missing: Date (header row 1)"
