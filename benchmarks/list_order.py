"""The customer list's pages sorted by name, short name and code on a demo database: the first
page and a page deep in the list (keyset), for the administrator, a salesperson and a
manager, ascending and descending, against a same-run baseline (issue 14 point 9).

    python benchmarks/list_order.py --db ~/.cache/kehu-bench/demo_1000000.db

Baseline: the same first page ordered by the raw column (`ORDER BY name, id`: Unicode order,
no index, so the whole visible table is sorted), what the list did before the pinyin sort
keys. Each figure is the median of `--repeat` runs after one warm-up run. The last line is
JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from kehu.db import customer_list
from kehu.db.customer_list import ListSpec
from kehu.db.models import Customer, User
from kehu.services.workspace import open_workspace

PAGE = 100


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm the page cache as a session would
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 2)


def _baseline(db, viewer: User, column: str, descending: bool):
    owner = "" if viewer.role == "admin" else f"AND owner_id = {viewer.id} "
    order = "DESC" if descending else ""
    sql = (
        f"SELECT id FROM customer WHERE status = 'active' {owner}"
        f"ORDER BY {column} {order}, id {order} LIMIT {PAGE}"
    )
    return lambda: db.execute_sql(sql).fetchall()


def _deep(spec: ListSpec):
    """A page after 5,000 rows: the keyset position of row 5,000 is read once, outside the
    timing (the window has it from the page before)."""
    ids, after = customer_list.page(spec, 5000)
    return lambda: customer_list.page(spec, PAGE, after)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sorts", nargs="+", default=["name", "short_name", "code"])
    args = parser.parse_args(argv)
    ws = open_workspace(args.db, lang="zh_CN", create=False)
    db = ws.database.db
    admin = User.get(User.role == "admin")
    seller = (
        User.select()
        .join(Customer, on=(Customer.owner == User.id))
        .where(User.role == "salesperson")
        .group_by(User.id)
        .order_by(User.id)
        .first()
    )
    manager = User.get_or_none(User.role == "manager")
    viewers = [("admin", admin), ("salesperson", seller)] + (
        [("manager", manager)] if manager else []
    )
    customers = Customer.select().count()
    print(f"{customers:,} customers, page of {PAGE}, median of {args.repeat}")
    figures: dict[str, dict] = {}
    for who, viewer in viewers:
        for sort in args.sorts:
            for descending in (False, True):
                spec = ListSpec(viewer, sort=sort, descending=descending)
                first = _median_ms(lambda spec=spec: customer_list.page(spec, PAGE), args.repeat)
                deep = _median_ms(_deep(spec), args.repeat)
                base = (
                    _median_ms(_baseline(db, viewer, sort, descending), args.repeat)
                    if who != "manager"
                    else None
                )
                ratio = round(base / first, 1) if base and first else None
                name = f"{who}_{sort}_{'desc' if descending else 'asc'}"
                figures[name] = {"first_ms": first, "deep_ms": deep, "baseline_ms": base}
                print(
                    f"{name:28s} first page {first:8.2f} ms   page after 5,000 {deep:8.2f} ms"
                    f"   | baseline ORDER BY {sort} {base} ms  ratio {ratio}"
                )
    ws.database.close()
    print(json.dumps({"customers": customers, "page": PAGE, "figures": figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
