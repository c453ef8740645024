#!/usr/bin/env python3
"""Start-up of the real main window offscreen on demo databases, and search-as-you-type.

For each size (default 10k and 1M demo customers) a fresh process opens the database and
shows the main window; the time runs from process start to the first rows painted, and the
peak RSS is read when the window is ready. At the largest size, keystrokes are typed into the
search box and the time from each key to the updated list is measured. Baseline: a bare
PySide6 QMainWindow in a fresh process (what Qt alone costs), and the 10k figures (memory
target: 1M RSS ≤ 1.3 × the 10k RSS). The last line is a JSON object of all figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ("bjhd", "shpd", "gzth", "KH0001", "wh", "cdjj", "138")


def _ensure_demo(cache: Path, customers: int) -> Path:
    path = cache / f"demo_{customers}.db"
    if path.exists() and path.stat().st_size > 0:
        return path
    print(f"creating {customers:,} demo customers in {path} …", flush=True)
    started = time.perf_counter()
    env = dict(os.environ, KEHU_LOG_DIR=str(cache / "log"))
    subprocess.run(
        [sys.executable, "-m", "kehu", "--lang", "zh_CN", "--db", str(path), "demo",
         "--customers", str(customers)],
        check=True,
        env=env,
    )  # fmt: skip
    print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_env(cache: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KEHU_LOG_DIR=str(cache / "log"),
        XDG_CONFIG_HOME=str(cache / "config"),
    )


def _run_child(args: list[str], cache: Path) -> dict:
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, __file__, *args, "--spawned", repr(spawned)],
        check=True,
        capture_output=True,
        text=True,
        env=_child_env(cache),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def child_bare(spawned: float) -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.show()
    app.processEvents()
    return {"ready_s": time.time() - spawned, "rss_mb": _peak_rss_mb()}


def child_window(db: str, spawned: float, keystrokes: bool) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from kehu.services.workspace import open_workspace
    from kehu.ui import translations
    from kehu.ui.application import check_in_background, make_application, open_session_window

    app = make_application()
    translations.install(app, "zh_CN")
    workspace = open_workspace(db)
    window = open_session_window(workspace, workspace.user)
    window.show()
    check_in_background(window)  # as run_gui does: a big file is checked after the list
    counted: list[float] = []
    window.categories.counts_updated.connect(lambda _c: counted.append(time.time() - spawned))

    def wait_for(predicate, timeout_ms: int = 30_000) -> None:
        deadline = time.perf_counter() + timeout_ms / 1000
        while not predicate():
            if time.perf_counter() > deadline:
                raise TimeoutError("the list did not load")
            app.processEvents()  # the (flags, maxtime) overload leaks a None reference

    wait_for(lambda: window.model.rowCount() > 0)
    window.list_view.viewport().repaint()  # rows fetched and painted
    ready = time.time() - spawned
    cpu = time.process_time()  # all threads, since the process started
    rows = window.model.rowCount()
    rss = _peak_rss_mb()
    result = {"ready_s": ready, "cpu_at_ready_s": cpu, "rss_mb": rss, "rows_at_ready": rows}
    if workspace.database.is_server:
        result["server_cpu_at_ready_s"] = _server_cpu(workspace.database.db)
    wait_for(lambda: not window.model.is_loading)
    result["all_ids_s"] = time.time() - spawned
    result["rows"] = window.model.rowCount()
    if keystrokes:
        result.update(_keystrokes(window, wait_for, QTest))
    wait_for(lambda: bool(counted))
    result["counts_shown_s"] = counted[0]
    result["tree_counts_ms"] = _time_tree_counts(workspace.user)
    result["rss_end_mb"] = _peak_rss_mb()
    QTimer.singleShot(0, window.close)
    window.close()
    return result


def _server_cpu(db) -> float | None:
    """CPU seconds so far of the server processes connected to this database (a local
    server: /proc; None otherwise). Connections already closed are not counted."""
    total = 0.0
    for (pid,) in db.execute_sql(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid()"
    ).fetchall():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def child_floor(url: str) -> dict:
    """What a server costs before kehu does anything: a connection, and a bare round trip."""
    import psycopg

    started = time.perf_counter()
    conn = psycopg.connect(url, autocommit=True)
    connect_ms = (time.perf_counter() - started) * 1000
    laps = []
    for _ in range(500):
        started = time.perf_counter()
        conn.execute("SELECT 1").fetchone()
        laps.append((time.perf_counter() - started) * 1000)
    conn.close()
    return {"connect_ms": connect_ms, "select1_ms": statistics.median(laps)}


def _time_tree_counts(viewer) -> float:
    """Median of 5 calls of the tree counts the category panel shows (ms)."""
    from kehu.db.tree_counts import tree_counts

    laps = []
    for _ in range(5):
        started = time.perf_counter()
        tree_counts(viewer)
        laps.append((time.perf_counter() - started) * 1000)
    return statistics.median(laps)


def _keystrokes(window, wait_for, qtest) -> dict:
    try:
        import kehu.db.search  # noqa: F401
    except ImportError:
        return {"keystroke_error": "kehu.db.search is missing"}
    box = window.search_box
    shown, complete = [], []  # per key: first page painted; every matching id loaded
    cpu = time.process_time()
    resets: list[float] = []
    window.model.modelReset.connect(lambda: resets.append(time.perf_counter()))
    for query in QUERIES:
        box.clear()
        box.flush()
        wait_for(lambda: not window.model.is_loading)
        for char in query:
            model = window.model
            before, seen = model.generation, len(resets)
            started = time.perf_counter()
            qtest.keyClick(box, char)
            # The list the user sees is updated when the new first page is in and painted.
            wait_for(lambda m=model, b=before, n=seen: m.generation > b and len(resets) > n)
            window.list_view.viewport().repaint()
            shown.append((time.perf_counter() - started) * 1000)
            wait_for(lambda m=model: not m.is_loading)
            complete.append((time.perf_counter() - started) * 1000)
    cpu_ms = (time.process_time() - cpu) * 1000 / max(1, len(shown))
    shown.sort()
    complete.sort()
    return {
        "keystroke_cpu_ms": cpu_ms,
        "keystrokes": len(shown),
        "keystroke_median_ms": statistics.median(shown),
        "keystroke_p95_ms": shown[int(len(shown) * 0.95) - 1],
        "keystroke_all_ids_median_ms": statistics.median(complete),
        "keystroke_all_ids_p95_ms": complete[int(len(complete) * 0.95) - 1],
    }


def _measure(targets: dict[int, str], cache: Path, runs: int) -> dict:
    """Start-ups of each size's database (a file path or a server URL), the keystrokes at the
    largest, and the figures of all (keys without a backend in them)."""
    figures: dict = {}
    sizes = sorted(targets)
    for size in sizes:
        measured = [_run_child(["--child", targets[size]], cache) for _ in range(runs)]
        best = min(measured, key=lambda r: r["ready_s"])
        print(
            f"{size:>9,} customers: window populated in {best['ready_s']:.2f} s "
            f"(CPU {best['cpu_at_ready_s']:.2f} s"
            + (
                f" + server {best['server_cpu_at_ready_s']:.2f} s"
                if best.get("server_cpu_at_ready_s") is not None
                else ""
            )
            + f"; all {best['rows']:,} ids in {best['all_ids_s']:.2f} s), "
            f"peak RSS {best['rss_mb']:.0f} MB at ready, {best['rss_end_mb']:.0f} MB at end"
        )
        figures[f"ready_s_{size}"] = round(best["ready_s"], 3)
        figures[f"cpu_at_ready_s_{size}"] = round(best["cpu_at_ready_s"], 3)
        if best.get("server_cpu_at_ready_s") is not None:
            figures[f"server_cpu_at_ready_s_{size}"] = round(best["server_cpu_at_ready_s"], 3)
        figures[f"rss_mb_{size}"] = round(best["rss_mb"], 1)
        figures[f"rss_end_mb_{size}"] = round(best["rss_end_mb"], 1)
        figures[f"all_ids_s_{size}"] = round(best["all_ids_s"], 3)
        figures[f"counts_shown_s_{size}"] = round(best["counts_shown_s"], 3)
        figures[f"tree_counts_ms_{size}"] = round(best["tree_counts_ms"], 1)
        print(
            f"{'':>9}  tree counts shown at {best['counts_shown_s']:.2f} s; "
            f"tree_counts() {best['tree_counts_ms']:.0f} ms (median of 5)"
        )
    largest = max(sizes)
    keys = _run_child(["--child", targets[largest], "--keys"], cache)
    if "keystroke_error" in keys:
        print(f"keystroke latency not measured: {keys['keystroke_error']}")
        figures["keystroke_median_ms"] = None
    else:
        print(
            f"keystroke → updated list at {largest:,}: median {keys['keystroke_median_ms']:.1f} ms,"
            f" p95 {keys['keystroke_p95_ms']:.1f} ms over {keys['keystrokes']} keys (first page"
            f" painted); every matching id loaded: median {keys['keystroke_all_ids_median_ms']:.1f}"
            f" ms, p95 {keys['keystroke_all_ids_p95_ms']:.1f} ms; CPU per key"
            f" {keys['keystroke_cpu_ms']:.1f} ms"
        )
        for name in (
            "keystroke_median_ms",
            "keystroke_p95_ms",
            "keystroke_all_ids_median_ms",
            "keystroke_all_ids_p95_ms",
            "keystroke_cpu_ms",
        ):
            figures[name] = round(keys[name], 1)
    smallest = min(sizes)
    if smallest != largest:
        ratio = figures[f"rss_mb_{largest}"] / figures[f"rss_mb_{smallest}"]
        figures["rss_ratio"] = round(ratio, 2)
        print(f"RSS {largest:,} / {smallest:,}: {ratio:.2f} (target ≤ 1.3)")
    figures["customers"] = largest
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="folder for demo databases")
    parser.add_argument("--sizes", default="10000,1000000", help="comma-separated sizes")
    parser.add_argument("--runs", type=int, default=3, help="start-ups per size (best kept)")
    parser.add_argument(
        "--backend",
        default=None,
        help="also on a server: 'postgresql' (a throwaway local cluster) or a postgresql:// URL",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    parser.add_argument("--keys", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--spawned", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        print(json.dumps(child_bare(args.spawned)))
        return 0
    if args.floor:
        print(json.dumps(child_floor(args.floor)))
        return 0
    if args.child:
        print(json.dumps(child_window(args.child, args.spawned, args.keys)))
        return 0
    cache = args.cache or Path(tempfile.mkdtemp(prefix="kehu-bench-"))
    cache.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}")
    bare = min(
        (_run_child(["--bare"], cache) for _ in range(args.runs)), key=lambda r: r["ready_s"]
    )
    print(f"baseline bare Qt window: {bare['ready_s']:.2f} s, {bare['rss_mb']:.0f} MB")
    baseline = {
        "baseline_bare_qt_s": round(bare["ready_s"], 3),
        "baseline_bare_qt_rss_mb": round(bare["rss_mb"], 1),
    }
    files = {size: str(_ensure_demo(cache, size)) for size in sizes}
    print("== SQLite files")
    figures = {"benchmark": "startup", **baseline, **_measure(files, cache, args.runs)}
    if args.backend:
        import server_backend

        try:
            urls = {}
            for size, path in files.items():
                urls[size], timings = server_backend.copy_file(
                    path, args.backend, f"kehu_bench_{size}", size
                )
                print(f"server copy of {size:,} customers: {timings}")
            os.environ["KEHU_SERVER_PREVIEW"] = "1"
            print("== PostgreSQL")
            served = _measure(urls, cache, args.runs)
            floor = _run_child(["--floor", urls[max(sizes)]], cache)
        finally:
            server_backend.stop()
        print(
            f"floor: connect {floor['connect_ms']:.1f} ms, SELECT 1 round trip median "
            f"{floor['select1_ms']:.3f} ms"
        )
        file_figures = {k: v for k, v in figures.items() if k not in ("benchmark", "customers")}
        figures = {
            "benchmark": "startup",
            **baseline,
            **served,
            "backend": "postgresql",
            "floor_connect_ms": round(floor["connect_ms"], 2),
            "floor_select1_ms": round(floor["select1_ms"], 3),
            "sqlite": file_figures,
        }
        for size in sizes:
            print(
                f"{size:>9,}: window ready postgresql {served[f'ready_s_{size}']:.2f} s | "
                f"sqlite {file_figures[f'ready_s_{size}']:.2f} s"
            )
        if served.get("keystroke_median_ms") is not None:
            print(
                f"keystroke postgresql median {served['keystroke_median_ms']} ms, p95 "
                f"{served['keystroke_p95_ms']} ms | sqlite median "
                f"{file_figures.get('keystroke_median_ms')} ms, p95 "
                f"{file_figures.get('keystroke_p95_ms')} ms"
            )
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(f"load average at the end: {figures['load_average']}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
