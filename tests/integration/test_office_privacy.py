"""PIPL tools: consent missing or withdrawn, a copy of a key person's data, erasing a person
with the history of their values; administrators only."""

import datetime as dt
import os
import shutil
import subprocess
import sys

import openpyxl
import pytest

from kehu.core.rights import Refused
from kehu.db.models import AuditEntry, FieldChange, KeyPerson
from kehu.services import auth, dossiers, privacy


@pytest.fixture
def shop(workspace, user):
    li = auth.create_user("li", "李丽", by=user)
    persons = [
        {
            "name": "张伟",
            "mobile": "13800000001",
            "consent_basis": "consent",
            "consent_date": dt.date(2024, 1, 5),
        },
        {"name": "王芳", "mobile": "13800000002"},
    ]
    cid = dossiers.create({"name": "杭州西湖茶叶有限公司"}, user, persons=persons, owner=li)
    base = dossiers.load(cid)
    changed = [dict(p) for p in base.persons]
    changed[0]["mobile"] = "13900000009"
    changed[0]["consent_withdrawn_on"] = dt.date(2025, 3, 1)
    dossiers.save(base, {}, user, persons=changed)
    return dict(cid=cid, li=li, ids=[p["id"] for p in base.persons])


def test_the_consent_missing_list(shop, user):
    names = {p.name for _code, _name, p in privacy.consent_missing(user)}
    assert names == {"张伟", "王芳"}  # one withdrew, one never gave it
    assert {p.name for *_c, p in privacy.consent_missing(shop["li"])} == names  # her customer


def test_a_copy_of_personal_data_with_its_history(shop, user, tmp_path):
    target = privacy.personal_data_copy(shop["ids"][0], user, tmp_path / "copy.xlsx", "zh_CN")
    book = openpyxl.load_workbook(target)
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert "13900000009" in values and "张伟" in values
    assert "撤回同意日期" in values or any("撤回" in str(v) for v in values)
    history = [c.value for row in book.worksheets[1].iter_rows() for c in row]
    assert "13800000001" in history and "13900000009" in history
    assert "本机管理员" in history or user.display_name in history  # who changed it
    with pytest.raises(Refused):
        privacy.personal_data_copy(shop["ids"][0], shop["li"], tmp_path / "x.xlsx", "zh_CN")
    assert AuditEntry.select().where(AuditEntry.action == "personal_data_copy").count() == 1


def test_erasing_a_key_person_erases_their_history(shop, user):
    pid = shop["ids"][0]
    with pytest.raises(Refused):
        privacy.erase_person(pid, shop["li"], "本人要求删除")
    assert KeyPerson.get_or_none(KeyPerson.id == pid) is not None
    assert privacy.erase_person(pid, user, "本人要求删除") >= 1
    assert KeyPerson.get_or_none(KeyPerson.id == pid) is None
    assert not FieldChange.select().where(FieldChange.person_id == pid).exists()
    entry = AuditEntry.get(AuditEntry.action == "erase_person")
    assert "本人要求删除" in entry.details


def _pdf_text(path):
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return done.stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")
def test_the_copy_of_personal_data_as_pdf_reads_back_in_chinese(shop, user, tmp_path):
    target = privacy.personal_data_copy(shop["ids"][0], user, tmp_path / "张伟", "zh_CN", "pdf")
    assert target.suffix == ".pdf" and target.read_bytes().startswith(b"%PDF")
    text = _pdf_text(target)
    flat = "".join(text.split())
    assert "个人信息副本" in flat and "张伟" in flat and "杭州西湖茶叶有限公司" in flat
    assert "13900000009" in text and "13800000001" in text  # the value and its history
    assert "王芳" not in text  # the other person's data is not in her copy
    entry = AuditEntry.get(AuditEntry.action == "personal_data_copy")
    assert '"format": "pdf"' in entry.details and "file_sha256" in entry.details
    assert not list(tmp_path.glob(".*.part"))


def test_a_manager_may_not_make_a_copy_of_personal_data(shop, user, tmp_path):
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    with pytest.raises(Refused) as refused:
        privacy.personal_data_copy(shop["ids"][0], boss, tmp_path / "x.pdf", "zh_CN")
    assert "经理" in refused.value.message("zh_CN")
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.part"))


def _kehu(db, *argv, user=None, password=None):
    env = {k: v for k, v in os.environ.items() if k not in ("KEHU_USER", "KEHU_PASSWORD")}
    if password is not None:
        env["KEHU_PASSWORD"] = password
    who = ["--user", user] if user else []
    return subprocess.run(
        [sys.executable, "-m", "kehu", "--lang", "zh_CN", "--db", str(db), *who, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_privacy_commands(shop, user, workspace, tmp_path):
    db = workspace.database.path
    code = dossiers.load(shop["cid"]).code
    done = _kehu(db, "privacy", "consent")
    assert done.returncode == 0, done.stderr
    assert "张伟" in done.stdout and "王芳" in done.stdout and "2025-03-01" in done.stdout
    done = _kehu(db, "privacy", "persons", code)
    assert f"{shop['ids'][0]}\t张伟" in done.stdout
    out = tmp_path / "copy.xlsx"
    done = _kehu(db, "privacy", "copy", str(shop["ids"][0]), "-o", str(out))
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    assert "13900000009" in [c.value for row in book.worksheets[0].iter_rows() for c in row]
    done = _kehu(db, "--user", "li", "privacy", "copy", str(shop["ids"][0]), "-o", str(out))
    assert done.returncode == 1 and "推销员无权" in done.stderr
