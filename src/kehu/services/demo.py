"""Deterministic, realistic demo data, fast enough for a million customers.

Rows are generated in chunks of customers by a worker process (pure Python, no database) while
this process writes the previous chunk through `kehu.db.bulk_load`. A chunk's content depends
only on the seed and its number, so the data is the same however it is run. On an empty
database the indexes of the big tables are dropped during the load and rebuilt.

Ids come from the database: the generator numbers the customers from where the database will
most likely continue (`bulk_load.first_customer_number`), the customers are inserted without
an id and their ids read back by code; a chunk whose ids differ is renumbered before its other
rows are written. The whole load is one write transaction, so a cancelled (`job`) or failed
load leaves the database as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import marshal
import multiprocessing
import os
import random
import time
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from stdnum.cn.uscc import _alphabet as USCC_ALPHABET  # the 31 characters of GB 32100

from kehu.core import demo_vocabulary as vocab
from kehu.core.fields import ACTIVE, customer_code
from kehu.core.i18n import N_
from kehu.core.jobs import Cancelled, Job, no_job
from kehu.core.schemes import REGION_SCHEME
from kehu.db import bulk_load, search_index, tree_counts
from kehu.db.connection import write
from kehu.db.models import Category, Customer, Product, Scheme, User
from kehu.services import audit, auth

__all__ = [
    "CUSTOMERS_STAGE",
    "INDEXES_STAGE",
    "ROUTES_STAGE",
    "Cancelled",
    "DemoResult",
    "generate",
]

logger = logging.getLogger(__name__)

CHUNK = 25_000  # customers generated and written together
PARALLEL_FROM = 40_000  # smaller loads are generated in this process
BIG_TABLES = (
    "customer",
    "key_person",
    "customer_category",
    "route_stop",
    "visit",
    "sale_line",
    "search_key",
    "field_change",
)
IN_ORDER_INDEXES = {
    "customer_code",
    "key_person_customer_id",
    "visit_customer_id_visit_date",
    "sale_line_customer_id_sale_date",
}
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
SEVEN_DIGIT_AREAS = {"0530", "0592", "0771"}  # local numbers there have seven digits
CITY_WEIGHTS = (
    6,
    6,
    3,
    4,
    5,
    5,
    3,
    4,
    3,
    2,
    4,
    4,
    2,
    2,
    3,
    1,
    3,
    4,
    4,
    3,
    2,
    2,
    2,
    3,
    2,
    2,
    2,
    2,
    2,
    2,
)
MOBILE_PREFIXES = (
    "138",
    "139",
    "135",
    "136",
    "137",
    "150",
    "151",
    "158",
    "186",
    "187",
    "188",
    "189",
    "133",
    "177",
    "199",
)
PERSON_ROLES = ("owner", "manager", "legal", "purchasing", "finance", "other")
VISIT_KINDS = ("routine",) * 8 + ("urgent", "periodic")
ON_ROUTE_EVERY = 8  # one customer in eight is on a visiting route

COLUMNS = {
    "customer": (  # no id: the database gives it
        "code",
        "name",
        "short_name",
        "uscc",
        "address",
        "postal_code",
        "phone",
        "latitude",
        "longitude",
        "founded_on",
        "trading_since",
        "org_form",
        "industry",
        "employees",
        "annual_sales",
        "credit_status",
        "credit_limit",
        "source",
        "review_state",
        "owner_id",
        "status",
        "version",
        "created_by_id",
        "created_at",
        "updated_by_id",
        "updated_at",
        "custom_fields",
    ),
    "key_person": (
        "customer_id",
        "position",
        "role",
        "name",
        "title",
        "mobile",
        "birthday",
        "age",
        "education",
        "personality",
        "hobbies",
        "family",
        "created_at",
        "updated_at",
    ),
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


@dataclass(frozen=True)
class _Plan:
    """Everything a worker needs to generate a chunk; picklable."""

    seed: int
    today: dt.date
    now: str
    user_id: int
    team: tuple[int, ...]
    products: tuple[tuple[int, str, int], ...]  # (id, category, unit price in yuan)
    city_regions: tuple[int, ...]  # region category per city index
    schemes: dict[str, int]
    categories: dict[str, tuple[int, ...]]


@dataclass
class _Chunk:
    rows: dict[str, list[tuple]]
    route_members: list[tuple[int, int, int, float, float]]  # (number, city, owner, lat, lon)
    search_rows: search_index.SearchRows | None = None  # computed with the rows
    category_counts: dict[tuple[int, int, str], int] = field(default_factory=dict)


def _uscc_tables() -> tuple[list[int], ...]:
    """Weighted sums of three-digit chunks of the nine-digit organisation part."""
    tables = []
    for chunk in range(3):
        weights = USCC_WEIGHTS[8 + chunk * 3 : 11 + chunk * 3]
        tables.append(
            [sum(int(d) * w for d, w in zip(f"{n:03d}", weights, strict=True)) for n in range(1000)]
        )
    return tuple(tables)


_USCC_TABLES = _uscc_tables()
_USCC_PREFIX = {
    i: (
        "91" + c[4],
        sum(USCC_ALPHABET.index(ch) * w for ch, w in zip("91" + c[4], USCC_WEIGHTS, strict=False)),
    )
    for i, c in enumerate(vocab.CITIES)
}


def _uscc(city: int, org_number: int) -> str:
    prefix, total = _USCC_PREFIX[city]
    t0, t1, t2 = _USCC_TABLES
    total += t0[org_number // 1_000_000] + t1[(org_number // 1000) % 1000] + t2[org_number % 1000]
    return f"{prefix}{org_number:09d}{USCC_ALPHABET[(31 - total) % 31]}"


FOUNDED_FROM, BORN_FROM = dt.date(1985, 1, 1), dt.date(1955, 1, 1)


@lru_cache(maxsize=8)
def _days_from(start: dt.date, days: int) -> tuple[str, ...]:
    """ISO dates start, start + 1 day, …: indexing is far cheaper than date arithmetic."""
    return tuple((start + dt.timedelta(days=n)).isoformat() for n in range(days))


@lru_cache(maxsize=8)
def _days_before(end: dt.date, days: int) -> tuple[str, ...]:
    """ISO dates end, end - 1 day, …"""
    return tuple((end - dt.timedelta(days=n)).isoformat() for n in range(days))


def _annual_sales(number: int, grade: int, employees: int) -> int:
    """Annual sales in cents, by grade (deterministic from a random number)."""
    base = (400_000, 150_000, 60_000)[grade]
    return employees * (base + number % base) * 100


def generate_chunk(
    plan: _Plan, index: int, first: int, count: int, with_keys: bool = False
) -> _Chunk:
    """The rows of `count` customers numbered from `first` on, and of everything around them.

    The other rows refer to a customer by its number (the id it will most likely get; see the
    module doc). With `with_keys` the search keys are computed here too (in the worker, in
    parallel).
    """
    rng = random.Random(plan.seed * 1_000_003 + index)
    customers, members, meta = _customers(plan, rng, first, count)
    rows = {
        "customer": customers,
        "key_person": _persons(plan, rng, meta),
        "customer_category": _classifications(plan, rng, meta),
        "visit": _visits(plan, rng, meta),
        "sale_line": _sales(plan, rng, meta),
    }
    chunk = _Chunk(rows, members, category_counts=_category_counts(rows["customer_category"], meta))
    if with_keys:
        chunk.search_rows = search_index.rows_for(
            [(m[0], c[0], c[1], c[2], c[3], c[6]) for m, c in zip(meta, customers, strict=True)],
            [(p[0], p[3], p[5], None) for p in rows["key_person"]],
        )
    return chunk


def _customers(plan: _Plan, rng: random.Random, start_id: int, count: int):
    cities = vocab.CITIES
    cum = list(accumulate(CITY_WEIGHTS[: len(cities)]))
    city_idx = rng.choices(range(len(cities)), cum_weights=cum, k=count)
    brands = rng.choices(vocab.BRANDS, k=count)
    industry_idx = rng.choices(range(len(vocab.INDUSTRIES)), k=count)
    suffixes = rng.choices(vocab.SUFFIXES, k=count)
    grades = rng.choices((0, 1, 2), weights=(15, 35, 50), k=count)
    owners = rng.choices(plan.team, k=count)
    credit = rng.choices(("AAA", "AA", "A", "B", "C"), weights=(10, 25, 35, 20, 10), k=count)
    random_ = rng.random
    founded, since = _days_from(FOUNDED_FROM, 13000), _days_before(plan.today, 3650)
    rows, members, meta = [], [], []
    for i in range(count):
        cid = start_id + i
        ci = city_idx[i]
        province, city, area, postal, _region, lat, lon, districts = cities[ci]
        district = districts[int(random_() * len(districts))]
        word, industry, _category = vocab.INDUSTRIES[industry_idx[i]]
        suffix = suffixes[i]
        number = 10_000_000 + int(random_() * 89_999_999)
        local = 20_000_000 + number % 70_000_000
        lat += random_() * 0.24 - 0.12
        lon += random_() * 0.3 - 0.15
        street = f"{vocab.STREETS[number % len(vocab.STREETS)]}{number % 300 + 1}号"
        place = f"{city}市{district}区" if province == city else f"{province}省{city}市{district}区"
        employees = int(rng.paretovariate(1.2) * 8) + 3
        grade = grades[i]
        rows.append(
            (
                customer_code(cid),
                f"{city}{district}{brands[i]}{word}{suffix}",
                f"{brands[i]}{word}",
                _uscc(ci, int(random_() * 1_000_000_000)),
                place + street,
                f"{postal}{number % 1000:03d}",
                f"{area}-{local // 10 if area in SEVEN_DIGIT_AREAS else local}",
                round(lat, 5),
                round(lon, 5),
                founded[int(random_() * 13000)],
                since[30 + int(random_() * 3620)],
                vocab.ORG_FORM_BY_SUFFIX[suffix],
                industry,
                employees,
                _annual_sales(number, grade, employees),
                credit[i],
                (3 - grade) * 5_000_000,
                "visit",
                "trusted",
                owners[i],
                ACTIVE,
                1,
                plan.user_id,
                plan.now,
                plan.user_id,
                plan.now,
                "{}",
            )
        )
        meta.append((cid, ci, owners[i], grade, industry_idx[i]))
        if cid % ON_ROUTE_EVERY == 0:
            members.append((cid, ci, owners[i], round(lat, 5), round(lon, 5)))
    return rows, members, meta


def _persons(plan: _Plan, rng: random.Random, meta: list[tuple]) -> list[tuple]:
    counts = rng.choices((1, 2, 3, 4), weights=(25, 35, 25, 15), k=len(meta))
    total = sum(counts)
    surnames = rng.choices(vocab.SURNAMES, k=total)
    given = rng.choices(vocab.GIVEN, k=total)
    prefixes = rng.choices(MOBILE_PREFIXES, k=total)
    personality = rng.choices(vocab.PERSONALITIES, k=total)
    hobbies = rng.choices(vocab.HOBBIES, k=total)
    family = rng.choices(vocab.FAMILIES, k=total)
    education = rng.choices(("high", "college", "bachelor", "master"), k=total)
    random_ = rng.random
    year, now = plan.today.year, plan.now
    birthdays = _days_from(BORN_FROM, 16000)
    rows, k = [], 0
    for (cid, *_rest), n in zip(meta, counts, strict=True):
        for position in range(n):
            role = PERSON_ROLES[position] if position < 3 else PERSON_ROLES[3 + k % 3]
            born = birthdays[int(random_() * 16000)]
            titles = vocab.TITLES[role]
            rows.append(
                (
                    cid,
                    position,
                    role,
                    f"{surnames[k]}{given[k]}",
                    titles[k % len(titles)],
                    f"{prefixes[k]}{int(random_() * 100_000_000):08d}",
                    born,
                    year - int(born[:4]),
                    education[k],
                    personality[k],
                    hobbies[k],
                    family[k],
                    now,
                    now,
                )
            )
            k += 1
    return rows


def _classifications(plan: _Plan, rng: random.Random, meta: list[tuple]) -> list[tuple]:
    """Grade, region and nature for everyone; the other schemes for some customers."""
    s, c = plan.schemes, plan.categories
    n = len(meta)
    nature = rng.choices(c["nature"], weights=(3, 5, 70, 12, 10), k=n)
    stage = rng.choices(c["stage"], weights=(55, 30, 15), k=n)
    trade_state = rng.choices(c["trade_state"], weights=(20, 70, 10), k=n)
    trade_type = rng.choices(c["trade_type"], k=n)
    ownership = rng.choices(c["ownership"], weights=(5, 5, 50, 30, 10), k=n)
    location = rng.choices(c["location"], k=n)
    grade_ids, regions = c["grade"], plan.city_regions
    rows = []
    for i, (cid, ci, _owner, grade, _industry) in enumerate(meta):
        r = rng.random()
        rows.append((cid, s["grade"], grade_ids[grade]))
        rows.append((cid, s["nature"], nature[i]))
        rows.append((cid, s[REGION_SCHEME], regions[ci]))
        if r < 0.65:
            rows.append((cid, s["stage"], stage[i]))
        if r < 0.5:
            rows.append((cid, s["trade_state"], trade_state[i]))
        if r > 0.55:
            rows.append((cid, s["trade_type"], trade_type[i]))
        if r < 0.25:
            rows.append((cid, s["ownership"], ownership[i]))
        if r > 0.8:
            rows.append((cid, s["location"], location[i]))
    rows.sort()
    return rows


def _category_counts(links: list[tuple], meta: list[tuple]) -> dict[tuple[int, int, str], int]:
    """The rows of `category_count` for these links (all customers are new and active)."""
    owner = {cid: owner_id for cid, _ci, owner_id, _grade, _industry in meta}
    return dict(Counter((category, owner[cid], ACTIVE) for cid, _scheme, category in links))


def _visits(plan: _Plan, rng: random.Random, meta: list[tuple]) -> list[tuple]:
    """Two years of visit reports: customers on routes often, a third of the others once."""
    now, random_ = plan.now, rng.random
    past, coming = _days_before(plan.today, 730), _days_from(plan.today, 16)
    rows = []
    for cid, _ci, owner, _grade, _industry in meta:
        if cid % ON_ROUTE_EVERY == 0:
            visits = 3 + int(random_() * 6)
        else:
            visits = 1 if random_() < 1 / 3 else 0
        for number in range(visits):
            r = int(random_() * 1_000_000)
            upcoming = None
            if number == 0 and cid % ON_ROUTE_EVERY == 0 and r % 5 == 0:
                upcoming = coming[r % 16]
            rows.append(
                (
                    cid,
                    owner,
                    past[1 + r % 729],
                    VISIT_KINDS[r % 10],
                    vocab.VISIT_CONTENT[r % 8],
                    vocab.VISIT_FINDINGS[r % 6],
                    vocab.VISIT_NEXT[r % 6],
                    upcoming,
                    now,
                )
            )
    return rows


def _sales(plan: _Plan, rng: random.Random, meta: list[tuple]) -> list[tuple]:
    """Sale lines over two years; grade A buys far more (so ABC analysis means something)."""
    by_category: dict[str, list[tuple[int, str, int]]] = {}
    for product in plan.products:
        by_category.setdefault(product[1], []).append(product)
    lines_per_grade = (6, 2, 1)
    random_, past = rng.random, _days_before(plan.today, 730)
    rows = []
    for cid, _ci, _owner, grade, industry in meta:
        favourite = by_category[vocab.INDUSTRIES[industry][2]]
        for _ in range(lines_per_grade[grade]):
            r = int(random_() * 1_000_000_000)
            pid, category, price = (
                favourite[r % len(favourite)] if r % 3 else plan.products[r % len(plan.products)]
            )
            quantity = (r // 7) % (40 if grade == 0 else 12) + 1
            rows.append((past[r % 730], cid, pid, category, quantity, quantity * price * 100))
    return rows


# -- this process: reference data, writing, routes --------------------------------------------
def _ensure_team(user: User) -> tuple[int, ...]:
    manager = User.get_or_none(User.username == "demo.manager")
    if manager is None:
        manager = auth.create_user("demo.manager", "王经理", "manager", by=user)
    team = []
    for index, name in enumerate(("李明", "张丽", "陈强", "刘芳")):
        username = f"demo.sales{index + 1}"
        member = User.get_or_none(User.username == username)
        if member is None:
            member = auth.create_user(username, name, "salesperson", manager=manager, by=user)
        team.append(member.id)
    return tuple(team)


def _ensure_products() -> tuple[tuple[int, str, int], ...]:
    out = []
    for code, name, category, price in vocab.PRODUCTS:
        product = Product.get_or_none(Product.code == code)
        if product is None:
            product = Product.create(code=code, name=name, category=category, unit="件")
        out.append((product.id, category, price))
    return tuple(out)


def _ensure_regions() -> tuple[int, ...]:
    """The region tree 华东 > 浙江 > 杭州; returns the city category per city index."""
    scheme = Scheme.get_or_none(Scheme.key == REGION_SCHEME)
    if scheme is None:
        scheme = Scheme.create(key=REGION_SCHEME, name="区域", position=99)
    group_of = {p: g for g, provinces in vocab.REGION_GROUPS.items() for p in provinces}

    def node(name: str, parent: int | None, position: int) -> int:
        found = Category.get_or_none(
            Category.scheme == scheme, Category.name == name, Category.parent == parent
        )
        return (
            found or Category.create(scheme=scheme, parent=parent, name=name, position=position)
        ).id

    regions = []
    for index, (province, city, *_rest) in enumerate(vocab.CITIES):
        group = node(group_of[province], None, index)
        parent = node(province, group, index) if province != city else group
        regions.append(node(city, parent, index))
    return tuple(regions)


def _plan(seed: int, today: dt.date, user: User) -> _Plan:
    team = _ensure_team(user)
    products = _ensure_products()
    regions = _ensure_regions()
    schemes = {s.key: s.id for s in Scheme.select() if s.key}
    categories = {
        key: tuple(
            c.id
            for c in Category.select()
            .where(Category.scheme == scheme_id, Category.parent.is_null())
            .order_by(Category.position)
        )
        for key, scheme_id in schemes.items()
        if key != REGION_SCHEME
    }
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    return _Plan(seed, today, now, user.id, team, products, regions, schemes, categories)


def _chunks(plan: _Plan, start_id: int, customers: int, with_keys: bool) -> Iterator[_Chunk]:
    specs = deque(
        (i, start_id + i * CHUNK, min(CHUNK, customers - i * CHUNK), with_keys)
        for i in range((customers + CHUNK - 1) // CHUNK)
    )
    if customers >= PARALLEL_FROM:
        try:
            yield from _chunks_in_worker(plan, specs)
        except BrokenProcessPool:  # e.g. a frozen app without freeze_support
            logger.warning("demo worker process failed; generating in this process")
    while specs:
        yield generate_chunk(plan, *specs.popleft())


def _chunks_in_worker(plan: _Plan, specs: deque) -> Iterator[_Chunk]:
    """Generate ahead in a worker process; `specs` loses each chunk once it is yielded."""
    # As many workers as cores, at a lower priority: the writer (this process) is served
    # first and the workers fill every spare cycle.
    workers = max(1, min(2, os.cpu_count() or 1))
    context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_lower_priority
    ) as pool:
        pending: deque[Future] = deque()
        submitted = 0
        while submitted < len(specs) and len(pending) <= workers:
            pending.append(pool.submit(generate_packed_chunk, plan, *specs[submitted]))
            submitted += 1
        while pending:
            chunk = _unpack(pending.popleft().result())
            specs.popleft()
            submitted -= 1
            if submitted < len(specs):
                pending.append(pool.submit(generate_packed_chunk, plan, *specs[submitted]))
                submitted += 1
            try:
                yield chunk
            except GeneratorExit:
                for future in pending:
                    future.cancel()
                raise


def _lower_priority() -> None:
    with contextlib.suppress(AttributeError, OSError):  # no nice() on Windows: run as they are
        os.nice(10)


def generate_packed_chunk(
    plan: _Plan, index: int, start_id: int, count: int, with_keys: bool = False
) -> bytes:
    """`generate_chunk` for a worker process: the result travels as marshal bytes, which is
    about three times cheaper to make than a pickle of the same rows."""
    chunk = generate_chunk(plan, index, start_id, count, with_keys)
    search = chunk.search_rows
    keys = (search.keys, search.texts, search.names) if search is not None else None
    return marshal.dumps((chunk.rows, chunk.route_members, keys, chunk.category_counts))


def _unpack(data: bytes) -> _Chunk:
    rows, members, keys, counts = marshal.loads(data)
    search = search_index.SearchRows(*keys) if keys is not None else None
    return _Chunk(rows, members, search, counts)


def _renumbered(chunk: _Chunk, first: int, ids: list[int]) -> _Chunk:
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
        )
    return _Chunk(renumbered, members, search, chunk.category_counts)


def _write_chunk(db, chunk: _Chunk, first: int, result: DemoResult) -> tuple[_Chunk, list[int]]:
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
    return chunk, ids


def _routes(members: list[tuple[int, int, int, float, float]], plan: _Plan) -> tuple[int, int]:
    """Routes of up to 30 stops per salesperson and city, stops in a rough sweep order."""
    rng = random.Random(plan.seed)
    groups: dict[tuple[int, int], list[tuple]] = {}
    for member in members:
        groups.setdefault((member[1], member[2]), []).append(member)
    frequencies = ("weekly", "weekly", "weeks13", "weeks24", "month1", "month3")
    position = bulk_load.route_count()
    routes = stops_written = 0
    per_city: dict[int, int] = {}
    for (ci, owner), stops in sorted(groups.items()):
        city = vocab.CITIES[ci]
        stops.sort(key=lambda m: (round(m[3], 1), m[4]))
        for part in range(0, len(stops), 30):
            position += 1
            per_city[ci] = number = per_city.get(ci, 0) + 1
            route = {
                "region": plan.city_regions[ci],
                "name": f"{city[1]}{number}号线",
                "salesperson": owner,
                "start_address": f"{city[1]}市公司仓库",
                "start_latitude": city[5],
                "start_longitude": city[6],
                "weekdays": str(rng.randrange(1, 6)),
                "frequency": frequencies[position % 6],
                "position": position,
                "version": 1,
            }
            members_here = [m[0] for m in stops[part : part + 30]]
            bulk_load.insert_route(route, members_here)
            routes += 1
            stops_written += len(members_here)
    return routes, stops_written


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
    user = user or auth.ensure_local_user()
    result = DemoResult(customers)
    job.stage(CUSTOMERS_STAGE, customers)
    with bulk_load.session(db):
        write(db, lambda: _load(db, customers, seed, today or dt.date.today(), user, job, result))
    began = time.perf_counter()
    bulk_load.update_statistics(db)
    result.seconds["analyze"] = round(time.perf_counter() - began, 2)
    return result


def _load(
    db, customers: int, seed: int, today: dt.date, user: User, job: Job, result: DemoResult
) -> None:
    """The whole load, inside the caller's write transaction (run again from the start if
    `write` retries it)."""
    result.key_persons = result.classifications = result.visits = result.sale_lines = 0
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.seconds[name] = round(now - clock, 2)
        clock = now

    empty = not Customer.select().exists()
    plan = _plan(seed, today, user)
    first = bulk_load.first_customer_number()
    dropped = bulk_load.drop_indexes(db, BIG_TABLES, IN_ORDER_INDEXES) if empty else []
    count_triggers = tree_counts.drop_count_triggers(db)  # counts rebuilt once at the end
    members: list[tuple] = []
    known_names: set[str] = set()
    counts: Counter[tuple[int, int, str]] = Counter()  # category_count rows
    ids: list[int] = []  # of the new customers
    lap("setup")
    with contextlib.closing(_chunks(plan, first, customers, with_keys=empty)) as chunks:
        for number, generated in enumerate(chunks):
            chunk, chunk_ids = _write_chunk(db, generated, first + number * CHUNK, result)
            if empty:  # keys came with the rows; later loads use fill_for below
                search_index.insert_rows(chunk.search_rows, known_names)
            ids += chunk_ids
            members += chunk.route_members
            counts.update(chunk.category_counts)
            job.progress(len(ids), customers)
    written = len(ids)
    lap("rows")
    job.stage(ROUTES_STAGE)
    result.routes, result.route_stops = _routes(members, plan)
    lap("routes")
    job.stage(INDEXES_STAGE)
    bulk_load.create_indexes(db, dropped)
    # On an empty database the generated counts are the whole truth; otherwise they are
    # counted again from the links.
    tree_counts.restore_count_triggers(db, count_triggers, counts if empty else None)
    if dropped:
        lap("indexes")
    result.customers = written
    if not empty:
        search_index.fill_for(ids, job)
        lap("search_keys")
    job.check()  # the last moment a cancel rolls everything back
    audit.record(user, "demo", None, None, f"{written} demo customers", seed=seed)
