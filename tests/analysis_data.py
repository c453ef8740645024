"""A small hand-made sales fixture for the analysis tests (amounts in cents).

Customers (owner, grade, region) and their sales in 2026-01..2026-03:
  c1 (a, 主力A, 上海):  30000 调味品 + 20000 饮料 = 50000
  c2 (a, 一般B, 杭州):  30000 调味品
  c3 (b, 主力A, 上海):  10000 饮料  (and 99900 in 2025-12, outside the period)
  c4 (b, 零散C, 广州):   6000 酒水
  c5 (a, —,    —):      4000 调味品
  c6 (a, 零散C, —):     no sales
Total 100000: cumulative 50 %, 80 %, 90 %, 96 %, 100 %. 华东 > 上海, 杭州; 华南 > 广州.
"""

from __future__ import annotations

import datetime as dt

from kehu.core.periods import Period, month_of
from kehu.db.models import Category, Customer, CustomerCategory, SaleLine, Scheme
from kehu.services import auth, classification, dossiers

PERIOD = Period(month_of(dt.date(2026, 1, 1)), month_of(dt.date(2026, 3, 1)))

LINES = [
    ("c1", "2026-01-10", "调味品", 30000),
    ("c1", "2026-02-05", "饮料", 20000),
    ("c2", "2026-02-20", "调味品", 30000),
    ("c3", "2026-03-01", "饮料", 10000),
    ("c3", "2025-12-31", "饮料", 99900),
    ("c4", "2026-03-31", "酒水", 6000),
    ("c5", "2026-01-31", "调味品", 4000),
]


def build(admin):
    a = auth.create_user("a", "李明", "salesperson")
    b = auth.create_user("b", "张丽", "salesperson")
    owners = {"c1": a, "c2": a, "c3": b, "c4": b, "c5": a, "c6": a}
    ids = {
        key: dossiers.create({"name": f"客户{key}"}, admin, owner=owner)
        for key, owner in owners.items()
    }
    grade = Scheme.get(Scheme.key == "grade")
    cats = list(Category.select().where(Category.scheme == grade).order_by(Category.position))
    A, B, C = (c.id for c in cats[:3])
    classification.assign([ids["c1"], ids["c3"]], A, admin)
    classification.assign([ids["c2"]], B, admin)
    classification.assign([ids["c4"], ids["c6"]], C, admin)
    region = Scheme.get(Scheme.key == "region")
    east = classification.add_category(region.id, "华东", admin)
    south = classification.add_category(region.id, "华南", admin)
    shanghai = classification.add_category(region.id, "上海", admin, east)
    hangzhou = classification.add_category(region.id, "杭州", admin, east)
    guangzhou = classification.add_category(region.id, "广州", admin, south)
    classification.assign([ids["c1"], ids["c3"]], shanghai, admin)
    classification.assign([ids["c2"]], hangzhou, admin)
    classification.assign([ids["c4"]], guangzhou, admin)
    for key, day, category, amount in LINES:
        SaleLine.create(
            sale_date=dt.date.fromisoformat(day),
            customer=ids[key],
            product_category=category,
            quantity=1,
            amount=amount,
        )
    return dict(
        ids=ids,
        a=a,
        b=b,
        admin=admin,
        grades={"A": A, "B": B, "C": C},
        regions=dict(east=east, south=south, shanghai=shanghai, hangzhou=hangzhou),
        grade_scheme=grade.id,
    )


def grade_of(customer_id: int, scheme_id: int) -> int | None:
    link = CustomerCategory.get_or_none(
        CustomerCategory.customer == customer_id, CustomerCategory.scheme == scheme_id
    )
    return link.category_id if link else None


__all__ = ["PERIOD", "build", "grade_of", "Customer"]
