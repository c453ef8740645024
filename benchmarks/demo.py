"""Demo data generator: time to fill a new database with N customers and everything around
them (key persons, classifications, routes, visits, sale lines, search keys), DESIGN §3.

    python benchmarks/demo.py --customers 10000 100000 1000000
    python benchmarks/demo.py --customers 1000000 --backend postgresql   # and on a server

Target: 1,000,000 customers in ≤ 90 s (in a file), ≤ 180 s on a server. With `--backend
postgresql` (a throwaway local cluster, `kehu.db.pg_cluster`) or `--backend postgresql://…`
the same load also runs into a new server database (COPY); its figures print beside the
file's, with the CPU seconds of the server process that did the writing (when the server
runs on this machine), and the JSON line is the server's with "backend": "postgresql" and
the file's figures under "sqlite". Baseline, measured in the same run: writing the same
number of bare customer rows (code and name only) with executemany in one transaction — the
floor for any generator that writes one row per customer. Prints stage times; the last line
is a JSON object of the figures. The machine may be shared: CPU seconds (this process and its
worker processes, `resource.getrusage`) are printed beside wall times, per stage too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from kehu.services import demo
from kehu.services.workspace import open_workspace

TARGET_S_PER_MILLION = 90.0
SERVER_TARGET_S_PER_MILLION = 180.0


def baseline(path: Path, customers: int) -> float:
    """Bare executemany of (id, code, name) rows into a one-table database."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, code TEXT, name TEXT)")
    started = time.perf_counter()
    rows = ((i, f"KH{i:06d}", f"北京海淀华鑫商贸有限公司{i}") for i in range(1, customers + 1))
    with conn:
        conn.executemany("INSERT INTO customer VALUES (?, ?, ?)", rows)
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def cpu_seconds() -> float:
    """CPU seconds of this process and of the (worker) processes it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(customers: int, folder: Path) -> dict:
    path = folder / f"demo_bench_{customers}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    ws = open_workspace(path, lang="zh_CN")
    started, cpu_before = time.perf_counter(), cpu_seconds()
    result = demo.generate(customers, user=ws.user)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_before
    ws.database.close()
    size_mb = path.stat().st_size / 1e6
    base = baseline(folder / f"baseline_{customers}.db", customers)
    (folder / f"baseline_{customers}.db").unlink()
    figures = {
        **_load_figures(customers, seconds, cpu, result),
        "file_mb": round(size_mb),
        "baseline_bare_rows_s": round(base, 2),
        "ratio_to_bare_rows": round(seconds / base, 1),
    }
    print(
        f"{customers:>9,} customers: {seconds:6.1f} s ({customers / seconds:,.0f}/s), "
        f"file {size_mb:,.0f} MB; bare rows {base:.2f} s; CPU {cpu:.1f} s "
        f"(load {os.getloadavg()[0]:.2f})"
    )
    _print_stages(result)
    return figures


def _load_figures(customers: int, seconds: float, cpu: float, result) -> dict:
    """The figures of one load, on either backend (the JSON line's common keys)."""
    return {
        "customers": customers,
        "seconds": round(seconds, 1),
        "customers_per_s": round(customers / seconds),
        "key_persons": result.key_persons,
        "classifications": result.classifications,
        "routes": result.routes,
        "visits": result.visits,
        "sale_lines": result.sale_lines,
        "stages_s": result.seconds,
        "cpu_s": round(cpu, 1),
        "stages_cpu_s": result.cpu_seconds,
        "stages_worker_cpu_s": result.worker_cpu_seconds,
    }


def _print_stages(result) -> None:
    print(
        "           stages (wall / CPU here + workers): "
        + ", ".join(
            f"{k} {v} / {result.cpu_seconds.get(k, 0)} + {result.worker_cpu_seconds.get(k, 0)} s"
            for k, v in result.seconds.items()
        )
    )


def run_server(customers: int, backend: str) -> dict:
    """The same load into a new server database."""
    import server_backend

    url = server_backend.new_database(backend, f"kehu_demo_bench_{customers}")
    ws = open_workspace(url, lang="zh_CN")
    db = ws.database.db
    server_before = server_backend.backend_cpu_seconds(db)
    started, cpu_before = time.perf_counter(), cpu_seconds()
    result = demo.generate(customers, user=ws.user)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_before
    server_after = server_backend.backend_cpu_seconds(db)
    server_cpu = None if server_before is None else round(server_after - server_before, 1)
    size_mb = db.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6
    ws.database.close()
    figures = {
        **_load_figures(customers, seconds, cpu, result),
        "server_cpu_s": server_cpu,
        "database_mb": round(size_mb),
    }
    print(
        f"{customers:>9,} customers on the server: {seconds:6.1f} s ({customers / seconds:,.0f}/s), "
        f"database {size_mb:,.0f} MB; CPU {cpu:.1f} s here + {server_cpu} s server process "
        f"(load {os.getloadavg()[0]:.2f})"
    )
    _print_stages(result)
    return figures


def _per_million(runs: list[dict]) -> float:
    """Seconds for 1M customers, measured or projected linearly from the largest run."""
    largest = runs[-1]
    return largest["seconds"] * 1_000_000 / largest["customers"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="folder for the databases (default: a temporary folder)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument(
        "--backend",
        default=None,
        help="also on a server: 'postgresql' (a throwaway local cluster) or a postgresql:// URL",
    )
    args = parser.parse_args()
    folder = args.cache or Path(tempfile.mkdtemp(prefix="kehu-demo-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; folder {folder}")
    results = [run(n, folder) for n in args.customers]
    if not args.keep:
        for n in args.customers:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{folder / f'demo_bench_{n}.db'}{suffix}").unlink(missing_ok=True)
    projected = _per_million(results)
    verdict = "meets" if projected <= TARGET_S_PER_MILLION else "misses"
    print(
        f"1M customers: {projected:.1f} s (measured or projected linearly) — {verdict} the "
        f"{TARGET_S_PER_MILLION:.0f} s target"
    )
    figures = {
        "benchmark": "demo",
        "runs": results,
        "seconds_per_million": round(projected, 1),
        "target_s": TARGET_S_PER_MILLION,
    }
    if args.backend:
        import server_backend

        try:
            served = [run_server(n, args.backend) for n in args.customers]
        finally:
            server_backend.stop()
        on_server = _per_million(served)
        verdict = "meets" if on_server <= SERVER_TARGET_S_PER_MILLION else "misses"
        print(
            f"1M customers on the server: {on_server:.1f} s — {verdict} the "
            f"{SERVER_TARGET_S_PER_MILLION:.0f} s target  |  in a file: {projected:.1f} s"
        )
        figures = {
            "benchmark": "demo",
            "runs": served,
            "seconds_per_million": round(on_server, 1),
            "target_s": SERVER_TARGET_S_PER_MILLION,
            "backend": "postgresql",
            "sqlite": {k: figures[k] for k in ("runs", "seconds_per_million", "target_s")},
        }
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
