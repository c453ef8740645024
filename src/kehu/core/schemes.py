"""The default classification schemes of a new database (from the seed's 客户分类).

Classification is data: these are only the rows a new database starts with. Names are taken
in the language of the user who creates the database; existing data is never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehu.core.i18n import N_


@dataclass(frozen=True)
class DefaultScheme:
    key: str
    name: str  # English source (N_), stored translated into the creator's language
    categories: tuple[str, ...]  # English sources (N_)


DEFAULT_SCHEMES: tuple[DefaultScheme, ...] = (
    DefaultScheme(
        "nature",
        N_("Nature"),
        (
            N_("Government body"),
            N_("Special company"),
            N_("Ordinary company"),
            N_("Individual customer"),
            N_("Trading partner"),
        ),
    ),
    DefaultScheme(
        "ownership",
        N_("Ownership"),
        (
            N_("State-owned"),
            N_("Collectively owned"),
            N_("Individually owned"),
            N_("Joint-stock"),
            N_("Jointly owned"),
        ),
    ),
    DefaultScheme(
        "trade_type",
        N_("Trade type"),
        (
            N_("Wholesaler"),
            N_("Retailer"),
            N_("Agent"),
            N_("Authorised dealer"),
            N_("Chain store"),
            N_("Specialty store"),
        ),
    ),
    DefaultScheme(
        "location",
        N_("Location"),
        (
            N_("Shopping centre"),
            N_("Transport hub"),
            N_("Residential area"),
            N_("Other location"),
        ),
    ),
    DefaultScheme(
        "grade",
        N_("Grade"),
        (
            N_("Key customer (A)"),
            N_("Regular customer (B)"),
            N_("Occasional customer (C)"),
        ),
    ),
    DefaultScheme(
        "stage",
        N_("Stage"),
        (
            N_("Established customer"),
            N_("New customer"),
            N_("Prospective customer"),
        ),
    ),
    DefaultScheme(
        "trade_state",
        N_("Trade state"),
        (
            N_("Traded before"),
            N_("Trading now"),
            N_("About to trade"),
        ),
    ),
    DefaultScheme("region", N_("Region"), ()),
)

# The grade scheme's categories in order A, B, C: ABC grading proposes into these.
GRADE_SCHEME = "grade"
# Visit cadence in days of the grade categories by position (A 主力, B 一般, C 零散): care by
# grade (issue 15); editable per category, None for none.
GRADE_VISIT_DAYS = (7, 14, 30)
REGION_SCHEME = "region"
