"""A large import (one transaction, unread indexes built after the load, search rows from a
worker process) stores exactly what the batched import stores, and keeps the contract: cancel
and failure leave the file as it was, undo takes it out, counts and completeness are right."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from kehu.core.jobs import Cancelled, Job
from kehu.db import completeness, health, search
from kehu.db.models import Customer, ImportBatch
from kehu.services import classification, dossiers, imports
from kehu.services.imports import plan, run
from kehu.services.workspace import open_workspace

# What an import writes, compared between the two ways (ids and stamps left out where they
# differ by construction).
TABLES = {
    "customer": "SELECT * FROM customer",
    "key_person": "SELECT * FROM key_person",
    "customer_category": "SELECT customer_id, scheme_id, category_id FROM customer_category",
    "category_count": "SELECT category_id, owner_id, status, n FROM category_count WHERE n != 0",
    "search_key": "SELECT id, kind, key FROM search_key",
    "search_name": "SELECT key, name FROM search_name",
    "search_text": "SELECT id, c0 FROM search_text_content",
    "duplicate_key": "SELECT * FROM duplicate_key",
    "care_key": "SELECT * FROM care_key",  # computed once after the load, without its triggers
    "birthday_key": "SELECT * FROM birthday_key",
}
_STAMPS = ("created_at", "updated_at")


def _rows(count: int) -> list[list]:
    rows = [
        ["客户名称", "简称", "电话", "成立日期", "注册资本", "客户等级", "区域", "联系人", "手机",
         "出生日期"]
    ]  # fmt: skip
    for i in range(count):
        rows.append(
            [
                f"重庆长江{i:04d}贸易有限公司",
                f"长江{i}",
                f"023-6{i:07d}",
                dt.date(2000 + i % 20, 1 + i % 12, 1 + i % 28),
                10000.5 + i,
                "ABC"[i % 3],
                "华东" if i % 2 else None,
                f"张{i % 7}三" if i % 5 else None,
                f"138{i:08d}" if i % 5 else None,
                dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28) if i % 5 else None,
            ]
        )
    return rows


def _book(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _state() -> dict[str, list[tuple]]:
    db = Customer._meta.database
    state = {}
    for table, sql in TABLES.items():
        cursor = db.execute_sql(sql)
        names = [c[0] for c in cursor.description]
        keep = [i for i, n in enumerate(names) if n not in _STAMPS]
        state[table] = sorted((tuple(r[i] for i in keep) for r in cursor.fetchall()), key=repr)
    return state


def _indexes() -> list[tuple]:
    return Customer._meta.database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"
    ).fetchall()


@pytest.fixture
def large(monkeypatch, workspace, user):
    """Imports of 10+ rows take the large-import path; the sheets' region exists."""
    monkeypatch.setattr(run, "LOAD_MIN_ROWS", 10)
    classification.add_category(classification.scheme_by_key("region").id, "华东", user)


def _import(db_path, path, **options):
    ws = open_workspace(db_path, lang="zh_CN")
    region = classification.scheme_by_key("region")
    classification.add_category(region.id, "华东", ws.user)
    report = imports.run_import(path, ws.user, imports.ImportOptions(batch_size=40, **options))
    return ws, report


def test_a_large_import_stores_what_the_batched_import_stores(tmp_path, monkeypatch):
    path = _book(tmp_path / "big.xlsx", _rows(150))
    ws, batched = _import(tmp_path / "batched.db", path)
    expected, schema = _state(), _indexes()
    assert len(expected["care_key"]) == 150 and len(expected["birthday_key"]) == 120
    ws.database.close()

    loads = []
    real_load = run._load
    monkeypatch.setattr(run, "LOAD_MIN_ROWS", 10)
    monkeypatch.setattr(run, "_load", lambda *a: (loads.append(1), real_load(*a)))
    ws, loaded = _import(tmp_path / "loaded.db", path)
    assert loads == [1]
    assert (loaded.created, loaded.rejected) == (batched.created, batched.rejected) == (150, 0)
    assert _state() == expected
    assert _indexes() == schema  # every index and trigger is back
    found = health.check(Customer._meta.database)
    assert not found.problems, [p.text.message("en") for p in found.problems]
    assert completeness.refresh(loaded.created_ids) == 0  # stored as computed
    assert search.search("cqcj0042", ws.user)  # pinyin initials, from the worker
    assert search.search("张3", ws.user)  # a key person's name
    ws.database.close()


