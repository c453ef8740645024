"""The duplicate scan on a real database: planted truth, visibility, the command line, and
the check while a name is typed (which never tells another salesperson's details)."""

import openpyxl
import pytest

from kehu.app import main
from kehu.db.models import Customer, database_proxy
from kehu.services import auth, demo, dossiers, duplicates
from kehu.services.demo.duplicates import VARIANTS, plant_duplicates, stored_truth


@pytest.fixture
def planted(workspace, user):
    demo.generate(600, user=user)
    return plant_duplicates(60)


def test_the_scan_finds_the_planted_duplicates(planted, user):
    found = {(p.keep, p.other) for p in duplicates.scan(user)}
    truth = {(a, b) for a, b, _kind in planted}
    assert {kind for _a, _b, kind in planted} == set(VARIANTS)
    assert len(found & truth) >= 0.95 * len(truth)
    assert len(found & truth) >= 0.95 * len(found)
    assert stored_truth() == planted


def test_a_higher_threshold_finds_fewer(planted, user):
    assert len(duplicates.scan(user, 100)) <= len(duplicates.scan(user, 60))


def test_a_salesperson_scans_only_own_customers(workspace, user):
    a = auth.create_user("a", "李明", "salesperson")
    b = auth.create_user("b", "张丽", "salesperson")
    dossiers.create({"name": "北京海淀华鑫五金有限公司", "phone": "010-88888888"}, user, owner=a)
    dossiers.create({"name": "海淀华鑫五金(北京)", "phone": "01088888888"}, user, owner=b)
    assert len(duplicates.scan(user)) == 1
    assert duplicates.scan(a) == []


def test_typing_a_name_warns_but_hides_another_salespersons_customer(workspace, user):
    a = auth.create_user("a", "李明", "salesperson")
    b = auth.create_user("b", "张丽", "salesperson")
    mine = dossiers.create({"name": "北京海淀华鑫五金有限公司"}, user, owner=a)
    dossiers.create({"name": "上海浦东恒通食品有限公司"}, user, owner=b)
    own = duplicates.similar_to(a, "海淀华鑫五金（北京）")
    assert own and own[0].visible and own[0].customer_id == mine
    other = duplicates.similar_to(a, "上海浦东恒通食品")
    assert other and not other[0].visible
    assert other[0].owner_name == "张丽" and other[0].name is None and other[0].code is None
    assert duplicates.similar_to(a, "广州天河") == []
    assert duplicates.similar_to(a, "北京海淀华鑫五金", exclude_id=mine) == []


def test_the_command_prints_a_table_and_writes_excel(planted, capsys, tmp_path, db_path):
    database_proxy.obj.close()
    assert main(["--lang", "zh_CN", "--db", str(db_path), "duplicates", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("分数")
    assert len(out.splitlines()) > 50
    target = tmp_path / "dupes.xlsx"
    assert (
        main(
            [
                "--lang",
                "en",
                "--db",
                str(db_path),
                "duplicates",
                "--quiet",
                "--format",
                "xlsx",
                "--output",
                str(target),
            ]
        )
        == 0
    )
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("score", "reasons", "code")
    codes = {c.code for c in Customer.select(Customer.code)}
    assert rows[1][2] in codes and rows[1][6] in codes


def test_the_command_refuses_a_bad_score_without_a_traceback(capsys, db_path):
    assert main(["--lang", "en", "--db", str(db_path), "duplicates", "--min-score", "120"]) != 0
    assert "Traceback" not in capsys.readouterr().err
