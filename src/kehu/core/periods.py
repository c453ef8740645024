"""Analysis periods in whole months, and shares that add up.

The sales summaries (schema 7) count sales per month, so a period is a range of months:
a month is the integer `year * 12 + month - 1` (2026-03 → 24314), the same number the
summary tables store. Dates given for a custom period are taken as their months.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kehu.core.i18n import N_, UserError

PRESETS = {
    "month": N_("This month"),
    "quarter": N_("This quarter"),
    "year": N_("This year"),
    "12m": N_("Last 12 months"),
    "custom": N_("Custom"),
}


class PeriodError(UserError):
    pass


def month_of(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_start(month: int) -> dt.date:
    return dt.date(month // 12, month % 12 + 1, 1)


def month_label(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


@dataclass(frozen=True)
class Period:
    first: int  # month number, inclusive
    last: int  # month number, inclusive

    @property
    def months(self) -> int:
        return self.last - self.first + 1

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.first - self.months, self.first - 1)

    def label(self) -> str:
        if self.first == self.last:
            return month_label(self.first)
        return f"{month_label(self.first)}..{month_label(self.last)}"

    @property
    def start(self) -> dt.date:
        return month_start(self.first)

    @property
    def end(self) -> dt.date:
        """The first day after the period."""
        return month_start(self.last + 1)


def preset(name: str, today: dt.date | None = None) -> Period:
    """This month, this quarter, this year or the last 12 months (this month included)."""
    now = month_of(today or dt.date.today())
    if name == "month":
        return Period(now, now)
    if name == "quarter":
        return Period(now - now % 12 % 3, now)
    if name == "year":
        return Period(now - now % 12, now)
    if name == "12m":
        return Period(now - 11, now)
    raise PeriodError(N_("Unknown period '{name}'"), name=name)


_MONTH = re.compile(r"^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?$")


def parse_month(text: str) -> int:
    """'2026-03', '2026-03-15', '2026/3', '2026年3月' → the month number."""
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise PeriodError(
            N_("'{text}' is not a month or a date (2026-03 or 2026-03-15)"), text=text
        )
    return int(found.group(1)) * 12 + int(found.group(2)) - 1


def custom(first: str | None, last: str | None, today: dt.date | None = None) -> Period:
    """From–to (either may be missing: from the start of last 12 months / to this month)."""
    default = preset("12m", today)
    period = Period(
        parse_month(first) if first else default.first, parse_month(last) if last else default.last
    )
    if period.first > period.last:
        raise PeriodError(N_("The period ends before it starts"))
    return period


def rounded_shares(amounts: list[int], decimals: int = 1) -> list[Decimal]:
    """Percent shares rounded to `decimals` places that add up to exactly 100 (largest
    remainder: the rounding left over goes to the largest remainders first). All zero → 0."""
    total = sum(amounts)
    if total <= 0:
        return [Decimal(0)] * len(amounts)
    unit = Decimal(1).scaleb(-decimals)
    scale = 100 * 10**decimals
    exact = [Decimal(a) * scale / total for a in amounts]
    floors = [int(x) for x in exact]
    left = scale - sum(floors)
    order = sorted(range(len(amounts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [(Decimal(f) * unit).quantize(unit, ROUND_HALF_UP) for f in floors]


def share(part: int, total: int) -> float:
    return 100.0 * part / total if total else 0.0
