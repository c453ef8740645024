"""The readers behind the import: .xls/.xlsx through python-calamine, big sheets read in
pieces, and the package oddities of real workbooks (part names, Strict Open XML, far cells)."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kehu.exchange import xlsx_split
from kehu.exchange.xlsx_reading import SpreadsheetError, open_table
from kehu.services import dossiers
from kehu.services.imports import run_import


def _book(path: Path, rows: list[list], setup=None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "客户"
    for row in rows:
        ws.append(row)
    if setup:
        setup(book, ws)
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


def _names() -> dict[str, dossiers.Dossier]:
    return {d.values["name"]: d for d in (dossiers.load(c.id) for c in dossiers.Customer.select())}


def test_old_xls_imports(workspace, user, tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("客户")
    for col, header in enumerate(["客户名称", "电话", "成立日期", "职工人数"]):
        sheet.write(0, col, header)
    sheet.write(1, 0, "旧表公司")
    sheet.write(1, 1, "010-62345678")
    sheet.write(1, 2, dt.date(2001, 2, 3), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    sheet.write(1, 3, 12)
    path = tmp_path / "old.xls"
    book.save(str(path))
    report = run_import(path, user)
    assert (report.created, report.rejected) == (1, 0)
    values = _names()["旧表公司"].values
    assert values["phone"] == "010-62345678"
    assert values["founded_on"] == dt.date(2001, 2, 3)
    assert values["employees"] == 12


def test_an_xls_sheet_is_taken_once_and_read_back_every_time(tmp_path):
    """The workbook is closed as soon as its sheet is taken (the parsed book is not held
    twice); the preview, the header check and the run read the same rows from that sheet,
    merged cells filled as Excel shows them."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("客户")
    for col, header in enumerate(["客户名称", "地址", "职工人数"]):
        sheet.write(0, col, header)
    for i in range(1, 701):
        sheet.write(i, 0, f"旧表公司{i:03d}")
        sheet.write(i, 2, i)
    sheet.write_merge(1, 3, 1, 1, "北京市合并路1号")
    path = tmp_path / "many.xls"
    book.save(str(path))
    with open_table(path) as table:
        assert table._workbook is None  # closed at once
        first = list(table.rows())
        again = list(table.rows())
    assert first == again and len(first) == 701
    assert first[1] == (2, ("旧表公司001", "北京市合并路1号", 1))
    assert first[3][1][1] == "北京市合并路1号"  # B4 from B2
    assert first[700] == (701, ("旧表公司700", None, 700))
    assert table._sheet is None  # released with the table


def test_big_sheet_is_read_in_pieces_with_merges_and_hidden_rows(
    workspace, user, tmp_path, monkeypatch
):
    monkeypatch.setattr(xlsx_split, "CHUNK_BYTES", 4000)
    rows = [["客户名称", "地址", "电话"]]
    rows += [[f"分块公司{i:03d}", f"北京市{i}号", f"010-6512{i:04d}"] for i in range(300)]

    def setup(book, ws):
        ws.merge_cells("B250:B252")
        ws.row_dimensions[120].hidden = True

    path = _book(tmp_path / "big.xlsx", rows, setup)
    with open_table(path) as table:
        read = list(table.rows())
    assert [n for n, _v in read] == list(range(1, 302))
    assert read[250][1][1] == read[249][1][1] == "北京市248号"  # B251 filled from B250
    assert 120 in table.scan.hidden_rows
    report = run_import(path, user)
    assert report.created == 300
    assert _names()["分块公司299"].values["phone"] == "010-65120299"


def test_value_far_out_does_not_blow_up(workspace, user, tmp_path):
    path = _book(tmp_path / "far.xlsx", [["客户名称"], ["远方公司"]])
    parts = _parts(path)
    sheet = parts["xl/worksheets/sheet1.xml"]
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", far + b"</sheetData>")
    report = run_import(_write(path, parts), user)
    assert report.created == 1
    assert any("ZZ" in n.message("zh") for n in report.notes)


