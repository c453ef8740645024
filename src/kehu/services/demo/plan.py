"""What a chunk of demo rows is generated from (`Plan`) and what it holds (`Chunk`).

Both are plain data that travel to worker processes; nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from kehu.db import search_index

ON_ROUTE_EVERY = 8  # one customer in eight is on a visiting route


@dataclass(frozen=True)
class Plan:
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

    @property
    def product_categories(self) -> tuple[str, ...]:
        """The products' categories, in order: how the summary sums number them."""
        return tuple(sorted({category for _id, category, _price in self.products}))


@dataclass
class Chunk:
    rows: dict[str, list[tuple]]
    route_members: list[tuple[int, int, int, float, float]]  # (number, city, owner, lat, lon)
    search_rows: search_index.SearchRows | None = None  # computed with the rows
    category_counts: dict[tuple[int, int, str], int] = field(default_factory=dict)
    # with the keys (a load into an empty database): the rows of the sales summaries
    # (`kehu.db.sales_summary.rows_for`: sales_month rows, packed sales_summary and
    # product_month sums; None: the summaries are rebuilt after the load)
    sales: tuple[list[tuple], dict[str, list[bytes]]] | None = None


@lru_cache(maxsize=8)
def days_from(start: dt.date, days: int) -> tuple[str, ...]:
    """ISO dates start, start + 1 day, …: indexing is far cheaper than date arithmetic."""
    return tuple((start + dt.timedelta(days=n)).isoformat() for n in range(days))


@lru_cache(maxsize=8)
def days_before(end: dt.date, days: int) -> tuple[str, ...]:
    """ISO dates end, end - 1 day, …"""
    return tuple((end - dt.timedelta(days=n)).isoformat() for n in range(days))
