"""Sale lines entered on the card: add, change, delete with history, rights; the product list;
the sales summaries follow."""

from __future__ import annotations

import datetime as dt

import pytest

from backends import BOTH
from kehu.core import rights
from kehu.core.periods import Period, month_of
from kehu.db import sales_summary
from kehu.db.models import Customer, FieldChange, Product
from kehu.services import analysis, auth, dossiers, sales
from kehu.services.sales import SaleError, SaleInput

pytestmark = BOTH

MARCH = Period(month_of(dt.date(2026, 3, 1)), month_of(dt.date(2026, 3, 1)))


def test_add_change_delete_with_history_and_summaries(workspace, user):
    cid = dossiers.create({"name": "重庆渝中五金店"}, user)
    Product.create(name="火锅底料", category="调味品")
    line = sales.add_line(
        user, cid, SaleInput(dt.date(2026, 3, 5), "火锅底料", "", "12.5", "1,500.00")
    )
    assert analysis.products(user, MARCH).rows[0].amount == 150000
    sales.update_line(user, line, SaleInput(dt.date(2026, 3, 6), "花椒油", "调味品", "2", "36"))
    assert Product.get(Product.name == "花椒油").category == "调味品"  # typed: joins the list
    assert analysis.products(user, MARCH).total == 3600
    sales.delete_line(user, line)
    assert analysis.products(user, MARCH).total == 0
    assert sales_summary.differences(Customer._meta.database) == []
    history = [
        (c.old_value, c.new_value)
        for c in FieldChange.select().where(FieldChange.field == "sale").order_by(FieldChange.id)
    ]
    assert history == [
        (None, "2026-03-05 火锅底料 (调味品) × 12.5 = 1,500.00"),
        (
            "2026-03-05 火锅底料 (调味品) × 12.5 = 1,500.00",
            "2026-03-06 花椒油 (调味品) × 2 = 36.00",
        ),
        ("2026-03-06 花椒油 (调味品) × 2 = 36.00", None),
    ]


def test_what_is_refused(workspace, user):
    cid = dossiers.create({"name": "客户"}, user)
    seller = auth.create_user("a", "李明", "salesperson")
    with pytest.raises(rights.Refused) as caught:
        sales.add_line(seller, cid, SaleInput(dt.date(2026, 3, 5), "", "调味品", "1", "10"))
    assert "推销员" in caught.value.message("zh_CN")
    for amount in ("abc", "1.234"):
        with pytest.raises(SaleError):
            sales.add_line(user, cid, SaleInput(dt.date(2026, 3, 5), "", "调味品", "1", amount))
    with pytest.raises(SaleError):
        sales.add_line(user, cid, SaleInput(dt.date(2026, 3, 5), "", "", "1", "10"))
    with pytest.raises(rights.Refused):
        sales.save_product(seller, None, "花椒油", "", "调味品", "瓶")


def test_the_product_list(workspace, user):
    pid = sales.save_product(user, None, "花椒油", "P1", "调味品", "瓶")
    with pytest.raises(SaleError):
        sales.save_product(user, None, "花椒油", "", "调味品", "")
    with pytest.raises(SaleError):
        sales.save_product(user, None, "别的", "P1", "调味品", "")
    cid = dossiers.create({"name": "客户"}, user)
    sales.add_line(user, cid, SaleInput(dt.date(2026, 3, 5), "花椒油", "", "1", "10"))
    assert [(p["name"], p["lines"]) for p in sales.products()] == [("花椒油", 1)]
    with pytest.raises(SaleError):
        sales.delete_product(user, pid)
