"""Search as you type over demo databases: per-keystroke latency by query class, against a
naive baseline measured in the same run (DESIGN §3, issue 3).

    python benchmarks/search.py --customers 10000 100000 1000000 --cache ~/.cache/kehu-bench
    python benchmarks/search.py --customers 100000 --backend postgresql   # and on a server

With `--backend postgresql` (a throwaway local cluster) or `--backend postgresql://…` the same
demo database is also moved to a server database and measured there; the server's figures
print beside the file's, and the JSON line is the server's with "backend": "postgresql" and
the file's figures under "sqlite".

Query mix, typed keystroke by keystroke, from real demo rows: first 1–4 characters of names,
pinyin initials (2–5 letters), full-pinyin fragments, phone prefixes (3–7 digits), codes,
key persons' names, 3-character substrings of names, and queries without a match.
Baseline: `LIKE '%q%'` over the same stored keys (names, pinyin, codes, phones, persons),
first page of 50 visible customers. Correctness: for every prefix query whose matches fit in
a page of 2,000, the first results of `search` are exactly the customers that have a key
starting with the query (the substring rank comes after them). The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kehu.core.search_keys import normalize, pinyin_keys, query_phone, split_words, upper_bound
from kehu.core.validation import phone_digits
from kehu.db import search_index
from kehu.db.search import search
from kehu.services import demo
from kehu.services.workspace import open_workspace

PAGE = 50
CHECK_LIMIT = 2000
BASELINE_SQL = (
    'SELECT DISTINCT k.id / 256 FROM "search_key" k JOIN "customer" c ON c.id = k.id / 256 '
    "WHERE c.status = 'active' AND k.key LIKE ? ESCAPE '\\' LIMIT ?"
)
PREFIX_SQL = (
    'SELECT DISTINCT k.id / 256 FROM "search_key" k JOIN "customer" c ON c.id = k.id / 256 '
    "WHERE c.status = 'active' AND k.key >= ? AND k.key < ?"
)
PREFIX_CLASSES = ("name_prefix", "initials", "pinyin", "phone", "code", "person")


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def open_demo(cache: Path, customers: int, rebuild: bool) -> tuple[object, dict]:
    """Open (or generate) the demo database of this size; returns (workspace, timings)."""
    path = cache / f"demo_{customers}.db"
    timings: dict = {}
    fresh = not path.exists()
    ws = open_workspace(path, lang="zh_CN")
    if fresh:
        started = time.perf_counter()
        result = demo.generate(customers, user=ws.user)
        timings["generate_s"] = round(time.perf_counter() - started, 1)
        timings.update({f"demo_{k}_s": v for k, v in result.seconds.items()})
    db = ws.database.db
    if rebuild or not db.execute_sql('SELECT 1 FROM "search_key" LIMIT 1').fetchone():
        started = time.perf_counter()
        search_index.rebuild_all()
        timings["rebuild_s"] = round(time.perf_counter() - started, 1)
    return ws, timings


def keystrokes(text: str, first: int, last: int) -> list[str]:
    return [text[:n] for n in range(first, min(last, len(text)) + 1)]


def query_mix(db, samples: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    high = db.execute_sql('SELECT MAX(id) FROM "customer"').fetchone()[0]
    ids = [rng.randint(1, high) for _ in range(samples)]
    marks = ", ".join([db.param] * len(ids))
    rows = db.execute_sql(
        f'SELECT id, code, name, phone FROM "customer" WHERE id IN ({marks})', ids
    ).fetchall()
    persons = db.execute_sql(
        f'SELECT name FROM "key_person" WHERE customer_id IN ({marks})', ids
    ).fetchall()
    mix: dict[str, list[str]] = {c: [] for c in (*PREFIX_CLASSES, "substring3", "no_match")}
    for _cid, code, name, phone in rows:
        spelled = pinyin_keys(normalize(name))
        full, initials = spelled[0], spelled[1] if len(spelled) > 1 else spelled[0]
        mix["name_prefix"] += keystrokes(name, 1, 4)
        mix["initials"] += keystrokes(initials, 2, 5)
        start = rng.randrange(0, 3)
        mix["pinyin"] += keystrokes(full, 2, 8 + start)[start:]
        mix["phone"] += keystrokes(phone_digits(phone or ""), 3, 7)
        mix["code"] += keystrokes(code.lower(), 3, len(code))
        middle = rng.randrange(2, max(3, len(name) - 3))
        mix["substring3"] += keystrokes(name[middle : middle + 3], 1, 3)
    for (pname,) in persons[: len(rows)]:
        mix["person"] += keystrokes(pname, 1, 3)
    for text in ("zzqx", "qqqqq", "龘靐齉", "9999999", "xkcdx"):
        mix["no_match"] += keystrokes(text, 1, len(text))
    return mix


def timed(fn, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - started) * 1000, result


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0, "median_ms": 0.0, "p95_ms": 0.0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "n": len(values),
        "median_ms": round(statistics.median(values), 3),
        "p95_ms": round(p95, 3),
    }


def _floor(db) -> dict[str, float]:
    """A bare round trip on the search's own connection: what any query on a server costs."""
    laps = [timed(lambda: db.execute_sql("SELECT 1").fetchone())[0] for _ in range(300)]
    figures = summary(laps)
    return {"select1_ms": figures["median_ms"], "select1_p95_ms": figures["p95_ms"]}


