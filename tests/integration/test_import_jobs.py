"""The import's job contract (progress, cancel leaves nothing) and the one dossier update
that the import and the card share."""

from __future__ import annotations

import threading
from decimal import Decimal

import openpyxl
import pytest

from backends import BOTH
from kehu.core.jobs import Cancelled, Job
from kehu.db.dialect import dialect
from kehu.db.models import Category, Customer, FieldChange, ImportBatch
from kehu.services import classification, dossiers, imports
from kehu.services.imports import plan

pytestmark = BOTH

# Everything an import may write, compared before and after a cancelled run (the FTS index's
# own segment tables are left out: its content table is compared).
TABLES = (
    "customer",
    "key_person",
    "customer_category",
    "category",
    "category_count",
    "field_change",
    "sale_line",
    "product",
    "search_key",
    "search_name",
    "pending_review",
)


def _state() -> dict[str, list[tuple]]:
    db = Customer._meta.database
    # The names' substring index: FTS5's plain shadow table, or the server's table.
    text = dialect(db).TEXT_SCAN_TABLE
    return {
        t: sorted(db.execute_sql(f'SELECT * FROM "{t}"').fetchall(), key=repr)
        for t in (*TABLES, text)
    }


def _book(path, rows, sheets=None):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for title, extra in (sheets or {}).items():
        sheet = book.create_sheet(title)
        for row in extra:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def existing(workspace, user):
    region = classification.scheme_by_key("region")
    east = classification.add_category(region.id, "华东", user)
    cid = dossiers.create(
        {"name": "北京海淀科技有限公司", "phone": "010-62345678"},
        user,
        persons=[{"name": "张三", "mobile": "13812345678"}],
        categories={region.id: east},
    )
    return cid


def _customer_rows(count: int) -> list[list]:
    rows = [["客户名称", "电话", "电子邮箱", "区域", "联系人"]]
    rows.append(["北京海淀科技有限公司", "010-62345678", "new@hd.example", "华南/深圳", "李四"])
    rows += [
        [f"测试公司{i:03d}", f"0571-8{i:07d}", None, "华南/广州" if i == 3 else None, f"王{i}"]
        for i in range(count)
    ]
    return rows


def test_progress_is_reported_through_the_job(workspace, user, tmp_path, monkeypatch):
    monkeypatch.setattr(plan, "PROGRESS_EVERY", 10)
    path = _book(tmp_path / "many.xlsx", _customer_rows(45))
    seen = []
    report = imports.run_import(path, user, imports.ImportOptions(), Job(seen.append))
    assert (report.created, report.rejected) == (44, 2)  # two unknown regions
    assert [p.done for p in seen] == [0, 10, 20, 30, 40]
    assert {p.stage for p in seen} == {plan.READING}


@pytest.mark.parametrize("policy", ["update_empty", "overwrite"])
def test_a_cancelled_import_leaves_the_database_as_it_was(
    workspace, user, existing, tmp_path, monkeypatch, policy
):
    """Cancelled after several batches were committed (a customer updated, categories and
    customers created, key persons added): all of it is taken out again."""
    monkeypatch.setattr(plan, "PROGRESS_EVERY", 10)
    person_sheet = [["客户名称", "姓名"], ["北京海淀科技有限公司", "赵六"]]
    path = _book(tmp_path / "cancel.xlsx", _customer_rows(120), {"联系人": person_sheet})
    before = _state()
    version = Customer.get_by_id(existing).version

    job = Job()

    def listener(progress):
        if progress.done >= 70:
            job.cancel()  # as the progress dialog's Cancel does, from its own thread

    job._listener = listener
    options = imports.ImportOptions(
        on_duplicate=policy, create_categories=True, batch_size=25, persons_sheet="联系人"
    )
    with pytest.raises(Cancelled):
        imports.run_import(path, user, options, job)

    assert _state() == before
    assert Customer.get_by_id(existing).version == version
    assert not Category.select().where(Category.name.in_(["华南", "深圳", "广州"])).exists()
    batch = ImportBatch.get()
    assert batch.status == "cancelled" and batch.finished_at is not None
    assert not ImportBatch.select().where(ImportBatch.status == "running").exists()


