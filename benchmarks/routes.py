#!/usr/bin/env python3
"""Route ordering and the today list.

1. Proposing an economical order for routes of 50, 100, 200 and 400 random stops (nearest
   neighbour + 2-opt + or-opt); target: 200 stops < 1 s. Baseline: nearest neighbour alone
   on the same stops (time and length), so the quality gained is visible too.
2. The today report (due by route calendar and plans, overdue, birthdays) on a demo database
   of `--customers` customers (cached under `--cache`), for today and tomorrow; baseline: one
   plain `SELECT count(*)` over the key persons (a full scan of the biggest table read).

The last line is a JSON object of all figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _order_figures(sizes: list[int], repeats: int) -> dict:
    from kehu.core.route_order import (
        Stop,
        distance_matrix,
        nearest_neighbour,
        path_length,
        propose_order,
    )

    figures = {}
    rng = random.Random(2024)
    for n in sizes:
        times, nn_times, ratios = [], [], []
        for _ in range(repeats):
            stops = [Stop(i, 31 + rng.random() * 0.5, 121 + rng.random() * 0.6) for i in range(n)]
            start = (31.25, 121.3)
            began = time.perf_counter()
            proposal = propose_order(stops, start)
            times.append(time.perf_counter() - began)
            began = time.perf_counter()
            dist = distance_matrix([start] + [s.point for s in stops])
            nn = nearest_neighbour(dist, 0)
            nn_times.append(time.perf_counter() - began)
            ratios.append(proposal.after_km / path_length(nn, dist))
        figures[n] = {
            "median_s": round(statistics.median(times), 4),
            "max_s": round(max(times), 4),
            "nn_median_s": round(statistics.median(nn_times), 4),
            "length_vs_nn": round(statistics.mean(ratios), 3),
        }
        print(
            f"{n:4d} stops: propose {figures[n]['median_s'] * 1000:7.1f} ms median "
            f"(max {figures[n]['max_s'] * 1000:.1f}); nearest neighbour alone "
            f"{figures[n]['nn_median_s'] * 1000:.1f} ms; tour length "
            f"{figures[n]['length_vs_nn']:.3f} × nearest neighbour",
            flush=True,
        )
    return figures


def _ensure_demo(cache: Path, customers: int) -> Path:
    path = cache / f"demo_{customers}.db"
    if path.exists() and path.stat().st_size > 0:
        return path
    print(f"creating {customers:,} demo customers in {path} …", flush=True)
    env = dict(os.environ, KEHU_LOG_DIR=str(cache / "log"))
    subprocess.run(
        [sys.executable, "-m", "kehu", "--lang", "zh_CN", "--db", str(path), "demo",
         "--customers", str(customers)],
        check=True,
        env=env,
    )  # fmt: skip
    return path


def _today_figures(path: Path) -> dict:
    from kehu.db.models import KeyPerson, User
    from kehu.services import today
    from kehu.services.workspace import open_workspace

    workspace = open_workspace(path)
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    figures = {}
    began = time.perf_counter()
    KeyPerson.select().count()
    figures["baseline_scan_ms"] = round((time.perf_counter() - began) * 1000, 1)
    for label, day in (
        ("today", dt.date.today()),
        ("tomorrow", dt.date.today() + dt.timedelta(days=1)),
    ):
        parts = {}
        for name, fn in (
            ("due", lambda d=day: today.due_on(admin, d)[0]),
            ("overdue", lambda d=day: today.overdue_on(admin, d)),
            ("birthdays", lambda d=day: today.birthdays_near(admin, d)),
        ):
            began = time.perf_counter()
            rows = fn()
            parts[f"{name}_ms"] = round((time.perf_counter() - began) * 1000, 1)
            parts[f"{name}_rows"] = len(rows)
        parts["total_ms"] = round(sum(v for k, v in parts.items() if k.endswith("_ms")), 1)
        figures[label] = parts
        print(
            f"today report for {label} ({day}): {parts['total_ms']:.0f} ms "
            f"(due {parts['due_rows']} in {parts['due_ms']:.0f} ms, overdue "
            f"{parts['overdue_rows']} in {parts['overdue_ms']:.0f} ms, birthdays "
            f"{parts['birthdays_rows']} in {parts['birthdays_ms']:.0f} ms); "
            f"baseline count(*) of key persons {figures['baseline_scan_ms']:.0f} ms",
            flush=True,
        )
    workspace.database.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="folder for demo databases")
    parser.add_argument("--customers", type=int, default=10_000, help="demo database size")
    parser.add_argument("--sizes", default="50,100,200,400", help="route sizes to order")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--skip-today", action="store_true", help="only the ordering figures")
    args = parser.parse_args()
    cache = args.cache or Path(tempfile.mkdtemp(prefix="kehu-bench-"))
    cache.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    result: dict = {"benchmark": "routes", "order": _order_figures(sizes, args.repeats)}
    if 200 in result["order"]:
        result["order_200_median_s"] = result["order"][200]["median_s"]
    if not args.skip_today:
        result["customers"] = args.customers
        result["today"] = _today_figures(_ensure_demo(cache, args.customers))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
