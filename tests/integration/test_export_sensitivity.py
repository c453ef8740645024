"""One sensitivity rule across every writer: for each role and each writer an ID number is
masked unless the role may reveal it and asked to; a refused reveal is an error."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from kehu.core.sensitivity import RevealRefused, may_reveal
from kehu.db.models import AuditEntry
from kehu.services import auth, dossiers, exports

ID_NUMBER = "310115196809121234"
MASKED = "310***********1234"
ROLES = ("salesperson", "manager", "admin")

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


@pytest.fixture
def people(workspace, user):
    """A user of each role (the salesperson reports to the manager) and a customer of the
    salesperson's with a key person who has an ID number."""
    manager = auth.create_user(
        "wang", "王经理", role="manager", password="password-123", own_password="admin-pass-1"
    )
    clerk = auth.create_user("li", "李销售", manager=manager, password="password-123", by=user)
    cid = dossiers.create(
        {
            "name": "杭州西湖茶叶有限公司",
            "address": "杭州市西湖区龙井路1号",
            "postal_code": "310000",
        },
        user,
        owner=clerk,
        persons=[{"name": "王建国", "role": "owner", "id_number": ID_NUMBER, "hobbies": "钓鱼"}],
    )
    return {"salesperson": clerk, "manager": manager, "admin": user}, cid


def xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    return " ".join(
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
    )


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", out)


CARRY_ID_NUMBERS = {("xlsx", "list"), ("pdf", "card")}
WRITERS = [
    ("xlsx", "list", {"sheets": "persons"}, xlsx_text),
    ("xlsx", "card", {}, xlsx_text),
    ("xlsx", "form", {}, xlsx_text),
    pytest.param("pdf", "card", {}, pdf_text, marks=needs_poppler),
    pytest.param("pdf", "labels", {}, pdf_text, marks=needs_poppler),
    pytest.param("pdf", "form", {"prefill": "1"}, pdf_text, marks=needs_poppler),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("fmt", "kind", "options", "read"), WRITERS)
def test_id_numbers_are_masked_unless_the_role_may_reveal_and_asked(
    people, tmp_path, role, fmt, kind, options, read
):
    users, cid = people
    who = users[role]
    masked = read(exports.export(fmt, kind, [cid], tmp_path / f"m.{fmt}", who, options))
    assert "杭州西湖茶叶有限公司" in masked  # the customer is there …
    assert ID_NUMBER not in masked  # … its ID number is not
    carries = (fmt, kind) in CARRY_ID_NUMBERS
    if carries:
        assert MASKED in masked  # shown masked where the writer shows ID numbers
    asked = {**options, "reveal": "1"}
    if not may_reveal(role):
        with pytest.raises(RevealRefused) as refused:
            exports.export(fmt, kind, [cid], tmp_path / f"r.{fmt}", who, asked)
        assert "管理员或经理" in refused.value.message("zh_CN")
        assert not list(tmp_path.glob(f"r*.{fmt}*"))
        return
    shown = read(exports.export(fmt, kind, [cid], tmp_path / f"r.{fmt}", who, asked))
    if carries:
        assert ID_NUMBER in shown
    else:  # the Excel card, labels and forms never carry ID numbers, revealed or not
        assert ID_NUMBER not in shown
    entry = AuditEntry.select().where(AuditEntry.action == "export").order_by(AuditEntry.id.desc())
    assert json.loads(entry.get().details)["revealed"] is True


def test_the_old_sensitive_option_is_a_reveal_too(people, tmp_path):
    users, cid = people
    with pytest.raises(RevealRefused):
        exports.export(
            "xlsx", "list", [cid], tmp_path / "s.xlsx", users["salesperson"], {"sensitive": "1"}
        )


def test_the_persons_sheet_of_a_salesperson_masks_hobbies_too(people, tmp_path):
    users, cid = people
    out = exports.export(
        "xlsx", "list", [cid], tmp_path / "p.xlsx", users["salesperson"], {"sheets": "persons"}
    )
    ws = openpyxl.load_workbook(out)["关键人物"]
    header = [c.value for c in ws[1]]
    row = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert row["身份证号"] == MASKED and row["嗜好"] == "（已隐藏）" and row["姓名"] == "王建国"
