"""ABC / Pareto grading (DESIGN §1.6): rank the viewer's active customers by sales in a period,
propose a grade from the cumulative share, and apply the proposal to the 客户等级 scheme in one
step (a history entry per customer, one undo for the whole step).

The rule: customers are ranked by sales (highest first, equal sales by customer id); a
customer is A while the cumulative share *before* them is below the A threshold (so the
customer who crosses 80 % is still A, and one whose cumulative share is exactly 80 % is A),
B likewise below the B threshold, C the rest — also every customer without sales in the
period. The grade scheme's top-level categories in their order are A, B, C.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from kehu.core import rights
from kehu.core.i18n import N_, translate
from kehu.core.periods import Period
from kehu.core.rights import Action, Scope
from kehu.db import categories, grade_steps, sales_arrays
from kehu.db import sales_queries as q
from kehu.db.connection import write
from kehu.db.models import Customer, User
from kehu.services import audit, classification
from kehu.services.analysis import AnalysisError, owners_of, resolve_scheme

logger = logging.getLogger(__name__)

GRADES = ("A", "B", "C")
DEFAULT_THRESHOLDS = (80, 95)
GRADE_SCHEME = "grade"


def may_apply_grades(user: User) -> bool:
    """Applying a grading regrades the customers of a team at once: it takes the right to run
    analyses for the team's records (`Action.ANALYSIS` within TEAM: managers, admins)."""
    return rights.allowed(user, Action.ANALYSIS, Scope.TEAM)


@dataclass
class AbcRow:
    customer_id: int
    code: str
    name: str
    amount: int
    cumulative: Decimal  # percent, one decimal
    proposed: str  # A, B, C
    current: str  # the current grade's name, "" if none


_LETTER_CODES = {0: "A", 1: "B", 2: "C"}


