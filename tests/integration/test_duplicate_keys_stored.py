"""The duplicate scan's stored keys (table duplicate_key, schema 10) follow every write that
changes a customer — card save, archive, import, merge and its undo, erase — are computed when a
schema 9 file is opened, and come back with `kehu repair` when they are lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from kehu.core.duplicate_keys import stored_keys
from kehu.db import duplicate_index, health
from kehu.db.models import Customer, DuplicateKey, database_proxy
from kehu.services import dossiers, duplicates, merge, repair
from kehu.services.imports import run_import
from kehu.services.workspace import open_workspace

FIXTURES = Path(__file__).resolve().parents[1] / "data"


def _stored(cid: int) -> tuple | None:
    row = DuplicateKey.get_or_none(DuplicateKey.id == cid)
    if row is None:
        return None
    return tuple(getattr(row, name) for name in duplicate_index.COLUMNS[1:])


def _expected(cid: int) -> tuple:
    c = Customer.get_by_id(cid)
    return tuple(stored_keys(c.name, c.short_name, c.uscc, c.phone, c.address))


def _pairs(user) -> set[tuple[int, int]]:
    return {(p.keep, p.other) for p in duplicates.scan(user)}


def test_saving_a_card_keeps_its_keys(workspace, user):
    cid = dossiers.create({"name": "北京海淀华鑫五金有限公司", "phone": "010-88888888"}, user)
    assert _stored(cid) == _expected(cid)
    assert _stored(cid)[0] == "海淀华鑫五金"
    dossiers.save(dossiers.load(cid), {"name": "上海浦东恒通食品有限公司"}, user)
    assert _stored(cid) == _expected(cid)
    assert _stored(cid)[0] == "浦东恒通食品"
    assert duplicates.similar_to(user, "上海浦东恒通食品")[0].customer_id == cid
    assert duplicates.similar_to(user, "海淀华鑫五金（北京）") == []


def test_an_archived_customer_is_neither_scanned_nor_offered_while_typing(workspace, user):
    keep = dossiers.create({"name": "北京海淀华鑫五金有限公司", "phone": "010-88888888"}, user)
    other = dossiers.create({"name": "海淀华鑫五金（北京）", "phone": "01088888888"}, user)
    assert _pairs(user) == {(keep, other)}
    dossiers.archive(other, user)
    assert _pairs(user) == set()
    assert [w.customer_id for w in duplicates.similar_to(user, "海淀华鑫五金")] == [keep]
    dossiers.restore(other, user)
    assert _pairs(user) == {(keep, other)}


def test_imported_customers_have_keys(workspace, user, tmp_path):
    book = openpyxl.Workbook()
    for row in (
        ["公司名称", "联系电话", "地址"],
        ["深圳南山电子厂", "0755 2666 1234", "广东省深圳市南山区科技园1号"],
        ["广州天河恒通商贸有限公司", "020-38881234", None],
    ):
        book.active.append(row)
    book.save(tmp_path / "new.xlsx")
    report = run_import(tmp_path / "new.xlsx", user)
    assert report.created == 2
    for cid in report.created_ids:
        assert _stored(cid) == _expected(cid)
    warned = duplicates.similar_to(user, "恒通商贸（广州）", phone="02038881234")
    assert warned and warned[0].customer_id in report.created_ids


def test_a_merge_and_its_undo_keep_the_keys(workspace, user):
    keep = dossiers.create({"name": "北京海淀华鑫五金有限公司", "phone": "010-88888888"}, user)
    other = dossiers.create({"name": "海淀华鑫五金（北京）", "address": "学院路1号"}, user)
    merge_id = merge.merge(merge.plan(keep, other, user), {}, user)
    assert _stored(keep) == _expected(keep)  # took the other's address
    assert _stored(keep)[-1] != 0
    assert [w.customer_id for w in duplicates.similar_to(user, "海淀华鑫五金")] == [keep]
    merge.undo(merge_id, user)
    assert _stored(keep) == _expected(keep) and _stored(keep)[-1] == 0
    assert {w.customer_id for w in duplicates.similar_to(user, "海淀华鑫五金")} == {keep, other}


def test_an_erased_customer_loses_its_keys(workspace, user):
    cid = dossiers.create({"name": "北京海淀华鑫五金有限公司"}, user)
    dossiers.erase(cid, user, "test")
    assert _stored(cid) is None


def test_repair_computes_lost_keys_again(workspace, user):
    keep = dossiers.create({"name": "北京海淀华鑫五金有限公司", "phone": "010-88888888"}, user)
    other = dossiers.create({"name": "海淀华鑫五金（北京）", "phone": "01088888888"}, user)
    DuplicateKey.delete().where(DuplicateKey.id == other).execute()
    assert _pairs(user) == set()  # the scan misses a customer without keys…
    problems = [p.message("en") for p in health.check(database_proxy.obj).problems]
    assert any("1 customers have no duplicate keys" in text for text in problems)  # …the check
    report = repair.repair(workspace.database, user)
    assert report.done
    assert _stored(other) == _expected(other)
    assert _pairs(user) == {(keep, other)}


@pytest.mark.parametrize("in_workers", [False, True])
def test_a_schema_9_file_gets_its_keys_when_opened(tmp_path, monkeypatch, caplog, in_workers):
    if in_workers:  # as for a big file: computed in worker processes
        monkeypatch.setattr(duplicate_index, "PARALLEL_MIN", 0)
    path = tmp_path / "v9.db"
    shutil.copy(FIXTURES / "schema_v9.db", path)
    ws = open_workspace(path, lang="zh_CN")
    try:
        assert ws.database.migrated_from == 9
        ids = [c.id for c in Customer.select(Customer.id)]
        assert ids and all(_stored(cid) == _expected(cid) for cid in ids)
        assert duplicate_index.customers_without_keys(database_proxy.obj) == []
        assert "workers failed" not in caplog.text
    finally:
        ws.database.close()