def test_huge_merged_range_and_dimension_make_no_work(workspace, user, tmp_path):
    rows = [["客户名称", "电话"], ["甲公司", "010-62345678"], ["乙公司", None]]
    path = _book(tmp_path / "merge.xlsx", rows)
    parts = _parts(path)
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b'<dimension ref="A1:B3" />', b'<dimension ref="A1:XFD1048576" />')
    merge = b'<mergeCells count="1"><mergeCell ref="A3:XFD200000"/></mergeCells>'
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", b"</sheetData>" + merge)
    report = run_import(_write(path, parts), user)
    assert report.rows_total == 2  # not 200,000 rows, nor 16,384 columns
    assert report.created == 1 and report.rejected == 1  # B3 shows A3's text, as in Excel


def test_named_pipe_is_refused(workspace, user, tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "list.csv"
    os.mkfifo(pipe)
    with pytest.raises(SpreadsheetError) as caught:
        run_import(pipe, user)
    assert "不是普通文件" in caught.value.message("zh")


def _renamed(path: Path, rename) -> Path:
    parts = {rename(name): data for name, data in _parts(path).items()}
    return _write(path, parts)


def test_part_names_are_case_insensitive_and_backslashes_read(workspace, user, tmp_path):
    upper = _book(tmp_path / "upper.xlsx", [["客户名称"], ["大写公司"]])
    _renamed(upper, lambda n: "xl/SharedStrings.xml" if n == "xl/sharedStrings.xml" else n)
    _renamed(upper, lambda n: n.replace("worksheets/sheet1", "Worksheets/Sheet1"))
    slashed = _book(tmp_path / "slash.xlsx", [["客户名称"], ["反斜杠公司"]])
    _renamed(slashed, lambda n: n.replace("/", "\\") if n.startswith("xl/") else n)
    for path in (upper, slashed):
        report = run_import(path, user)
        assert report.created == 1, path.name
    assert set(_names()) == {"大写公司", "反斜杠公司"}


def test_workbook_part_found_through_rels(workspace, user, tmp_path):
    path = _book(tmp_path / "rels.xlsx", [["客户名称"], ["关系公司"]])
    parts = _parts(path)
    parts = {("xl/book.xml" if n == "xl/workbook.xml" else n): d for n, d in parts.items()}
    parts["xl/_rels/book.xml.rels"] = parts.pop("xl/_rels/workbook.xml.rels")
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"xl/workbook.xml", b"xl/book.xml")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"/xl/workbook.xml", b"/xl/book.xml"
    )
    report = run_import(_write(path, parts), user)
    assert report.created == 1


def test_strict_open_xml_workbook(workspace, user, tmp_path):
    path = _book(tmp_path / "strict.xlsx", [["客户名称", "职工人数"], ["严格公司", 8]])
    strict = {
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
            b"http://purl.oclc.org/ooxml/spreadsheetml/main"
        ),
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }
    parts = _parts(path)
    for name, data in parts.items():
        if name.startswith("xl/") and name.endswith(".xml"):
            for old, new in strict.items():
                data = data.replace(old, new)
            parts[name] = data
    report = run_import(_write(path, parts), user)
    assert report.created == 1
    assert _names()["严格公司"].values["employees"] == 8


def test_bad_crc_member_is_reported_as_damaged(workspace, user, tmp_path):
    path = _book(tmp_path / "crc.xlsx", [["客户名称"], ["校验公司"]])
    parts = _parts(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    raw = bytearray(path.read_bytes())
    at = raw.find(b"<sheetData>")
    raw[at + 1 : at + 2] = b"S"  # the stored bytes change, their CRC does not
    path.write_bytes(bytes(raw))
    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, user)
    assert "已损坏" in caught.value.message("zh")
    assert not dossiers.Customer.select().exists()


def test_error_cells_are_reported_not_stored(workspace, user, tmp_path):
    path = _book(
        tmp_path / "errors.xlsx", [["客户名称", "职工人数"], ["#N/A", 3], ["好公司", "#REF!"]]
    )
    report = run_import(path, user)
    assert report.rejected == 2 and report.created == 0
    text = "\n".join(p.message("zh") for p in report.problems)
    assert "#N/A" in text and "#REF!" in text
    assert not dossiers.Customer.select().exists()
