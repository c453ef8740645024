"""A lunar birthday in the files: the key persons' Excel sheet has its column (and reads it
back under other header names), the printed card writes the lunar date beside the day."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import openpyxl
import pytest

from kehu.db.models import KeyPerson
from kehu.services import dossiers, exports, imports

MID_AUTUMN_1990 = dt.date(1990, 10, 3)  # 八月十五


def _customer(user, lunar: bool = True) -> int:
    person = {"name": "王芳", "birthday": MID_AUTUMN_1990, "mobile": "13812345678"}
    if lunar:
        person["birthday_lunar"] = "lunar"
    return dossiers.create({"name": "长沙星城商行"}, user, persons=[person])


def _sheet_rows(path, title):
    sheet = openpyxl.load_workbook(path)[title]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    return rows[0], rows[1:]


def test_the_persons_sheet_has_the_birthday_calendar(workspace, user, tmp_path):
    cid = _customer(user)
    plain = dossiers.create(
        {"name": "广州天河商行"}, user, persons=[{"name": "李强", "birthday": dt.date(1985, 9, 21)}]
    )
    out = tmp_path / "list.xlsx"
    exports.export("xlsx", "list", [cid, plain], out, user, {"sheets": "persons", "sensitive": "1"})
    head, rows = _sheet_rows(out, "关键人物")
    column = head.index("生日历法")
    by_name = {row[head.index("姓名")]: row[column] for row in rows}
    assert by_name == {"王芳": "农历", "李强": None}


@pytest.mark.parametrize(
    ("header", "value", "lunar"),
    [("农历/公历", "农历", 1), ("birthday calendar", "lunar", 1), ("生日历法", "公历", 0)],
)
def test_an_import_reads_the_calendar_column(workspace, user, tmp_path, header, value, lunar):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "联系人", "出生日期", header])
    sheet.append(["长沙星城商行", "王芳", "1990-10-03", value])
    path = tmp_path / "in.xlsx"
    book.save(path)
    report = imports.run_import(path, user, imports.ImportOptions())
    assert report.rejected == 0, [p.message("en") for p in report.errors]
    person = KeyPerson.get(KeyPerson.name == "王芳")
    assert (person.birthday, person.birthday_lunar) == (MID_AUTUMN_1990, lunar)


def test_an_import_without_the_column_keeps_solar_birthdays(workspace, user, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "联系人", "出生日期"])
    book.active.append(["长沙星城商行", "王芳", "1990-10-03"])
    path = tmp_path / "in.xlsx"
    book.save(path)
    assert imports.run_import(path, user, imports.ImportOptions()).rejected == 0
    assert KeyPerson.get(KeyPerson.name == "王芳").birthday_lunar == 0


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_the_card_writes_the_lunar_date_beside_the_birthday(workspace, user, tmp_path):
    cid = _customer(user)
    out = tmp_path / "card.pdf"
    exports.export("pdf", "card", [cid], out, user, {"selection": "test", "reveal": "1"})
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "1990-10-03(农历八月十五)" in flat
    masked = tmp_path / "masked.pdf"
    exports.export("pdf", "card", [cid], masked, user, {"selection": "test"})
    text = subprocess.run(["pdftotext", str(masked), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "八月十五" not in flat and "1990-10-03" not in flat
    assert "生日历法：农历" in flat


# -- route sheets: overdue stops ---------------------------------------------------------------


@pytest.fixture
def graded_route(workspace, user):
    """A route of four graded stops on 2026-03-20: A late 12 days, A fresh, B late, C never."""
    from kehu.db.models import Scheme, Visit
    from kehu.services import routes

    a, b, c = sorted(Scheme.get(Scheme.key == "grade").categories, key=lambda g: g.position)

    def shop(name, grade, last):
        cid = dossiers.create({"name": name}, user, categories={grade.scheme_id: grade.id})
        if last:
            Visit.create(customer=cid, salesperson=user, visit_date=last)
        return cid

    ids = [
        shop("丁五金店", c, None),
        shop("丙商行", b, dt.date(2026, 2, 1)),  # 47 days: 33 over 14
        shop("乙超市", a, dt.date(2026, 3, 18)),  # fresh
        shop("甲百货", a, dt.date(2026, 3, 1)),  # 19 days: 12 over 7
    ]
    route = routes.create_route(user, "河西线", salesperson_id=user.id, weekdays="1")
    routes.add_stops(route, ids, user)
    return ids


def _route_pdf(ids, user, tmp_path, **options):
    out = tmp_path / "route.pdf"
    exports.export(
        "pdf", "route", ids, out, user, {"selection": "test", "route": "河西线", **options}
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True
    ).stdout
    return text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_a_route_sheet_marks_overdue_stops(graded_route, user, tmp_path):
    text = _route_pdf(graded_route, user, tmp_path, date="2026-03-20", overdue="mark")
    order = [text.index(n) for n in ("丁五金店", "丙商行", "乙超市", "甲百货")]
    assert order == sorted(order)  # the route's order
    flat = "".join(text.split())
    assert "逾期12天" in flat and "逾期33天" in flat and "从未拜访" in flat
    assert flat.count("逾期") == 2  # the fresh A customer is not marked


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_a_route_sheet_of_overdue_stops_only_by_grade_and_days(graded_route, user, tmp_path):
    text = _route_pdf(graded_route, user, tmp_path, date="2026-03-20", overdue="only")
    assert "乙超市" not in text
    order = [text.index(n) for n in ("甲百货", "丙商行", "丁五金店")]
    assert order == sorted(order)  # A, B, C
    assert "只列出" in "".join(text.split())


def test_a_bad_overdue_option_is_refused(graded_route, user, tmp_path):
    from kehu.core.i18n import UserError

    with pytest.raises(UserError) as refused:
        _route_pdf(graded_route, user, tmp_path, overdue="late")
    assert "mark" in refused.value.message("en")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_the_cli_prints_overdue_stops_only(graded_route, workspace, tmp_path, capsys):
    from kehu.cli import parse, run

    out = tmp_path / "cli.pdf"
    db = str(workspace.database.path)
    workspace.database.close()
    argv = ["--db", db, "export", "--format", "pdf", "--kind", "route", "--route", "河西线"]
    argv += ["--option", "date=2026-03-20", "--option", "overdue=only", str(out)]
    assert run(parse(argv)) == 0
    assert "3" in capsys.readouterr().out  # three stops
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "甲百货" in text and "乙超市" not in text
