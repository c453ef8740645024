"""Excel import and export at scale, each against a bare library in the same run (DESIGN §3).

- import of an N-row, 20-column xlsx (kehu import, into a new database) vs python-calamine's
  bare read of the same file (every cell to a Python value; target ≤ 2×), with openpyxl
  read-only reading every cell beside it (the reader the import used before);
- import of an old .xls of 60,000 rows (written with xlwt), beside calamine's read of it;
- list export of the N imported customers vs bare openpyxl write_only writing the same
  cells (target ≤ 1.2×);
- peak memory (ru_maxrss) of each, every measurement in its own subprocess (target ≤ 200 MB;
  the import's search-key worker process is reported beside it);
- two floors of the import, in the same run: kehu's reader alone (the sheet streamed with its
  hazard scans and read back by calamine, no cell converted) and SQLite alone inserting the
  rows the import stored (`floor_read_scan_ratio`, `floor_insert_ratio`, their sum and what
  two cores could make of it at best).

`import_s` and `import_ratio_calamine` are wall-clock times (the import may use a second
core: its search-key worker); the `*_cpu_s` figures count the CPU of the process and its
children (the worker included), steadier on a loaded machine.

    python benchmarks/excel.py [--rows 100000] [--xls-rows 60000] [--cache DIR]

The figures are noisy on a shared machine (the load average is printed). The last line
printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADERS = [
    "客户名称", "简称", "统一社会信用代码", "地址", "邮编", "电话", "传真", "电子邮箱", "网址",
    "成立日期", "业种", "注册资本", "职工人数", "年销售额", "信用状况", "交易条件", "联系人",
    "手机", "职务", "客户等级",
]  # fmt: skip
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "重庆"]
TRADES = ["科技", "贸易", "电子", "食品", "五金", "建材", "服装", "医药", "物流", "文具"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


def _uscc(number: int) -> str:
    from stdnum.cn import uscc

    body = f"91{110000 + number % 890000:06d}MA{number:08d}"[:17]
    return body + uscc.calc_check_digit(body)


def make_file(path: Path, rows: int) -> None:
    import datetime as dt

    from openpyxl import Workbook

    rnd = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(HEADERS)
    for i in range(rows):
        city, trade = CITIES[i % 10], TRADES[(i // 10) % 10]
        name = f"{city}{trade}{i:06d}有限公司"
        person = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
        sheet.append(
            [
                name, f"{city}{trade}{i}", _uscc(i), f"{city}市某区某路{i % 999 + 1}号",
                f"{100000 + i % 800000:06d}", f"010-6{i % 10_000_000:07d}",
                f"010-8{i % 10_000_000:07d}", f"c{i}@example.cn", f"https://c{i}.example.cn",
                dt.date(1990 + i % 30, 1 + i % 12, 1 + i % 28), trade, 100000 + i, 10 + i % 500,
                1_000_000.5 + i, rnd.choice(["AAA", "AA", "A", "B"]), "月结30天", person,
                f"13{i % 1_000_000_000:09d}", "经理", rnd.choice("ABC"),
            ]
        )  # fmt: skip
    book.save(path)


def make_xls(path: Path, rows: int) -> None:
    """The same columns as an Excel 97-2003 workbook (at most 65,535 data rows)."""
    import datetime as dt

    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("客户")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for col, header in enumerate(HEADERS):
        sheet.write(0, col, header)
    rnd = random.Random(11)
    for i in range(rows):
        city, trade = CITIES[i % 10], TRADES[(i // 10) % 10]
        values = [
            f"{city}{trade}{i:06d}旧表公司", f"{city}{trade}{i}", _uscc(i + 500_000),
            f"{city}市某区某路{i % 999 + 1}号", f"{100000 + i % 800000:06d}",
            f"021-6{i % 10_000_000:07d}", f"021-8{i % 10_000_000:07d}", f"x{i}@example.cn",
            f"https://x{i}.example.cn", dt.date(1990 + i % 30, 1 + i % 12, 1 + i % 28), trade,
            100000 + i, 10 + i % 500, 1_000_000.5 + i, rnd.choice(["AAA", "AA", "A", "B"]),
            "月结30天", rnd.choice(SURNAMES) + rnd.choice(GIVEN), f"15{i % 1_000_000_000:09d}",
            "经理", rnd.choice("ABC"),
        ]  # fmt: skip
        for col, value in enumerate(values):
            if isinstance(value, dt.date):
                sheet.write(i + 1, col, value, date_style)
            else:
                sheet.write(i + 1, col, value)
    book.save(str(path))


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM where there is one: on Linux ru_maxrss also
    counts the memory of the parent at the fork (kept through exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _rss_mb() -> float:
    """This process's resident memory now (the interpreter and the modules loaded so far)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _cpu() -> float:
    """CPU seconds of this process and of its (finished) child processes: on a shared machine
    the CPU time is the steadier figure (the wall time depends on the load)."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def measure(what: str, file: Path, db: Path, out: Path) -> dict:
    """One measurement (run in a fresh interpreter so that peak memory is its own)."""
    start = time.perf_counter()
    cpu_start = _cpu()
    loaded_mb = _rss_mb()
    if what == "read_baseline":
        from openpyxl import load_workbook

        start, cpu_start = time.perf_counter(), _cpu()  # after the import of openpyxl
        book = load_workbook(file, read_only=True, data_only=True)
        cells = sum(len(row) for row in book.active.iter_rows(values_only=True))
        book.close()
        result = {"cells": cells}
    elif what == "calamine_read":
        import python_calamine

        start, cpu_start = time.perf_counter(), _cpu()  # after the import of python_calamine
        loaded_mb = _rss_mb()
        book = python_calamine.CalamineWorkbook.from_path(str(file))
        cells = sum(len(row) for row in book.get_sheet_by_index(0).iter_rows())
        book.close()
        result = {"cells": cells}
    elif what == "read_scan":
        # a floor: kehu's reader alone (the sheet streamed once with its hazard scans, read
        # back by calamine piece by piece, cells as the import gets them), nothing converted
        from kehu.exchange.xlsx_reading import open_table

        start, cpu_start = time.perf_counter(), _cpu()
        loaded_mb = _rss_mb()
        with open_table(file) as table:
            cells = sum(len(values) for _number, values in table.rows())
        result = {"cells": cells}
    elif what == "insert_floor":
        loaded_mb = _rss_mb()
        result = _insert_floor(db, out)  # timed inside: only the SQLite calls
    elif what == "import":
        from kehu.services import imports
        from kehu.services.workspace import open_workspace

        ws = open_workspace(db, lang="zh_CN")
        start_mb = _rss_mb()
        start, cpu_start = time.perf_counter(), _cpu()
        report = imports.run_import(file, ws.user, imports.ImportOptions())
        result = {"created": report.created, "rejected": report.rejected}
        # a large import computes its search rows in a worker process (gone by now): its peak
        result["worker_peak_mb"] = round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        )
        if report.rejected:
            result["first_problem"] = report.errors[0].message("en")
    elif what in ("export", "write_baseline"):
        from kehu.db.models import Customer
        from kehu.services import exports
        from kehu.services.workspace import open_workspace

        ws = open_workspace(db, lang="zh_CN")
        ids = [cid for (cid,) in Customer.select(Customer.id).order_by(Customer.code).tuples()]
        # Both start with the same modules loaded (openpyxl and kehu's writers): the clock
        # measures writing, not importing.
        from kehu.services.exports import tables  # noqa: F401

        if what == "write_baseline":
            rows = _same_cells(ids)
            start, cpu_start = time.perf_counter(), _cpu()
            _bare_write(out, rows)
        else:
            start, cpu_start = time.perf_counter(), _cpu()
            exports.export("xlsx", "list", ids, out, ws.user, {"selection": "benchmark"})
        result = {"customers": len(ids)}
    else:
        raise ValueError(what)
    if what != "import":
        start_mb = loaded_mb
    result.update(
        start_mb=start_mb,
        seconds=round(result.pop("timed_s", time.perf_counter() - start), 3),
        cpu_s=round(result.pop("timed_cpu_s", _cpu() - cpu_start), 3),
        peak_mb=_peak_mb(),
    )
    return result


# What the import writes, as a floor: these tables' rows copied into a new database.
FLOOR_TABLES = ("import_batch", "customer", "key_person", "customer_category", "care_key", "birthday_key",
                "search_key", "search_name", "duplicate_key", "category_count")  # fmt: skip


def _insert_floor(source: Path, target: Path) -> dict:
    """SQLite's own insert of the rows the import stored (read from its database in chunks,
    off the clock): executemany of the same rows into a new kehu database with every
    trigger and the load's secondary indexes dropped, the indexes built after, one
    transaction. The clock runs only around the SQLite calls."""
    import sqlite3

    from kehu.db import import_load
    from kehu.db.dialect import dialect
    from kehu.db.models import Customer
    from kehu.services.workspace import open_workspace

    for stale in target.parent.glob(target.name + "*"):
        stale.unlink()
    open_workspace(target, lang="zh_CN")
    db = Customer._meta.database
    sql = dialect(db)
    reader = sqlite3.connect(source)
    seconds = cpu = 0.0

    def timed(call, *args):
        nonlocal seconds, cpu
        began, began_cpu = time.perf_counter(), _cpu()
        outcome = call(*args)
        seconds += time.perf_counter() - began
        cpu += _cpu() - began_cpu
        return outcome

    transaction = db.atomic()
    transaction.__enter__()
    try:
        for table in FLOOR_TABLES:
            db.execute_sql(f'DELETE FROM "{table}"')  # the new database's own rows (admin…)
        triggers = sql.trigger_definitions(db, "")
        for name, _statement in triggers:
            sql.drop_trigger(db, name)
        dropped = timed(import_load.drop_load_indexes)
        queries = [(t, f'SELECT * FROM "{t}"') for t in FLOOR_TABLES]
        queries.append(("search_text", 'SELECT rowid, text FROM "search_text"'))
        for table, query in queries:
            cursor = reader.execute(query)
            names = [c[0] for c in cursor.description]
            columns = ", ".join(f'"{n}"' if n != "rowid" else "rowid" for n in names)
            insert = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(names))})'
            before = cpu
            while rows := cursor.fetchmany(20_000):
                timed(db.cursor().executemany, insert, rows)
            if os.environ.get("KEHU_FLOOR_DETAIL"):
                print(f"{table}: CPU {cpu - before:.2f} s", file=sys.stderr)
        before = cpu
        timed(import_load.create_indexes, dropped)
        if os.environ.get("KEHU_FLOOR_DETAIL"):
            print(f"indexes: CPU {cpu - before:.2f} s", file=sys.stderr)
        for _name, statement in triggers:
            db.execute_sql(statement)
    except BaseException:
        transaction.__exit__(*sys.exc_info())
        raise
    timed(transaction.__exit__, None, None, None)  # the commit
    reader.close()
    return {"timed_s": seconds, "timed_cpu_s": cpu}


def _grew(result: dict) -> float:
    """Peak memory above what the process held when the clock started."""
    return round(result["peak_mb"] - result["start_mb"], 1)


def _same_cells(ids: list[int]) -> list[list]:
    """The cells the list export writes (the same header labels and rows: values converted
    and masked as kehu writes them), fetched before the clock starts.

    The baseline is then bare openpyxl `write_only` appending these Python objects already in
    memory and saving; kehu's export is the whole use case from the database: the visibility
    check of the ids, reading the rows from SQLite, converting and masking them, making text
    safe (formula injection, characters an xlsx cannot hold), a styled and frozen header with
    a filter, the temporary file renamed, its SHA-256 and the audit entry."""
    from kehu.services.exports import tables

    table = tables.customer_table(ids, tables.choose_columns(None), "zh_CN", reveal=False)
    return [list(table.labels), *(list(row) for row in table.rows)]


def _bare_write(out: Path, rows: list[list]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    for row in rows:
        sheet.append(row)
    book.save(out)


def _run(what: str, file: Path, db: Path, out: Path) -> dict:
    command = [sys.executable, __file__, "--measure", what, "--file", str(file), "--db", str(db),
               "--out", str(out)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--xls-rows", type=int, default=60_000)
    parser.add_argument("--cache", type=Path, default=None, help="folder for generated files")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.file, args.db, args.out)))
        return
    cache = args.cache or Path(tempfile.mkdtemp(prefix="kehu-bench-excel-"))
    cache.mkdir(parents=True, exist_ok=True)
    source = cache / f"customers-{args.rows}.xlsx"
    if not source.exists():
        print(f"generating {source} ({args.rows} rows × {len(HEADERS)} columns)…")
        make_file(source, args.rows)
    db = cache / f"import-{args.rows}.db"
    for stale in cache.glob(f"import-{args.rows}.db*"):
        stale.unlink()
    xls = cache / f"customers-{args.xls_rows}.xls"
    if not xls.exists():
        print(f"generating {xls} ({args.xls_rows} rows, Excel 97-2003)…")
        make_xls(xls, args.xls_rows)
    xls_db = cache / f"import-xls-{args.xls_rows}.db"
    for stale in cache.glob(f"import-xls-{args.xls_rows}.db*"):
        stale.unlink()
    unused = cache / "unused.xlsx"
    load_before = os.getloadavg()[0]
    print(f"load average (1 min): {load_before:.2f}")
    calamine = _run("calamine_read", source, db, unused)
    print(f"python-calamine bare read, every cell: {calamine['seconds']:.2f} s "
          f"(CPU {calamine['cpu_s']:.2f} s), peak {calamine['peak_mb']} MB")  # fmt: skip
    read = _run("read_baseline", source, db, unused)
    print(f"openpyxl read-only, every cell: {read['seconds']:.2f} s (CPU {read['cpu_s']:.2f} s), "
          f"peak {read['peak_mb']} MB")  # fmt: skip
    imported = _run("import", source, db, unused)
    print(
        f"kehu import: {imported['seconds']:.2f} s (CPU {imported['cpu_s']:.2f} s = "
        f"{imported['cpu_s'] / calamine['cpu_s']:.2f}× calamine's), peak {imported['peak_mb']} MB "
        f"({imported['created']} created, {imported['rejected']} rejected) = "
        f"{imported['seconds'] / calamine['seconds']:.2f}× calamine, "
        f"{imported['seconds'] / read['seconds']:.2f}× openpyxl; its search-key worker's "
        f"peak {imported['worker_peak_mb']} MB"
    )
    scan = _run("read_scan", source, db, unused)
    floor = _run("insert_floor", source, db, cache / f"floor-{args.rows}.db")
    print(
        f"floors: kehu's reader with its hazard scans, nothing converted {scan['seconds']:.2f} s "
        f"(CPU {scan['cpu_s']:.2f} s = {scan['cpu_s'] / calamine['cpu_s']:.2f}× calamine's), "
        f"peak {scan['peak_mb']} MB; SQLite inserting the rows the import stored (indexes and "
        f"triggers dropped, built after) {floor['seconds']:.2f} s (CPU {floor['cpu_s']:.2f} s = "
        f"{floor['cpu_s'] / calamine['cpu_s']:.2f}×)"
    )
    xls_read = _run("calamine_read", xls, xls_db, unused)
    xls_imported = _run("import", xls, xls_db, unused)
    print(
        f".xls of {args.xls_rows} rows: calamine read {xls_read['seconds']:.2f} s, kehu import "
        f"{xls_imported['seconds']:.2f} s (CPU {xls_read['cpu_s']:.2f} s and "
        f"{xls_imported['cpu_s']:.2f} s), peak {xls_imported['peak_mb']} MB "
        f"({xls_imported['created']} created, {xls_imported['rejected']} rejected)"
    )
    print(
        f"  .xls peak memory: kehu import {xls_imported['peak_mb']} MB "
        f"({xls_imported['start_mb']} MB loaded before it: +{_grew(xls_imported)} MB), bare "
        f"calamine read {xls_read['peak_mb']} MB ({xls_read['start_mb']} MB before it: "
        f"+{_grew(xls_read)} MB; calamine parses the whole .xls at once, the floor)"
    )
    bare = _run("write_baseline", source, db, cache / "bare.xlsx")
    print(f"openpyxl write_only, same cells: {bare['seconds']:.2f} s (CPU {bare['cpu_s']:.2f} s), "
          f"peak {bare['peak_mb']} MB")  # fmt: skip
    exported = _run("export", source, db, cache / "list.xlsx")
    print(f"kehu list export: {exported['seconds']:.2f} s (CPU {exported['cpu_s']:.2f} s), "
          f"peak {exported['peak_mb']} MB")  # fmt: skip
    load_after = os.getloadavg()[0]
    print(f"load average (1 min) at the end: {load_after:.2f}")
    figures = {
        "benchmark": "excel",
        "rows": args.rows,
        "columns": len(HEADERS),
        "import_s": imported["seconds"],
        "calamine_read_s": calamine["seconds"],
        "import_ratio_calamine": round(imported["seconds"] / calamine["seconds"], 2),
        "import_cpu_s": imported["cpu_s"],
        "calamine_read_cpu_s": calamine["cpu_s"],
        "import_cpu_ratio_calamine": round(imported["cpu_s"] / calamine["cpu_s"], 2),
        "import_total_peak_mb": round(imported["peak_mb"] + imported["worker_peak_mb"], 1),
        # floors (the same file, the same run): what reading alone and writing alone cost
        "floor_read_scan_s": scan["seconds"],
        "floor_read_scan_cpu_s": scan["cpu_s"],
        "floor_read_scan_ratio": round(scan["seconds"] / calamine["seconds"], 2),
        "floor_read_scan_cpu_ratio": round(scan["cpu_s"] / calamine["cpu_s"], 2),
        "floor_insert_s": floor["seconds"],
        "floor_insert_cpu_s": floor["cpu_s"],
        "floor_insert_ratio": round(floor["seconds"] / calamine["seconds"], 2),
        "floor_insert_cpu_ratio": round(floor["cpu_s"] / calamine["cpu_s"], 2),
        # reading then writing in one process; on 2 cores at best half the sum, never less
        # than the larger of the two
        "floor_serial_cpu_ratio": round((scan["cpu_s"] + floor["cpu_s"]) / calamine["cpu_s"], 2),
        "floor_two_cores_cpu_ratio": round(
            max(scan["cpu_s"], floor["cpu_s"], (scan["cpu_s"] + floor["cpu_s"]) / 2)
            / calamine["cpu_s"],
            2,
        ),
        "read_baseline_s": read["seconds"],
        "import_ratio_openpyxl": round(imported["seconds"] / read["seconds"], 2),
        "import_peak_mb": imported["peak_mb"],
        "import_worker_peak_mb": imported["worker_peak_mb"],
        "import_created": imported["created"],
        "calamine_read_peak_mb": calamine["peak_mb"],
        "read_baseline_peak_mb": read["peak_mb"],
        "xls_rows": args.xls_rows,
        "xls_import_s": xls_imported["seconds"],
        "xls_calamine_read_s": xls_read["seconds"],
        "xls_import_created": xls_imported["created"],
        "xls_import_peak_mb": xls_imported["peak_mb"],
        "xls_import_grew_mb": _grew(xls_imported),
        "xls_calamine_read_peak_mb": xls_read["peak_mb"],
        "xls_calamine_read_grew_mb": _grew(xls_read),
        "export_s": exported["seconds"],
        "write_baseline_s": bare["seconds"],
        "export_ratio": round(exported["seconds"] / bare["seconds"], 2),
        "export_cpu_s": exported["cpu_s"],
        "write_baseline_cpu_s": bare["cpu_s"],
        "export_cpu_ratio": round(exported["cpu_s"] / bare["cpu_s"], 2),
        "xls_import_cpu_s": xls_imported["cpu_s"],
        "xls_calamine_read_cpu_s": xls_read["cpu_s"],
        "export_peak_mb": exported["peak_mb"],
        "write_baseline_peak_mb": bare["peak_mb"],
        "load_average": [round(load_before, 2), round(load_after, 2)],
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
