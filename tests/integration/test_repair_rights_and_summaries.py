"""`kehu repair` is an administrator's action (the rights matrix) and rebuilds the sales
summaries of the analyses when they differ from the sale lines."""

from __future__ import annotations

import pytest
from tests.analysis_data import build

from kehu.core import rights
from kehu.db import sales_summary
from kehu.services import auth, repair


def test_repair_rebuilds_wrong_sales_summaries(workspace, user):
    build(user)
    db = workspace.database.db
    assert sales_summary.differences(db) == []
    db.execute_sql("DELETE FROM sales_month")  # what an interrupted load could leave
    db.execute_sql("UPDATE sales_summary SET amount = amount + 1")
    assert set(sales_summary.differences(db)) >= {"sales_month", "sales_summary"}

    report = repair.repair(workspace.database, user)

    texts = [done.message("en") for done in report.done]
    assert any("Sales summaries computed again" in t and "sales_month" in t for t in texts)
    assert sales_summary.differences(db) == []
    assert repair.repair(workspace.database, user).nothing_to_do


def test_a_salesperson_may_not_repair_and_nothing_changes(workspace, user):
    build(user)
    db = workspace.database.db
    db.execute_sql("DELETE FROM sales_month")
    clerk = auth.create_user("xiaozhao", "赵小", "salesperson", by=user)
    with pytest.raises(rights.Refused) as refused:
        repair.repair(workspace.database, clerk)
    assert "修复数据库" in refused.value.message("zh_CN")
    assert "sales_month" in sales_summary.differences(db)  # nothing was rebuilt