@dataclass
class AbcProposal:
    """The ranking and the grades it proposes, held in arrays (a million customers: no
    Python object per customer until one is asked for). Customers with sales are those with
    a positive sum in the period, ascending by id with their proposed grade; customers whose
    returns outweigh their purchases are C; the active customers without sales (also C) only
    as counts per current grade, read one by one when the step is applied."""

    period: Period
    thresholds: tuple[int, int]
    scheme_id: int
    grade_categories: dict[str, int]  # A/B/C → category id
    grade_names: dict[int, str]  # category id → name
    total: int
    sales: sales_arrays.Totals  # customers with sales > 0, by id
    letters: np.ndarray  # their proposed grade: 0 A, 1 B, 2 C
    grades: np.ndarray  # their current grade category (0: none)
    ranked_amounts: np.ndarray  # the sales, highest first (the Pareto curve)
    others: np.ndarray  # ids of active customers with sales ≤ 0 in the period (C)
    other_grades: np.ndarray  # their current grade (0: none)
    owners: set[int] | None = None  # the viewer's visibility when proposed
    idle: dict[int | None, int] = field(default_factory=dict)  # no sales: current → customers
    counts: Counter = field(default_factory=Counter)  # A/B/C → customers
    amounts: Counter = field(default_factory=Counter)  # A/B/C → sales
    without_sales: int = 0

    @property
    def ranked_count(self) -> int:
        return len(self.sales)

    @property
    def ranked(self) -> list[tuple[int, int]]:
        """(customer id, amount) of every customer with sales, highest first."""
        order = sales_arrays.ranked_order(self.sales)
        return list(
            zip(self.sales.customer[order].tolist(), self.sales.amount[order].tolist(), strict=True)
        )

    @property
    def proposed(self) -> dict[int, str]:
        """customer id → A/B/C for the customers with rows in the period."""
        found = {
            cid: _LETTER_CODES[code]
            for cid, code in zip(self.sales.customer.tolist(), self.letters.tolist(), strict=True)
        }
        found.update(dict.fromkeys(self.others.tolist(), "C"))
        return found

    @property
    def current(self) -> dict[int, int | None]:
        """customer id → current grade category (None: none), same customers."""
        ids = np.concatenate((self.sales.customer, self.others)).tolist()
        grades = np.concatenate((self.grades, self.other_grades)).tolist()
        return {cid: grade or None for cid, grade in zip(ids, grades, strict=True)}

    def grade(self, customer_id: int) -> str:
        return self.proposed.get(customer_id, "C")

    def _new_categories(self) -> np.ndarray:
        cats = np.array([self.grade_categories[g] for g in GRADES], dtype=np.int64)
        return cats[self.letters]

    def changes(self) -> dict[int, int]:
        """customer id → the grade category it would get, for the customers with rows in the
        period whose grade changes (`idle_changes` reads the others)."""
        new = self._new_categories()
        moved = new != self.grades
        found = dict(zip(self.sales.customer[moved].tolist(), new[moved].tolist(), strict=True))
        c = self.grade_categories["C"]
        found.update(dict.fromkeys(self.others[self.other_grades != c].tolist(), c))
        return found

    def idle_changes(self) -> list[tuple[int, int | None]]:
        """(customer id, current grade) of the customers without sales that would become C."""
        return q.idle_customers(
            self.period.first,
            self.period.last,
            self.owners,
            self.scheme_id,
            self.grade_categories["C"],
        )

    def transitions(self) -> Counter:
        """(from name or "", to letter) → customers whose grade would change: counted per
        (current grade, proposed letter) in bins (the grades are few, the customers a
        million)."""
        found: Counter = Counter()
        cats = self.grade_categories

        def name(category: int) -> str:
            return self.grade_names.get(category, "") if category else ""

        olds, codes = _codes(self.grades)
        counts = np.bincount(codes * 3 + self.letters, minlength=3 * len(olds)).tolist()
        for i, before in enumerate(olds):
            for j, letter in enumerate(GRADES):
                if counts[3 * i + j] and before != cats[letter]:
                    found[(name(before), letter)] += counts[3 * i + j]
        others, codes = _codes(self.other_grades)
        for before, n in zip(others, np.bincount(codes).tolist(), strict=False):
            if n and before != cats["C"]:
                found[(name(before), "C")] += n
        for old, n in self.idle.items():
            if n > 0 and old != cats["C"]:
                found[(name(old) if old else "", "C")] += n
        return found

    def rows(self, limit: int | None = 200) -> list[AbcRow]:
        """The ranked customers with their cumulative share (the first `limit`)."""
        order = sales_arrays.ranked_order(self.sales, limit)
        ids = self.sales.customer[order].tolist()
        names = q.customers_of(ids)
        found, running = [], 0
        for index, cid, amount in zip(
            order.tolist(), ids, self.sales.amount[order].tolist(), strict=True
        ):
            running += amount
            code, name, _owner, _status = names.get(cid, ("", "", None, ""))
            cumulative = (Decimal(running) * 100 / self.total).quantize(
                Decimal("0.1"), ROUND_HALF_UP
            )
            old = int(self.grades[index])
            found.append(
                AbcRow(
                    cid,
                    code,
                    name,
                    amount,
                    cumulative,
                    _LETTER_CODES[int(self.letters[index])],
                    self.grade_names.get(old, "") if old else "",
                )
            )
        return found


def _codes(values: np.ndarray) -> tuple[list[int], np.ndarray]:
    """The distinct values (few: category ids) and each value's index among them, counted
    into bins instead of sorting a million values (np.unique beyond small ids)."""
    if not len(values):
        return [], np.zeros(0, dtype=np.int64)
    low, high = int(values.min()), int(values.max())
    if low < 0 or high > 1_000_000:
        distinct, codes = np.unique(values, return_inverse=True)
        return distinct.tolist(), codes
    present = np.flatnonzero(np.bincount(values))
    table = np.zeros(high + 1, dtype=np.int64)
    table[present] = np.arange(len(present))
    return present.tolist(), table[values]


def _held(grades: np.ndarray) -> dict[int, int]:
    """{category: customers} among these current grades (0: none)."""
    if not len(grades):
        return {}
    if int(grades.min()) < 0 or int(grades.max()) > 1_000_000:
        held, n = np.unique(grades, return_counts=True)
        return dict(zip(held.tolist(), n.tolist(), strict=True))
    counts = np.bincount(grades)
    present = np.flatnonzero(counts)
    return dict(zip(present.tolist(), counts[present].tolist(), strict=True))


