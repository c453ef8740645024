"""Built-in schemes and categories in the reader's language (issue 14, point 8): a database
made in English shows 客户等级 / 主力客户 (A) to a Chinese reader and the other way round,
until a user renames a category; old databases get their keys by name in either language."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from kehu.db.models import Category, Scheme
from kehu.services import analysis_report, classification, dossiers, exports, selection
from kehu.services.imports import ImportOptions, run_import
from kehu.services.workspace import open_workspace

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def english(tmp_path):
    """A database created by an English process (as `kehu init` under LANG=C does)."""
    ws = open_workspace(tmp_path / "en.db", lang="en")
    yield ws
    ws.database.close()


def _names(tree, key):
    scheme = next(s for s in tree if s.key == key)
    return scheme.name, [node.name for node, _d in scheme.walk()]


def test_an_english_database_shows_chinese_categories_to_a_chinese_reader(english):
    assert Scheme.get(Scheme.key == "grade").name == "Grade"  # as the creator wrote it
    assert _names(classification.scheme_tree("zh_CN"), "grade") == (
        "客户等级",
        ["主力客户 (A)", "一般客户 (B)", "零散客户 (C)"],
    )
    assert _names(classification.scheme_tree("en"), "nature")[1][0] == "Government body"
    assert _names(classification.scheme_tree("zh_CN"), "nature")[1][0] == "政府机构"


def test_a_renamed_category_keeps_the_users_text_in_every_language(english):
    grade = classification.scheme_by_key("grade")
    a = Category.get(Category.scheme == grade.id, Category.position == 0)
    change = classification.rename(a.id, "VIP 大客户", english.user)
    for lang in ("zh_CN", "en"):
        assert _names(classification.scheme_tree(lang), "grade")[1][0] == "VIP 大客户"
    assert _names(classification.scheme_tree("zh_CN"), "grade")[1][1] == "一般客户 (B)"
    classification.undo(change, english.user)  # undo gives the built-in label back
    assert _names(classification.scheme_tree("zh_CN"), "grade")[1][0] == "主力客户 (A)"


def test_a_new_category_may_not_take_a_built_in_ones_other_name(english):
    nature = classification.scheme_by_key("nature")
    with pytest.raises(classification.ClassificationError):
        classification.add(nature.id, "政府机构", english.user)  # = Government body


def test_old_databases_get_their_keys_by_name_in_either_language(tmp_path):
    path = tmp_path / "v7.db"
    shutil.copy(DATA / "schema_v7.db", path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE category SET name = 'Trading partner' WHERE id = 2")  # made in English
    conn.execute(
        "INSERT INTO category (id, scheme_id, parent_id, name, position) "
        "VALUES (9, 1, NULL, '我们的老朋友', 5)"
    )  # a user's own category
    conn.commit()
    conn.close()
    ws = open_workspace(path, lang="zh_CN")
    try:
        keys = dict(Category.select(Category.id, Category.builtin_key).tuples())
        assert keys[1] == "nature.ordinary" and keys[2] == "nature.partner"
        assert keys[9] is None and keys[3] is None  # 我们的老朋友, the region 重庆市
        assert _names(classification.scheme_tree("en"), "nature") == (
            "Nature",
            ["Ordinary company", "Trading partner", "我们的老朋友"],
        )
        assert _names(classification.scheme_tree("zh_CN"), "nature")[1][:2] == [
            "普通公司",
            "交易伙伴",
        ]
    finally:
        ws.database.close()


def test_exports_name_categories_in_the_export_language(english, tmp_path):
    grade = classification.scheme_by_key("grade")
    a = Category.get(Category.scheme == grade.id, Category.position == 0)
    cid = dossiers.create(
        {"name": "杭州西湖茶叶有限公司"}, english.user, categories={grade.id: a.id}
    )
    out = exports.export("xlsx", "list", [cid], tmp_path / "list.xlsx", english.user, lang="zh_CN")
    sheet = openpyxl.load_workbook(out).active
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    cells = {value for row in rows for value in row}
    assert "客户等级" in cells and "主力客户 (A)" in cells
    assert not {"Grade", "Key customer (A)"} & cells
    out = exports.export("xlsx", "card", [cid], tmp_path / "card.xlsx", english.user, lang="zh_CN")
    card = {
        c for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row
    }
    assert "主力客户 (A)" in card and "Key customer (A)" not in card


def test_analysis_report_names_grades_in_its_language(english):
    from kehu.core.periods import Period, parse_month

    period = Period(parse_month("2026-01"), parse_month("2026-12"))
    report = analysis_report.build(english.user, "composition", period, "grade", (80, 95), "zh_CN")
    text = repr(report)
    assert "主力客户 (A)" in text and "Key customer (A)" not in text


def test_an_import_finds_a_built_in_category_by_either_label(english, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "客户等级", "所有制"])
    sheet.append(["杭州西湖茶叶有限公司", "主力客户 (A)", "State-owned"])
    sheet.append(["上海浦东贸易有限公司", "Occasional customer (C)", "国有"])
    path = tmp_path / "in.xlsx"
    book.save(path)
    report = run_import(path, english.user, ImportOptions(create_categories=False))
    assert report.created == 2, [p.message("en") for p in report.problems]
    grade = classification.scheme_by_key("grade")
    ownership = classification.scheme_by_key("ownership")
    got = {
        name: classification.categories_of(cid)
        for cid, name in ((c.id, c.name) for c in dossiers.Customer.select())
    }
    names = {c.id: c.builtin_key for c in Category.select()}
    assert names[got["杭州西湖茶叶有限公司"][grade.id]] == "grade.A"
    assert names[got["上海浦东贸易有限公司"][grade.id]] == "grade.C"
    assert names[got["杭州西湖茶叶有限公司"][ownership.id]] == "ownership.state"
    assert names[got["上海浦东贸易有限公司"][ownership.id]] == "ownership.state"


def test_the_command_lines_category_filter_takes_either_label(english):
    assert selection.find_category("主力客户 (A)").builtin_key == "grade.A"
    assert selection.find_category("Key customer (A)").builtin_key == "grade.A"


def test_the_history_shows_a_built_in_category_in_the_readers_language(english):
    grade = classification.scheme_by_key("grade")
    a = Category.get(Category.scheme == grade.id, Category.position == 0)
    cid = dossiers.create({"name": "杭州西湖茶叶有限公司"}, english.user)
    classification.assign([cid], a.id, english.user)
    recorded = dossiers.history(cid)[0]["new"]
    assert recorded == "Key customer (A)"  # the text of the moment, as stored
    assert classification.history_value(recorded, "zh_CN") == "主力客户 (A)"
    assert classification.history_value("我们的分类", "zh_CN") == "我们的分类"


def test_care_by_grade_names_grades_in_the_readers_language(english):
    import datetime as dt

    from kehu.services import care

    grade = classification.scheme_by_key("grade")
    a = Category.get(Category.scheme == grade.id, Category.position == 0)
    dossiers.create({"name": "杭州西湖茶叶有限公司"}, english.user, categories={grade.id: a.id})
    item = care.overdue_by_cadence(english.user, dt.date(2026, 12, 2))[0]
    assert (item.grade_name("zh_CN"), item.grade_name("en")) == ("主力客户 (A)", "Key customer (A)")
    rows = {row.category_id: row for row in care.cadences()}
    assert rows[a.id].shown("zh_CN") == "主力客户 (A)"  # the cadence editor's row
