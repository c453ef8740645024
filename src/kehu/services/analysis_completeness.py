"""Completeness per salesperson (档案健全度): how full each salesperson's dossiers are, and how
many are thin — for what the viewer's analyses cover (`analysis.owners_of`).

The figures are over active customers: their average stored completeness and how many are
below `low` (60 % unless told); customers whose completeness is not computed yet (an older
file being filled in the background) are counted apart and left out of the average. The
thinnest first: that is where a manager looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kehu.core.completeness import LOW
from kehu.core.i18n import N_, translate
from kehu.db import completeness
from kehu.db.models import User
from kehu.services import analysis

_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class OwnerRow:
    key: str  # owner:<id> (0: no owner)
    label: str
    customers: int
    average: Decimal | None  # percent, one decimal
    below: int
    below_share: Decimal  # percent of the computed customers, one decimal
    not_computed: int


@dataclass(frozen=True)
class Breakdown:
    low: int
    rows: list[OwnerRow]
    total: OwnerRow


def _tenth(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def _row(key: str, label: str, customers: int, computed: int, total: float, below: int):
    return OwnerRow(
        key,
        label,
        customers,
        _tenth(total / computed) if computed else None,
        below,
        _tenth(100 * below / computed) if computed else Decimal(0),
        customers - computed,
    )


def breakdown(viewer: User, low: int = LOW, lang: str = "en") -> Breakdown:
    """The breakdown per salesperson; refused without the analysis right."""
    owners = analysis.owners_of(viewer)
    figures = completeness.per_owner(owners, low)
    rows = [
        _row(
            f"owner:{f.owner_id or 0}",
            f.owner_name or translate(analysis.NO_OWNER, lang),
            f.customers,
            f.computed,
            (f.average or 0) * f.computed,
            f.below,
        )
        for f in figures
    ]
    rows.sort(key=lambda r: (r.average is None, r.average or 0, r.label))
    total = _row(
        "total",
        translate(N_("Total"), lang),
        sum(f.customers for f in figures),
        sum(f.computed for f in figures),
        sum((f.average or 0) * f.computed for f in figures),
        sum(f.below for f in figures),
    )
    return Breakdown(low, rows, total)


__all__ = ["Breakdown", "OwnerRow", "breakdown"]