def _grade_scheme(lang: str):
    scheme = resolve_scheme(GRADE_SCHEME)
    top = categories.top_level(scheme.id, lang)
    if len(top) < 3:
        raise AnalysisError(N_("The grade scheme needs three categories (A, B, C)"))
    names = categories.shown_names(lang, scheme.id)
    return scheme, {g: cid for g, (cid, _n) in zip(GRADES, top, strict=False)}, names


def _check_thresholds(thresholds: tuple[int, int]) -> tuple[int, int]:
    a, b = (int(t) for t in thresholds)
    if not 0 < a <= b <= 100:
        raise AnalysisError(
            N_("Thresholds must satisfy 0 < A ≤ B ≤ 100 (given {a} and {b})"), a=a, b=b
        )
    return a, b


def _first_in_rank(amounts: np.ndarray, ranked: np.ndarray, end: int) -> np.ndarray:
    """Which customers (in id order, with these amounts) are among the first `end` by rank
    (highest sales first, equal sales by id), given the amounts sorted highest first: all
    above the amount at rank `end`, and as many of those equal to it as fit, lowest ids."""
    if end <= 0:
        return np.zeros(len(amounts), dtype=bool)
    if end >= len(amounts):
        return np.ones(len(amounts), dtype=bool)
    edge = ranked[end - 1]
    inside = amounts > edge
    tied = np.flatnonzero(amounts == edge)
    inside[tied[: end - int(inside.sum())]] = True
    return inside


