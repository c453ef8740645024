"""Duplicate scan over demo databases with planted duplicates of known truth (issue 15).

    python benchmarks/duplicates.py --customers 10000 --cache ~/.cache/kehu-bench
    python benchmarks/duplicates.py --customers 1000000 --source /path/demo_1000000.db

The demo database of the size is generated (or reused from `--cache`, or copied from
`--source`), copied to a working file, and 1 % of its customers (at least 200) are planted as
duplicates (`kehu.services.demo.duplicates`: suffix dropped, region in brackets, width and
spaces, phone written differently, one character mistyped, short name). A source of an older
schema is upgraded on the working copy (the duplicate keys are computed then; the time is
printed). The scan runs in a child process so that its peak memory is its own (VmHWM: the
child's ru_maxrss would carry the parent's peak over through fork and exec); its stages
(reading the keys, comparing) are timed in wall-clock and CPU seconds — on a shared machine
wall time far above CPU time means the scan waited for a core, not for the disk — and the
load average is printed with the figures. Precision and recall count pairs:
a planted pair is a true pair; any other pair found at the threshold is a false one.
Baseline, measured in the same run: exact matching as the import did it before (the same
normalised name — NFKC, case, punctuation — or USCC or phone digits). Typing check: the names
of planted copies typed character by character against the whole database; each keystroke
timed. The last line is JSON.
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

from kehu.core.jobs import Job
from kehu.services.workspace import open_workspace

MIN_PLANTED = 200


def prepare(args) -> tuple[Path, list[tuple[int, int, str]]]:
    """A working copy of the demo database with planted duplicates; returns (path, truth)."""
    from kehu.services import demo
    from kehu.services.demo.duplicates import plant_duplicates

    args.cache.mkdir(parents=True, exist_ok=True)
    source = args.source or args.cache / f"demo_{args.customers}.db"
    if not source.exists():
        started = time.perf_counter()
        ws = open_workspace(source, lang="zh_CN")
        demo.generate(args.customers, user=ws.user)
        ws.database.db.close()
        print(f"generated {args.customers:,} customers in {time.perf_counter() - started:.1f} s")
    work = args.cache / f"duplicates_{args.customers}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    subprocess.run(["cp", "--reflink=auto", str(source), str(work)], check=True)
    started, cpu = time.perf_counter(), time.process_time()
    ws = open_workspace(work, lang="zh_CN")
    if ws.database.migrated_from is not None:
        print(
            f"upgraded the copy from schema {ws.database.migrated_from} in "
            f"{time.perf_counter() - started:.1f} s ({time.process_time() - cpu:.1f} s CPU; "
            "backup and duplicate keys included)"
        )
        if ws.database.backup_path is not None:
            Path(ws.database.backup_path).unlink(missing_ok=True)
    planted = max(MIN_PLANTED, args.customers // 100)
    started = time.perf_counter()
    truth = plant_duplicates(planted, seed=args.seed)
    print(f"planted {len(truth):,} duplicates in {time.perf_counter() - started:.1f} s")
    ws.database.db.close()
    return work, truth


class StageClock(Job):
    """A job that notes the wall and CPU time at which each stage of the scan began."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, float, float]] = []

    def progress(self, done, total=None, stage=None) -> None:
        if stage is not None and (not self.marks or self.marks[-1][0] != stage):
            self.marks.append((stage, time.perf_counter(), time.process_time()))
        super().progress(done, total, stage)


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def scan_child(path: Path, min_score: float) -> None:
    """In the child: the scan, then one JSON line with its pairs, times and peak memory."""
    from kehu.services import duplicates

    open_workspace(path, lang="zh_CN")
    clock = StageClock()
    started, cpu = time.perf_counter(), time.process_time()
    pairs = duplicates.scan(None, min_score, clock)
    ended, cpu_ended = time.perf_counter(), time.process_time()
    found = [(p.keep, p.other) for p in pairs]
    figures = {
        "scan_s": round(ended - started, 2),
        "scan_cpu_s": round(cpu_ended - cpu, 2),
        "peak_mb": round(peak_mb()),
    }
    marks = [*clock.marks, ("end", ended, cpu_ended)]
    for (stage, wall, cpu_at), (_next, wall_next, cpu_next) in zip(marks, marks[1:], strict=False):
        key = "read" if stage == duplicates.READ_STAGE else "compare"
        figures[f"{key}_s"] = round(wall_next - wall, 2)
        figures[f"{key}_cpu_s"] = round(cpu_next - cpu_at, 2)
    print(json.dumps({**figures, "pairs": found}))


