"""The analyses that rank every customer read arrays kept in memory (`kehu.db.sales_arrays`);
after each kind of change — sale lines added, edited, deleted through the service, owners
transferred (one by one and all of a user's at once), grades and archiving, a repair — their
answers equal the plain GROUP BY over the sale lines (`kehu.db.sales_baseline`) to the cent.

Before every change the arrays are read (so what is checked is that the change makes them
be read again, not a first read)."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis_data import PERIOD, build
from kehu.core.periods import Period
from kehu.db import sales_arrays, sales_baseline, sales_queries, sales_summary
from kehu.db.models import Customer, SaleLine
from kehu.services import analysis_abc, classification, dossiers, repair, sales, transfer

WIDE = Period(PERIOD.first - 3, PERIOD.last)  # 2025-10..2026-03: c3's December line too


@pytest.fixture
def fixture(workspace, user):
    sales_arrays.forget()
    return build(user)


def _same(f) -> None:
    """Every ranked answer equals the baseline's, for the admin and for salesperson a."""
    db = Customer._meta.database
    scheme = f["grade_scheme"]
    for viewer, owners in ((f["admin"], None), (f["a"], {f["a"].id})):
        for period in (PERIOD, WIDE):
            args = (period.first, period.last, owners)
            assert sales_queries.customer_totals(*args) == sales_baseline.customer_totals(*args)
            assert sales_queries.top_customers(*args, 3) == sales_baseline.top_customers(*args, 3)
            before = period.previous()
            spans = ((period.first, period.last), (before.first, before.last), owners, 30, 50)
            assert sales_queries.declines(*spans) == sales_baseline.declines(*spans)
            proposal = analysis_abc.propose(viewer, period)
            plain = sales_baseline.abc(*args, scheme, proposal.thresholds)
            assert proposal.total == plain["total"]
            assert proposal.proposed == plain["proposed"]
            assert proposal.current == plain["current"]
            assert {g: proposal.amounts[g] for g in "ABC"} == plain["amounts"]
            assert proposal.counts["A"] == plain["counts"]["A"]
            assert proposal.counts["B"] == plain["counts"]["B"]
    assert sales_summary.differences(db) == []


def _line(customer: int, day: str, amount: str) -> sales.SaleInput:
    return sales.SaleInput(dt.date.fromisoformat(day), "", "调味品", "1", amount)


def test_sale_lines_added_edited_and_deleted(fixture):
    ids, admin = fixture["ids"], fixture["admin"]
    _same(fixture)
    line = sales.add_line(admin, ids["c6"], _line(ids["c6"], "2026-02-02", "700"))
    _same(fixture)  # c6 now has the highest sales
    sales.update_line(admin, line, _line(ids["c6"], "2025-11-30", "12.34"))
    _same(fixture)  # moved out of the period, into WIDE
    sales.delete_line(admin, line)
    _same(fixture)
    refund = sales.add_line(admin, ids["c4"], _line(ids["c4"], "2026-03-02", "-60"))
    _same(fixture)  # c4's returns equal its purchases: no sales, C
    sales.delete_line(admin, refund)
    SaleLine.delete().where(SaleLine.customer == ids["c1"]).execute()  # straight SQL too
    _same(fixture)


def test_owner_transfers_grades_and_archiving(fixture):
    ids, admin, a, b = fixture["ids"], fixture["admin"], fixture["a"], fixture["b"]
    _same(fixture)
    transfer.transfer([ids["c3"]], a, admin)  # chosen customers (triggers off, one stamp)
    _same(fixture)
    transfer.transfer(None, b, admin, from_user=a)  # all of a's
    _same(fixture)
    transfer.transfer([ids["c1"], ids["c2"]], a, admin)
    _same(fixture)
    classification.assign([ids["c2"], ids["c5"]], fixture["grades"]["C"], admin)
    _same(fixture)
    dossiers.archive(ids["c2"], admin)  # archived: not ranked
    _same(fixture)
    dossiers.restore(ids["c2"], admin)
    _same(fixture)
    new = dossiers.create({"name": "客户c7"}, admin, owner=a)
    sales.add_line(admin, new, _line(new, "2026-01-15", "5"))
    _same(fixture)


def test_an_applied_grading_and_its_undo_are_seen(fixture):
    admin = fixture["admin"]
    _same(fixture)
    analysis_abc.apply(admin, analysis_abc.propose(admin, PERIOD))
    again = analysis_abc.propose(admin, PERIOD)
    assert not again.changes() and not again.transitions()  # the grades are those proposed
    _same(fixture)
    analysis_abc.undo(admin)
    _same(fixture)


