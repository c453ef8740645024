"""Analyses to Excel (native chart over the table's cells) and PDF (vector chart, Chinese
labels), through the export registry, audited; and the `kehu analyse` command."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from analysis_data import PERIOD, build
from kehu.app import main as cli_main
from kehu.db.models import AuditEntry
from kehu.services import exports

OPTIONS = {"first": PERIOD.first, "last": PERIOD.last}


@pytest.fixture
def sales(workspace, user):
    return build(user)


def test_composition_to_excel_has_a_pie_over_the_table(sales, tmp_path):
    options = {**OPTIONS, "analysis": "composition", "by": "grade"}
    out = exports.export(
        "xlsx", "analysis", [], tmp_path / "grade", sales["admin"], options, lang="zh_CN"
    )
    assert out.suffix == ".xlsx"
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "销售构成"
    assert [sheet.cell(4, c).value for c in range(1, 4)] == ["分类", "销售额（元）", "占比 %"]
    assert sheet["A5"].value == "主力客户 (A)" and sheet["B5"].value == 600.0
    charts = sheet._charts
    assert len(charts) == 1 and charts[0].tagname == "pieChart"
    series = charts[0].series[0]
    title = sheet.title
    # the chart's own block below the table (9 rows with the total) and 2 notes: 4 top-level rows
    at = 4 + 5 + 2 + 3
    assert series.val.numRef.f == f"'{title}'!$B${at + 1}:$B${at + 4}"
    assert series.tx.strRef.f.replace("$", "") == f"'{title}'!B{at}"
    cats = series.cat.strRef or series.cat.numRef
    assert cats.f == f"'{title}'!$A${at + 1}:$A${at + 4}"
    assert [sheet.cell(r, 2).value for r in range(at + 1, at + 5)] == [600.0, 300.0, 60.0, 40.0]
    entry = (
        AuditEntry.select()
        .where(AuditEntry.action == "export")
        .order_by(AuditEntry.id.desc())
        .get()
    )
    assert '"kind": "analysis"' in entry.details


def test_abc_to_excel_has_bars_and_a_cumulative_line(sales, tmp_path):
    options = {**OPTIONS, "analysis": "abc"}
    out = exports.export(
        "xlsx", "analysis", [], tmp_path / "abc.xlsx", sales["admin"], options, lang="zh_CN"
    )
    sheet = load_workbook(out).active
    chart = sheet._charts[0]
    assert chart.tagname == "barChart"
    at = 4 + 5 + 3 + 3  # table of 5 customers, 3 notes
    assert chart.series[0].val.numRef.f.endswith(f"!$B${at + 1}:$B${at + 5}")
    assert [sheet.cell(r, 3).value for r in range(at + 1, at + 6)] == [
        50.0,
        80.0,
        90.0,
        96.0,
        100.0,
    ]
    # the cumulative line is a second chart on the same plot area
    assert [round(sheet.cell(r, 5).value, 1) for r in range(5, 10)] == [
        50.0,
        80.0,
        90.0,
        96.0,
        100.0,
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("name", ["composition", "products", "abc", "trend"])
def test_each_analysis_to_pdf_with_chinese_labels(sales, tmp_path, name):
    options = {**OPTIONS, "analysis": name, "by": "region" if name == "composition" else ""}
    out = exports.export(
        "pdf", "analysis", [], tmp_path / f"{name}.pdf", sales["admin"], options, lang="zh_CN"
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True
    ).stdout
    expected = {
        "composition": ["销售构成", "华东", "上海", "90.0"],
        "products": ["商品构成", "调味品", "64.0"],
        "abc": ["ABC 分级", "累计 %", "80.0"],
        "trend": ["销售趋势", "2026-01"],
    }[name]
    for word in expected:
        assert word in text, (word, text[:500])


def test_the_analyse_command(sales, db_path, capsys, tmp_path):
    code = cli_main(
        [
            "--db",
            str(db_path),
            "--lang",
            "zh_CN",
            "analyse",
            "composition",
            "--from",
            "2026-01",
            "--to",
            "2026-03",
            "--by",
            "region",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "华东" in out and "900.00" in out
    code = cli_main(
        [
            "--db",
            str(db_path),
            "--lang",
            "en",
            "analyse",
            "abc",
            "--from",
            "2026-01",
            "--to",
            "2026-03",
            "--dry-run",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "4 customers would change grade" in out
    code = cli_main(
        [
            "--db",
            str(db_path),
            "--lang",
            "en",
            "analyse",
            "abc",
            "--from",
            "2026-01",
            "--to",
            "2026-03",
            "--apply",
        ]
    )
    assert code == 0 and "4 customers regraded" in capsys.readouterr().out
    code = cli_main(["--db", str(db_path), "--lang", "en", "analyse", "abc", "--undo"])
    assert code == 0 and "4 customers" in capsys.readouterr().out
    xlsx = tmp_path / "t.xlsx"
    code = cli_main(["--db", str(db_path), "analyse", "trend", "--format", "xlsx", str(xlsx)])
    assert code == 0 and xlsx.exists()
    code = cli_main(
        ["--db", str(db_path), "--lang", "zh_CN", "analyse", "composition", "--by", "nosuch"]
    )
    assert code == 2 and "找不到分类维度" in capsys.readouterr().err
