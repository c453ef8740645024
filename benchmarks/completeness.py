"""Dossier completeness (档案健全度): time to compute and store every customer's score, the
list sorted by it and filtered below 60 %, and the per-salesperson breakdown.

    python benchmarks/completeness.py --customers 100000
    python benchmarks/completeness.py --db COPY_OF_demo_1000000.db   (a copy: it is written)

What is measured, in the same run on the same file:
- fill_s: `kehu.db.completeness.fill` of every customer (what `kehu repair` and the window's
  background fill of an older file do), batched, starting from NULL everywhere;
- baseline_read_s: a bare read of the same inputs (the counted customer columns, the key
  persons' name and mobile, the category links), i.e. the floor for any recomputation;
- sort_ms / filter_ms: the first page of the list sorted by completeness, and filtered
  below 60 % (keyset paging through `kehu.db.customer_list`);
- breakdown_ms: the per-salesperson breakdown of the Analysis view.
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from kehu.db import completeness
from kehu.db.connection import write
from kehu.db.customer_list import ListSpec, page
from kehu.db.models import Customer
from kehu.services import analysis_completeness, demo
from kehu.services.workspace import open_workspace


def _bare_read(db) -> int:
    cols = ", ".join(f'"{c}"' for c in completeness._COLUMNS)
    rows = 0
    for sql in (
        f'SELECT "id", {cols} FROM "customer"',
        'SELECT "customer_id", "name", "mobile" FROM "key_person"',
        'SELECT "customer_id", "scheme_id", "category_id" FROM "customer_category"',
    ):
        for _row in db.execute_sql(sql):
            rows += 1
    return rows


def _ms(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return round((time.perf_counter() - started) * 1000, 1), result


def run(path: Path, customers: int | None) -> dict:
    ws = open_workspace(path, lang="zh_CN")
    db = ws.database.db
    if customers:
        demo.generate(customers, user=ws.user)
    total = Customer.select().count()
    write(db, lambda: Customer.update(completeness=None).execute())
    started = time.perf_counter()
    changed = completeness.fill()
    fill_s = time.perf_counter() - started
    started = time.perf_counter()
    _bare_read(db)
    baseline_s = time.perf_counter() - started
    spec = ListSpec(ws.user, sort="completeness")
    sort_ms, _ = _ms(lambda: page(spec, 500))
    sort_desc_ms, _ = _ms(lambda: page(spec.with_(descending=True), 500))
    filter_ms, _ = _ms(lambda: page(spec.with_(sort="code", completeness_below=60), 500))
    breakdown_ms, rows = _ms(lambda: analysis_completeness.breakdown(ws.user))
    ws.database.close()
    return {
        "benchmark": "completeness",
        "customers": total,
        "fill_s": round(fill_s, 2),
        "baseline_read_s": round(baseline_s, 2),
        "ratio": round(fill_s / baseline_s, 2) if baseline_s else None,
        "changed": changed,
        "sort_ms": sort_ms,
        "sort_desc_ms": sort_desc_ms,
        "filter_ms": filter_ms,
        "breakdown_ms": breakdown_ms,
        "salespeople": len(rows.rows),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=None, help="an existing file (it is written)")
    args = parser.parse_args(argv)
    if args.db is not None:
        result = run(args.db, None)
    else:
        folder = Path(tempfile.mkdtemp(prefix="kehu-completeness-"))
        result = run(folder / "completeness.db", args.customers)
    print(
        f"completeness of {result['customers']:,} customers: fill {result['fill_s']} s "
        f"(bare read of the inputs {result['baseline_read_s']} s, ×{result['ratio']}); "
        f"list by completeness {result['sort_ms']} ms (desc {result['sort_desc_ms']} ms), "
        f"below 60 % {result['filter_ms']} ms; breakdown {result['breakdown_ms']} ms",
        file=sys.stderr,
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