def test_after_a_repair_and_a_rebuild(fixture, workspace):
    db = Customer._meta.database
    _same(fixture)
    before = sales_arrays.stamps(db)
    db.execute_sql("DELETE FROM sales_month WHERE customer_id = ?", (fixture["ids"]["c1"],))
    assert sales_summary.differences(db) == ["sales_month"]
    repair.repair(workspace.database, fixture["admin"])
    assert sales_arrays.stamps(db)["sales"] != before["sales"]
    _same(fixture)
    # a rebuild with its stamp triggers off renews the stamps once
    before = sales_arrays.stamps(db)
    sales_summary.rebuild(db)
    after = sales_arrays.stamps(db)
    assert all(after[part] != before[part] for part in sales_arrays.PARTS)
    assert {n for n, _s in _triggers(db)} >= {
        "sales_summary_stamp_month_insert",
        "sales_summary_stamp_month_update",
        "sales_summary_stamp_month_delete",
    }
    _same(fixture)


def test_the_arrays_are_kept_until_a_stamp_changes(fixture):
    db = Customer._meta.database
    first = sales_arrays.month_sales(db)
    assert sales_arrays.month_sales(db) is first  # nothing changed: the same arrays
    Customer.update(name="改名").where(Customer.id == fixture["ids"]["c1"]).execute()
    assert sales_arrays.month_sales(db) is first  # a name is not a sale
    sales.add_line(fixture["admin"], fixture["ids"]["c1"], _line(0, "2026-01-02", "1"))
    assert sales_arrays.month_sales(db) is not first
    # a change rolled back leaves the stamp it had: the arrays read meanwhile are not kept
    kept = sales_arrays.month_sales(db)
    with db.atomic() as tx:
        SaleLine.delete().where(SaleLine.customer == fixture["ids"]["c1"]).execute()
        inside = sales_arrays.month_sales(db)
        assert inside is not kept and len(inside) < len(kept)
        tx.rollback()
    assert len(sales_arrays.month_sales(db)) == len(kept)


def _triggers(db):
    return db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sales_summary_stamp_%'"
    ).fetchall()


def test_a_few_changed_customers_are_read_again_not_all(fixture, monkeypatch):
    db = Customer._meta.database
    ids, admin = fixture["ids"], fixture["admin"]
    first = sales_arrays.month_sales(db)

    def read_all(*_args):
        raise AssertionError("every row read again")

    monkeypatch.setattr(sales_arrays, "_month_sales_all", read_all)
    line = sales.add_line(admin, ids["c6"], _line(0, "2026-02-02", "700"))
    sales.update_line(admin, line, _line(0, "2026-03-02", "800"))
    again = sales_arrays.month_sales(db)
    assert again.seq > first.seq and len(again) == len(first) + 1
    _same(fixture)
    monkeypatch.undo()
    monkeypatch.setattr(sales_arrays, "REREAD_ALL_ABOVE", 0)  # many changes: all read again
    sales.delete_line(admin, line)
    _same(fixture)
    # arrays older than the log's window are read whole again
    db.execute_sql("UPDATE analysis_change SET seq = seq + 200000")
    monkeypatch.setattr(sales_arrays, "_month_sales_since", read_all)
    sales.add_line(admin, ids["c6"], _line(0, "2026-02-03", "1"))
    _same(fixture)
    log = db.execute_sql("SELECT MIN(seq), MAX(seq), COUNT(*) FROM analysis_change").fetchone()
    assert log[1] - log[0] < sales_arrays.LOG_KEPT
    monkeypatch.undo()
    # a transfer works with the log's triggers dropped: the stamp says "read all"
    monkeypatch.setattr(sales_arrays, "REREAD_ALL_ABOVE", 50_000)
    before = sales_arrays.stamps(db)["sales"]
    transfer.transfer([ids["c1"]], fixture["b"], admin)
    assert sales_arrays.stamps(db)["sales"] != before
    _same(fixture)


def test_sums_stay_exact_where_float64_would_round():
    import numpy as np

    big = 2**60
    rows = sales_arrays.MonthSales(
        np.array([1, 1, 2, 3], dtype=np.int64),
        np.array([5, 6, 5, 5], dtype=np.int32),
        np.array([0, 0, 0, 0], dtype=np.int32),
        np.array([big + 1, 2, -big, 7], dtype=np.int64),
    )
    assert not rows.exact
    ids, (sums,) = sales_arrays._sums(rows, rows.rows(5, 6), None)
    assert ids.tolist() == [1, 2, 3] and sums.tolist() == [big + 3, -big, 7]
    ids, (before, after) = sales_arrays._sums(rows, rows.rows(5, 6), {0}, split=6)
    assert before.tolist() == [big + 1, -big, 7] and after.tolist() == [2, 0, 0]
    small = sales_arrays.MonthSales(rows.customer, rows.month, rows.owner, rows.amount % 1000)
    assert small.exact and small.month.tolist() == [5, 5, 5, 6]  # by month
    ids, (sums,) = sales_arrays._sums(small, small.rows(5, 5), None)
    assert ids.tolist() == [1, 2, 3] and sums.tolist() == [(big + 1) % 1000, (-big) % 1000, 7]
    ids, (before, after) = sales_arrays._sums(small, small.rows(5, 6), None, split=6)
    assert before.tolist() == [(big + 1) % 1000, (-big) % 1000, 7] and after.tolist() == [2, 0, 0]
