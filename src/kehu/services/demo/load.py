"""`generate`: the demo load through `kehu.db.bulk_load`, in one write transaction.

Customers are inserted without an id and their ids read back; a chunk whose ids differ from
the numbers it was generated with is renumbered before its other rows are written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from collections import Counter
from dataclasses import dataclass, field

from kehu.core import rights
from kehu.core.i18n import N_
from kehu.core.jobs import Job, no_job
from kehu.core.search_keys import SORT_COLUMNS
from kehu.db import bulk_load, care_keys, sales_summary, search_index, tree_counts
from kehu.db.connection import write
from kehu.db.models import Customer, User
from kehu.services import audit, auth

from .customers import CUSTOMER_COLUMNS, PERSON_COLUMNS
from .plan import Chunk
from .reference import make_plan
from .routes import write_routes
from .workers import chunks

try:
    import resource
except ImportError:  # Windows: this process's CPU only
    resource = None

logger = logging.getLogger(__name__)

BIG_TABLES = (
    "customer",
    "key_person",
    "customer_category",
    "route_stop",
    "visit",
    "sale_line",
    "search_key",
    "search_text",  # a server's trigram index (a file's FTS5 table has none of its own)
    "duplicate_key",
    "field_change",
)
IN_ORDER_INDEXES = {
    "customer_code",
    "key_person_customer_id",
    "visit_customer_id_visit_date",
    "sale_line_customer_id_sale_date",
}
COLUMNS = {
    # no id: the database gives it; the sort keys are written with the rows
    "customer": (*CUSTOMER_COLUMNS, "completeness", *SORT_COLUMNS.values()),
    "key_person": PERSON_COLUMNS,
    "customer_category": ("customer_id", "scheme_id", "category_id"),
    "visit": (
        "customer_id",
        "salesperson_id",
        "visit_date",
        "kind",
        "content",
        "findings",
        "next_step",
        "next_visit_on",
        "created_at",
    ),
    "sale_line": (
        "sale_date",
        "customer_id",
        "product_id",
        "product_category",
        "quantity",
        "amount",
    ),
}

CUSTOMERS_STAGE = N_("Demo customers")
ROUTES_STAGE = N_("Routes")
INDEXES_STAGE = N_("Indexes")


@dataclass
class DemoResult:
    customers: int
    key_persons: int = 0
    classifications: int = 0
    routes: int = 0
    route_stops: int = 0
    visits: int = 0
    sale_lines: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    # CPU seconds per stage: this process, and worker processes that ended in it
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    worker_cpu_seconds: dict[str, float] = field(default_factory=dict)


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its ended child processes."""
    if resource is None:
        return time.process_time(), 0.0
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _renumbered(chunk: Chunk, first: int, ids: list[int]) -> Chunk:
    """The chunk's rows with the ids the database gave its customers (numbered from `first`).

    Only needed when the database did not continue where the generator expected."""
    new = dict(zip(range(first, first + len(ids)), ids, strict=True))
    rows = chunk.rows
    renumbered = {"customer": rows["customer"]}
    for table in ("key_person", "customer_category", "visit"):
        renumbered[table] = [(new[row[0]], *row[1:]) for row in rows[table]]
    renumbered["sale_line"] = [(d, new[c], *rest) for d, c, *rest in rows["sale_line"]]
    members = [(new[m[0]], *m[1:]) for m in chunk.route_members]
    search = chunk.search_rows
    if search is not None:
        slots = search_index.SLOTS
        search = search_index.SearchRows(
            [(new[k // slots] * slots + k % slots, kind, key) for k, kind, key in search.keys],
            [(new[rowid], text) for rowid, text in search.texts],
            search.names,
            [(new[row[0]], *row[1:]) for row in search.duplicates],
        )
    sales = chunk.sales
    if sales is not None:
        sales = ([(new[row[0]], *row[1:]) for row in sales[0]], sales[1])
    return Chunk(renumbered, members, search, chunk.category_counts, sales)


def _write_chunk(db, chunk: Chunk, first: int, result: DemoResult) -> tuple[Chunk, list[int]]:
    """Write one chunk inside the load's transaction; returns it with the database's ids, and
    the ids of its customers."""
    customers = chunk.rows["customer"]
    ids = bulk_load.insert_customers(db, COLUMNS["customer"], customers)
    if ids != list(range(first, first + len(ids))):
        logger.info("customers %s… got other ids from the database: renumbered", first)
        chunk = _renumbered(chunk, first, ids)
    rows = chunk.rows
    result.key_persons += bulk_load.insert_rows(
        db, "key_person", COLUMNS["key_person"], rows["key_person"]
    )
    result.classifications += bulk_load.insert_rows(
        db, "customer_category", COLUMNS["customer_category"], rows["customer_category"]
    )
    result.visits += bulk_load.insert_rows(db, "visit", COLUMNS["visit"], rows["visit"])
    result.sale_lines += bulk_load.insert_rows(
        db, "sale_line", COLUMNS["sale_line"], rows["sale_line"]
    )
    if chunk.sales is not None:  # None: the summaries are rebuilt after the load
        sales_summary.insert_month_rows(db, chunk.sales[0])
    return chunk, ids


def generate(
    customers: int = 1000,
    *,
    seed: int = 2024,
    today: dt.date | None = None,
    user: User | None = None,
    job: Job | None = None,
) -> DemoResult:
    """Add `customers` demo customers with everything around them to the bound database.

    One write transaction: when `job` is cancelled (progress in customers, then the search
    keys of a non-empty database) `Cancelled` is raised and nothing of the load stays.
    """
    job = job or no_job()
    db = Customer._meta.database
    if user is None:
        user = auth.automatic_user() if User.select().exists() else auth.ensure_local_user()
    rights.check(user, rights.Action.DEMO)  # administrators: it adds users and a whole team
    result = DemoResult(customers)
    job.stage(CUSTOMERS_STAGE, customers)
    with bulk_load.session(db):
        write(db, lambda: _load(db, customers, seed, today or dt.date.today(), user, job, result))
    began, cpu = time.perf_counter(), _cpu()
    bulk_load.update_statistics(db)
    result.seconds["analyze"] = round(time.perf_counter() - began, 2)
    now = _cpu()
    result.cpu_seconds["analyze"] = round(now[0] - cpu[0], 2)
    result.worker_cpu_seconds["analyze"] = round(now[1] - cpu[1], 2)
    return result


def _load(
    db, customers: int, seed: int, today: dt.date, user: User, job: Job, result: DemoResult
) -> None:
    """The whole load, inside the caller's write transaction (run again from the start if
    `write` retries it)."""
    result.key_persons = result.classifications = result.visits = result.sale_lines = 0
    clock, cpu = time.perf_counter(), _cpu()

    def lap(name: str) -> None:
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), _cpu()
        result.seconds[name] = round(now - clock, 2)
        result.cpu_seconds[name] = round(now_cpu[0] - cpu[0], 2)
        result.worker_cpu_seconds[name] = round(now_cpu[1] - cpu[1], 2)
        clock, cpu = now, now_cpu

    empty = not Customer.select().exists()
    plan = make_plan(seed, today, user)
    first = bulk_load.first_customer_number()
    dropped = bulk_load.drop_indexes(db, BIG_TABLES, IN_ORDER_INDEXES) if empty else []
    if empty:  # a server's foreign keys: checked once per key after the load, not per row
        dropped += bulk_load.drop_foreign_keys(db, BIG_TABLES)
    count_triggers = tree_counts.drop_count_triggers(db)  # counts rebuilt once at the end
    summary_triggers = sales_summary.drop_triggers(db)  # summaries too
    if empty:  # the chunks bring their summary rows (lines of the old customers: none)
        sales_summary.clear(db)
    key_triggers = care_keys.drop_triggers(db)  # and the Today panel's keys
    members: list[tuple] = []
    known_names: set[str] = set()
    counts: Counter[tuple[int, int, str]] = Counter()  # category_count rows
    sums = sales_summary.Sums(plan.product_categories)  # from the chunks (empty database)
    summed = empty  # False once a chunk could not sum its sales: rebuilt after the load
    ids: list[int] = []  # of the new customers
    lap("setup")
    with contextlib.closing(chunks(plan, first, customers, with_keys=empty)) as generated_chunks:
        for generated in generated_chunks:
            chunk, chunk_ids = _write_chunk(db, generated, first + len(ids), result)
            if empty:  # keys and sums came with the rows; later loads use fill_for below
                search_index.insert_rows(chunk.search_rows, known_names)
                if chunk.sales is None:
                    summed = False
                elif summed:
                    sums.add(chunk.sales[1])
            ids += chunk_ids
            members += chunk.route_members
            counts.update(chunk.category_counts)
            job.progress(len(ids), customers)
    written = len(ids)
    lap("rows")
    job.stage(ROUTES_STAGE)
    result.routes, result.route_stops = write_routes(members, plan)
    lap("routes")
    job.stage(INDEXES_STAGE)
    bulk_load.create_indexes(db, dropped)
    # On an empty database the generated counts are the whole truth; otherwise they are
    # counted again from the links.
    tree_counts.restore_count_triggers(db, count_triggers, counts if empty else None)
    if summed:
        sales_summary.insert_sums(db, sums)
    sales_summary.restore_triggers(db, summary_triggers, recompute=not summed)
    care_keys.restore_triggers(db, key_triggers)
    if dropped:
        lap("indexes")
    result.customers = written
    if not empty:
        search_index.fill_for(ids, job)
        lap("search_keys")
    job.check()  # the last moment a cancel rolls everything back
    audit.record(user, "demo", None, None, f"{written} demo customers", seed=seed)
