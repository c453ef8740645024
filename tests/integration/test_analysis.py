"""Composition analyses against hand-computed sums on a small fixture (analysis_fixture)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from analysis_data import PERIOD, build
from backends import BOTH
from kehu.core.periods import Period, custom, month_of, preset, rounded_shares
from kehu.db import sales_baseline, sales_queries, sales_summary
from kehu.db.models import Customer, SaleLine
from kehu.services import analysis, analysis_trend

pytestmark = BOTH


@pytest.fixture
def sales(workspace, user):
    return build(user)


def _by_label(table):
    return {row.label: row for row in table.rows}


def test_sales_per_grade_add_up_to_the_hand_computed_sums(sales):
    table = analysis.composition(sales["admin"], PERIOD, "grade", "zh_CN")
    rows = _by_label(table)
    assert table.total == 100000
    assert rows["主力客户 (A)"].amount == 60000 and rows["主力客户 (A)"].share == Decimal("60.0")
    assert rows["主力客户 (A)"].customers == 2 and rows["主力客户 (A)"].average == 30000
    assert rows["一般客户 (B)"].amount == 30000 and rows["一般客户 (B)"].share == Decimal("30.0")
    assert rows["零散客户 (C)"].amount == 6000 and rows["零散客户 (C)"].customers == 2
    assert rows["零散客户 (C)"].average == 3000
    assert rows["未分类"].amount == 4000 and rows["未分类"].customers == 1
    assert sum(r.share for r in table.chart_rows()) == Decimal("100.0")


def test_a_salespersons_composition_counts_only_their_customers(sales):
    table = analysis.composition(sales["a"], PERIOD, "grade", "en")
    rows = _by_label(table)
    assert table.total == 84000  # c1 50000 + c2 30000 + c5 4000
    # 59.52…, 35.71…, 4.76… rounded to one decimal by largest remainder: they add up to 100.0
    # (the built-in grades of a Chinese database are named in the report's language)
    assert rows["Key customer (A)"].share == Decimal("59.5")
    assert rows["Regular customer (B)"].share == Decimal("35.7")
    assert rows["Not classified"].share == Decimal("4.8")
    c = rows["Occasional customer (C)"]
    assert c.amount == 0 and c.customers == 1  # c6
    assert sum(r.share for r in table.rows if r.depth == 0) == Decimal("100.0")


def test_the_region_tree_is_rolled_up(sales):
    table = analysis.composition(sales["admin"], PERIOD, "region", "zh_CN")
    rows = _by_label(table)
    assert (rows["华东"].amount, rows["华东"].depth, rows["华东"].customers) == (90000, 0, 3)
    assert (rows["上海"].amount, rows["上海"].depth) == (60000, 1)
    assert rows["杭州"].amount == 30000
    assert rows["华南"].amount == rows["广州"].amount == 6000
    assert rows["未分类"].amount == 4000
    assert [r.share for r in table.chart_rows()] == [
        Decimal("90.0"),
        Decimal("6.0"),
        Decimal("4.0"),
    ]


def test_sales_per_salesperson(sales):
    table = analysis.composition(sales["admin"], PERIOD, analysis.OWNER, "zh_CN")
    rows = _by_label(table)
    assert rows["李明"].amount == 84000 and rows["李明"].customers == 4
    assert rows["张丽"].amount == 16000 and rows["张丽"].share == Decimal("16.0")


def test_product_shares_overall_per_grade_and_for_one_customer(sales):
    table = analysis.products(sales["admin"], PERIOD, by="grade", lang="zh_CN")
    rows = _by_label(table)
    assert [r.label for r in table.rows] == ["调味品", "饮料", "酒水"]
    assert [r.amount for r in table.rows] == [64000, 30000, 6000]
    assert [r.share for r in table.rows] == [Decimal("64.0"), Decimal("30.0"), Decimal("6.0")]
    assert table.extra_columns[:3] == ["主力客户 (A)", "一般客户 (B)", "零散客户 (C)"]
    # grade A (c1, c3) bought 30000 调味品 and 30000 饮料
    assert rows["调味品"].extra[0] == Decimal("50.0") and rows["饮料"].extra[0] == Decimal("50.0")
    assert rows["酒水"].extra[2] == Decimal("100.0")
    of_a = analysis.products(sales["admin"], PERIOD, category_id=sales["grades"]["A"])
    assert {r.label: r.amount for r in of_a.rows} == {"调味品": 30000, "饮料": 30000}
    one = analysis.customer_products(sales["admin"], sales["ids"]["c3"])
    assert {r.label: r.amount for r in one.rows} == {"饮料": 109900}  # all time
    with pytest.raises(analysis.AnalysisError):
        analysis.customer_products(sales["a"], sales["ids"]["c3"])


def test_the_dashboard(sales):
    board = analysis_trend.dashboard(sales["admin"], PERIOD, drop_percent=50, lang="zh_CN")
    months = dict(board.months)
    assert len(board.months) == 24
    assert months[month_of(dt.date(2026, 1, 1))] == 34000
    assert months[month_of(dt.date(2025, 12, 1))] == 99900
    # c3: 10000 now against 99900 in 2025-10..2025-12: down 90 %
    assert [(d.code, d.current, d.previous) for d in board.declines] == [
        (Customer.get_by_id(sales["ids"]["c3"]).code, 10000, 99900)
    ]
    assert [row[3] for row in board.top_customers] == [50000, 30000, 10000, 6000, 4000]
    assert board.top_products == [("（无商品）", "", 100000)]  # no product: one row


def test_summaries_follow_every_change_and_equal_the_plain_group_by(sales, workspace):
    db = Customer._meta.database
    ids = sales["ids"]

    def same():
        assert sales_summary.differences(db) == []
        cats = [0, *sales["grades"].values(), *sales["regions"].values()]
        for owners in (None, {sales["a"].id}):
            args = (PERIOD.first, PERIOD.last, owners)
            assert sales_queries.category_sales(cats, *args) == sales_baseline.category_sales(
                cats, *args
            )
            assert sales_queries.category_product_sales(
                cats, *args
            ) == sales_baseline.category_product_sales(cats, *args)
            assert sales_queries.top_customers(*args, 10) == sales_baseline.top_customers(*args, 10)

    same()
    line = SaleLine.get(SaleLine.amount == 30000, SaleLine.customer == ids["c2"])
    line.amount, line.sale_date = 31000, dt.date(2026, 3, 15)
    line.save()
    same()
    SaleLine.delete().where(SaleLine.customer == ids["c5"]).execute()
    same()
    from kehu.services import classification

    classification.assign([ids["c4"]], sales["grades"]["A"], sales["admin"])
    same()
    Customer.update(owner=sales["b"].id).where(Customer.id == ids["c1"]).execute()
    same()
    Customer.delete().where(Customer.id == ids["c3"]).execute()
    same()
    sales_summary.rebuild(db)
    same()


def test_periods_and_shares():
    today = dt.date(2026, 5, 17)
    assert preset("month", today).label() == "2026-05"
    assert preset("quarter", today).label() == "2026-04..2026-05"
    assert preset("year", today).label() == "2026-01..2026-05"
    assert preset("12m", today).label() == "2025-06..2026-05"
    assert custom("2026-02-15", "2026年3月", today) == Period(
        month_of(dt.date(2026, 2, 1)), month_of(dt.date(2026, 3, 1))
    )
    assert rounded_shares([1, 1, 1]) == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    assert rounded_shares([0, 0]) == [Decimal(0), Decimal(0)]
