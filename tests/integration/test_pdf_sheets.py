"""Route sheets, visit forms and reports, the customer-information form, address labels, the
font fallback and the `kehu export --format pdf` command."""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from kehu.cli import parse, run
from kehu.core.fields import customer_form_fields, person_form_fields
from kehu.exchange import fonts, pdf_export
from kehu.exchange.pdf_labels import SHEETS, sheet_for
from kehu.services import auth, dossiers, exports, routes, visits

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

DAY = "2026-11-27"


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-nodiag"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info)[1])


def export(kind, ids, path, user, **options) -> Path:
    return exports.export("pdf", kind, ids, path, user, {"selection": "test", **options})


@pytest.fixture
def route(workspace, user):
    """A route of four customers (in a chosen order), each with a key person."""
    region = routes.add_region("浦东", user)
    route_id = routes.create_route(
        user, "浦东一线", region_id=region, salesperson_id=user.id, weekdays="1,4"
    )
    ids = [
        dossiers.create(
            {
                "name": f"客户{n}号商店",
                "address": f"浦东大道{n}00号",
                "postal_code": "200120",
                "phone": f"021-5888000{n}",
            },
            user,
            persons=[{"name": f"联系人{n}", "title": "店长", "mobile": f"1380000000{n}"}],
        )
        for n in range(1, 5)
    ]
    routes.add_stops(route_id, [ids[2], ids[0], ids[3], ids[1]], user)
    visits.record_visit(
        ids[2], user, visit_date=DAY, kind="urgent", content="投诉到货延迟", next_step="周五补货"
    )
    visits.record_visit(ids[0], user, visit_date="2026-11-20", content="例行拜访")
    return route_id, ids


def test_route_sheet_lists_stops_in_order_with_blank_notes(route, user, tmp_path):
    _route_id, ids = route
    out = export("route", ids, tmp_path / "route.pdf", user, route="浦东一线", date=DAY)
    text = pdf_text(out)
    for label in ("路序表", "序号", "客户", "地址", "电话", "关键人物", "上次访问", "备注"):
        assert label in text
    assert "浦东一线" in text and DAY in text and "每周" in text
    order = [text.index(f"客户{n}号商店") for n in (3, 1, 4, 2)]
    assert order == sorted(order)  # stop order, not code order
    assert "联系人3 13800000003" in text and "021-58880003" in text
    assert "2026-11-20" in text  # last visit of customer 1
    assert page_count(out) == 1


def test_route_sheets_for_a_selection_group_by_route(route, user, tmp_path):
    _route_id, ids = route
    loner = dossiers.create({"name": "路线外客户"}, user)
    out = export("route", [*ids, loner], tmp_path / "routes.pdf", user)
    assert page_count(out) == 2
    assert "浦东一线" in pdf_text(out, 1)
    second = pdf_text(out, 2)
    assert "未编入路线的客户" in second and "路线外客户" in second


def test_daily_report_is_filled_with_the_day_visits(route, user, tmp_path):
    _route_id, ids = route
    out = export("visits", ids, tmp_path / "day.pdf", user, date=DAY)
    text = pdf_text(out)
    assert "客户访问日报" in text and user.display_name in text and DAY in text
    assert "客户3号商店" in text and "投诉到货延迟" in text and "紧急报告" in text
    assert "客户1号商店" not in text  # visited on another day
    empty = pdf_text(export("visits", ids, tmp_path / "none.pdf", user, date="2026-01-01"))
    assert "当日无访问记录" in empty


def test_monthly_report_and_everyones_visits(route, user, tmp_path):
    _route_id, ids = route
    other = auth.create_user(
        "li", "李业务", role="admin", password="password-123", own_password="admin-pass-1"
    )
    visits.record_visit(ids[1], other, visit_date="2026-11-03", content="李的拜访")
    mine = pdf_text(export("visits", ids, tmp_path / "m.pdf", user, date=DAY, month="1"))
    assert "客户访问月报" in mine and "2026-11" in mine and "访问数" in mine
    assert "例行拜访" in mine and "投诉到货延迟" in mine and "李的拜访" not in mine
    assert mine.index("11-20") < mine.index("11-27")  # by date
    everyone = export("visits", ids, tmp_path / "e.pdf", user, date=DAY, month="1", salesperson="*")
    text = pdf_text(everyone)
    assert "全部推销员" in text and "李的拜访" in text and "李业务" in text
    day = pdf_text(export("visits", ids, tmp_path / "d.pdf", user, date=DAY, salesperson="*"))
    assert "投诉到货延迟" in day and "李的拜访" not in day and "例行拜访" not in day
    empty = pdf_text(export("visits", ids, tmp_path / "n.pdf", user, date="2026-01-05", month="1"))
    assert "当月无访问记录" in empty


