"""PIPL tools: consent missing or withdrawn, a copy of a key person's data, erasing a person
with the history of their values; administrators only."""

import datetime as dt

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
    history = [c.value for row in book.worksheets[1].iter_rows() for c in row]
    assert "13800000001" in history and "13900000009" in history
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
