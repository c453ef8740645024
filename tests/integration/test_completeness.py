"""The stored completeness (customer.completeness): kept by every write, rebuilt by repair,
sorted and filtered in SQL, broken down per salesperson (also to Excel and the CLI)."""

from __future__ import annotations

import openpyxl
from openpyxl import load_workbook

from kehu.app import main as cli_main
from kehu.core import completeness as rule
from kehu.db import completeness as stored
from kehu.db.connection import write
from kehu.db.customer_list import ListSpec, iter_pages, page
from kehu.db.models import Category, Customer, Scheme
from kehu.services import (
    analysis_completeness,
    analysis_report,
    auth,
    classification,
    demo,
    dossiers,
    exports,
    repair,
)
from kehu.services.imports import ImportOptions, run_import

FULL = {
    "name": "北京海淀科技有限公司",
    "address": "北京市海淀区中关村大街1号",
    "phone": "010-88888888",
    "postal_code": "100080",
}

RICH = {  # every basic field (no categories: 27 of the 36 basic weight, 75 %)
    **FULL,
    "uscc": "91110108MA01ABCD1E",
    "email": "info@example.cn",
    "founded_on": "2010-05-01",
    "org_form": "llc",
    "industry": "软件",
    "registered_capital": "1000000",
    "service_area": "华北",
    "sales_capacity": "强",
    "potential": "大",
    "employees": "120",
}


def _value(cid: int) -> int | None:
    return Customer.get_by_id(cid).completeness


def _stage(position: int) -> int:
    scheme = Scheme.get(Scheme.key == "stage")
    return (
        Category.select()
        .where(Category.scheme == scheme, Category.parent.is_null())
        .order_by(Category.position)[position]
        .id
    )


def test_a_saved_card_stores_its_completeness(workspace, user):
    cid = dossiers.create({"name": "某公司"}, user)
    assert _value(cid) == rule.score({"name": "某公司"}).percent
    first = _value(cid)
    base = dossiers.load(cid)
    dossiers.save(base, FULL, user, persons=[{"name": "张伟", "mobile": "13800000000"}])
    expected = rule.score(FULL, [{"name": "张伟", "mobile": "13800000000"}])
    assert _value(cid) == expected.percent > first


def test_the_stage_decides_which_items_count(workspace, user):
    cid = dossiers.create(FULL, user, persons=[{"name": "张伟", "mobile": "13800000000"}])
    no_stage = _value(cid)
    classification.assign([cid], _stage(0), user)  # 老客户: the business parts count too
    established = _value(cid)
    classification.assign([cid], _stage(2), user)  # 未来客户: the basic data only
    prospect = _value(cid)
    assert established < no_stage < prospect  # the stage itself is a basic item
    persons = [{"name": "张伟", "mobile": "13800000000"}]
    assert prospect == rule.score(FULL, persons, {"stage"}, rule.Stage.PROSPECTIVE).percent
    assert established == rule.score(FULL, persons, {"stage"}, rule.Stage.ESTABLISHED).percent


