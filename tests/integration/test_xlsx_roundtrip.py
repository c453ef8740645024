"""Export → import gives identical dossiers; undoing an import restores the previous state."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from kehu.db.models import (
    Category,
    CustomerCategory,
    FieldChange,
    ImportBatch,
    Scheme,
    SearchKey,
)
from kehu.services import classification, dossiers, exports, imports
from kehu.services.workspace import open_workspace

FULL = {
    "name": "北京海淀科技有限公司",
    "short_name": "海淀科技",
    "uscc": "91110108MA01ABCD1X",
    "address": "北京市海淀区中关村大街1号",
    "postal_code": "010010",
    "phone": "010-62345678",
    "fax": "010-62345679",
    "email": "info@haidian.example",
    "website": "https://haidian.example",
    "latitude": 39.98,
    "longitude": 116.31,
    "founded_on": dt.date(2008, 3, 1),
    "trading_since": dt.date(2015, 6, 30),
    "org_form": "llc",
    "industry": "软件",
    "registered_capital": Decimal("5000000.00"),
    "assets": Decimal("12345678.90"),
    "service_area": "华北\n东北",
    "employees": 120,
    "annual_sales": Decimal("30000000.50"),
    "sales_activity": '=HYPERLINK("http://evil")',
    "problems": "-回款慢",
    "credit_status": "AA",
    "credit_limit": Decimal("200000.00"),
    "trade_terms": "月结30天",
}
PERSON = {
    "role": "owner",
    "name": "张三",
    "title": "总经理",
    "mobile": "13812345678",
    "phone": "010-62345670",
    "email": "zhang@haidian.example",
    "wechat": "zhangsan",
    "birthday": dt.date(1975, 3, 7),
    "birthday_lunar": "lunar",
    "age": 49,
    "education": "master",
    "hobbies": "钓鱼",
    "id_number": "11010519491231002X",
    "notes": "@重要",
}


def _uscc_ok(code: str) -> str:
    from stdnum.cn import uscc

    return code[:17] + uscc.calc_check_digit(code[:17])


def _make_region(user) -> tuple[int, int]:
    region = classification.scheme_by_key("region")
    east = classification.add_category(region.id, "华东", user)
    return region.id, classification.add_category(region.id, "上海", user, parent_id=east)


def _dossier_snapshot(customer_id: int) -> dict:
    d = dossiers.load(customer_id)
    persons = [{k: v for k, v in p.items() if k != "id"} for p in d.persons]
    cats = {}
    for scheme_id, category_id in classification.categories_of(customer_id).items():
        cats[Scheme.get_by_id(scheme_id).name] = Category.get_by_id(category_id).name
    return {"code": d.code, "values": d.values, "persons": persons, "categories": cats}


def test_export_then_import_gives_identical_dossiers(workspace, user, tmp_path):
    region_id, shanghai = _make_region(user)
    grade = classification.scheme_by_key("grade")
    grade_a = Category.get(Category.scheme == grade.id, Category.name == "主力客户 (A)").id
    values = dict(FULL, uscc=_uscc_ok(FULL["uscc"]))
    first = dossiers.create(
        values,
        user,
        persons=[PERSON, {"name": "李四", "mobile": "13912345678"}],
        categories={grade.id: grade_a, region_id: shanghai},
    )
    second = dossiers.create({"name": "广州天河商行", "phone": "020-87654321"}, user)
    before = [_dossier_snapshot(first), _dossier_snapshot(second)]

    out = tmp_path / "list.xlsx"
    exports.export(
        "xlsx",
        "list",
        [first, second],
        out,
        user,
        {"columns": "all", "sheets": "persons", "sensitive": "1"},
    )
    workspace.database.close()

    other = open_workspace(tmp_path / "other.db", lang="zh_CN")
    try:
        region = classification.scheme_by_key("region")
        east = classification.add_category(region.id, "华东", other.user)
        classification.add_category(region.id, "上海", other.user, parent_id=east)
        report = imports.run_import(
            out, other.user, imports.ImportOptions(persons_sheet="关键人物")
        )
        assert report.rejected == 0, [p.message("en") for p in report.errors]
        assert report.created == 2
        ids = sorted(report.created_ids)
        after = [_dossier_snapshot(cid) for cid in ids]
        assert after == before
    finally:
        other.database.close()


def _has_keys(customer_id: int) -> bool:
    """search_key ids are customer id * 256 + slot (kehu.db.search_index)."""
    low, high = customer_id * 256, (customer_id + 1) * 256
    return SearchKey.select().where(SearchKey.id >= low, SearchKey.id < high).exists()


def _grade(name: str) -> int:
    grade = classification.scheme_by_key("grade")
    return Category.get(Category.scheme == grade.id, Category.name == name).id


def _full_state(ids: list[int]) -> list:
    state = []
    for cid in ids:
        d = dossiers.load(cid)
        state.append(
            (
                d.code,
                d.version,
                d.values,
                d.persons,
                d.updated_at,
                d.owner_id,
                classification.categories_of(cid),
            )
        )
    return state


def test_undo_restores_previous_state_exactly(workspace, user, tmp_path):
    grade = classification.scheme_by_key("grade")
    existing = [
        dossiers.create(
            {"name": "北京海淀科技有限公司", "phone": "010-62345678"},
            user,
            persons=[{"name": "张三", "mobile": "13812345678"}],
            categories={grade.id: _grade("一般客户 (B)")},
        ),
        dossiers.create({"name": "上海浦东贸易有限公司", "email": "old@pd.example"}, user),
    ]
    state = _full_state(existing)
    history = FieldChange.select().count()
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["客户名称", "电话", "电子邮箱", "客户等级", "联系人", "手机"])
    ws.append(
        ["北京海淀科技有限公司", "010-62345678", "new@hd.example", "A", "王五", "13712345678"]
    )
    ws.append(["上海浦东贸易有限公司", "021-58881234", "new@pd.example", "C", None, None])
    ws.append(["深圳南山电子厂", "0755-26661234", None, "B", "赵六", "13612345678"])
    path = tmp_path / "update.xlsx"
    book.save(path)

    report = imports.run_import(path, user, imports.ImportOptions(on_duplicate="overwrite"))
    assert (report.created, report.updated) == (1, 2)
    changed = dossiers.load(existing[1])
    assert changed.values["email"] == "new@pd.example"
    assert changed.values["phone"] == "021-58881234"
    assert [p["name"] for p in dossiers.load(existing[0]).persons] == ["张三", "王五"]
    assert classification.categories_of(existing[0])[grade.id] == _grade("主力客户 (A)")

    new_id = next(i for i in report.created_ids)
    assert _has_keys(new_id)
    assert imports.check_undo(report.batch_id).safe
    imports.undo(report.batch_id, user)
    assert not _has_keys(new_id)
    assert _full_state(existing) == state
    assert FieldChange.select().count() == history
    assert not dossiers.Customer.select().where(dossiers.Customer.name == "深圳南山电子厂").exists()
    assert ImportBatch.get_by_id(report.batch_id).status == "undone"
    assert CustomerCategory.select().count() == 1


def test_undo_refuses_when_customers_changed_after_import(workspace, user, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["客户名称"])
    book.active.append(["杭州西湖茶叶有限公司"])
    path = tmp_path / "one.xlsx"
    book.save(path)
    report = imports.run_import(path, user)
    cid = report.created_ids[0]
    dossiers.save(dossiers.load(cid), {"industry": "茶叶"}, user)
    assert imports.check_undo(report.batch_id).changed_since
    with pytest.raises(imports.ImportFailed):
        imports.undo(report.batch_id, user)
    imports.undo(report.batch_id, user, force=True)
    assert not dossiers.Customer.select().exists()


def test_category_paths_find_and_create_the_hierarchy(workspace, user, tmp_path):
    region = classification.scheme_by_key("region")
    east = classification.add_category(region.id, "华东", user)
    book = openpyxl.Workbook()
    for row in [
        ["客户名称", "区域"],
        ["上海浦东贸易有限公司", "华东/上海"],
        ["杭州西湖茶业", "华东 / 杭州"],
        ["上海静安商行", "上海"],
        ["北京海淀科技", "华北/北京/海淀"],
    ]:
        book.active.append(row)
    path = tmp_path / "regions.xlsx"
    book.save(path)

    refused = imports.run_import(path, user, imports.ImportOptions(dry_run=True))
    assert (refused.created, refused.rejected) == (0, 4)  # 上海 does not exist yet either
    dry = imports.run_import(
        path, user, imports.ImportOptions(dry_run=True, create_categories=True)
    )
    assert (dry.created, dry.rejected) == (4, 0)
    assert Category.select().where(Category.scheme == region.id).count() == 1

    report = imports.run_import(path, user, imports.ImportOptions(create_categories=True))
    assert (report.created, report.rejected) == (4, 0)
    tree = {
        c.name: (c.parent.name if c.parent else None)
        for c in Category.select().where(Category.scheme == region.id)
    }
    assert tree == {"华东": None, "上海": "华东", "杭州": "华东", "华北": None, "北京": "华北",
                    "海淀": "北京"}  # fmt: skip
    placed = {
        dossiers.load(cid).values["name"]: Category.get_by_id(
            classification.categories_of(cid)[region.id]
        )
        for cid in report.created_ids
    }
    assert placed["上海静安商行"].id == placed["上海浦东贸易有限公司"].id
    assert placed["上海浦东贸易有限公司"].parent_id == east
    assert placed["北京海淀科技"].name == "海淀"
