"""Lists as CSV: UTF-8 with a BOM by default (Excel then opens Chinese text correctly), GB18030
on request (older Excel and WPS set up for GBK). The same cells as the xlsx list: dates as
ISO dates, money as plain decimals, text that Excel would run as a formula quoted, characters
an xlsx cannot hold left out."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from kehu.core.jobs import Job, no_job
from kehu.exchange.xlsx_export import PROGRESS_EVERY, WRITING, Table
from kehu.exchange.xlsx_safety import safe_cell_value

ENCODINGS = {"utf-8": "utf-8-sig", "utf8": "utf-8-sig", "gb18030": "gb18030", "gbk": "gb18030"}


def csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, str):
        return safe_cell_value(value)
    return value


def write_csv(path: Path, table: Table, encoding: str = "utf-8", job: Job | None = None) -> int:
    """Write one table; returns its rows. `encoding`: utf-8 (with BOM) or gb18030."""
    job = job or no_job()
    codec = ENCODINGS.get(encoding.lower().replace("_", "-"), "utf-8-sig")
    rows = 0
    with open(path, "w", encoding=codec, errors="replace", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([csv_value(label) for label in table.labels])
        job.stage(WRITING, table.total)
        for row in table.rows:
            writer.writerow([csv_value(v) for v in row])
            rows += 1
            if rows % PROGRESS_EVERY == 0:
                job.progress(rows)
    return rows