def propose(
    viewer: User,
    period: Period,
    thresholds: tuple[int, int] = DEFAULT_THRESHOLDS,
    lang: str = "en",
) -> AbcProposal:
    """Rank and grade the viewer's active customers by their sales in `period` (the current
    grades named for a reader in `lang`)."""
    a, b = _check_thresholds(thresholds)
    scheme, cats, names = _grade_scheme(lang)
    owners = owners_of(viewer)
    db = Customer._meta.database
    totals = sales_arrays.period_totals(db, period.first, period.last, owners)
    ids, amounts = totals.customer, totals.amount
    active = sales_arrays.is_active(sales_arrays.customer_status(db), ids)
    if not active.all():  # archived customers are not graded
        ids, amounts = ids[active], amounts[active]
    grades = sales_arrays.grade_of(sales_arrays.grades_by_customer(db, scheme.id), ids)
    positive = amounts > 0
    if positive.all():
        sales, kept_grades = sales_arrays.Totals(ids, amounts), grades
        others = other_grades = np.zeros(0, dtype=np.int64)
    else:
        sales, kept_grades = sales_arrays.Totals(ids[positive], amounts[positive]), grades[positive]
        others, other_grades = ids[~positive], grades[~positive]
    ranked = np.sort(sales.amount)[::-1]
    cumulative = np.cumsum(ranked)
    total = int(cumulative[-1]) if len(cumulative) else 0
    # The grades are runs in rank order: A while the share before a customer is below a %,
    # i.e. before * 100 < a * total, i.e. before <= (a * total - 1) // 100.
    before = cumulative - ranked
    end_a = int(np.searchsorted(before, (a * total - 1) // 100, side="right")) if total else 0
    end_b = (
        max(end_a, int(np.searchsorted(before, (b * total - 1) // 100, side="right")))
        if total
        else 0
    )
    letters = np.full(len(sales), 2, dtype=np.int64)
    letters[_first_in_rank(sales.amount, ranked, end_b)] = 1
    letters[_first_in_rank(sales.amount, ranked, end_a)] = 0
    proposal = AbcProposal(
        period,
        (a, b),
        scheme.id,
        cats,
        names,
        total,
        sales,
        letters,
        kept_grades,
        ranked,
        others,
        other_grades,
        owners,
    )
    for grade, start, end in (("A", 0, end_a), ("B", end_a, end_b), ("C", end_b, len(sales))):
        proposal.counts[grade] = end - start
        low = int(cumulative[start - 1]) if start else 0
        proposal.amounts[grade] = (int(cumulative[end - 1]) - low) if end > start else 0
    proposal.counts["C"] += len(proposal.others)  # returns outweigh purchases: no sales
    proposal.without_sales += len(proposal.others)
    # The customers without sales: the active customers per grade (the trees' counts) less
    # those with rows in the period.
    graded = q.active_grade_counts(owners, list(names))
    for grade, count in _held(grades).items():
        if grade and grade in graded:
            graded[grade] -= count
    idle_total = q.active_customer_count(owners) - len(ids)
    proposal.idle = {cid: n for cid, n in graded.items() if n > 0}
    proposal.idle[None] = idle_total - sum(proposal.idle.values())
    proposal.counts["C"] += idle_total
    proposal.without_sales += idle_total
    return proposal


def prepare(viewer: User) -> None:
    """Read what a ranking needs into memory (`kehu.db.sales_arrays`), so that the first ABC
    proposal, top customers or declines asked for do not wait for it: the window calls this
    in the background once the Analysis view has painted."""
    owners_of(viewer)  # the right to analyse
    db = Customer._meta.database
    sales_arrays.month_sales(db)
    sales_arrays.customer_status(db)
    sales_arrays.grades_by_customer(db, resolve_scheme(GRADE_SCHEME).id)


@dataclass
class AppliedStep:
    step_id: int
    changed: int


def apply(viewer: User, proposal: AbcProposal) -> AppliedStep:
    """Write the proposal's grades in one transaction: a history line per customer whose grade
    changes, one grade step remembering the grades it replaced (for `undo`), one audit entry."""
    rights.check(viewer, Action.ANALYSIS, Scope.TEAM)

    def run() -> AppliedStep:
        changes = proposal.changes()
        before = dict(proposal.current)
        for cid, old in proposal.idle_changes():
            changes[cid] = proposal.grade_categories["C"]
            before[cid] = old
        groups: dict[int, list[int]] = {}
        for cid, category in changes.items():
            groups.setdefault(category, []).append(cid)
        for category, ids in groups.items():
            classification.assign(ids, category, viewer)
        step = grade_steps.record_step(
            viewer.id,
            proposal.scheme_id,
            proposal.period.label(),
            f"{proposal.thresholds[0]},{proposal.thresholds[1]}",
            [(cid, before.get(cid), new) for cid, new in changes.items()],
        )
        audit.record(
            viewer,
            "apply_grades",
            "grade_step",
            step,
            proposal.period.label(),
            changed=len(changes),
            thresholds=list(proposal.thresholds),
        )
        return AppliedStep(step, len(changes))

    return write(Customer._meta.database, run)


@dataclass
class UndoneStep:
    step_id: int
    restored: int
    skipped: int  # customers regraded since the step: left as they are


def undo(viewer: User, step_id: int | None = None) -> UndoneStep:
    """Give back the grades one step replaced (the latest applied one by default). Customers
    whose grade was changed again since keep their newer grade."""
    rights.check(viewer, Action.ANALYSIS, Scope.TEAM)
    step = grade_steps.get_step(step_id)
    if step is None:
        raise AnalysisError(N_("No grading to undo"))
    if viewer.role != "admin" and step.user_id != viewer.id:
        raise AnalysisError(N_("You can only undo your own gradings"))

    def run() -> UndoneStep:
        changes = grade_steps.changes_of(step.id)
        now = grade_steps.grades_of(step.scheme_id, [cid for cid, _o, _n in changes])
        groups: dict[int | None, list[int]] = {}
        skipped = 0
        for cid, old, new in changes:
            if now.get(cid) != new:
                skipped += 1
                continue
            groups.setdefault(old, []).append(cid)
        for old, ids in groups.items():
            classification.assign(ids, old, viewer, step.scheme_id)
        grade_steps.set_status(step.id, grade_steps.UNDONE)
        restored = sum(len(ids) for ids in groups.values())
        audit.record(
            viewer, "undo_grades", "grade_step", step.id, None, restored=restored, skipped=skipped
        )
        return UndoneStep(step.id, restored, skipped)

    return write(Customer._meta.database, run)


def last_step_label(lang: str) -> str | None:
    """What the latest applied grading was (for an undo button), or None."""
    step = grade_steps.get_step(None)
    if step is None:
        return None
    return translate(
        N_("Grading of {period} ({n} customers)"), lang, period=step.period, n=step.customers
    )