def _book(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_imported_customers_have_their_completeness(workspace, user, tmp_path):
    path = _book(
        tmp_path / "customers.xlsx",
        [
            ["客户名称", "地址", "电话", "联系人", "手机", "客户阶段"],
            ["上海浦东贸易有限公司", "上海市浦东新区世纪大道1号", "021-66666666", "王芳", "13900000000", "未来客户"],
            ["广州天河商行", None, None, None, None, None],
        ],
    )  # fmt: skip
    report = run_import(path, user, ImportOptions())
    assert report.created == 2
    full, thin = (
        Customer.get(Customer.name == n) for n in ("上海浦东贸易有限公司", "广州天河商行")
    )
    values = {"name": full.name, "address": full.address, "phone": full.phone}
    persons = [{"name": "王芳", "mobile": "13900000000"}]
    assert (
        full.completeness == rule.score(values, persons, {"stage"}, rule.Stage.PROSPECTIVE).percent
    )
    assert thin.completeness == rule.score({"name": thin.name}).percent
    assert thin.completeness < rule.LOW < full.completeness or thin.completeness < full.completeness


def test_repair_computes_missing_and_wrong_values_again(workspace, user):
    ids = [dossiers.create({**FULL, "name": f"客户{i}"}, user) for i in range(7)]
    right = _value(ids[0])
    db = workspace.database.db
    write(db, lambda: Customer.update(completeness=None).where(Customer.id.in_(ids[:5])).execute())
    write(db, lambda: Customer.update(completeness=3).where(Customer.id == ids[6]).execute())
    assert stored.missing_count() == 5
    report = repair.repair(workspace.database, user)
    texts = [m.message("en") for m in report.done]
    assert "Completeness computed again for 6 customers." in texts
    assert all(_value(cid) == right for cid in ids)
    assert stored.missing_count() == 0
    assert repair.repair(workspace.database, user).nothing_to_do


def test_the_fill_works_in_batches_and_only_on_missing_values(workspace, user):
    ids = [dossiers.create({"name": f"客户{i}"}, user) for i in range(12)]
    db = workspace.database.db
    write(db, lambda: Customer.update(completeness=None).where(Customer.id.in_(ids[3:])).execute())
    write(db, lambda: Customer.update(completeness=99).where(Customer.id == ids[0]).execute())
    assert stored.fill(only_missing=True, batch=4) == 9
    assert _value(ids[0]) == 99  # not missing: left alone
    assert stored.fill(batch=5) == 1 and _value(ids[0]) == _value(ids[1])


def test_demo_customers_come_with_their_completeness(workspace, user):
    demo.generate(60, user=user)
    assert stored.missing_count() == 0
    assert stored.fill() == 0  # what the workers computed is what the database gives


def test_the_list_sorts_by_completeness_with_keyset_pages(workspace, user):
    ids = [dossiers.create({"name": f"客户{i}"}, user) for i in range(6)]
    ids += [dossiers.create({**FULL, "name": f"全{i}"}, user) for i in range(6)]
    db = workspace.database.db
    write(db, lambda: Customer.update(completeness=None).where(Customer.id.in_(ids[:3])).execute())
    spec = ListSpec(user, sort="completeness")

    def walk(spec):
        return [cid for part in iter_pages(spec, first=2, largest=2) for cid in part]

    values = {cid: _value(cid) for cid in ids}
    ascending = walk(spec)
    assert sorted(ascending) == sorted(ids)
    keys = [(-1 if values[c] is None else values[c], c) for c in ascending]
    assert keys == sorted(keys)
    descending = walk(spec.with_(descending=True))
    assert descending == list(reversed(ascending))
    first, after = page(spec, 4)
    second, _ = page(spec, 4, after)
    assert first + second == ascending[:8]


def test_the_below_filter(workspace, user):
    thin = [dossiers.create({"name": f"客户{i}"}, user) for i in range(3)]
    rich = dossiers.parse_values(RICH)
    full = dossiers.create(rich, user, persons=[{"name": "张伟", "mobile": "13800000000"}])
    assert _value(full) == 75 and _value(thin[0]) < 60
    spec = ListSpec(user, completeness_below=60)
    assert [cid for part in iter_pages(spec) for cid in part] == thin
    assert page(spec.with_(completeness_below=_value(full) + 1), 10)[0] == [*thin, full]


def _team(admin):
    a = auth.create_user("a", "李明", "salesperson")
    b = auth.create_user("b", "张丽", "salesperson")
    for i in range(3):
        dossiers.create({"name": f"薄{i}"}, admin, owner=a)
    rich = dossiers.parse_values(RICH)
    dossiers.create(rich, admin, owner=a, persons=[{"name": "张伟", "mobile": "13800000000"}])
    dossiers.create(rich, admin, owner=b, persons=[{"name": "王芳", "mobile": "13900000000"}])
    not_yet = dossiers.create({"name": "未算"}, admin, owner=b)
    db = Customer._meta.database
    write(db, lambda: Customer.update(completeness=None).where(Customer.id == not_yet).execute())
    return a, b


def test_the_breakdown_per_salesperson(workspace, user):
    a, b = _team(user)
    thin = rule.score({"name": "薄0"}).percent
    full = 75
    table = analysis_completeness.breakdown(user, lang="zh_CN")
    rows = {row.label: row for row in table.rows}
    assert [row.label for row in table.rows] == ["李明", "张丽"]  # the thinnest first
    li, zhang = rows["李明"], rows["张丽"]
    assert (li.customers, li.below, li.not_computed) == (4, 3, 0)
    assert float(li.average) == round((3 * thin + full) / 4, 1)
    assert float(li.below_share) == 75.0
    assert (zhang.customers, zhang.below, zhang.not_computed, float(zhang.average)) == (
        2, 0, 1, float(full)
    )  # fmt: skip
    assert (table.total.customers, table.total.below, table.total.not_computed) == (6, 3, 1)
    clerk = analysis_completeness.breakdown(a)
    assert [row.label for row in clerk.rows] == ["李明"]  # what the viewer's analyses cover


def test_the_breakdown_to_excel_and_on_the_command_line(workspace, user, db_path, tmp_path, capsys):
    _team(user)
    report = analysis_report.build(user, "completeness", None, lang="zh_CN")
    assert report.columns[:4] == ["推销员", "客户数", "平均健全度 %", "低于 60 %"]
    out = exports.export(
        "xlsx", "analysis", [], tmp_path / "complete", user, {"analysis": "completeness"},
        lang="zh_CN",
    )  # fmt: skip
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "档案健全度"
    cells = [[c.value for c in row] for row in sheet.iter_rows(min_row=1, max_row=12)]
    assert any(row[:2] == ["李明", 4] for row in cells), cells
    code = cli_main(["--db", str(db_path), "--lang", "en", "analyse", "completeness"])
    printed = capsys.readouterr().out
    assert code == 0 and "李明" in printed and "Below 60 %" in printed


def test_a_merge_and_its_undo_keep_the_stored_completeness(workspace, user):
    from kehu.services import merge

    keep = dossiers.create({"name": "北京海淀华鑫五金有限公司"}, user)
    other = dossiers.create(
        {
            "name": "海淀华鑫五金（北京）",
            "address": "北京市海淀区学院路1号",
            "phone": "010-62345678",
        },
        user,
        persons=[{"name": "张伟", "mobile": "13800000000"}],
    )
    before = _value(keep)
    merge_id = merge.merge(merge.plan(keep, other, user), {"name": merge.KEEP}, user)
    values = {"name": "北京海淀华鑫五金有限公司", "address": "北京市海淀区学院路1号"}
    values["phone"] = "010-62345678"
    persons = [{"name": "张伟", "mobile": "13800000000"}]
    assert _value(keep) == rule.score(values, persons).percent > before
    merge.undo(merge_id, user)
    assert _value(keep) == before