def test_cancel_from_another_thread_during_a_sales_import(
    workspace, user, existing, tmp_path, monkeypatch
):
    """A second thread cancels while the import waits at a progress report; the sale lines
    and the products the run created are gone."""
    rows = [["客户名称", "日期", "商品", "商品类别", "金额"]]
    rows += [
        ["北京海淀科技有限公司", "2024-03-01", f"新商品{i}", "文具", 10 + i] for i in range(100)
    ]
    monkeypatch.setattr(plan, "PROGRESS_EVERY", 20)
    path = _book(tmp_path / "sales.xlsx", rows)
    before = _state()
    reached, cancelled = threading.Event(), threading.Event()

    def listener(progress):
        if progress.done >= 40 and not reached.is_set():
            reached.set()
            assert cancelled.wait(10)

    job = Job(listener)
    canceller = threading.Thread(target=lambda: (reached.wait(10), job.cancel(), cancelled.set()))
    canceller.start()
    with pytest.raises(Cancelled):
        imports.run_import(path, user, imports.ImportOptions(kind="sales", batch_size=10), job)
    canceller.join(10)
    assert _state() == before
    assert ImportBatch.get().status == "cancelled"


def test_import_updates_go_through_the_dossier_update(workspace, user, existing, tmp_path):
    """The import's "overwrite" writes the same history as the card (canonical text, one new
    version), tagged with its batch; a card opened before the import then conflicts."""
    card = dossiers.load(existing)
    path = _book(
        tmp_path / "capital.xlsx",
        [["客户名称", "注册资本", "电子邮箱"], ["北京海淀科技有限公司", 1234.5, "x@hd.example"]],
    )
    report = imports.run_import(path, user, imports.ImportOptions(on_duplicate="overwrite"))
    assert report.updated == 1
    stored = dossiers.load(existing)
    assert stored.version == card.version + 1
    assert stored.values["registered_capital"] == Decimal("1234.50")
    history = {
        c.field: (c.new_value, c.version, c.import_batch_id)
        for c in FieldChange.select().where(FieldChange.customer == existing)
    }
    assert history["registered_capital"] == ("1234.50", stored.version, report.batch_id)
    assert history["email"] == ("x@hd.example", stored.version, report.batch_id)

    with pytest.raises(dossiers.ConflictError) as caught:
        dossiers.save(card, {"email": "mine@hd.example"}, user)
    conflict = {c.field: c for c in caught.value.conflicts}["email"]
    assert (conflict.theirs, conflict.mine) == ("x@hd.example", "mine@hd.example")

    imports.undo(report.batch_id, user)
    assert dossiers.load(existing).values == card.values


def test_update_dossiers_reports_stale_versions_and_writes_nothing_for_them(
    workspace, user, existing
):
    card = dossiers.load(existing)
    fresh = dossiers.DossierUpdate(existing, card.version, {"email": (None, "a@hd.example")})
    assert dossiers.update_dossiers([fresh], user) == []
    stale = dossiers.DossierUpdate(existing, card.version, {"email": (None, "b@hd.example")})
    assert dossiers.update_dossiers([stale], user) == [existing]
    assert dossiers.load(existing).values["email"] == "a@hd.example"


def test_a_customer_named_twice_is_updated_twice_and_undone_once(
    workspace, user, existing, tmp_path
):
    before = _state()
    path = _book(
        tmp_path / "twice.xlsx",
        [
            ["客户名称", "电子邮箱", "业种"],
            ["北京海淀科技有限公司", "a@hd.example", None],
            ["北京海淀科技有限公司", None, "软件"],
        ],
    )
    version = dossiers.load(existing).version
    options = imports.ImportOptions(on_duplicate="update_empty", batch_size=1)
    report = imports.run_import(path, user, options)
    assert report.updated == 2
    stored = dossiers.load(existing)
    assert stored.version == version + 2
    assert (stored.values["email"], stored.values["industry"]) == ("a@hd.example", "软件")
    assert imports.check_undo(report.batch_id).safe
    imports.undo(report.batch_id, user)
    assert _state() == before
