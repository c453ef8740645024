"""Customer counts of the classification trees (a parent counts its sub-categories).

Counts go through the visibility builder. For a viewer who sees every owner, counting the
whole link table by its category index and subtracting the few hidden (archived) customers
is much cheaper than joining a million customers; other viewers join their own customers.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from peewee import fn

from kehu.db.models import Category, Customer, CustomerCategory, Scheme, User
from kehu.db.visibility import owner_filter, visible_customers

logger = logging.getLogger(__name__)


@dataclass
class TreeCounts:
    total: int  # customers the viewer sees in the list
    direct: dict[int, int] = field(default_factory=dict)  # category → its own customers
    rolled: dict[int, int] = field(default_factory=dict)  # category → with sub-categories
    unclassified: dict[int, int] = field(default_factory=dict)  # scheme → without category

    def of(self, category_id: int) -> int:
        return self.rolled.get(category_id, 0)


def _direct_counts(viewer: User, include_archived: bool) -> Counter[int]:
    link = CustomerCategory.category
    if owner_filter(viewer) is None:
        everything = CustomerCategory.select(link, fn.COUNT(link)).group_by(link).tuples()
        counts = Counter(dict(everything))
        if not include_archived:
            hidden = (
                CustomerCategory.select(link, fn.COUNT(link))
                .join(Customer, on=(CustomerCategory.customer == Customer.id))
                .where(Customer.status != "active")
                .group_by(link)
                .tuples()
            )
            counts.subtract(dict(hidden))
        return counts
    visible = visible_customers(viewer, Customer.id, include_archived=include_archived)
    query = (
        CustomerCategory.select(link, fn.COUNT(link))
        .where(CustomerCategory.customer.in_(visible))
        .group_by(link)
        .tuples()
    )
    return Counter(dict(query))


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
