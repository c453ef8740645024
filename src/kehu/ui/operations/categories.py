"""User actions on the classification trees: classify customers (one or a selection), add,
rename, move and merge categories, and undo. Each returns the undo record with what changed;
the caller keeps the record on the session's undo stack (Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Sequence

from kehu.core.changes import Changes, Outcome
from kehu.db.models import User
from kehu.services import classification

Undoable = Outcome[classification.Change]

_TREE = Changes(category_tree=True)


def classify(
    user: User, customer_ids: Sequence[int], category_id: int | None, scheme_id: int
) -> Undoable:
    """Put customers in a category of a scheme (None: take them out of that scheme)."""
    change = classification.classify(list(customer_ids), category_id, user, scheme_id)
    return Outcome(change, Changes.of_customers(customer_ids, classification=True))


def add(user: User, scheme_id: int, name: str, parent_id: int | None = None) -> Undoable:
    return Outcome(classification.add(scheme_id, name, user, parent_id), _TREE)


def rename(user: User, category_id: int, name: str) -> Undoable:
    return Outcome(classification.rename(category_id, name, user), _TREE)


def move(user: User, category_id: int, new_parent: int | None) -> Undoable:
    return Outcome(classification.move(category_id, new_parent, user), _TREE)


def merge(user: User, source_id: int, target_id: int) -> Undoable:
    change = classification.merge(source_id, target_id, user)
    return Outcome(change, _changes_of(change))


def undo(user: User, change: classification.Change) -> Changes:
    """Reverse one edit made here."""
    classification.undo(change, user)
    return _changes_of(change)


def _changes_of(change: classification.Change) -> Changes:
    if change.kind == "assign":
        return Changes.of_customers(change.previous, classification=True)
    if change.kind == "merge":
        return Changes.of_customers(change.customers, classification=True) | _TREE
    if change.kind == "add":
        return _TREE.with_(classification=True)  # its customers (if any) lose it
    return _TREE


__all__ = ["Undoable", "add", "classify", "merge", "move", "rename", "undo"]
