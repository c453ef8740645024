"""One chunk of demo rows: customers and everything around them, from the seed and the chunk's
number alone (so the data is the same in a worker process or in this one)."""

from __future__ import annotations

import random

from kehu.core.completeness import STAGE_SCHEME, STAGES
from kehu.core.search_keys import sort_columns
from kehu.db import completeness, sales_summary, search_index

from .activity import sale_rows, visit_rows
from .customers import (
    CUSTOMER_COLUMNS,
    PERSON_COLUMNS,
    category_counts,
    classification_rows,
    customer_rows,
    person_rows,
)
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
    persons = person_rows(plan, rng, meta)
    links = classification_rows(plan, rng, meta)
    rows = {
        "customer": _with_completeness(plan, customers, meta, persons, links),
        "key_person": persons,
        "customer_category": links,
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
            sorts=False,  # written with the customer rows
        )
        chunk.sales = _sales(plan, rows, meta)
    return chunk


def _sales(
    plan: Plan, rows: dict[str, list[tuple]], meta: list[tuple]
) -> tuple[list[tuple], dict[str, list[bytes]]] | None:
    """The chunk's sales summary rows (its customers are new: only their own lines count)."""
    return sales_summary.rows_for(
        [(d, c, p, pc, amount) for d, c, p, pc, _quantity, amount in rows["sale_line"]],
        {m[0]: m[2] for m in meta},
        [(cid, category) for cid, _scheme, category in rows["customer_category"]],
        plan.product_categories,
    )


def _with_completeness(
    plan: Plan, customers: list[tuple], meta: list[tuple], persons: list[tuple], links: list
) -> list[tuple]:
    """The customer rows with their completeness (档案健全度) and the names' sort keys
    appended, the completeness scored here from the generated rows (the stage by the
    category's place: the plan's categories are in order)."""
    stage_ids = plan.categories.get(STAGE_SCHEME, ())
    ctx = completeness.Context(
        {sid: key for key, sid in plan.schemes.items()},
        {cid: STAGES[i] for i, cid in enumerate(stage_ids) if i < len(STAGES)},
        plan.schemes.get(STAGE_SCHEME),
    )
    found = completeness.percents_of_rows(
        ctx,
        CUSTOMER_COLUMNS,
        ((m[0], c) for m, c in zip(meta, customers, strict=True)),
        PERSON_COLUMNS,
        persons,
        links,
    )
    return [
        (*c, found[m[0]], *sort_columns(c[1], c[2])) for m, c in zip(meta, customers, strict=True)
    ]
