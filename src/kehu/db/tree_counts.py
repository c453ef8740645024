"""Customer counts of the classification trees (a parent counts its sub-categories).

The table category_count (schema 4) holds the customers per category, owner and status and
is kept by triggers (SQLite triggers of schema 4; their definitions are read and dropped
through `kehu.db.dialect`), so the counts for a viewer are a small sum over the owners they see
(`kehu.db.visibility`), whatever the number of customers; customers shared with the viewer
from an owner they do not see are added by one small join over their shares. Bulk loads may drop the triggers
and rebuild the table afterwards (`drop_count_triggers`, `restore_count_triggers`).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from peewee import Database

from kehu.db.dialect import dialect, drop_named_triggers
from kehu.db.models import Category, Customer, Scheme, User
from kehu.db.shares import has_shares
from kehu.db.visibility import visible_customers, visible_owner_ids

logger = logging.getLogger(__name__)

ACTIVE = "active"


@dataclass
class TreeCounts:
    total: int  # customers the viewer sees in the list
    direct: dict[int, int] = field(default_factory=dict)  # category → its own customers
    rolled: dict[int, int] = field(default_factory=dict)  # category → with sub-categories
    unclassified: dict[int, int] = field(default_factory=dict)  # scheme → without category

    def of(self, category_id: int) -> int:
        return self.rolled.get(category_id, 0)


def _direct_counts(viewer: User, include_archived: bool) -> Counter[int]:
    db = Customer._meta.database
    where, params = [], []
    owners = visible_owner_ids(viewer)
    if owners is not None:
        where.append(f"owner_id IN ({', '.join([db.param] * len(owners))})")
        params += sorted(owners)
    if not include_archived:
        where.append(f"status = {db.param}")
        params.append(ACTIVE)
    sql = "SELECT category_id, SUM(n) FROM category_count"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = db.execute_sql(sql + " GROUP BY category_id", params)
    counted = Counter(dict(rows.fetchall()))
    if owners and has_shares(viewer.id):
        counted.update(_shared_counts(viewer, owners, include_archived))
    return counted


def _shared_counts(viewer: User, owners: set[int], include_archived: bool) -> Counter[int]:
    """The category links of the customers shared with `viewer` whose owner they do not see
    anyway (those are in category_count already): a share is one small join."""
    db = Customer._meta.database
    marks = ", ".join([db.param] * len(owners))
    sql = (
        "SELECT cc.category_id, COUNT(*) FROM customer_share s "
        "JOIN customer c ON c.id = s.customer_id "
        "JOIN customer_category cc ON cc.customer_id = c.id "
        f"WHERE s.user_id = {db.param} AND COALESCE(c.owner_id, 0) NOT IN ({marks})"
    )
    params: list = [viewer.id, *sorted(owners)]
    if not include_archived:
        sql += f" AND c.status = {db.param}"
        params.append(ACTIVE)
    rows = db.execute_sql(sql + " GROUP BY cc.category_id", params)
    return Counter(dict(rows.fetchall()))


_TRIGGER_PREFIX = "category_count_"
_REBUILD = (
    "INSERT INTO category_count (category_id, owner_id, status, n) "
    "SELECT cc.category_id, COALESCE(c.owner_id, 0), c.status, COUNT(*) "
    "FROM customer_category cc JOIN customer c ON c.id = cc.customer_id GROUP BY 1, 2, 3"
)


def drop_count_triggers(db: Database) -> list[str]:
    """Drop the counting triggers before a bulk load; returns their SQL for
    `restore_count_triggers`."""
    return drop_named_triggers(db, _TRIGGER_PREFIX)


def restore_count_triggers(
    db: Database, triggers: list[str], counts: Mapping[tuple[int, int, str], int] | None = None
) -> None:
    """After a bulk load: store the counts (given by a loader that knows them all, or counted
    again in one statement) and recreate the triggers."""
    if counts is None:
        rebuild_counts(db)
    else:
        with db.atomic():
            db.execute_sql("DELETE FROM category_count")
            dialect(db).copy_rows(
                db,
                "category_count",
                ("category_id", "owner_id", "status", "n"),
                [(*key, n) for key, n in counts.items()],
            )
    for sql in triggers:
        db.execute_sql(sql)


@contextmanager
def count_triggers_dropped(db: Database) -> Iterator[None]:
    """The triggers are dropped inside the block and restored after it (also on errors)."""
    triggers = drop_count_triggers(db)
    try:
        yield
    finally:
        restore_count_triggers(db, triggers)


def rebuild_counts(db: Database) -> None:
    """Count every category again from the links (one INSERT … SELECT … GROUP BY)."""
    with db.atomic():
        db.execute_sql("DELETE FROM category_count")
        db.execute_sql(_REBUILD)


def _roll_up(direct: Counter[int]) -> tuple[dict[int, int], dict[int, int]]:
    """Rolled counts per category, and classified customers per scheme."""
    parents: dict[int, int | None] = {}
    schemes: dict[int, int] = {}
    for cid, parent, scheme in Category.select(
        Category.id, Category.parent, Category.scheme
    ).tuples():
        parents[cid] = parent
        schemes[cid] = scheme
    rolled: dict[int, int] = dict.fromkeys(parents, 0)
    per_scheme: dict[int, int] = {}
    for cid, number in direct.items():
        if cid not in parents or number <= 0:
            continue
        per_scheme[schemes[cid]] = per_scheme.get(schemes[cid], 0) + number
        seen: set[int] = set()
        node: int | None = cid
        while node is not None and node not in seen:  # a cycle must not hang the UI
            seen.add(node)
            rolled[node] += number
            node = parents.get(node)
    return rolled, per_scheme


def tree_counts(viewer: User, include_archived: bool = False) -> TreeCounts:
    total = visible_customers(viewer, Customer.id, include_archived=include_archived).count()
    direct = _direct_counts(viewer, include_archived)
    rolled, per_scheme = _roll_up(direct)
    unclassified = {
        sid: total - per_scheme.get(sid, 0) for (sid,) in Scheme.select(Scheme.id).tuples()
    }
    return TreeCounts(
        total=total,
        direct={k: v for k, v in direct.items() if v > 0},
        rolled=rolled,
        unclassified=unclassified,
    )
