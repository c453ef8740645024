#!/usr/bin/env python3
"""Route ordering and the today list.

1. Proposing an economical order for routes of 50, 100, 200 and 400 random stops (nearest
   neighbour + 2-opt + or-opt); target: 200 stops < 1 s. Baseline: nearest neighbour alone
   on the same stops (time and length), so the quality gained is visible too.
2. The today report on a demo database of `--customers` customers (cached under `--cache`),
   or on a prebuilt file (`--database`; copied into the cache first when its schema is older,
   so the file itself is never migrated): for an administrator and a salesperson, today and
   tomorrow, each section's first page (what the panel lists, 200 rows, with its total) and
   the whole report. Baselines of the same run: one plain `SELECT count(*)` over the key
   persons (a full scan of the biggest table read) and the count of the salesperson's
   customers (`owner_id = ?`, on its index). Targets at 1M: salesperson report <= 1 s, each
   section <= 300 ms; administrator report <= 2 s.

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


def _prepared(path: Path, cache: Path) -> Path:
    """`path`, or a copy of it in `cache` when opening would migrate it (never write to a
    prebuilt file that others read)."""
    import sqlite3

    from kehu.db import migrations

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= migrations.latest_version():
        return path
    copy = cache / f"{path.stem}_v{migrations.latest_version()}.db"
    if not copy.exists():
        print(f"copying {path} (schema {version}) to {copy} to migrate it …", flush=True)
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        target = sqlite3.connect(copy)
        source.backup(target)
        source.close()
        target.close()
    return copy


def _ms(began: float) -> float:
    return round((time.perf_counter() - began) * 1000, 1)


def _today_figures(path: Path) -> dict:
    from kehu.db.models import Customer, KeyPerson, User
    from kehu.services import today
    from kehu.services.workspace import open_workspace

    began = time.perf_counter()
    workspace = open_workspace(path)
    figures: dict = {"open_s": round(time.perf_counter() - began, 1)}
    viewers = {
        role: User.select().where(User.role == role).order_by(User.id).first()
        for role in ("admin", "salesperson")
    }
    began = time.perf_counter()
    KeyPerson.select().count()
    figures["baseline_scan_ms"] = _ms(began)
    began = time.perf_counter()
    Customer.select().where(Customer.owner == viewers["salesperson"].id).count()
    figures["baseline_owner_count_ms"] = _ms(began)
    for label, day in (
        ("today", dt.date.today()),
        ("tomorrow", dt.date.today() + dt.timedelta(days=1)),
    ):
        for role, viewer in viewers.items():
            if viewer is None:
                continue
            parts: dict = {}
            for section in today.SECTIONS:
                began = time.perf_counter()
                page = today.section_page(viewer, section, day, today.BIRTHDAY_DAYS, 0)
                parts[f"{section}_ms"] = _ms(began)
                parts[f"{section}_shown"] = len(page.items)
                parts[f"{section}_total"] = page.total
            began = time.perf_counter()
            today.today(viewer, day)
            parts["report_ms"] = _ms(began)
            parts["slowest_section_ms"] = max(parts[f"{s}_ms"] for s in today.SECTIONS)
            parts["report_vs_owner_count"] = round(
                parts["report_ms"] / max(figures["baseline_owner_count_ms"], 0.1), 1
            )
            figures[f"{label}_{role}"] = parts
            sections = ", ".join(
                f"{s} {parts[f'{s}_total']:,} in {parts[f'{s}_ms']:.0f} ms" for s in today.SECTIONS
            )
            print(
                f"today report for {label} ({day}) as {role}: {parts['report_ms']:.0f} ms "
                f"({parts['report_vs_owner_count']} × the owner count; sections: {sections}); "
                f"baselines: count(*) of key persons {figures['baseline_scan_ms']:.0f} ms, "
                f"of one owner's customers {figures['baseline_owner_count_ms']:.0f} ms",
                flush=True,
            )
    workspace.database.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="folder for demo databases")
    parser.add_argument("--customers", type=int, default=10_000, help="demo database size")
    parser.add_argument(
        "--database",
        type=Path,
        default=None,
        help="a prebuilt demo file for the today figures (copied first if it needs migrating)",
    )
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
        path = args.database or _ensure_demo(cache, args.customers)
        result["customers"] = args.customers
        result["database"] = str(path)
        result["today"] = _today_figures(_prepared(path, cache))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
