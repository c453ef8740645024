"""Dossiers: create, save with history and audit, optimistic locking, archive, erase."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from backends import BOTH, other_connection
from kehu.core.rights import Refused
from kehu.db.models import ALL_MODELS, AuditEntry, Customer, FieldChange, KeyPerson
from kehu.services import auth, dossiers

pytestmark = BOTH


def _new(user, **values):
    raw = {"name": "北京海淀华鑫商贸有限公司", "phone": "010-62345678", **values}
    return dossiers.create(
        dossiers.parse_values(raw),
        user,
        persons=[{"name": "张伟", "role": "owner", "mobile": "13812345678"}],
    )


def test_create_assigns_a_code_and_converts_values(workspace, user):
    cid = _new(user, registered_capital="12.5万", founded_on="2001年3月4日", credit_status="AA")
    dossier = dossiers.load(cid)
    assert dossier.code == "KH000001"
    assert dossier.values["registered_capital"] == Decimal("125000.00")
    assert Customer.get_by_id(cid).registered_capital == 12_500_000  # cents in the table
    assert dossier.values["founded_on"] == dt.date(2001, 3, 4)
    assert dossier.persons[0]["name"] == "张伟"
    assert AuditEntry.select().where(AuditEntry.action == "create").count() == 1


def test_invalid_input_is_refused_with_the_reason(workspace, user):
    with pytest.raises(dossiers.ValidationFailed) as caught:
        dossiers.parse_values({"name": "某公司", "uscc": "91110000802100433C"})
    assert "校验位" in caught.value.message("zh_CN")
    assert "统一社会信用代码" in caught.value.message("zh_CN")


def test_save_writes_field_history_and_an_audit_entry(workspace, user):
    cid = _new(user)
    first = dossiers.load(cid)
    second = dossiers.save(first, {"phone": "010-11112222", "industry": "批发零售"}, user)
    assert second.version == first.version + 1
    changes = {c.field: (c.old_value, c.new_value) for c in FieldChange.select()}
    assert changes == {"phone": ("010-62345678", "010-11112222"), "industry": (None, "批发零售")}
    history = dossiers.history(cid)
    assert {h["user"] for h in history} == {user.display_name}
    update = AuditEntry.get(AuditEntry.action == "update")
    assert json.loads(update.details)["fields"] == ["industry", "phone"]


def test_key_persons_are_added_changed_and_removed_with_history(workspace, user):
    cid = _new(user)
    base = dossiers.load(cid)
    persons = [dict(base.persons[0], title="董事长"), {"name": "李娜", "role": "finance"}]
    after = dossiers.save(base, {}, user, persons=persons)
    assert [p["name"] for p in after.persons] == ["张伟", "李娜"]
    assert after.persons[0]["title"] == "董事长"
    removed = dossiers.save(after, {}, user, persons=[after.persons[1]])
    assert [p["name"] for p in removed.persons] == ["李娜"]
    fields = [c.field for c in FieldChange.select().order_by(FieldChange.id)]
    assert fields == ["person.title", "person", "person"]


def test_stale_save_raises_a_conflict_with_both_values_and_writes_nothing(workspace, user, db_path):
    """Two connections to the same file: the second save gets the conflict."""
    cid = _new(user)
    mine = dossiers.load(cid)
    other_db = other_connection(db_path)
    with other_db.bind_ctx(ALL_MODELS):
        theirs = dossiers.load(cid)
        dossiers.save(theirs, {"phone": "010-33334444", "address": "北京市海淀区中关村1号"}, user)
    other_db.close()
    with pytest.raises(dossiers.ConflictError) as caught:
        dossiers.save(mine, {"phone": "010-55556666"}, user)
    conflicts = {c.field: c for c in caught.value.conflicts}
    phone = conflicts["phone"]
    assert (phone.base, phone.theirs, phone.mine) == (
        "010-62345678",
        "010-33334444",
        "010-55556666",
    )
    assert phone.both_changed
    assert conflicts["address"].theirs == "北京市海淀区中关村1号"
    assert not conflicts["address"].both_changed
    stored = Customer.get_by_id(cid)
    assert stored.phone == "010-33334444" and stored.version == 2
    # Resolving: keep mine on top of the current version.
    resolved = dossiers.save(caught.value.current, {"phone": phone.mine}, user)
    assert resolved.values["phone"] == "010-55556666"
    assert resolved.values["address"] == "北京市海淀区中关村1号"


def test_archive_and_restore_keep_everything(workspace, user):
    cid = _new(user)
    dossiers.archive(cid, user)
    row = Customer.get_by_id(cid)
    assert row.status == "archived" and row.archived_at is not None
    dossiers.restore(cid, user)
    assert Customer.get_by_id(cid).status == "active"
    assert KeyPerson.select().where(KeyPerson.customer == cid).count() == 1
    assert [c.new_value for c in FieldChange.select().where(FieldChange.field == "status")] == [
        "archived",
        "active",
    ]


def test_erase_is_the_only_delete_and_is_audited(workspace, user):
    cid = _new(user)
    dossiers.save(dossiers.load(cid), {"phone": "010-11112222"}, user)
    salesperson = auth.create_user("xs", "小孙", "salesperson")
    with pytest.raises(Refused):  # the rights matrix: erase is an administrator's
        dossiers.erase(cid, salesperson, "个人信息删除请求")
    with pytest.raises(ValueError):
        dossiers.erase(cid, user, " ")
    dossiers.erase(cid, user, "个人信息删除请求")
    assert not Customer.select().exists()
    assert not KeyPerson.select().exists() and not FieldChange.select().exists()
    entry = AuditEntry.get(AuditEntry.action == "erase")
    assert entry.summary == "KH000001" and "个人信息删除请求" in entry.details


def test_audit_log_is_append_only(workspace, user):
    _new(user)
    with pytest.raises(Exception, match="append-only"):
        AuditEntry.update(summary="x").execute()
    with pytest.raises(Exception, match="append-only"):
        AuditEntry.delete().execute()


def test_reveal_of_a_sensitive_field_is_audited(workspace, user):
    cid = _new(user)
    person = dossiers.load(cid).persons[0]
    dossiers.reveal_sensitive(cid, person["id"], ["id_number"], user)
    entry = AuditEntry.get(AuditEntry.action == "view_sensitive")
    assert entry.entity_id == cid and entry.summary == "id_number"


def test_default_schemes_follow_the_language_of_a_new_database(tmp_path):
    from kehu.db.models import Category, Scheme
    from kehu.services.workspace import open_workspace

    english = open_workspace(tmp_path / "en.db", lang="en")
    names = [s.name for s in Scheme.select().order_by(Scheme.position)]
    assert names[:2] == ["Nature", "Ownership"] and "Grade" in names
    assert Category.select().where(Category.name == "Key customer (A)").exists()
    english.database.close()
    chinese = open_workspace(tmp_path / "zh.db", lang="zh_CN")
    names = [s.name for s in Scheme.select().order_by(Scheme.position)]
    assert names == [
        "客户性质",
        "所有制",
        "业态",
        "地段",
        "客户等级",
        "客户阶段",
        "交易状态",
        "区域",
    ]
    assert Category.select().where(Category.name == "主力客户 (A)").exists()
    chinese.database.close()
