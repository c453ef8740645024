"""Deterministic, realistic demo data, fast enough for a million customers.

Rows are generated column by column with `random.choices` (C speed) and written with
`executemany` inside transactions of a few thousand rows; on an empty database the indexes of
the big tables are dropped during the load and rebuilt after it.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

from stdnum.cn.uscc import _alphabet as USCC_ALPHABET  # the 31 characters of GB 32100

from kehu.core import demo_vocabulary as vocab
from kehu.core.schemes import REGION_SCHEME
from kehu.db.connection import write
from kehu.db.models import Category, Customer, Product, Scheme, User
from kehu.services import audit, auth

logger = logging.getLogger(__name__)

BATCH = 20_000
SEVEN_DIGIT_AREAS = {"0530", "0592", "0771"}  # local numbers there have seven digits
BIG_TABLES = ("customer", "key_person", "customer_category", "route_stop", "visit", "sale_line",
              "search_key", "field_change")
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

Progress = Callable[[str, int, int], bool | None]  # (stage, done, total) → False cancels


class Cancelled(Exception):
    pass


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


def _uscc_tables() -> list[list[int]]:
    """Weighted sums of three-digit chunks of the nine-digit organisation part."""
    tables = []
    for chunk in range(3):
        weights = USCC_WEIGHTS[8 + chunk * 3: 11 + chunk * 3]
        tables.append([sum(int(d) * w for d, w in zip(f"{n:03d}", weights, strict=True))
                       for n in range(1000)])
    return tables


def _prefix_sum(prefix: str) -> int:
    return sum(USCC_ALPHABET.index(c) * w for c, w in zip(prefix, USCC_WEIGHTS, strict=False))


class _Generator:
    def __init__(self, db, user: User, seed: int, today: dt.date, progress: Progress | None):
        self.db = db
        self.conn = db.connection()
        self.user = user
        self.rng = random.Random(seed)
        self.today = today
        self.progress = progress
        self.uscc_tables = _uscc_tables()

    # -- plumbing -------------------------------------------------------------------------
    def report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None and self.progress(stage, done, total) is False:
            raise Cancelled()

    def insert(self, table: str, columns: tuple[str, ...], rows) -> int:
        marks = ", ".join("?" * len(columns))
        sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({marks})'
        count = 0
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                self._flush(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            self._flush(sql, batch)
            count += len(batch)
        return count

    def _flush(self, sql: str, batch: list[tuple]) -> None:
        def run() -> None:
            self.conn.executemany(sql, batch)

        write(self.db, run)

    # -- users, products, regions ---------------------------------------------------------
    def users(self) -> list[int]:
        manager = User.get_or_none(User.username == "demo.manager")
        if manager is None:
            manager = auth.create_user("demo.manager", "王经理", "manager", by=self.user)
        team = []
        for index, name in enumerate(("李明", "张丽", "陈强", "刘芳")):
            username = f"demo.sales{index + 1}"
            member = User.get_or_none(User.username == username)
            if member is None:
                member = auth.create_user(username, name, "salesperson", manager=manager,
                                          by=self.user)
            team.append(member.id)
        return team

    def products(self) -> list[tuple[int, str, int]]:
        out = []
        for code, name, category, price in vocab.PRODUCTS:
            product = Product.get_or_none(Product.code == code)
            if product is None:
                product = Product.create(code=code, name=name, category=category, unit="件")
            out.append((product.id, category, price))
        return out

    def regions(self) -> dict[str, int]:
        """Region tree 华东 > 浙江 > 杭州; returns city → category id."""
        scheme = Scheme.get_or_none(Scheme.key == REGION_SCHEME)
        if scheme is None:
            scheme = Scheme.create(key=REGION_SCHEME, name="区域", position=99)
        province_group = {p: g for g, ps in vocab.REGION_GROUPS.items() for p in ps}
        ids: dict[tuple, int] = {}

        def node(name: str, parent: int | None, position: int) -> int:
            key = (name, parent)
            if key not in ids:
                found = Category.get_or_none(Category.scheme == scheme, Category.name == name,
                                             Category.parent == parent)
                ids[key] = (found or Category.create(scheme=scheme, parent=parent, name=name,
                                                     position=position)).id
            return ids[key]

        cities = {}
        for index, (province, city, *_rest) in enumerate(vocab.CITIES):
            group = node(province_group[province], None, index)
            prov = node(province, group, index) if province != city else group
            cities[city] = node(city, prov, index)
        return cities

    # -- customers ------------------------------------------------------------------------
    def customers(self, count: int, team: list[int], start_id: int) -> list[tuple]:
        """Insert customers; returns (id, city index, owner, grade, lat, lon, industry)."""
        rng = self.rng
        n_cities = len(vocab.CITIES)
        # Bigger cities get more customers.
        weights = [6, 6, 3, 4, 5, 5, 3, 4, 3, 2, 4, 4, 2, 2, 3, 1, 3, 4, 4, 3, 2, 2, 2, 3, 2, 2,
                   2, 2, 2, 2][:n_cities]
        cum = list(accumulate(weights))
        city_idx = rng.choices(range(n_cities), cum_weights=cum, k=count)
        brands = rng.choices(vocab.BRANDS, k=count)
        industry_idx = rng.choices(range(len(vocab.INDUSTRIES)), k=count)
        suffixes = rng.choices(vocab.SUFFIXES, k=count)
        district_pick = [rng.random() for _ in range(count)]
        grades = rng.choices((0, 1, 2), weights=(15, 35, 50), k=count)
        owners = rng.choices(team, k=count)
        numbers = [rng.randrange(10_000_000, 99_999_999) for _ in range(count)]
        org = [rng.randrange(0, 1_000_000_000) for _ in range(count)]
        jitter = [(rng.uniform(-0.12, 0.12), rng.uniform(-0.15, 0.15)) for _ in range(count)]
        founded = [dt.date(1985, 1, 1) + dt.timedelta(days=rng.randrange(0, 13000))
                   for _ in range(count)]
        since_days = [rng.randrange(30, 3650) for _ in range(count)]
        credit = rng.choices(("AAA", "AA", "A", "B", "C"), weights=(10, 25, 35, 20, 10), k=count)
        employees = [int(rng.paretovariate(1.2) * 8) for _ in range(count)]
        uscc_prefix = {i: ("91" + c[4], _prefix_sum("91" + c[4]))
                       for i, c in enumerate(vocab.CITIES)}
        t0, t1, t2 = self.uscc_tables
        now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
        streets = vocab.STREETS
        rows = []
        meta = []
        for i in range(count):
            cid = start_id + i
            ci = city_idx[i]
            province, city, area, postal, _region, lat, lon, districts = vocab.CITIES[ci]
            district = districts[int(district_pick[i] * len(districts))]
            word, industry, _category = vocab.INDUSTRIES[industry_idx[i]]
            suffix = suffixes[i]
            name = f"{city}{district}{brands[i]}{word}{suffix}"
            org_number = org[i]
            prefix, prefix_total = uscc_prefix[ci]
            total = (prefix_total + t0[org_number // 1_000_000]
                     + t1[(org_number // 1000) % 1000] + t2[org_number % 1000])
            uscc = f"{prefix}{org_number:09d}{USCC_ALPHABET[(31 - total) % 31]}"
            number = numbers[i]
            local = 20_000_000 + number % 70_000_000
            phone = f"{area}-{local // 10 if area in SEVEN_DIGIT_AREAS else local}"
            dlat, dlon = jitter[i]
            street = streets[number % len(streets)]
            address = f"{province}省{city}市{district}区{street}{number % 300 + 1}号" \
                if province != city else f"{city}市{district}区{street}{number % 300 + 1}号"
            grade = grades[i]
            rows.append((
                cid, f"KH{cid:06d}", name, f"{brands[i]}{word}", uscc, address,
                f"{postal}{number % 1000:03d}", phone, f"{lat + dlat:.5f}", f"{lon + dlon:.5f}",
                founded[i].isoformat(),
                (self.today - dt.timedelta(days=since_days[i])).isoformat(),
                vocab.ORG_FORM_BY_SUFFIX[suffix], industry, employees[i] + 3,
                (employees[i] + 3) * rng_amount(number, grade), credit[i],
                (3 - grade) * 5_000_000, "visit", "trusted", owners[i], "active", 1, self.user.id,
                now, self.user.id, now, "{}",
            ))
            meta.append((cid, ci, owners[i], grade, lat + dlat, lon + dlon, industry_idx[i]))
        columns = ("id", "code", "name", "short_name", "uscc", "address", "postal_code", "phone",
                   "latitude", "longitude", "founded_on", "trading_since", "org_form", "industry",
                   "employees", "annual_sales", "credit_status", "credit_limit", "source",
                   "review_state", "owner_id", "status", "version", "created_by_id",
                   "created_at", "updated_by_id", "updated_at", "custom_fields")
        for start in range(0, count, BATCH):
            self.insert("customer", columns, rows[start:start + BATCH])
            self.report("customers", min(start + BATCH, count), count)
        return meta

    def persons(self, meta: list[tuple]) -> int:
        rng = self.rng
        roles = ("owner", "manager", "legal", "purchasing", "finance", "other")
        counts = rng.choices((1, 2, 3, 4), weights=(25, 35, 25, 15), k=len(meta))
        total = sum(counts)
        surnames = rng.choices(vocab.SURNAMES, k=total)
        given = rng.choices(vocab.GIVEN, k=total)
        mobiles = [rng.randrange(0, 100_000_000) for _ in range(total)]
        prefixes = rng.choices(("138", "139", "135", "136", "137", "150", "151", "158", "186",
                                "187", "188", "189", "133", "177", "199"), k=total)
        birthdays = [dt.date(1955, 1, 1) + dt.timedelta(days=rng.randrange(0, 16000))
                     for _ in range(total)]
        personality = rng.choices(vocab.PERSONALITIES, k=total)
        hobbies = rng.choices(vocab.HOBBIES, k=total)
        family = rng.choices(vocab.FAMILIES, k=total)
        education = rng.choices(("high", "college", "bachelor", "master"), k=total)
        now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
        year = self.today.year

        def rows():
            k = 0
            for (cid, *_rest), n in zip(meta, counts, strict=True):
                for position in range(n):
                    role = roles[position] if position < 3 else roles[3 + k % 3]
                    born = birthdays[k]
                    yield (cid, position, role, f"{surnames[k]}{given[k]}",
                           vocab.TITLES[role][k % len(vocab.TITLES[role])],
                           f"{prefixes[k]}{mobiles[k]:08d}", born.isoformat(), year - born.year,
                           education[k], personality[k], hobbies[k], family[k], now, now)
                    k += 1

        columns = ("customer_id", "position", "role", "name", "title", "mobile", "birthday",
                   "age", "education", "personality", "hobbies", "family", "created_at",
                   "updated_at")
        self.report("key persons", 0, total)
        inserted = self.insert("key_person", columns, rows())
        self.report("key persons", total, total)
        return inserted

    def classifications(self, meta: list[tuple], cities: dict[str, int]) -> int:
        rng = self.rng
        schemes = {s.key: s.id for s in Scheme.select() if s.key}
        cats: dict[str, list[int]] = {}
        for key, scheme_id in schemes.items():
            cats[key] = [c.id for c in Category.select().where(Category.scheme == scheme_id,
                                                                Category.parent.is_null())
                         .order_by(Category.position)]
        n = len(meta)
        picks = {
            "nature": rng.choices(range(len(cats["nature"])), weights=(3, 5, 70, 12, 10), k=n),
            "stage": rng.choices(range(len(cats["stage"])), weights=(55, 30, 15), k=n),
            "trade_state": rng.choices(range(len(cats["trade_state"])), weights=(20, 70, 10),
                                       k=n),
            "trade_type": rng.choices(range(len(cats["trade_type"])), k=n),
        }
        ownership = rng.choices(range(len(cats["ownership"])), weights=(5, 5, 50, 30, 10), k=n)
        location = rng.choices(range(len(cats["location"])), k=n)
        city_names = [c[1] for c in vocab.CITIES]
        extra = [rng.random() for _ in range(n)]

        def rows():
            for i, (cid, ci, _owner, grade, *_rest) in enumerate(meta):
                yield (cid, schemes["grade"], cats["grade"][grade])
                yield (cid, schemes[REGION_SCHEME], cities[city_names[ci]])
                for key, chosen in picks.items():
                    yield (cid, schemes[key], cats[key][chosen[i]])
                if extra[i] < 0.5:
                    yield (cid, schemes["ownership"], cats["ownership"][ownership[i]])
                if extra[i] > 0.4:
                    yield (cid, schemes["location"], cats["location"][location[i]])

        self.report("classifications", 0, n)
        inserted = self.insert("customer_category", ("customer_id", "scheme_id", "category_id"),
                               rows())
        self.report("classifications", n, n)
        return inserted

    def routes(self, meta: list[tuple], cities: dict[str, int]) -> tuple[int, int, list[tuple]]:
        """About one customer in eight is on a route of 15–40 stops, per owner and city."""
        rng = self.rng
        by_key: dict[tuple[int, int], list[tuple]] = {}
        for row in meta:
            cid, ci, owner, _grade, lat, lon, _ind = row
            if cid % 8 == 0:
                by_key.setdefault((ci, owner), []).append(row)
        route_rows, stop_rows, on_route = [], [], []
        next_route = (self.db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM route").fetchone()[0]
                      + 1)
        frequencies = ("weekly", "weekly", "weeks13", "weeks24", "month1", "month3")
        for (ci, owner), members in sorted(by_key.items()):
            city = vocab.CITIES[ci]
            members.sort(key=lambda r: (r[4], r[5]))
            for part in range(0, len(members), 30):
                chunk = members[part:part + 30]
                route_id = next_route
                next_route += 1
                weekday = rng.randrange(1, 6)
                route_rows.append((route_id, cities[city[1]], f"{city[1]}{part // 30 + 1}号线",
                                   owner, f"{city[1]}市公司仓库", city[5], city[6], str(weekday),
                                   frequencies[route_id % len(frequencies)], route_id, 1))
                for position, row in enumerate(chunk):
                    stop_rows.append((route_id, row[0], position + 1))
                    on_route.append((row[0], owner, route_id, weekday))
        self.insert("route", ("id", "region_id", "name", "salesperson_id", "start_address",
                              "start_latitude", "start_longitude", "weekdays", "frequency",
                              "position", "version"), route_rows)
        self.insert("route_stop", ("route_id", "customer_id", "position"), stop_rows)
        return len(route_rows), len(stop_rows), on_route

    def visits(self, meta: list[tuple], on_route: list[tuple]) -> int:
        """Two years of visit reports: route customers often, others now and then."""
        rng = self.rng
        today = self.today
        now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
        contents, findings, nexts = vocab.VISIT_CONTENT, vocab.VISIT_FINDINGS, vocab.VISIT_NEXT
        kinds = ("routine",) * 8 + ("urgent", "periodic")

        def rows():
            for cid, owner, _route, _weekday in on_route:
                for _ in range(rng.randrange(3, 9)):
                    day = today - dt.timedelta(days=rng.randrange(1, 730))
                    r = rng.randrange(1_000_000)
                    upcoming = (today + dt.timedelta(days=r % 21 - 5)).isoformat() \
                        if r % 10 == 0 else None
                    yield (cid, owner, day.isoformat(), kinds[r % 10], contents[r % 8],
                           findings[r % 6], nexts[r % 6], upcoming, now)
            sample = rng.sample(range(len(meta)), k=len(meta) // 3)
            for index in sample:
                cid, _ci, owner, *_rest = meta[index]
                day = today - dt.timedelta(days=rng.randrange(1, 730))
                r = rng.randrange(1_000_000)
                yield (cid, owner, day.isoformat(), kinds[r % 10], contents[r % 8],
                       findings[r % 6], nexts[r % 6], None, now)

        columns = ("customer_id", "salesperson_id", "visit_date", "kind", "content", "findings",
                   "next_step", "next_visit_on", "created_at")
        self.report("visits", 0, 1)
        inserted = self.insert("visit", columns, rows())
        self.report("visits", 1, 1)
        return inserted

    def sales(self, meta: list[tuple], products: list[tuple[int, str, int]]) -> int:
        """Sale lines over two years; grade A buys far more (so ABC analysis means something)."""
        rng = self.rng
        today = self.today
        by_category: dict[str, list[tuple[int, str, int]]] = {}
        for product in products:
            by_category.setdefault(product[1], []).append(product)
        lines_per_grade = (6, 2, 1)

        def rows():
            for cid, _ci, _owner, grade, _lat, _lon, industry in meta:
                favourite = by_category[vocab.INDUSTRIES[industry][2]]
                for _ in range(lines_per_grade[grade]):
                    r = rng.randrange(1_000_000_000)
                    pid, category, price = (favourite[r % len(favourite)] if r % 3 else
                                            products[r % len(products)])
                    quantity = (r // 7) % (40 if grade == 0 else 12) + 1
                    day = today - dt.timedelta(days=r % 730)
                    yield (day.isoformat(), cid, pid, category, quantity, quantity * price * 100)

        columns = ("sale_date", "customer_id", "product_id", "product_category", "quantity",
                   "amount")
        self.report("sales", 0, 1)
        inserted = self.insert("sale_line", columns, rows())
        self.report("sales", 1, 1)
        return inserted


def rng_amount(number: int, grade: int) -> int:
    """Annual sales in cents per employee, by grade (deterministic from a random number)."""
    base = (400_000, 150_000, 60_000)[grade]
    return (base + number % base) * 100


def _drop_indexes(db) -> list[str]:
    placeholders = ", ".join("?" * len(BIG_TABLES))
    rows = db.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({placeholders})", BIG_TABLES).fetchall()
    for name, _sql in rows:
        db.execute_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]


def generate(customers: int = 1000, *, seed: int = 2024, today: dt.date | None = None,
             user: User | None = None, progress: Progress | None = None) -> DemoResult:
    """Add `customers` demo customers with everything around them to the bound database."""
    db = Customer._meta.database
    user = user or auth.ensure_local_user()
    gen = _Generator(db, user, seed, today or dt.date.today(), progress)
    result = DemoResult(customers)
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.seconds[name] = round(now - clock, 2)
        clock = now

    empty = not Customer.select().exists()
    team = write(db, gen.users)
    products = write(db, gen.products)
    cities = write(db, gen.regions)
    start_id = (db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM customer").fetchone()[0] + 1)
    db.execute_sql("PRAGMA synchronous=OFF")
    db.execute_sql("PRAGMA cache_size=-200000")
    dropped = _drop_indexes(db) if empty else []
    try:
        lap("setup")
        meta = gen.customers(customers, team, start_id)
        lap("customers")
        result.key_persons = gen.persons(meta)
        lap("key_persons")
        result.classifications = gen.classifications(meta, cities)
        lap("classifications")
        result.routes, result.route_stops, on_route = gen.routes(meta, cities)
        lap("routes")
        result.visits = gen.visits(meta, on_route)
        lap("visits")
        result.sale_lines = gen.sales(meta, products)
        lap("sales")
    finally:
        for sql in dropped:
            db.execute_sql(sql)
        db.execute_sql("PRAGMA synchronous=NORMAL")
        lap("indexes")
    _fill_search_keys(progress)
    lap("search_keys")
    write(db, lambda: audit.record(user, "demo", None, None, f"{customers} demo customers",
                                   seed=seed))
    db.execute_sql("ANALYZE")
    lap("analyze")
    return result


def _fill_search_keys(progress: Progress | None) -> None:
    try:
        from kehu.services import search_index
    except ImportError:  # the search index arrives with the search feature
        logger.info("no search index module; search keys not filled")
        return
    search_index.rebuild_all(progress=progress)
