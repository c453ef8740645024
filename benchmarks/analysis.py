"""Composition analyses at scale (DESIGN §3, issue 13): each analysis as the window computes it
(from the sales summaries of schema 7 and the arrays of `kehu.db.sales_arrays`) against the
plain GROUP BY over sale_line joined to the customer and its classification
(`kehu.db.sales_baseline`), measured in the same run, for several periods and viewers; the
answers must be equal to the cent.

    python benchmarks/analysis.py --customers 1000000 --cache DIR [--source demo_1000000.db]

`--source` copies an existing demo database into the cache (never modified); an older file is
migrated when opened (timed as `migrate_s`). Analyses: sales composition by every scheme (the
region tree rolled up) and per salesperson; product composition overall, per grade, within
one grade's customers and of one customer; the ABC proposal with its report (ranking,
transitions, Pareto curve); the dashboard's first paint (24 months, stages, products) and in
full (declines, top customers). Viewers: an administrator, a manager (their team) and a
salesperson. Periods: this month, this quarter, this year, the last 12 months and a custom 6
months, "today" being the newest sale. The arrays are read once (timed cold as
`arrays_read_ms`) and then kept, as in the window, which reads them in the background when
the Analysis view opens. Figures are wall-clock minimums of `--repeat` runs on a shared
machine: noisy. The last line is JSON: `max_ms` is the slowest analysis (the whole dashboard
included) over every viewer and period, `dashboard_ms` the dashboard's first paint,
`baseline_max_ms` the slowest plain GROUP BY, `same_results` whether every answer was equal.
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
from kehu.db import sales_arrays, sales_baseline, sales_queries
from kehu.db.models import Category, Scheme, User
from kehu.services import analysis, analysis_abc, analysis_report, analysis_trend, demo
from kehu.services.workspace import open_workspace

BASELINE_PERIODS = {"admin": None, "manager": ("month", "12m"), "salesperson": ("month", "12m")}


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


def _analyses(viewer, period, schemes, grade_a, customer_id) -> dict:
    runs = {
        f"composition_{key}": (lambda key=key: analysis.composition(viewer, period, key))
        for key in schemes
    }
    runs.update(
        {
            "composition_owner": lambda: analysis.composition(viewer, period, analysis.OWNER),
            "products": lambda: analysis.products(viewer, period),
            "products_by_grade": lambda: analysis.products(viewer, period, by="grade"),
            "products_in_grade_a": lambda: analysis.products(viewer, period, category_id=grade_a),
            "abc": lambda: analysis_report.abc_report(
                analysis_abc.propose(viewer, period, lang="zh_CN"), "zh_CN"
            ),
        }
    )
    if customer_id is not None:
        runs["products_of_customer"] = lambda: analysis.customer_products(
            viewer, customer_id, period
        )
    return runs


def _pairs(viewer, period, owners, grade_ids, grade_scheme) -> dict:
    """(what the application answers, the plain GROUP BY) per question."""
    first, last = period.first, period.last
    before = period.previous()
    spans = ((first, last), (before.first, before.last), owners, 30, 100)
    cats = [0, *grade_ids]

    def abc_fast():
        p = analysis_abc.propose(viewer, period)
        return (p.total, p.proposed, p.current, {g: p.amounts[g] for g in "ABC"})

    def abc_plain():
        p = sales_baseline.abc(first, last, owners, grade_scheme, analysis_abc.DEFAULT_THRESHOLDS)
        return (p["total"], p["proposed"], p["current"], p["amounts"])

    q, b = sales_queries, sales_baseline
    return {
        "category_sales": (
            lambda: q.category_sales(cats, first, last, owners),
            lambda: b.category_sales(cats, first, last, owners),
        ),
        "category_product_sales": (
            lambda: q.category_product_sales(cats, first, last, owners),
            lambda: b.category_product_sales(cats, first, last, owners),
        ),
        "owner_sales": (
            lambda: q.owner_sales(first, last, owners),
            lambda: b.owner_sales(first, last, owners),
        ),
        "monthly_sales": (
            lambda: q.monthly_sales(first, last, owners),
            lambda: b.monthly_sales(first, last, owners),
        ),
        "customer_totals": (
            lambda: q.customer_totals(first, last, owners),
            lambda: sorted(b.customer_totals(first, last, owners)),
        ),
        "top_customers": (
            lambda: q.top_customers(first, last, owners, 20),
            lambda: b.top_customers(first, last, owners, 20),
        ),
        "declines": (lambda: q.declines(*spans), lambda: b.declines(*spans)),
        "top_products": (
            lambda: q.top_products(first, last, owners, 20),
            lambda: b.top_products(first, last, owners, 20),
        ),
        "abc": (abc_fast, abc_plain),
    }


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
    viewers = {
        role: User.select().where(User.role == role).order_by(User.id).first()
        for role in ("admin", "manager", "salesperson")
    }
    viewers = {role: user for role, user in viewers.items() if user is not None}
    grade = Scheme.get(Scheme.key == "grade")
    grade_ids = [
        c for (c,) in Category.select(Category.id).where(Category.scheme == grade).tuples()
    ]
    grade_a = analysis_abc.propose(viewers["admin"], periods["month"]).grade_categories["A"]
    schemes = [s.key for s in Scheme.select().order_by(Scheme.position) if s.key]
    sales_arrays.forget()
    began = time.perf_counter()
    analysis_abc.prepare(viewers["admin"])
    timings["arrays_read_ms"] = round((time.perf_counter() - began) * 1000, 1)
    print(f"arrays read cold in {timings['arrays_read_ms']:.0f} ms (once; then kept)")
    worst: dict[str, float] = {}
    base_worst: dict[str, float] = {}
    fast_worst: dict[str, float] = {}
    same = True
    for role, viewer in viewers.items():
        owners = analysis.owners_of(viewer)
        best = sales_queries.top_customers(now - 11, now, owners, 1)
        customer_id = best[0][0] if best else None
        for pname, period in periods.items():
            shown = []
            for name, fn in _analyses(viewer, period, schemes, grade_a, customer_id).items():
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
            print(f"{role:11} {pname:8} ms: " + ", ".join(shown), flush=True)
            wanted = BASELINE_PERIODS.get(role)
            if args.no_baseline or (wanted is not None and pname not in wanted):
                continue
            shown = []
            for name, (fast, plain) in _pairs(viewer, period, owners, grade_ids, grade.id).items():
                fast_ms, answer = _ms(fast, 1)
                ms, expected = _ms(plain, 1)
                base_worst[name] = max(base_worst.get(name, 0.0), ms)
                fast_worst[name] = max(fast_worst.get(name, 0.0), fast_ms)
                equal = answer == expected
                same = same and equal
                shown.append(f"{name} {ms:.0f} (ours {fast_ms:.0f}){'' if equal else ' DIFFERENT'}")
            # "ours" here: one run of the compared function, building the whole answer (for
            # the ABC: a dict per customer), not the analysis the window shows
            print(f"{'baseline':11} {pname:8} ms: " + ", ".join(shown), flush=True)
    # every analysis, the whole dashboard among them (its first paint is counted apart)
    analyses = {k: v for k, v in worst.items() if k != "dashboard"}
    print("slowest per analysis (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in worst.items()))
    if base_worst:
        print(
            "baseline vs ours, slowest (ms): "
            + ", ".join(
                f"{k} {v:.0f}/{fast_worst[k]:.0f} = {v / max(fast_worst[k], 0.1):.0f}x"
                for k, v in base_worst.items()
            )
        )
    max_ms = max(analyses.values())
    baseline_max = max(base_worst.values()) if base_worst else None
    figures = {
        "benchmark": "analysis",
        "customers": customers,
        "sale_lines": lines,
        "max_ms": round(max_ms, 1),
        "dashboard_ms": round(worst["dashboard"], 1),
        "dashboard_full_ms": round(worst["dashboard_full"], 1),
        "baseline_max_ms": round(baseline_max, 1) if baseline_max else None,
        "ratio": round(baseline_max / max_ms, 1) if baseline_max else None,
        "same_results": same,
        "viewers": list(viewers),
        "periods": list(periods),
        "per_analysis_ms": {k: round(v, 1) for k, v in worst.items()},
        "baseline_ms": {k: round(v, 1) for k, v in base_worst.items()},
        "ours_vs_baseline_ms": {k: round(v, 1) for k, v in fast_worst.items()},
        "median_ms": round(statistics.median(analyses.values()), 1),
        **timings,
    }
    ws.database.close()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
