"""Demo customers, their key persons and their classifications (worker side: no database).

Each function takes the chunk's `Plan` and random generator and returns plain row tuples in
the column order of `load.COLUMNS`; `customers` also returns the `meta` the others build on.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from itertools import accumulate

from stdnum.cn.uscc import _alphabet as USCC_ALPHABET  # the 31 characters of GB 32100

from kehu.core import demo_vocabulary as vocab
from kehu.core.fields import ACTIVE, customer_code
from kehu.core.schemes import REGION_SCHEME
from kehu.db.models import CUSTOMER_RECORD_COLUMNS

from .plan import ON_ROUTE_EVERY, Plan, days_before, days_from

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


def _annual_sales(number: int, grade: int, employees: int) -> int:
    """Annual sales in cents, by grade (deterministic from a random number)."""
    base = (400_000, 150_000, 60_000)[grade]
    return employees * (base + number % base) * 100


CUSTOMER_COLUMNS = (  # the columns of `customer_rows`, in order (no id: the database gives it)
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
    "filed_on",
    *CUSTOMER_RECORD_COLUMNS,
)


def customer_rows(plan: Plan, rng: random.Random, start_id: int, count: int):
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
    founded, since = days_from(FOUNDED_FROM, 13000), days_before(plan.today, 3650)
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
        uscc = _uscc(ci, int(random_() * 1_000_000_000))  # drawn in this order: same data
        founded_on = founded[int(random_() * 13000)]  # per seed as before
        trading_since = since[30 + int(random_() * 3620)]
        rows.append(
            (
                customer_code(cid),
                f"{city}{district}{brands[i]}{word}{suffix}",
                f"{brands[i]}{word}",
                uscc,
                place + street,
                f"{postal}{number % 1000:03d}",
                f"{area}-{local // 10 if area in SEVEN_DIGIT_AREAS else local}",
                round(lat, 5),
                round(lon, 5),
                founded_on,
                trading_since,
                vocab.ORG_FORM_BY_SUFFIX[suffix],
                industry,
                employees,
                _annual_sales(number, grade, employees),
                credit[i],
                (3 - grade) * 5_000_000,
                "visit",
                "trusted",
                trading_since,  # filed when trading started
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


PERSON_COLUMNS = (  # the columns of `person_rows`, in order
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
)


def person_rows(plan: Plan, rng: random.Random, meta: list[tuple]) -> list[tuple]:
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
    birthdays = days_from(BORN_FROM, 16000)
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


def classification_rows(plan: Plan, rng: random.Random, meta: list[tuple]) -> list[tuple]:
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


def category_counts(links: list[tuple], meta: list[tuple]) -> dict[tuple[int, int, str], int]:
    """The rows of `category_count` for these links (all customers are new and active)."""
    owner = {cid: owner_id for cid, _ci, owner_id, _grade, _industry in meta}
    return dict(Counter((category, owner[cid], ACTIVE) for cid, _scheme, category in links))
