"""Every hazard of real-world spreadsheets: a generated file each, a clear message, nothing
silently changed."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from kehu.exchange.xlsx_reading import SpreadsheetError
from kehu.services import dossiers, imports
from kehu.services.imports import ImportOptions, run_import


def _book(path: Path, rows: list[list], title_rows: list[list] | None = None, setup=None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "客户"
    for row in title_rows or []:
        ws.append(row)
    for row in rows:
        ws.append(row)
    if setup:
        setup(book, ws)
    book.save(path)
    return path


def _patch_sheet(path: Path, old: bytes, new: bytes) -> None:
    """Rewrite the sheet XML (to store what openpyxl itself never writes)."""
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i.filename) for i in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert old in parts[sheet]
    parts[sheet] = parts[sheet].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _messages(report) -> list[str]:
    return [p.message("zh") for p in report.problems]


def _names() -> dict[str, dossiers.Dossier]:
    return {d.values["name"]: d for d in (dossiers.load(c.id) for c in dossiers.Customer.select())}


def test_more_than_15_digits_stored_as_number_is_rejected(workspace, user, tmp_path):
    path = _book(
        tmp_path / "id.xlsx",
        [
            ["客户名称", "统一社会信用代码", "联系人", "身份证号"],
            ["甲公司", 911101080000000000, "张三", 110105194912310020],
        ],
    )
    report = run_import(path, user)
    assert report.rejected == 1 and report.created == 0
    text = "\n".join(_messages(report))
    assert "超过15位" in text and "911101080000000000" in text
    assert "B2" in text and "D2" in text
    assert not dossiers.Customer.select().exists()


def test_lost_leading_zeros_are_flagged_not_guessed(workspace, user, tmp_path):
    path = _book(
        tmp_path / "zeros.xlsx",
        [
            ["客户名称", "邮编", "电话"],
            ["乙公司", 10010, 1062345678],
            ["丙公司", 100080, 2087654321],
        ],
    )
    report = run_import(path, user, ImportOptions(dry_run=True))
    text = "\n".join(_messages(report))
    assert "邮编以数字形式存储为 10010" in text
    assert "区号开头的0已丢失" in text and "01062345678" in text
    assert "02087654321" in text
    assert report.rejected == 2


def test_phone_stored_as_float_is_read_as_digits_with_warning(workspace, user, tmp_path):
    path = _book(tmp_path / "float.xlsx", [["客户名称", "联系人", "手机"], ["丁公司", "张三", 1]])
    _patch_sheet(path, b"<v>1</v>", b"<v>13812345678.0</v>")
    csv = tmp_path / "float.csv"
    csv.write_text("客户名称,联系人,手机\n戊公司,李四,13912345678.0\n", encoding="utf-8")
    for source in (path, csv):
        report = run_import(source, user)
        assert report.created == 1, _messages(report)
        assert any("小数形式" in m for m in _messages(report))
    mobiles = {d.values["name"]: d.persons[0]["mobile"] for d in _names().values()}
    assert mobiles == {"丁公司": "13812345678", "戊公司": "13912345678"}


def test_date_serials_and_1904_workbooks(workspace, user, tmp_path):
    def mac(book, ws):
        book.epoch = CALENDAR_MAC_1904
        ws["B2"].number_format = "yyyy-mm-dd"

    path = _book(
        tmp_path / "mac.xlsx",
        [["客户名称", "成立日期", "与本公司交易起始时间"], ["己公司", dt.date(2010, 5, 1), 40000]],
        setup=mac,
    )
    report = run_import(path, user)
    assert report.created == 1
    values = _names()["己公司"].values
    assert values["founded_on"] == dt.date(2010, 5, 1)
    assert values["trading_since"] == dt.date(1904, 1, 1) + dt.timedelta(days=40000)
    text = "\n".join(_messages(report) + [n.message("zh") for n in report.notes])
    assert "1904 日期系统" in text and "序列号 40000" in text


def test_text_dates_in_all_forms(workspace, user, tmp_path):
    forms = ["2024-1-2", "2024/1/2", "2024.1.2", "20240102", "2024年1月2日"]
    rows = [["客户名称", "成立日期"]] + [[f"日期公司{i}", text] for i, text in enumerate(forms)]
    report = run_import(_book(tmp_path / "dates.xlsx", rows), user)
    assert report.created == 5
    assert {d.values["founded_on"] for d in _names().values()} == {dt.date(2024, 1, 2)}
    bad = run_import(
        _book(tmp_path / "bad.xlsx", [["客户名称", "成立日期"], ["庚", "2024-13-40"]]), user
    )
    assert bad.rejected == 1 and "不是日期" in _messages(bad)[0]


def test_title_rows_merged_cells_and_vertical_merges(workspace, user, tmp_path):
    def merge(book, ws):
        ws.merge_cells("A1:C1")
        ws.merge_cells("C4:C5")

    path = _book(
        tmp_path / "merged.xlsx",
        [
            ["客户名称", "电话", "客户等级"],
            ["辛公司", "010-62345678", "A"],
            ["壬公司", "021-58881234", None],
        ],
        title_rows=[["2024 年客户名单", None, None], [None, None, None]],
        setup=merge,
    )
    inspection = imports.inspect(path)
    assert inspection.mapping.header_row == 3
    report = run_import(path, user)
    assert report.created == 2
    assert any("合并单元格 C4:C5" in m for m in _messages(report))
    grades = {
        d.values["name"]: dossiers.CustomerCategory.select()
        .where(dossiers.CustomerCategory.customer == d.id)
        .count()
        for d in _names().values()
    }
    assert grades == {"辛公司": 1, "壬公司": 1}


def test_formula_without_cached_value_is_rejected(workspace, user, tmp_path):
    path = _book(tmp_path / "formula.xlsx", [["客户名称", "职工人数"], ["癸公司", "=10*12"]])
    report = run_import(path, user)
    assert report.rejected == 1
    assert "没有保存计算结果" in _messages(report)[0]


def test_hidden_sheets_and_rows(workspace, user, tmp_path):
    def hide(book, ws):
        ws.row_dimensions[3].hidden = True
        hidden = book.create_sheet("旧数据", 0)
        hidden.sheet_state = "hidden"
        hidden.append(["客户名称"])
        hidden.append(["不该导入"])

    path = _book(
        tmp_path / "hidden.xlsx",
        [["客户名称"], ["显示公司"], ["隐藏公司"]],
        setup=hide,
    )
    report = run_import(path, user, ImportOptions(dry_run=True))
    assert report.sheet == "客户"
    assert any("隐藏的工作表：旧数据" in n.message("zh") for n in report.notes)
    assert any("隐藏" in p.message("zh") and p.row == 3 for p in report.warnings)
    assert report.created == 2
    skipped = run_import(path, user, ImportOptions(skip_hidden_rows=True))
    assert skipped.created == 1 and skipped.hidden_skipped == 1
    assert set(_names()) == {"显示公司"}


def test_full_width_and_invisible_spaces_normalised_with_warning(workspace, user, tmp_path):
    path = _book(
        tmp_path / "wide.xlsx",
        [["客户名称", "电话"], ["\u200b北京ＡＢＣ商贸\u3000", "０１０－６２３４５６７８"]],
    )
    report = run_import(path, user)
    assert report.created == 1
    d = next(iter(_names().values()))
    assert d.values["name"] == "北京ABC商贸"
    assert d.values["phone"] == "010-62345678"
    assert sum("全角" in m for m in _messages(report)) == 2


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings(workspace, user, tmp_path, encoding):
    path = tmp_path / f"list-{encoding}.csv"
    path.write_bytes(
        "客户名称,电话,地址\n北京海淀科技,010-62345678,北京市海淀区\n".encode(encoding)
    )
    report = run_import(path, user)
    assert report.created == 1
    assert next(iter(_names())) == "北京海淀科技"


def _ole(path: Path, stream: str) -> Path:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = stream.encode("utf-16-le").ljust(64, b"\x00")
    path.write_bytes(header + entry + b"\x00" * 448)
    return path


def test_broken_xls_password_and_not_a_spreadsheet(workspace, user, tmp_path):
    cases = {
        _ole(tmp_path / "old.xls", "Workbook"): "97-2003",
        _ole(tmp_path / "secret.xlsx", "EncryptedPackage"): "密码",
    }
    pdf = tmp_path / "scan.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n")
    cases[pdf] = "PDF"
    docx = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    cases[docx] = "Word"
    renamed = tmp_path / "notes.xlsx"
    renamed.write_text("只是一些文字", encoding="utf-8")
    cases[renamed] = "文本文件"
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    cases[empty] = "空的"
    for path, words in cases.items():
        with pytest.raises(SpreadsheetError) as caught:
            run_import(path, user)
        assert words in caught.value.message("zh"), path.name


def test_empty_sheet_names_other_sheets(workspace, user, tmp_path):
    def other(book, ws):
        book.create_sheet("数据").append(["客户名称"])

    path = _book(tmp_path / "empty-sheet.xlsx", [], setup=other)
    with pytest.raises(imports.ImportFailed) as caught:
        run_import(path, user)
    assert "是空的" in caught.value.message("zh") and "数据" in caught.value.message("zh")


def test_xml_entity_attack_is_refused(workspace, user, tmp_path):
    path = _book(tmp_path / "lol.xlsx", [["客户名称"], ["甲"]])
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i.filename) for i in source.infolist()}
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&lol2;</t></si></sst>"
    )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, user)
    assert "恶意" in caught.value.message("zh")


def test_zip_bomb_is_refused_before_parsing(workspace, user, tmp_path):
    path = _book(tmp_path / "bomb.xlsx", [["客户名称"], ["甲"]])
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i.filename) for i in source.infolist()}
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet>" + b" " * 20_000_000 + b"</worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, user)
    assert "压缩炸弹" in caught.value.message("zh")


def test_stale_sheet_dimension_does_not_drop_rows(workspace, user, tmp_path):
    """Generators that store <dimension ref="A1"/> (openpyxl read-only would stop after A1)."""
    rows = [["客户名称", "电话"]] + [[f"公司{i}", f"010-6512{i:04d}"] for i in range(30)]
    path = _book(tmp_path / "stale.xlsx", rows)
    _patch_sheet(path, b'<dimension ref="A1:B31" />', b'<dimension ref="A1" />')
    report = run_import(path, user, ImportOptions())
    assert report.rows_total == 30 and report.created == 30
    assert _names()["公司29"].values["phone"] == "010-65120029"


def test_sheet_without_dimension_and_short_rows(workspace, user, tmp_path):
    """write_only files store no dimension; rows end at their last cell and are not padded."""
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("客户")
    ws.append(["客户名称", "电话", "地址"])
    ws.append(["甲公司"])
    ws.append(["乙公司", "010-65123456", "北京市朝阳区"])
    ws.append([])
    ws.append(["丙公司", None, "上海市"])
    book.save(tmp_path / "short.xlsx")
    report = run_import(tmp_path / "short.xlsx", user, ImportOptions())
    assert (report.rows_total, report.created, report.rejected) == (3, 3, 0)
    names = _names()
    assert names["甲公司"].values.get("phone") is None
    assert names["乙公司"].values["address"] == "北京市朝阳区"
    assert names["丙公司"].values["address"] == "上海市"
