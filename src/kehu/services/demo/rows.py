"""One chunk of demo rows: customers and everything around them, from the seed and the chunk's
number alone (so the data is the same in a worker process or in this one)."""

from __future__ import annotations

import random

from kehu.db import search_index

from .activity import sale_rows, visit_rows
from .customers import category_counts, classification_rows, customer_rows, person_rows
from .plan import Chunk, Plan


def generate_chunk(
    plan: Plan, index: int, first: int, count: int, with_keys: bool = False
) -> Chunk:
    """The rows of `count` customers numbered from `first` on, and of everything around them.

    The other rows refer to a customer by its number (the id it will most likely get; see the
    package doc). With `with_keys` the search keys are computed here too (in the worker, in
    parallel).
    """
    rng = random.Random(plan.seed * 1_000_003 + index)
    customers, members, meta = customer_rows(plan, rng, first, count)
    rows = {
        "customer": customers,
        "key_person": person_rows(plan, rng, meta),
        "customer_category": classification_rows(plan, rng, meta),
        "visit": visit_rows(plan, rng, meta),
        "sale_line": sale_rows(plan, rng, meta),
    }
    chunk = Chunk(rows, members, category_counts=category_counts(rows["customer_category"], meta))
    if with_keys:
        chunk.search_rows = search_index.rows_for(
            [
                (m[0], c[0], c[1], c[2], c[3], c[6], c[4])
                for m, c in zip(meta, customers, strict=True)
            ],
            [(p[0], p[3], p[5], None) for p in rows["key_person"]],
        )
    return chunk
