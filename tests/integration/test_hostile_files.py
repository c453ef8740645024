"""Hostile and odd files, each made small in the test: a message in the user's language, a
bound on time (the test's timeout), no traceback, no third-party warning, and the database
unchanged whenever the file is refused."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kehu.exchange import sheet_files
from kehu.exchange.xlsx_reading import SpreadsheetError
from kehu.services import dossiers, exports
from kehu.services.imports import ImportFailed, ImportOptions, run_import
from kehu.services.imports.batches import recent_batches

pytestmark = pytest.mark.timeout(30)


def _book(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "客户"
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as source:
        return {i.filename: source.read(i.filename) for i in source.infolist()}


def _write(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def _state(user) -> tuple[int, int]:
    return dossiers.Customer.select().count(), len(recent_batches(user))


def _refused(path: Path, user, words: str, error=SpreadsheetError) -> None:
    before = _state(user)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a third-party warning would reach the terminal
        with pytest.raises(error) as caught:
            run_import(path, user)
    message = caught.value.message("zh_CN")
    assert words in message, message
    assert _state(user) == before


def _messages(report) -> str:
    return "\n".join([p.message("zh_CN") for p in report.problems] +
                     [n.message("zh_CN") for n in report.notes])  # fmt: skip


def test_nul_and_control_characters_are_removed_and_exports_still_work(workspace, user, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_text("客户名称,地址\n坏客户\x00,北京\x0b海淀\n", encoding="utf-8")
    report = run_import(path, user)
    assert report.created == 1
    assert "控制字符" in _messages(report)
    customer = dossiers.Customer.get()
    assert (customer.name, customer.address) == ("坏客户", "北京海淀")
    dossiers.Customer.update(problems="旧数据\x00里的\x0b字符").execute()  # stored before this fix
    out = tmp_path / "list.xlsx"
    exports.export("xlsx", "list", [customer.id], out, user, {"selection": "test"})
    assert openpyxl.load_workbook(out).active.max_row == 2


def test_control_character_in_a_rejected_row_report(workspace, user, tmp_path):
    path = _book(tmp_path / "vt.xlsx", [["客户名称", "职工人数"], ["甲公司", "很多"]])
    parts = _parts(path)
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("甲公司".encode(), "甲_x000B_公司".encode())
    csv = tmp_path / "vt.csv"
    csv.write_text("客户名称,职工人数\n甲\x0b公司,很多\n", encoding="utf-8")
    for source in (_write(path, parts), csv):
        report = run_import(source, user)
        assert report.rejected == 1
        written = report.write_rejected(tmp_path / f"rejected-{source.suffix[1:]}.xlsx", "zh_CN")
        assert openpyxl.load_workbook(written).active.cell(2, 3).value == "甲公司"


def test_csv_field_of_200000_characters(workspace, user, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("客户名称,备注\n长公司," + "长" * 200_000 + "\n", encoding="utf-8")
    report = run_import(path, user)
    assert report.rows_total == 1  # read, then judged like any other value


def test_malformed_sheet_xml(workspace, user, tmp_path):
    path = _book(tmp_path / "broken.xlsx", [["客户名称"], ["甲"]])
    parts = _parts(path)
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet[: sheet.index(b"</sheetData>") - 10]
    _refused(_write(path, parts), user, "已损坏")


def test_malformed_workbook_xml(workspace, user, tmp_path):
    path = _book(tmp_path / "broken-book.xlsx", [["客户名称"], ["甲"]])
    parts = _parts(path)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"][:-20]
    _refused(_write(path, parts), user, "已损坏")


def test_padded_sheet_is_read_in_bounded_pieces(workspace, user, tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_files, "MAX_RATIO", 10**6)
    path = _book(tmp_path / "padded.xlsx", [["客户名称"], ["甲公司"], ["乙公司"]])
    parts = _parts(path)
    padding = b" " * 20_000_000
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</row>", b"</row>" + padding
    )
    report = run_import(_write(path, parts), user)
    assert report.created == 2


def test_too_much_xml_is_refused_before_parsing(workspace, user, tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_files, "MAX_UNCOMPRESSED", 100_000)
    path = _book(tmp_path / "big.xlsx", [["客户名称", "地址"]] + [["甲", "x" * 500]] * 300)
    _refused(path, user, "压缩炸弹")


def test_huge_shared_strings_are_refused(workspace, user, tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_files, "MAX_SHARED_STRINGS", 1000)
    path = _book(tmp_path / "sst.xlsx", [["客户名称"], ["甲"]])
    parts = _parts(path)
    strings = b"".join(b"<si><t>%d</t></si>" % i for i in range(200))
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + strings + b"</sst>"
    )  # fmt: skip
    rels = parts["xl/_rels/workbook.xml.rels"]
    if b"sharedStrings" not in rels:
        rels = rels.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
        parts["xl/_rels/workbook.xml.rels"] = rels
    _refused(_write(path, parts), user, "共享字符串")


def test_gbk_csv_with_one_utf8_line_is_refused_with_the_line(workspace, user, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "客户名称,地址\n甲公司,北京\n".encode("gbk")
        + "深圳公司,深圳\n".encode()
        + "乙公司,上海\n".encode("gbk")
    )
    _refused(path, user, "第 3 行")


def test_latin1_csv_gets_a_plain_message(workspace, user, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"name,address\nCaf\xe9 M\xfcller,K\xf6ln\xff\n")
    _refused(path, user, "UTF-8")


def test_bom_in_xml_parts(workspace, user, tmp_path):
    path = _book(tmp_path / "bom.xlsx", [["客户名称"], ["带BOM公司"]])
    parts = _parts(path)
    for name in ("xl/worksheets/sheet1.xml", "xl/workbook.xml"):
        parts[name] = b"\xef\xbb\xbf" + parts[name]
    report = run_import(_write(path, parts), user)
    assert report.created == 1


def test_impossible_serials_and_negative_counts(workspace, user, tmp_path):
    path = _book(
        tmp_path / "numbers.xlsx",
        [
            ["客户名称", "成立日期", "职工人数"],
            ["甲", 10_000_000, 5],
            ["乙", -5, 3],
            ["丙", None, -1],
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = run_import(path, user)
    assert report.rejected == 3 and report.created == 0
    text = _messages(report)
    assert "10000000" in text and "日期序列号" in text
    assert "负数" in text


def test_negative_serial_with_a_date_format(workspace, user, tmp_path):
    def run(path):
        book = openpyxl.Workbook()
        ws = book.active
        ws.append(["客户名称", "成立日期"])
        ws.append(["甲", -5])
        ws["B2"].number_format = "yyyy-mm-dd"
        book.save(path)
        return run_import(path, user)

    report = run(tmp_path / "negative.xlsx")
    assert report.rejected == 1 and not dossiers.Customer.select().exists()


def test_duplicate_headers_are_reported(workspace, user, tmp_path):
    path = _book(tmp_path / "dup.xlsx", [["客户名称", "电话", "客户名称"], ["甲", None, "乙"]])
    report = run_import(path, user)
    assert report.created == 1
    assert "C 列" in _messages(report) and "重复" in _messages(report)


def test_header_only_file_records_no_batch(workspace, user, tmp_path):
    path = _book(tmp_path / "header.xlsx", [["客户名称", "电话"]])
    _refused(path, user, "没有数据行", error=ImportFailed)


def test_dry_run_reports_what_the_real_run_does(workspace, user, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "客户"
    for row in [["客户名称", "电话"], ["甲公司", "010-62345678"], ["乙公司", "021-58881234"]]:
        ws.append(row)
    people = book.create_sheet("联系人")
    for row in [["客户名称", "姓名", "手机"], ["甲公司", "张三", "13812345678"],
                ["乙公司", "李四", "13912345678"], ["甲公司", "张三", "138 1234 5678"],
                ["无此公司", "王五", "13712345678"]]:  # fmt: skip
        people.append(row)
    path = tmp_path / "two.xlsx"
    book.save(path)
    options = dict(persons_sheet="联系人")
    dry = run_import(path, user, ImportOptions(dry_run=True, **options))
    real = run_import(path, user, ImportOptions(**options))
    figures = [(r.created, r.rejected, r.skipped, len(r.errors)) for r in (dry, real)]
    assert figures[0] == figures[1] and real.created == 2 and real.rejected == 1
    persons = dossiers.load(dossiers.Customer.get(name="甲公司").id).persons
    assert [p["name"] for p in persons] == ["张三"]  # seen twice, stored once
    assert "已导入" in _messages(real)