def check_prefix(db, user, text: str) -> bool | None:
    """The first results are exactly the prefix matches; None when too many to check."""
    digits = query_phone(text)
    words = [digits] if digits else split_words(text)
    if len(words) != 1:
        return None
    word = words[0]
    prefix_sql = PREFIX_SQL.replace("?", db.param)
    expected = {cid for (cid,) in db.execute_sql(prefix_sql, (word, upper_bound(word)))}
    if len(expected) > CHECK_LIMIT:
        return None
    found = search(text, user, limit=len(expected) + 5)
    return set(found[: len(expected)]) == expected


def run_size(args, customers: int, server: bool = False) -> dict:
    ws, timings = open_demo(args.cache, customers, args.rebuild)
    server_cpu = None
    if server:
        import server_backend

        path = ws.database.path
        ws.database.close()
        url, timings = server_backend.copy_file(
            path, args.backend, f"kehu_bench_{customers}", customers
        )
        ws = open_workspace(url, lang="zh_CN")
        server_cpu = server_backend.backend_cpu_seconds
    db, user = ws.database.db, ws.user
    mix = query_mix(db, args.samples, args.seed)
    for query in mix["name_prefix"][:20]:  # warm the page cache like a user session would
        search(query, user, limit=PAGE)
    where = "postgresql" if server else "sqlite"
    print(f"\n== {customers:,} customers ({where}) ==  {timings}")
    fast_all, slow_all, classes, failures, checked = [], [], {}, [], 0
    cpu_all, server_all = 0.0, 0.0
    rng = random.Random(args.seed)
    baseline_sql = BASELINE_SQL.replace("?", db.param)
    for name, queries in mix.items():
        cpu, served = time.process_time(), server_cpu(db) if server_cpu else None
        ours = [timed(search, q, user, None, False, PAGE)[0] for q in queries]
        cpu = (time.process_time() - cpu) * 1000 / max(1, len(queries))
        cpu_all += cpu * len(queries)
        if served is not None:
            served = (server_cpu(db) - served) * 1000 / max(1, len(queries))
            server_all += served * len(queries)
        slowest = sorted(zip(ours, queries, strict=True), reverse=True)[:3]
        sample = rng.sample(queries, min(len(queries), args.baseline_queries))
        naive = [
            timed(lambda q: db.execute_sql(baseline_sql, (_like(q), PAGE)).fetchall(), q)[0]
            for q in (normalize(q) or q for q in sample)
        ]
        fast_all += ours
        slow_all += naive
        s, b = summary(ours), summary(naive)
        ratio = round(b["median_ms"] / s["median_ms"], 1) if s["median_ms"] else None
        classes[name] = {**s, "cpu_ms": round(cpu, 3), "baseline": b, "ratio": ratio}
        if served is not None:
            classes[name]["server_cpu_ms"] = round(served, 3)
        if name in PREFIX_CLASSES:
            for query in queries[: args.check]:
                result = check_prefix(db, user, query)
                if result is not None:
                    checked += 1
                    if not result:
                        failures.append(query)
        print(
            f"{name:12s} n={s['n']:5d}  median {s['median_ms']:7.2f} ms  p95 {s['p95_ms']:7.2f} ms"
            f"  CPU {cpu:5.2f} ms"
            + (f" + server {served:5.2f} ms" if served is not None else "")
            + f"   | baseline n={b['n']:4d} median {b['median_ms']:8.2f} ms  p95 "
            f"{b['p95_ms']:8.2f} ms  ratio {ratio}"
        )
        print("             slowest: " + ", ".join(f"{q!r} {ms:.1f} ms" for ms, q in slowest))
    total, base = summary(fast_all), summary(slow_all)
    ratio = round(base["median_ms"] / total["median_ms"], 1) if total["median_ms"] else None
    cpu_ms = round(cpu_all / max(1, total["n"]), 3)
    server_ms = round(server_all / max(1, total["n"]), 3) if server_cpu else None
    print(
        f"{'all':12s} n={total['n']:5d}  median {total['median_ms']:7.2f} ms  p95 "
        f"{total['p95_ms']:7.2f} ms  CPU {cpu_ms:.2f} ms"
        + (f" + server {server_ms:.2f} ms" if server_ms is not None else "")
        + f"   | baseline median {base['median_ms']:.2f} ms  ratio {ratio}"
    )
    floor = _floor(db) if server else None
    if floor:
        print(
            f"floor on the same connection: SELECT 1 round trip median {floor['select1_ms']:.3f}"
            f" ms, p95 {floor['select1_p95_ms']:.3f} ms"
        )
    print(f"prefix result sets equal to the baseline: {checked - len(failures)}/{checked}")
    if failures:
        print("  differ:", failures[:10])
    ws.database.close()
    return {
        "customers": customers,
        **timings,
        "median_ms": total["median_ms"],
        "p95_ms": total["p95_ms"],
        "baseline_median_ms": base["median_ms"],
        "baseline_p95_ms": base["p95_ms"],
        "baseline_queries": base["n"],
        "ratio": ratio,
        "cpu_ms": cpu_ms,
        **({"server_cpu_ms": server_ms} if server_ms is not None else {}),
        **({"floor_" + k: v for k, v in floor.items()} if floor else {}),
        "prefix_checked": checked,
        "prefix_mismatches": len(failures),
        "classes": classes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, nargs="+", default=[10_000])
    parser.add_argument("--cache", type=Path, default=None, help="folder for demo databases")
    parser.add_argument("--samples", type=int, default=60, help="customers the queries come from")
    parser.add_argument(
        "--baseline-queries", type=int, default=40, help="baseline queries per class (sampled)"
    )
    parser.add_argument("--check", type=int, default=30, help="prefix queries checked per class")
    parser.add_argument("--rebuild", action="store_true", help="time search_index.rebuild_all()")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--backend",
        default=None,
        help="also on a server: 'postgresql' (a throwaway local cluster) or a postgresql:// URL",
    )
    args = parser.parse_args(argv)
    args.cache = args.cache or Path(tempfile.mkdtemp(prefix="kehu-bench-"))
    args.cache.mkdir(parents=True, exist_ok=True)
    runs = [run_size(args, n) for n in args.customers]
    largest = runs[-1]
    figures = {
        "benchmark": "search",
        **{k: v for k, v in largest.items() if k != "classes"},
        "runs": runs,
    }
    if args.backend:
        import server_backend

        try:
            served = [run_size(args, n, server=True) for n in args.customers]
        finally:
            server_backend.stop()
        file_figures = {k: figures[k] for k in ("median_ms", "p95_ms", "ratio", "cpu_ms")}
        figures = {
            "benchmark": "search",
            **{k: v for k, v in served[-1].items() if k != "classes"},
            "backend": "postgresql",
            "sqlite": file_figures,
            "runs": served,
        }
        print(
            f"postgresql median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms  |  "
            f"sqlite median {file_figures['median_ms']} ms, p95 {file_figures['p95_ms']} ms"
        )
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(f"machine: {os.cpu_count()} cores, load average at the end {figures['load_average']}")
    print(json.dumps(figures, ensure_ascii=False))
    return 0 if all(r["prefix_mismatches"] == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
