"""Two years of visit reports and sale lines for a chunk's customers (worker side)."""

from __future__ import annotations

import random

from kehu.core import demo_vocabulary as vocab
from kehu.core.choices import DEFAULT_VISIT_KIND, VISIT_KINDS

from .plan import ON_ROUTE_EVERY, Plan, days_before, days_from

# Eight routine reports in ten; the other kinds share the rest (kinds from core.choices).
KIND_MIX = (DEFAULT_VISIT_KIND,) * 8 + tuple(
    kind.value for kind in VISIT_KINDS if kind.value != DEFAULT_VISIT_KIND
)
assert len(KIND_MIX) == 10


def visit_rows(plan: Plan, rng: random.Random, meta: list[tuple]) -> list[tuple]:
    """Two years of visit reports: customers on routes often, a third of the others once."""
    now, random_ = plan.now, rng.random
    past, coming = days_before(plan.today, 730), days_from(plan.today, 16)
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
                    KIND_MIX[r % 10],
                    vocab.VISIT_CONTENT[r % 8],
                    vocab.VISIT_FINDINGS[r % 6],
                    vocab.VISIT_NEXT[r % 6],
                    upcoming,
                    now,
                )
            )
    return rows


def sale_rows(plan: Plan, rng: random.Random, meta: list[tuple]) -> list[tuple]:
    """Sale lines over two years; grade A buys far more (so ABC analysis means something)."""
    by_category: dict[str, list[tuple[int, str, int]]] = {}
    for product in plan.products:
        by_category.setdefault(product[1], []).append(product)
    lines_per_grade = (6, 2, 1)
    random_, past = rng.random, days_before(plan.today, 730)
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