def test_a_cancelled_large_import_leaves_the_file_as_it_was(
    tmp_path, workspace, user, large, monkeypatch
):
    monkeypatch.setattr(plan, "PROGRESS_EVERY", 10)
    path = _book(tmp_path / "cancel.xlsx", _rows(120))
    before, schema = _state(), _indexes()
    job = Job()
    job._listener = lambda progress: job.cancel() if (progress.done or 0) >= 90 else None
    with pytest.raises(Cancelled):
        imports.run_import(path, user, imports.ImportOptions(batch_size=25), job)
    assert _state() == before
    assert _indexes() == schema
    assert ImportBatch.get().status == "cancelled"


def test_a_failed_large_import_leaves_the_file_as_it_was(
    tmp_path, workspace, user, large, monkeypatch
):
    path = _book(tmp_path / "fail.xlsx", _rows(100))
    before, schema = _state(), _indexes()

    def failing(statements):
        raise OSError("disk gone")

    monkeypatch.setattr(run.import_load, "create_indexes", failing)
    with pytest.raises(OSError):
        imports.run_import(path, user, imports.ImportOptions(batch_size=30))
    assert _state() == before
    assert _indexes() == schema
    assert ImportBatch.get().status == "failed"


def test_a_large_import_is_undone_as_a_whole(tmp_path, workspace, user, large):
    path = _book(tmp_path / "undo.xlsx", _rows(60))
    before = _state()
    report = imports.run_import(path, user, imports.ImportOptions(batch_size=25))
    assert report.created == 60 and Customer.select().count() == 60
    imports.undo(report.batch_id, user)
    assert _state() == before
    assert not health.check(Customer._meta.database).problems


def test_a_large_import_into_a_filled_database_is_batched(tmp_path, workspace, user, large):
    """Many customers already stored: inserting into their indexes costs less than building
    them again, so the rows go in short transactions."""
    first = imports.run_import(_book(tmp_path / "a.xlsx", _rows(60)), user)
    assert first.created == 60
    more = [_rows(1)[0], *(r for r in _rows(100)[1:]), ["新公司甲"], ["新公司乙"]]
    report = imports.run_import(_book(tmp_path / "b.xlsx", more), user)
    assert (report.created, report.skipped) == (42, 60)  # 60 known; 40 new, 2 more
    assert not health.check(Customer._meta.database).problems


def test_a_large_import_gives_ids_after_the_highest(tmp_path, workspace, user, large, monkeypatch):
    """The load gives the new customers' ids itself: after the highest id stored, also when
    the customer that held it was erased (as SQLite would), and the rows stay consistent."""
    first = imports.run_import(_book(tmp_path / "a.xlsx", _rows(12)), user)
    assert first.created == 12
    highest = max(first.created_ids)
    dossiers.erase(highest, user, "test")
    more = [_rows(1)[0], *([f"新公司{i:03d}", f"新{i}"] for i in range(40))]
    loads = []
    real_load = run._load
    monkeypatch.setattr(run, "_load", lambda *a: (loads.append(1), real_load(*a)))
    report = imports.run_import(_book(tmp_path / "b.xlsx", more), user)
    assert loads == [1] and report.created == 40
    assert sorted(report.created_ids) == list(range(highest, highest + 40))
    stored = dict(Customer.select(Customer.id, Customer.name).tuples())
    assert all(stored[cid].startswith("新公司") for cid in report.created_ids)
    found = health.check(Customer._meta.database)
    assert not found.problems, [p.text.message("en") for p in found.problems]
    assert search.search("新公司007", user)
