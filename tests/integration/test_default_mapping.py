"""A messy real-world sheet imports with the default options, in a database created in either
language: header synonyms, grades written as letters or words, a total row, a key person seen
twice, the dry run's figures equal to the real run's."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from kehu.services import dossiers
from kehu.services.imports import ImportOptions, run_import
from kehu.services.workspace import open_workspace


def _messy(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "客户名单"
    ws.append(["2024 年客户名单"])
    ws.merge_cells("A1:F1")
    ws.append(["客户名称", "客户等级", "移动电话", "联系人", "成立日期", "客户性质", "建档日期",
               "吉祥物", "备注"])  # fmt: skip
    rows = [
        [
            "甲商贸",
            "A类",
            "13812345678",
            "张三",
            "2019-3-1",
            "普通",
            "2020-01-01",
            "熊猫",
            "春节前回访",
        ],  # fmt: skip
        ["乙贸易", "B类", "13912345678", "李四", 43466, "普通公司", None],
        ["丙五金", "C类", "13712345678", "王五", "2018年5月6日", "政府", None],
        ["丁电子", "b类", "13612345678", "赵六", dt.date(2015, 1, 2), None, None],
        ["戊文具", "A", "13512345678", "钱七", "2016/7/8", "个人", None],
        ["己建材", "主力", None, None, None, None, None],
        ["庚服装", "主力客户 (A)", None, None, None, None, None],
        ["辛医药", "Key customer (A)", None, None, None, None, None],
        ["合计", None, None, None, None, None, None],
    ]
    for row in rows:
        ws.append(row)
    people = book.create_sheet("联系人")
    for row in [["客户名称", "姓名", "手机"], ["甲商贸", "张三", "13812345678"],
                ["甲商贸", "孙八", "13012345678"]]:  # fmt: skip
        people.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_messy_sheet_imports_with_default_options(tmp_path, lang):
    ws = open_workspace(tmp_path / "kehu.db", lang=lang)
    try:
        path = _messy(tmp_path / "messy.xlsx")
        options = dict(persons_sheet="联系人")
        dry = run_import(path, ws.user, ImportOptions(dry_run=True, **options))
        real = run_import(path, ws.user, ImportOptions(**options))
        shown = [p.message("zh_CN") for p in real.errors]
        assert (real.created, real.rejected) == (8, 0), shown
        assert (dry.created, dry.rejected, dry.skipped) == (
            real.created,
            real.rejected,
            real.skipped,
        )
        warnings = "\n".join(p.message("zh_CN") for p in real.warnings)
        notes = "\n".join(n.message("zh_CN") for n in real.notes)
        assert "合计" in warnings
        assert "吉祥物" in notes  # a column not imported is named
        assert "建档日期" not in notes and "备注" not in notes
        grades = {c.name: dossiers.load(c.id) for c in dossiers.Customer.select()}
        assert _grades() == {
            "甲商贸": "A", "乙贸易": "B", "丙五金": "C", "丁电子": "B", "戊文具": "A",
            "己建材": "A", "庚服装": "A", "辛医药": "A",
        }  # fmt: skip
        nature = {name: category for name, category in _categories("nature").items()}
        ordinary, government = ("普通公司", "政府机构") if lang == "zh_CN" else (
            "Ordinary company", "Government body")  # fmt: skip
        assert nature["甲商贸"] == nature["乙贸易"] == ordinary
        assert nature["丙五金"] == government
        assert grades["乙贸易"].values["founded_on"] == dt.date(2019, 1, 1)
        assert grades["丙五金"].values["founded_on"] == dt.date(2018, 5, 6)
        assert grades["甲商贸"].values["filed_on"] == dt.date(2020, 1, 1)
        assert grades["乙贸易"].values["filed_on"] == dt.date.today()  # no 建档日期: filed today
        assert grades["甲商贸"].values["notes"] == "春节前回访"  # the customer's, not 张三's
        assert not grades["甲商贸"].persons[0].get("notes")
        persons = [p["name"] for p in grades["甲商贸"].persons]
        assert persons == ["张三", "孙八"]  # 张三 from both sheets, stored once
    finally:
        ws.database.close()


def _grades() -> dict[str, str]:
    """Customer name → the letter of its grade category."""
    return {name: category[-2] for name, category in _categories("grade").items()}


def _categories(key: str) -> dict[str, str]:
    """Customer name → its category in the built-in scheme `key`."""
    from kehu.db.models import Category, Customer, CustomerCategory, Scheme

    query = (
        CustomerCategory.select(Customer.name, Category.name)
        .join(Customer, on=CustomerCategory.customer == Customer.id)
        .switch(CustomerCategory)
        .join(Category, on=CustomerCategory.category == Category.id)
        .join(Scheme, on=Category.scheme == Scheme.id)
        .where(Scheme.key == key)
    )
    return dict(query.tuples())


@pytest.mark.parametrize(
    ("headers", "target"),
    [
        (["客户名称", "备注", "联系人", "手机"], "notes"),
        (["客户名称", "联系人", "手机", "备注"], "person.notes"),
        (["Customer name", "Contact", "Mobile", "Notes"], "person.notes"),
        (["Customer name", "Notes", "Phone"], "notes"),
    ],
)
def test_notes_go_to_the_customer_unless_among_the_key_person_columns(headers, target):
    from kehu.exchange.xlsx_columns import Matcher, build_mapping

    mapping = build_mapping(1, tuple(headers), Matcher("customers"))
    column = next(i for i, h in enumerate(headers) if h in ("备注", "Notes"))
    assert mapping.targets[column] == target