def baseline(path: Path) -> tuple[set[tuple[int, int]], float]:
    """Pairs the import's exact keys find (same normalised name, USCC or phone digits)."""
    from kehu.db import duplicates as rows
    from kehu.services.imports.duplicates import keys_of

    open_workspace(path, lang="zh_CN")
    started = time.perf_counter()
    first: dict[tuple[str, str], list[int]] = {}
    for page in rows.scan_rows():
        for cid, name, _short, uscc, phone, _address in page:
            for key in keys_of(None, uscc, name, phone):
                first.setdefault(key, []).append(cid)
    pairs = set()
    for ids in first.values():
        if 1 < len(ids) <= 50:
            pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
    return pairs, time.perf_counter() - started


def quality(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> tuple[float, float]:
    hits = len(found & truth)
    return hits / max(1, len(found)), hits / max(1, len(truth))


def typing(path: Path, truth: list[tuple[int, int, str]], samples: int) -> tuple[list, float]:
    """Milliseconds per keystroke of the typing check, names of planted copies typed; and the
    CPU milliseconds per keystroke on average."""
    from kehu.db.models import Customer
    from kehu.services import duplicates

    ws = open_workspace(path, lang="zh_CN")
    copies = [copy for _original, copy, _kind in truth[:samples]]
    names = [
        name for (name,) in Customer.select(Customer.name).where(Customer.id.in_(copies)).tuples()
    ]
    for name in names[:10]:  # warm the page cache like a user session would
        duplicates.similar_to(ws.user, name)
    times = []
    cpu = time.process_time()
    for name in names:
        for n in range(2, len(name) + 1):
            started = time.perf_counter()
            duplicates.similar_to(ws.user, name[:n])
            times.append((time.perf_counter() - started) * 1000)
    return times, (time.process_time() - cpu) * 1000 / max(1, len(times))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))] if values else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=10_000, help="demo size (≤ 1,000,000)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kehu-bench")
    parser.add_argument("--source", type=Path, help="an existing demo database to copy")
    parser.add_argument("--min-score", type=float, default=None, help="threshold (default: app's)")
    parser.add_argument("--samples", type=int, default=100, help="names typed for the warning")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep the working copy")
    parser.add_argument("--scan-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    from kehu.core.duplicate_scoring import DEFAULT_MIN_SCORE

    min_score = DEFAULT_MIN_SCORE if args.min_score is None else args.min_score
    if args.scan_child:
        scan_child(args.scan_child, min_score)
        return 0
    path, truth = prepare(args)
    true_pairs = {(a, b) for a, b, _kind in truth}
    child = subprocess.run(
        [sys.executable, __file__, "--scan-child", str(path), "--min-score", str(min_score)],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    found = {tuple(p) for p in result.pop("pairs")}
    precision, recall = quality(found, true_pairs)
    missed_by_kind: dict[str, int] = {}
    for a, b, kind in truth:
        if (a, b) not in found:
            missed_by_kind[kind] = missed_by_kind.get(kind, 0) + 1
    load = os.getloadavg()
    print(
        f"scan of {args.customers + len(truth):,} customers: {result['scan_s']} s "
        f"({result['scan_cpu_s']} s CPU; reading keys {result.get('read_s')} s / "
        f"{result.get('read_cpu_s')} s CPU, comparing {result.get('compare_s')} s / "
        f"{result.get('compare_cpu_s')} s CPU), "
        f"peak {result['peak_mb']} MB, {len(found):,} pairs at score ≥ {min_score:g}; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores"
    )
    print(f"precision {precision:.4f}, recall {recall:.4f}; missed by variant: {missed_by_kind}")
    base_pairs, base_s = baseline(path)
    base_precision, base_recall = quality(base_pairs, true_pairs)
    print(
        f"baseline (exact keys): precision {base_precision:.4f}, recall {base_recall:.4f}, "
        f"{base_s:.1f} s"
    )
    times, typing_cpu_ms = typing(path, truth, args.samples)
    print(
        f"typing check: {len(times)} keystrokes, median {statistics.median(times):.2f} ms, "
        f"p95 {p95(times):.2f} ms ({typing_cpu_ms:.2f} ms CPU per keystroke on average); "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    figures = {
        "benchmark": "duplicates",
        "customers": args.customers,
        "planted": len(truth),
        "min_score": min_score,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "scan_s": result["scan_s"],
        "scan_cpu_s": result["scan_cpu_s"],
        "read_s": result.get("read_s"),
        "read_cpu_s": result.get("read_cpu_s"),
        "compare_s": result.get("compare_s"),
        "compare_cpu_s": result.get("compare_cpu_s"),
        "peak_mb": result["peak_mb"],
        "warning_median_ms": round(statistics.median(times), 3),
        "warning_p95_ms": round(p95(times), 3),
        "warning_cpu_ms": round(typing_cpu_ms, 3),
        "load_avg": round(load[0], 2),
        "baseline_precision": round(base_precision, 4),
        "baseline_recall": round(base_recall, 4),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
