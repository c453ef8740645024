"""The export service: one registry, one audit entry with the file digest, cancel leaves no
file, and the customer-filled form asks the same fields in Excel and in PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import openpyxl
import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from backends import BOTH
from kehu.cli import parse
from kehu.core.digest import AUDIT_KEY, file_sha256
from kehu.core.fields import customer_form_fields, person_form_fields
from kehu.core.jobs import Cancelled, Job
from kehu.db.models import AuditEntry, Customer
from kehu.exchange import xlsx_form
from kehu.services import dossiers, exports

pytestmark = BOTH

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def test_the_registry_is_what_the_cli_offers():
    args = parse(["export", "--format", "xlsx", "--kind", "card", "out.xlsx"])
    assert args.kind == "card"
    with pytest.raises(SystemExit):
        parse(["export", "--format", "xlsx", "--kind", "cards", "out.xlsx"])
    assert exports.kind_names("xlsx") == ("list", "card", "form", "analysis")
    assert exports.kind_names("pdf") == (
        "list",
        "card",
        "form",
        "route",
        "labels",
        "visits",
        "analysis",
    )
    assert set(exports.writers()) == {(f, k.name) for k in exports.KINDS for f in k.formats}
    with pytest.raises(exports.ExportError) as unknown:
        exports.find_kind("xlsx", "route")
    assert "list, card, form" in unknown.value.message("en")
    assert exports.find_kind("xlsx", "card").menu_text("xlsx", "zh_CN") == "导出档案卡到 Excel…"


@pytest.mark.parametrize("fmt", ["xlsx", pytest.param("pdf", marks=needs_poppler)])
def test_one_audit_entry_per_export_with_the_file_digest(workspace, user, tmp_path, fmt):
    cid = dossiers.create({"name": "北京海淀科技有限公司"}, user)
    folder = tmp_path / "out"
    out = exports.export(fmt, "card", [cid], folder / f"card.{fmt}", user, {"selection": "t"})
    entries = list(AuditEntry.select().where(AuditEntry.action == "export"))
    assert len(entries) == 1
    details = json.loads(entries[0].details)
    assert details[AUDIT_KEY] == file_sha256(out) and "sha256" not in details
    assert details["format"] == fmt and details["kind"] == "card" and details["rows"] == 1
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left


def _many_customers(user, count: int) -> list[int]:
    rows = [
        {"code": f"KH{n:06d}", "name": f"客户{n}号商店", "owner": user.id, "version": 1}
        for n in range(1, count + 1)
    ]
    Customer.insert_many(rows).execute()
    return [cid for (cid,) in Customer.select(Customer.id).order_by(Customer.id).tuples()]


@pytest.mark.parametrize(("fmt", "kind"), [("xlsx", "list"), ("xlsx", "card"), ("pdf", "card")])
def test_a_long_export_cancelled_from_the_job_leaves_no_file(workspace, user, tmp_path, fmt, kind):
    ids = _many_customers(user, 1200 if kind == "list" else 120)
    seen = []

    def listener(progress) -> None:
        seen.append(progress)
        if progress.done > 0:
            job.cancel()  # as the progress dialog's Cancel does, from the first real step

    job = Job(listener)
    folder = tmp_path / "out"
    temporary = set(ALL_TEMP_FILES)  # openpyxl's write-only sheets (rows of customer data)
    with pytest.raises(Cancelled):
        exports.export(fmt, kind, ids, folder / f"big.{fmt}", user, {}, job=job)
    assert seen and 0 < seen[-1].done < len(ids)  # it was stopped on the way
    assert list(folder.iterdir()) == []  # neither the file nor a partial one
    assert set(ALL_TEMP_FILES) <= temporary
    assert not AuditEntry.select().where(AuditEntry.action == "export").exists()


def test_progress_reaches_the_total(workspace, user, tmp_path):
    ids = _many_customers(user, 1100)
    seen = []
    exports.export("xlsx", "list", ids, tmp_path / "l.xlsx", user, {}, job=Job(seen.append))
    assert seen[0].total == 1100 and [p.done for p in seen if p.done] == [500, 1000]


@needs_poppler
def test_excel_and_pdf_forms_ask_the_same_fields(workspace, user, tmp_path):
    book = openpyxl.load_workbook(exports.export("xlsx", "form", [], tmp_path / "f.xlsx", user))
    keys = [ws.cell(r, 1).value for ws in book.worksheets for r in range(4, ws.max_row + 1)]
    customer_keys = [k for k in keys if k and not k.startswith("person.")]
    person_keys = {k.rsplit(".", 1)[1] for k in keys if k and k.startswith("person.")}
    assert customer_keys == [f.name for f in customer_form_fields()]
    assert person_keys == {f.name for f in person_form_fields()}
    assert [f.name for _s, fields in xlsx_form.form_fields() for f in fields] == customer_keys

    out = exports.export("pdf", "form", [], tmp_path / "f.pdf", user)
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(out), "-"],
                  capture_output=True, text=True).stdout)  # fmt: skip
    for field in (*customer_form_fields(), *person_form_fields()):
        assert field.label("zh_CN") in text, field.name
    assert "信用额度" not in text  # not on the form in either format
    assert "信用额度" not in " ".join(str(ws["B" + str(r)].value) for ws in book.worksheets
                                  for r in range(1, ws.max_row + 1))  # fmt: skip


def test_the_cli_refuses_a_salespersons_reveal_with_a_clear_message(
    workspace, user, tmp_path, capsys, monkeypatch
):
    from kehu.cli import run
    from kehu.services import auth

    clerk = auth.create_user("li", "李销售", password="password-123", own_password="admin-pass-1")
    dossiers.create({"name": "杭州西湖茶叶有限公司"}, user, owner=clerk)
    db = workspace.database.target
    workspace.database.close()
    monkeypatch.setenv("KEHU_PASSWORD", "password-123")
    out = tmp_path / "out" / "list.xlsx"
    argv = ["--db", db, "--lang", "en", "--user", "li", "export", "--format", "xlsx"]
    code = run(parse([*argv, "--kind", "list", "--option", "reveal=1", str(out)]))
    assert code == 2 and not out.parent.exists()
    assert "Only an administrator or a manager may show sensitive fields" in capsys.readouterr().err
    assert run(parse([*argv, "--kind", "list", str(out)])) == 0 and out.exists()