def test_blank_visit_form_for_a_route_has_a_row_per_stop(route, user, tmp_path):
    _route_id, ids = route
    out = export("visits", ids, tmp_path / "form.pdf", user, blank="1", route="浦东一线")
    text = pdf_text(out)
    for n in range(1, 5):
        assert f"客户{n}号商店" in text
    assert "□日常" in text and "当日总结" in text and "投诉到货延迟" not in text
    generic = pdf_text(export("visits", [], tmp_path / "blank.pdf", user, blank="1", rows="6"))
    assert generic.count("□日常") == 6


def test_blank_customer_form_has_the_fields_customers_answer(workspace, user, tmp_path):
    out = export("form", [], tmp_path / "form.pdf", user)
    flat = re.sub(r"\s+", "", pdf_text(out))
    for label in (
        "客户资料表",
        "客户名称",
        "统一社会信用代码",
        "企业组织形式",
        "年销售额",
    ):
        assert label in flat
    for field in (*customer_form_fields(), *person_form_fields()):  # the catalogue decides
        assert re.sub(r"\s+", "", field.label("zh_CN")) in flat, field.name
    assert "□有限责任公司" in flat and "人民币" in flat and "填表人签字" in flat
    assert "信用额度" not in flat and "未来的对策" not in flat  # internal assessments
    full = re.sub(r"\s+", "", pdf_text(export("form", [], tmp_path / "f.pdf", user, fields="all")))
    assert "信用额度" in full


def test_prefilled_forms_one_per_customer(route, user, tmp_path):
    _route_id, ids = route
    out = export("form", ids[:2], tmp_path / "pre.pdf", user, prefill="1")
    text = pdf_text(out)
    assert "客户1号商店" in text and "浦东大道200号" in text
    assert page_count(out) >= 2


@pytest.mark.parametrize("spec", ["3x8", "2x7"])
def test_labels_fill_sheets_with_the_right_number_per_page(workspace, user, tmp_path, spec):
    sheet = SHEETS[spec]
    count = sheet.per_page + 3
    ids = [
        dossiers.create(
            {"name": f"标签客户{n:03d}", "address": f"上海市长宁路{n}号", "postal_code": "200050"},
            user,
            persons=[{"name": "赵六", "title": "经理"}],
        )
        for n in range(count)
    ]
    out = export("labels", ids, tmp_path / "labels.pdf", user, labels=spec)
    assert page_count(out) == 2
    assert pdf_text(out, 1).count("标签客户") == sheet.per_page
    assert pdf_text(out, 2).count("标签客户") == 3
    first = pdf_text(out, 1)
    assert "200050" in first and "赵六 经理 收" in first and "上海市长宁路0号" in first
    assert "打印人" not in first  # no footer on labels


def test_label_sheet_geometry_fits_a4():
    for sheet in SHEETS.values():
        x, y = sheet.origin(sheet.per_page - 1, 841.89)
        assert x + sheet.width <= 595.28 + 0.5 and y >= -0.5
    assert sheet_for("4x10").per_page == 40
    with pytest.raises(pdf_export.OptionError):
        sheet_for("nonsense")


def test_a_user_font_wins_and_a_broken_one_falls_back(monkeypatch, tmp_path):
    system = fonts.LINUX_FONTS[0]
    if not Path(system).exists():
        pytest.skip("no wqy font here")
    monkeypatch.setattr(fonts, "_cache", {})
    monkeypatch.setenv(fonts.ENV_VAR, f"{system}#0")
    chosen = fonts.pdf_fonts()
    assert chosen.embedded and chosen.path == system and chosen.warning is None
    broken = fonts.pdf_fonts(str(tmp_path / "missing.ttf"))
    assert broken.warning is not None and broken.embedded  # a system font took over
    assert fonts.parse_spec(r"C:\Windows\Fonts\msyh.ttc#1")[1] == 1


def test_without_a_truetype_font_stsong_is_used_with_a_warning(
    workspace, user, tmp_path, monkeypatch
):
    monkeypatch.setattr(fonts, "system_candidates", lambda: [])
    monkeypatch.setattr(fonts, "fontconfig_candidates", lambda: [])
    monkeypatch.setattr(fonts, "_cache", {})
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = export("form", [], tmp_path / "cid.pdf", user)
    assert any(issubclass(w.category, pdf_export.FontFallbackWarning) for w in caught)
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "STSong-Light" in listing
    assert "客户资料表" in pdf_text(out)


def test_cli_exports_a_route_sheet(route, user, workspace, tmp_path, capsys):
    out = tmp_path / "cli.pdf"
    db = str(workspace.database.path)
    workspace.database.close()
    argv = ["--db", db, "export", "--format", "pdf", "--kind", "route", "--route", "浦东一线"]
    code = run(parse([*argv, "--option", f"date={DAY}", str(out)]))
    assert code == 0
    assert "4" in capsys.readouterr().out
    text = pdf_text(out)
    assert "浦东一线" in text and "客户3号商店" in text and DAY in text
