"""Owner transfer (一键转换负责人): time to give all of one salesperson's customers to another.

    python benchmarks/transfer.py --customers 100000

Target: 100,000 customers in ≤ 5 s. Baseline, measured in the same run on the same file: a
bare `UPDATE customer SET owner_id = …` of the same customers, as any UPDATE of the owner
runs: the per-row triggers of the category counts and sales summaries fire for each
customer. The transfer also bumps each version, writes one history row per customer, moves
the routes and writes the audit entry, but moves the counts and summaries set-based with
those triggers bypassed inside its transaction (`kehu.db.owner_moves`), so it is expected
well below the baseline. The counts stay exactly right (tests/integration/
test_office_transfer.py compares them with a rebuild). The last line is a JSON object with
transfer_s, baseline_s and customers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from kehu.db import ownership
from kehu.db.connection import write
from kehu.db.models import Customer, Route
from kehu.services import auth, demo, transfer
from kehu.services.workspace import open_workspace

TARGET_S = 5.0


def run(customers: int, folder: Path) -> dict:
    path = folder / f"transfer_bench_{customers}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    ws = open_workspace(path, lang="zh_CN")
    admin = ws.user
    demo.generate(customers, user=admin)
    leaving = auth.create_user("leaving", "离职推销员", by=admin)
    taking = auth.create_user("taking", "接手推销员", by=admin)

    def hand_over() -> None:  # the leaving salesperson holds every customer and route
        Customer.update(owner=leaving.id).execute()
        Route.update(salesperson=leaving.id).execute()

    write(ws.database.db, hand_over)
    started = time.perf_counter()
    done = transfer.transfer(None, taking, admin, from_user=leaving)
    transfer_s = time.perf_counter() - started
    started = time.perf_counter()
    moved_back = write(ws.database.db, lambda: ownership.bare_owner_update(taking.id, leaving.id))
    baseline_s = time.perf_counter() - started
    ws.database.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert done.customers == moved_back == customers
    return {
        "customers": customers,
        "transfer_s": round(transfer_s, 2),
        "baseline_s": round(baseline_s, 2),
        "routes_given": done.routes_given,
        "target_s": TARGET_S,
        "within_target": transfer_s <= TARGET_S,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the database")
    args = parser.parse_args(argv)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="kehu-transfer-"))
    folder.mkdir(parents=True, exist_ok=True)
    result = run(args.customers, folder)
    print(
        f"transfer of {result['customers']:,} customers: {result['transfer_s']} s "
        f"(bare UPDATE {result['baseline_s']} s, target ≤ {TARGET_S} s)",
        file=sys.stderr,
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
