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
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import accumulate
from operator import itemgetter

from kehu.core import rights
from kehu.core.i18n import N_, translate
from kehu.core.periods import Period
from kehu.core.rights import Action, Scope
from kehu.db import categories, grade_steps
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


@dataclass
class AbcProposal:
    """The ranking and the grades it proposes. Customers with sales are listed one by one;
    the active customers without sales (all proposed C) only as counts per current grade,
    and are read one by one when the step is applied."""

    period: Period
    thresholds: tuple[int, int]
    scheme_id: int
    grade_categories: dict[str, int]  # A/B/C → category id
    grade_names: dict[int, str]  # category id → name
    total: int
    ranked: list[tuple[int, int]]  # (customer id, amount), highest first
    proposed: dict[int, str]  # customers with sales (and non-positive ones) → A/B/C
    current: dict[int, int | None]  # → their current grade category (None: no grade)
    owners: set[int] | None = None  # the viewer's visibility when proposed
    idle: dict[int | None, int] = field(default_factory=dict)  # no sales: current → customers
    counts: Counter = field(default_factory=Counter)  # A/B/C → customers
    amounts: Counter = field(default_factory=Counter)  # A/B/C → sales
    without_sales: int = 0

    def grade(self, customer_id: int) -> str:
        return self.proposed.get(customer_id, "C")

    def changes(self) -> dict[int, int]:
        """customer id → the grade category it would get, for the customers with sales whose
        grade changes (`idle_changes` reads the others)."""
        cats = self.grade_categories
        return {
            cid: cats[grade]
            for cid, grade in self.proposed.items()
            if self.current.get(cid) != cats[grade]
        }

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
        """(from name or "", to letter) → customers whose grade would change."""
        found: Counter = Counter()
        letters = {c: g for g, c in self.grade_categories.items()}
        for cid, category in self.changes().items():
            old = self.current.get(cid)
            found[(self.grade_names.get(old, "") if old else "", letters[category])] += 1
        for old, n in self.idle.items():
            if n > 0 and old != self.grade_categories["C"]:
                found[(self.grade_names.get(old, "") if old else "", "C")] += n
        return found

    def rows(self, limit: int | None = 200) -> list[AbcRow]:
        """The ranked customers with their cumulative share (the first `limit`)."""
        part = self.ranked if limit is None else self.ranked[:limit]
        names = q.customers_of([cid for cid, _a in part])
        found, running = [], 0
        for cid, amount in part:
            running += amount
            code, name, _owner, _status = names.get(cid, ("", "", None, ""))
            cumulative = (Decimal(running) * 100 / self.total).quantize(
                Decimal("0.1"), ROUND_HALF_UP
            )
            old = self.current.get(cid)
            found.append(
                AbcRow(
                    cid,
                    code,
                    name,
                    amount,
                    cumulative,
                    self.proposed[cid],
                    self.grade_names.get(old, "") if old else "",
                )
            )
        return found


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
    rows = q.graded_totals(period.first, period.last, owners, scheme.id)
    # Highest sales first, equal sales by id: two stable sorts with C-level keys (the rows
    # nearly come in id order, so the first one is cheap).
    ranked = [(cid, amount) for cid, amount, _g in rows if amount > 0]
    ranked.sort(key=itemgetter(0))
    ranked.sort(key=itemgetter(1), reverse=True)
    ids = [cid for cid, _a in ranked]
    cumulative = list(accumulate(amount for _c, amount in ranked))
    total = cumulative[-1] if cumulative else 0
    current = {cid: grade for cid, _amount, grade in rows}
    proposal = AbcProposal(
        period, (a, b), scheme.id, cats, names, total, ranked, {}, current, owners
    )
    # The grades are runs in rank order: A while the share before a customer is below a %,
    # i.e. before * 100 < a * total, i.e. before <= (a * total - 1) // 100.
    before = [0, *cumulative[:-1]]
    end_a = bisect_right(before, (a * total - 1) // 100) if total else 0
    end_b = max(end_a, bisect_right(before, (b * total - 1) // 100) if total else 0)
    for grade, start, end in (("A", 0, end_a), ("B", end_a, end_b), ("C", end_b, len(ids))):
        proposal.proposed.update(dict.fromkeys(ids[start:end], grade))
        proposal.counts[grade] = end - start
        low = cumulative[start - 1] if start else 0
        proposal.amounts[grade] = (cumulative[end - 1] - low) if end > start else 0
    for cid, amount, _grade in rows:
        if amount <= 0:  # returns outweigh purchases: no sales to rank
            proposal.proposed[cid] = "C"
            proposal.counts["C"] += 1
            proposal.without_sales += 1
    # The customers without sales: the active customers per grade (the trees' counts) less
    # those with sales.
    graded = q.active_grade_counts(owners, list(names))
    for grade, n in Counter(current.values()).items():
        if grade is not None and grade in graded:
            graded[grade] -= n
    idle_total = q.active_customer_count(owners) - len(rows)
    proposal.idle = {cid: n for cid, n in graded.items() if n > 0}
    proposal.idle[None] = idle_total - sum(proposal.idle.values())
    proposal.counts["C"] += idle_total
    proposal.without_sales += idle_total
    return proposal


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
