"""Composition analyses at scale (DESIGN §3, issue 13): each analysis from the sales summaries
of schema 7 against the plain GROUP BY over sale_line joined to the classification, measured
in the same run, for several periods; the answers must be equal to the cent.

    python benchmarks/analysis.py --customers 1000000 --cache DIR [--source demo_1000000.db]

`--source` copies an existing demo database into the cache (never modified); a file of schema
4 is migrated when opened (the summaries are computed once then, timed as `migrate_s`).
Analyses: sales composition by grade, by region (tree rolled up) and per salesperson, product
composition overall and per grade, the ABC proposal, and the dashboard (24 months, stages,
declines, top customers and products; its first paint without the customers' lists, and
in full) — for an admin and for one salesperson. Periods: this
month, this quarter, this year, the last 12 months and a custom 6 months, "today" being the
newest sale. Figures are wall-clock on a shared machine: noisy. The last line is JSON.
"""

# ruff: noqa: B023  (the lambdas run inside the iteration that made them)
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kehu.core.periods import Period, month_of, preset
from kehu.db import sales_baseline, sales_queries
from kehu.db.models import Category, Scheme, User
from kehu.services import analysis, analysis_abc, analysis_trend, demo
from kehu.services.workspace import open_workspace


def _open(cache: Path, customers: int, source: Path | None) -> tuple[object, dict]:
    path = cache / f"demo_{customers}.db"
    timings: dict = {}
    if not path.exists() and source is not None:
        subprocess.run(["cp", "--reflink=auto", str(source), str(path)], check=True)
    fresh = not path.exists()
    started = time.perf_counter()
    ws = open_workspace(path, lang="zh_CN")
    if ws.database.migrated_from is not None:
        timings["migrate_s"] = round(time.perf_counter() - started, 1)
    if fresh:
        started = time.perf_counter()
        demo.generate(customers, user=ws.user)
        timings["generate_s"] = round(time.perf_counter() - started, 1)
    return ws, timings


def _ms(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - began) * 1000)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--source", type=Path, default=None, help="demo database to copy")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)
    cache = args.cache or Path(tempfile.mkdtemp(prefix="kehu-bench-"))
    cache.mkdir(parents=True, exist_ok=True)
    ws, timings = _open(cache, args.customers, args.source)
    db = ws.database.db
    newest = db.execute_sql("SELECT MAX(sale_date) FROM sale_line").fetchone()[0]
    today = dt.date.fromisoformat(str(newest)[:10])
    now = month_of(today)
    periods = {name: preset(name, today) for name in ("month", "quarter", "year", "12m")}
    periods["custom6"] = Period(now - 9, now - 4)
    lines = db.execute_sql("SELECT COUNT(*) FROM sale_line").fetchone()[0]
    customers = db.execute_sql("SELECT COUNT(*) FROM customer").fetchone()[0]
    print(f"{customers} customers, {lines} sale lines, newest sale {today}; {timings}")
    admin = User.select().where(User.role == "admin").first()
    seller = User.select().where(User.role == "salesperson").first()
    grade = Scheme.get(Scheme.key == "grade")
    grade_ids = [
        c for (c,) in Category.select(Category.id).where(Category.scheme == grade).tuples()
    ]
    worst: dict[str, float] = {}
    base_worst: dict[str, float] = {}
    same = True
    for viewer in (admin, seller):
        owners = analysis.owners_of(viewer)
        for pname, period in periods.items():
            runs = {
                "composition_grade": lambda: analysis.composition(viewer, period, "grade"),
                "composition_region": lambda: analysis.composition(viewer, period, "region"),
                "composition_owner": lambda: analysis.composition(viewer, period, analysis.OWNER),
                "products": lambda: analysis.products(viewer, period),
                "products_by_grade": lambda: analysis.products(viewer, period, by="grade"),
                "abc": lambda: analysis_abc.propose(viewer, period),
            }
            shown = []
            for name, fn in runs.items():
                ms, _result = _ms(fn, args.repeat)
                worst[name] = max(worst.get(name, 0.0), ms)
                shown.append(f"{name} {ms:.0f}")
            # The window paints the curve, stages and products first, then the customers' lists.
            ms, _board = _ms(
                lambda: analysis_trend.dashboard(viewer, period, customers=False), args.repeat
            )
            worst["dashboard"] = max(worst.get("dashboard", 0.0), ms)
            shown.append(f"dashboard first paint {ms:.0f}")
            ms, _board = _ms(lambda: analysis_trend.dashboard(viewer, period), args.repeat)
            worst["dashboard_full"] = max(worst.get("dashboard_full", 0.0), ms)
            shown.append(f"dashboard full {ms:.0f}")
            print(f"{viewer.role:11} {pname:8} ms: " + ", ".join(shown))
            if args.no_baseline or viewer is seller:
                continue
            first, last = period.first, period.last
            pairs = {
                "composition_grade": (
                    lambda: sales_queries.category_sales([0, *grade_ids], first, last, owners),
                    lambda: sales_baseline.category_sales([0, *grade_ids], first, last, owners),
                ),
                "products_by_grade": (
                    lambda: sales_queries.category_product_sales(
                        [0, *grade_ids], first, last, owners
                    ),
                    lambda: sales_baseline.category_product_sales(
                        [0, *grade_ids], first, last, owners
                    ),
                ),
                "composition_owner": (
                    lambda: sales_queries.owner_sales(first, last, owners),
                    lambda: sales_baseline.owner_sales(first, last, owners),
                ),
                "abc_totals": (
                    lambda: sorted(sales_queries.customer_totals(first, last, owners)),
                    lambda: sorted(sales_baseline.customer_totals(first, last, owners)),
                ),
                "top_products": (
                    lambda: sales_queries.top_products(first, last, owners, 20),
                    lambda: sales_baseline.top_products(first, last, owners, 20),
                ),
            }
            shown = []
            for name, (fast, plain) in pairs.items():
                answer = fast()
                ms, expected = _ms(plain, 1)
                base_worst[name] = max(base_worst.get(name, 0.0), ms)
                equal = answer == expected
                same = same and equal
                shown.append(f"{name} {ms:.0f}{'' if equal else ' DIFFERENT'}")
            print(f"{'baseline':11} {pname:8} ms: " + ", ".join(shown))
    analyses = {k: v for k, v in worst.items() if not k.startswith("dashboard")}
    print("slowest per analysis (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in worst.items()))
    figures = {
        "benchmark": "analysis",
        "customers": customers,
        "sale_lines": lines,
        "max_ms": round(max(analyses.values()), 1),
        "max_ms_without_abc": round(max(v for k, v in analyses.items() if k != "abc"), 1),
        "dashboard_ms": round(worst["dashboard"], 1),
        "dashboard_full_ms": round(worst["dashboard_full"], 1),
        "baseline_max_ms": round(max(base_worst.values()), 1) if base_worst else None,
        "same_results": same,
        "per_analysis_ms": {k: round(v, 1) for k, v in worst.items()},
        "baseline_ms": {k: round(v, 1) for k, v in base_worst.items()},
        "median_ms": round(statistics.median(analyses.values()), 1),
        **timings,
    }
    ws.database.close()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
