"""The stored completeness of dossiers (`customer.completeness`, 档案健全度 in %).

The rule is `kehu.core.completeness.score`; this module reads its inputs (the counted columns,
the key persons' counted fields, the customer's categories in the counted schemes and its
stage) for a set of customers and writes the percent back.

- `refresh(ids)`: inside the write that changed these customers (card save, import, merge,
  classification…), so the stored value never lags the dossier.
- `fill(job, only_missing)`: every customer (or those still NULL), in batches of `BATCH`,
  each its own short write transaction (repair, and the background fill of an older file).

Reads are range scans on the primary key and the customer indexes of `key_person` and
`customer_category`; the write is one `executemany` per batch, only of values that changed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from peewee import Case, Database, fn

from kehu.core.completeness import (
    CUSTOMER_ITEMS,
    PERSON_ITEMS,
    SCHEME_KEYS,
    STAGE_SCHEME,
    Stage,
    filled,
    score,
    stage_of,
)
from kehu.core.fields import ACTIVE
from kehu.core.i18n import N_
from kehu.core.jobs import Job, no_job
from kehu.db.connection import write
from kehu.db.models import Category, Customer, Scheme, User

logger = logging.getLogger(__name__)

BATCH = 5000  # customers per write transaction in `fill`
_IN = 500  # ids per IN (…) list
STAGE = N_("Computing completeness")

_COLUMNS = tuple(i.field_name for i in CUSTOMER_ITEMS)
_PERSON_COLUMNS = tuple(i.field_name for i in PERSON_ITEMS)


@dataclass(frozen=True)
class Context:
    """What the scores need to know about the schemes: scheme id → key (counted schemes),
    category id → stage (the stage scheme's categories)."""

    scheme_keys: dict[int, str]
    stages: dict[int, Stage | None]
    stage_scheme: int | None


def context() -> Context:
    keys = {
        sid: key
        for sid, key in Scheme.select(Scheme.id, Scheme.key).tuples()
        if key in SCHEME_KEYS or key == STAGE_SCHEME
    }
    stage_scheme = next((sid for sid, key in keys.items() if key == STAGE_SCHEME), None)
    stages: dict[int, Stage | None] = {}
    if stage_scheme is not None:
        rows = list(
            Category.select(Category.id, Category.parent, Category.name, Category.builtin_key)
            .where(Category.scheme == stage_scheme)
            .order_by(Category.position, Category.id)
            .tuples()
        )
        top = [cid for cid, parent, _name, _key in rows if parent is None]
        for cid, parent, name, key in rows:
            if parent is None:
                stages[cid] = stage_of(name, top.index(cid), key)
        parents = {cid: parent for cid, parent, _name, _key in rows}
        for cid, parent, name, key in rows:
            if parent is not None:
                root = cid
                seen = set()
                while parents.get(root) is not None and root not in seen:
                    seen.add(root)
                    root = parents[root]
                stages[cid] = stage_of(name, None, key) or stages.get(root)
    return Context(keys, stages, stage_scheme)


def _db() -> Database:
    return Customer._meta.database


def _marks(db: Database, n: int) -> str:
    return ", ".join([db.param] * n)


def _compute(
    db: Database, ctx: Context, ids: str, params: Sequence[Any], also: str = ""
) -> list[tuple[int, int | None, int]]:
    """(id, stored percent, computed percent) of the customers whose id matches `ids` (an
    `IN (…)` or `BETWEEN … AND …` with `params`) and the extra customer condition `also`."""
    cols = ", ".join(f'c."{name}"' for name in _COLUMNS)
    customers = db.execute_sql(
        f'SELECT c."id", c."completeness", {cols} FROM "customer" c WHERE c."id" {ids}{also}',
        params,
    ).fetchall()
    if not customers:
        return []
    pcols = ", ".join(f'p."{name}"' for name in _PERSON_COLUMNS)
    persons = [
        (row[0], dict(zip(_PERSON_COLUMNS, row[1:], strict=True)))
        for row in db.execute_sql(
            f'SELECT p."customer_id", {pcols} FROM "key_person" p WHERE p."customer_id" {ids}',
            params,
        )
    ]
    links = db.execute_sql(
        f'SELECT l."customer_id", l."scheme_id", l."category_id" FROM "customer_category" l '
        f'WHERE l."customer_id" {ids}',
        params,
    ).fetchall()
    found = percents(
        ctx,
        ((row[0], dict(zip(_COLUMNS, row[2:], strict=True))) for row in customers),
        persons,
        links,
    )
    return [(row[0], row[1], found[row[0]]) for row in customers]


def percents(
    ctx: Context,
    customers: Iterable[tuple[int, Mapping[str, Any]]],
    persons: Iterable[tuple[int, Mapping[str, Any]]],
    links: Iterable[tuple[int, int, int]],
) -> dict[int, int]:
    """The completeness of customers given as plain rows (no database): (id, values by
    column name), (customer id, person values by column name), (customer id, scheme id,
    category id). The demo generator calls it in its worker processes."""
    by_customer: dict[int, list[Mapping[str, Any]]] = {}
    for cid, person in persons:
        by_customer.setdefault(cid, []).append(person)
    schemes, stages = _classified(ctx, links)
    return {
        cid: score(values, by_customer.get(cid, ()), schemes.get(cid, ()), stages.get(cid)).percent
        for cid, values in customers
    }


def _classified(
    ctx: Context, links: Iterable[tuple[int, int, int]]
) -> tuple[dict[int, set[str]], dict[int, Stage | None]]:
    """From (customer id, scheme id, category id) links: each customer's classified schemes
    (by key) and stage."""
    schemes: dict[int, set[str]] = {}
    stages: dict[int, Stage | None] = {}
    for cid, sid, category in links:
        key = ctx.scheme_keys.get(sid)
        if key is None:
            continue
        schemes.setdefault(cid, set()).add(key)
        if sid == ctx.stage_scheme:
            stages[cid] = ctx.stages.get(category)
    return schemes, stages


def percents_of_rows(
    ctx: Context,
    columns: Sequence[str],
    customers: Iterable[tuple[int, Sequence[Any]]],
    person_columns: Sequence[str],
    persons: Iterable[Sequence[Any]],
    links: Iterable[tuple[int, int, int]],
) -> dict[int, int]:
    """`percents` of customers given as tuples in the order of `columns` (id, row), their
    persons as tuples in the order of `person_columns` starting with the customer id, and
    their links: each distinct pattern of filled items is scored once by `score` (a bulk
    loader scores a million generated customers in seconds)."""
    fields = [(name, columns.index(name)) for name in _COLUMNS if name in columns]
    field_at = [at for _name, at in fields]
    person_fields = [(name, person_columns.index(name)) for name in _PERSON_COLUMNS]
    by_customer: dict[int, list[Sequence[Any]]] = {}
    for row in persons:
        by_customer.setdefault(row[0], []).append(row)
    schemes, stages = _classified(ctx, links)
    scored: dict[tuple, int] = {}
    found: dict[int, int] = {}
    no_persons: list[Sequence[Any]] = []
    for cid, row in customers:
        cells = [row[at] for at in field_at]  # `filled`, inlined: a million rows
        filled_fields = tuple(
            [v is not None and (not isinstance(v, str) or v.strip() != "") for v in cells]
        )
        own = by_customer.get(cid, no_persons)
        filled_persons = tuple([any(filled(p[at]) for p in own) for _name, at in person_fields])
        got = frozenset(schemes.get(cid, ()))
        pattern = (filled_fields, filled_persons, got, stages.get(cid))
        percent = scored.get(pattern)
        if percent is None:
            values = {name: 1 for (name, _at), f in zip(fields, filled_fields, strict=True) if f}
            person = {n: 1 for (n, _at), f in zip(person_fields, filled_persons, strict=True) if f}
            percent = scored[pattern] = score(values, [person], got, pattern[3]).percent
        found[cid] = percent
    return found


def _store(db: Database, computed: Iterable[tuple[int, int | None, int]]) -> int:
    changed = [(new, cid) for cid, old, new in computed if old != new]
    if changed:
        db.cursor().executemany(
            f'UPDATE "customer" SET "completeness" = {db.param} WHERE "id" = {db.param}', changed
        )
    return len(changed)


def refresh(customer_ids: Iterable[int], ctx: Context | None = None) -> int:
    """Compute and store the completeness of these customers; returns how many changed.

    Runs in the caller's write transaction when there is one (it should be: the one that
    changed the customers), otherwise in its own."""
    ids = sorted(set(customer_ids))
    if not ids:
        return 0
    db = _db()

    def run() -> int:
        context_ = ctx or context()
        changed = 0
        for start in range(0, len(ids), _IN):
            chunk = ids[start : start + _IN]
            clause = f"IN ({_marks(db, len(chunk))})"
            changed += _store(db, _compute(db, context_, clause, chunk))
        return changed

    return write(db, run)


def missing_count() -> int:
    """Customers whose completeness was never computed (NULL; an older file)."""
    return Customer.select().where(Customer.completeness.is_null()).count()


def fill(job: Job | None = None, only_missing: bool = False, batch: int = BATCH) -> int:
    """Compute every customer's completeness (or only the NULL ones), `batch` customers per
    write transaction, walking the id range; returns how many values changed. A cancel
    (`job`) keeps the batches already written: each is complete, and the rest stay as they
    were (NULL ones are found again next time)."""
    job = job or no_job()
    db = _db()
    ctx = context()
    base = Customer.select(Customer.id)
    if only_missing:
        base = base.where(Customer.completeness.is_null())
    total = base.count()
    job.stage(STAGE, total)
    if not total:
        return 0
    changed = done = 0
    after = 0
    null_test = ' AND c."completeness" IS NULL' if only_missing else ""
    clause = f"BETWEEN {db.param} AND {db.param}"
    while True:
        bounds = (
            base.where(Customer.id > after).order_by(Customer.id).limit(batch).tuples()
        )  # the ids of the next batch: its range
        ids = [cid for (cid,) in bounds]
        if not ids:
            break
        low, high = ids[0], ids[-1]

        def run(low: int = low, high: int = high) -> int:
            return _store(db, _compute(db, ctx, clause, (low, high), null_test))

        changed += write(db, run)
        done += len(ids)
        after = high
        job.progress(min(done, total), total)
    return changed


@dataclass(frozen=True)
class OwnerFigures:
    owner_id: int | None
    owner_name: str | None
    customers: int  # active customers
    computed: int  # of them with a stored completeness
    average: float | None  # over the computed ones
    below: int  # computed ones below the threshold


def per_owner(owner_ids: set[int] | None, low: int) -> list[OwnerFigures]:
    """Completeness per salesperson over their active customers (`owner_ids`: only these
    owners; None: all); one grouped scan of the customer table.

    The scan reads the table in row order: grouping on the (owner, status) index would look
    up every row's completeness at random, ten times slower at a million customers."""
    owner = fn.IFNULL(Customer.owner, 0)  # an expression: no index walk; 0 for no owner
    below = fn.SUM(Case(None, [(Customer.completeness < low, 1)], 0))
    query = (
        Customer.select(
            owner,
            fn.COUNT(Customer.id),
            fn.COUNT(Customer.completeness),
            fn.AVG(Customer.completeness),
            below,
        )
        .where(Customer.status.concat("") == ACTIVE)  # not the status index either
        .group_by(owner)
    )
    if owner_ids is not None:
        query = query.where(owner.in_(sorted(owner_ids)))
    figures = query.tuples()
    names = dict(User.select(User.id, User.display_name).tuples())
    return [
        OwnerFigures(
            oid or None,
            names.get(oid),
            n,
            computed,
            float(avg) if avg is not None else None,
            low_n or 0,
        )
        for oid, n, computed, avg, low_n in figures
    ]


__all__ = [
    "BATCH",
    "Context",
    "OwnerFigures",
    "context",
    "fill",
    "missing_count",
    "per_owner",
    "percents",
    "percents_of_rows",
    "refresh",
]
