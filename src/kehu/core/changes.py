"""What a write changed, so that the views can refresh what concerns them (and only that).

Every user action that writes (`kehu.ui.operations.*`) returns a `Changes`; one hub hands it
to the views. Values combine with `|`. `Changes.everything()` stands for "anything may have
changed": another user's commit, an import, demo data, F5.

The value is plain data (ids and flags) and knows nothing of Qt, so it can be built on a
worker thread and tested alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Which parts of the data one write changed."""

    customers: frozenset[int] = frozenset()  # dossiers created, saved, archived, restored
    visits: frozenset[int] = frozenset()  # customers whose visit reports changed
    category_tree: bool = False  # schemes/categories added, renamed, moved, merged, removed
    classification: bool = False  # which customers are in which category (tree counts)
    routes: bool = False  # routes, regions, stops and their order
    users: bool = False  # user accounts (salespeople lists)
    all: bool = False  # anything may have changed: read everything again

    @classmethod
    def everything(cls) -> Changes:
        return cls(all=True)

    @classmethod
    def of_customers(cls, ids: Iterable[int], *, classification: bool = False) -> Changes:
        return cls(customers=frozenset(int(i) for i in ids), classification=classification)

    @classmethod
    def of_visits(cls, customer_ids: Iterable[int]) -> Changes:
        return cls(visits=frozenset(int(i) for i in customer_ids))

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(
            customers=self.customers | other.customers,
            visits=self.visits | other.visits,
            category_tree=self.category_tree or other.category_tree,
            classification=self.classification or other.classification,
            routes=self.routes or other.routes,
            users=self.users or other.users,
            all=self.all or other.all,
        )

    def __bool__(self) -> bool:
        return self != NOTHING

    # -- what a view asks
    @property
    def customers_changed(self) -> bool:
        """Customers were created, saved, archived or restored (the list re-reads)."""
        return self.all or bool(self.customers)

    def touches_customer(self, customer_id: int | None) -> bool:
        """Something shown on this customer's card changed (dossier or visits)."""
        return self.all or (
            customer_id is not None
            and (customer_id in self.customers or customer_id in self.visits)
        )

    @property
    def tree_changed(self) -> bool:
        """The classification trees themselves changed (rebuild them)."""
        return self.all or self.category_tree

    @property
    def counts_changed(self) -> bool:
        """The number of customers per category may differ."""
        return self.all or self.category_tree or self.classification or bool(self.customers)

    @property
    def classification_changed(self) -> bool:
        """Which customer is in which category may differ (a category filter re-reads)."""
        return self.all or self.category_tree or self.classification

    @property
    def routes_changed(self) -> bool:
        return self.all or self.routes

    @property
    def visits_changed(self) -> bool:
        return self.all or bool(self.visits)

    @property
    def users_changed(self) -> bool:
        return self.all or self.users

    def with_(self, **values: object) -> Changes:
        return replace(self, **values)  # type: ignore[arg-type]


NOTHING = Changes()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A write's result when the caller needs a value too (a new id, an undo record)."""

    value: T
    changes: Changes = field(default=NOTHING)


def changes_of(result: object) -> Changes:
    """The `Changes` of a write's result: a `Changes`, an `Outcome`, or nothing (None)."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, Outcome):
        return result.changes
    if result is None:
        return NOTHING
    raise TypeError(f"a write returns Changes or Outcome, not {type(result).__name__}")


def value_of(result: object) -> object:
    """The value of an `Outcome` (a plain `Changes` has none: None)."""
    return result.value if isinstance(result, Outcome) else None


__all__ = ["NOTHING", "Changes", "Outcome", "changes_of", "value_of"]
