"""趋势 (the dashboard): monthly sales over 24 months, the share of old, new and future
customers (客户阶段), customers whose sales fell (a list to visit), top customers and products.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehu.core.i18n import N_, translate
from kehu.core.periods import Period
from kehu.db import categories
from kehu.db import sales_queries as q
from kehu.db.models import User
from kehu.services.analysis import ShareTable, composition, owners_of, resolve_scheme

STAGE_SCHEME = "stage"
NO_PRODUCT = N_("(no product)")


@dataclass
class Decline:
    customer_id: int
    code: str
    name: str
    current: int
    previous: int

    @property
    def change_percent(self) -> float:
        return 100.0 * (self.current - self.previous) / self.previous


@dataclass
class Dashboard:
    period: Period
    months: list[tuple[int, int]]  # (month, amount), oldest first, 24 of them
    stage_months: dict[str, list[int]] = field(default_factory=dict)  # stage name → amounts
    stages: ShareTable | None = None  # old/new/future customers' shares in the period
    declines: list[Decline] = field(default_factory=list)
    drop_percent: int = 30
    top_customers: list[tuple[int, str, str, int]] = field(default_factory=list)
    top_products: list[tuple[str, str, int]] = field(default_factory=list)
    complete: bool = True  # False: the first paint, without declines and top customers


def dashboard(
    viewer: User,
    period: Period,
    *,
    months: int = 24,
    drop_percent: int = 30,
    top: int = 20,
    declines: int = 100,
    lang: str = "en",
    customers: bool = True,
) -> Dashboard:
    """The figures of the dashboard for `period` (the last month of the 24-month curve, the
    period compared with the one before it for the declines).

    `customers=False` leaves out what needs every customer's sales (the declines and the top
    customers): the first paint, from the summaries per category and product alone."""
    owners = owners_of(viewer)
    span = (period.last - months + 1, period.last)
    stage = resolve_scheme(STAGE_SCHEME)
    stage_cats = categories.top_level(stage.id, lang)
    monthly = q.monthly_sales(*span, owners, [0, *(cid for cid, _n in stage_cats)])
    board = Dashboard(
        period,
        [(m, monthly.get((0, m), 0)) for m in range(span[0], span[1] + 1)],
        drop_percent=drop_percent,
    )
    for cid, name in stage_cats:
        board.stage_months[name] = [monthly.get((cid, m), 0) for m in range(span[0], span[1] + 1)]
    board.stages = composition(viewer, period, STAGE_SCHEME, lang)
    for _pid, name, category, amount in q.top_products(period.first, period.last, owners, top):
        board.top_products.append((name or translate(NO_PRODUCT, lang), category or "", amount))
    board.complete = customers
    if not customers:
        return board
    before = period.previous()
    fell = q.declines(
        (period.first, period.last), (before.first, before.last), owners, drop_percent, declines
    )
    best = q.top_customers(period.first, period.last, owners, top)
    names = q.customers_of([row[0] for row in fell] + [row[0] for row in best])
    for cid, current, previous in fell:
        code, name, _o, _s = names.get(cid, ("", "", None, ""))
        board.declines.append(Decline(cid, code, name, current, previous))
    for cid, amount in best:
        code, name, _o, _s = names.get(cid, ("", "", None, ""))
        board.top_customers.append((cid, code, name, amount))
    return board
