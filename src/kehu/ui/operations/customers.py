"""User actions on dossiers: create or save a card (with its categories), archive, restore.

Each takes the acting user, calls `kehu.services.dossiers` / `classification` and returns
what changed; run them with `kehu.ui.operations.perform`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kehu.core.changes import Changes, Outcome
from kehu.db.models import User
from kehu.services import classification, dossiers
from kehu.services.dossiers import Dossier


@dataclass(frozen=True)
class SavedCard:
    customer_id: int
    undo: tuple[classification.Change, ...] = ()  # category edits, for Ctrl+Z


def create_card(
    user: User,
    values: dict[str, Any],
    persons: list[dict[str, Any]],
    categories: Mapping[int, int | None],
) -> Outcome[SavedCard]:
    """A new customer from the card: parsed values, key persons, scheme → category."""
    chosen = {scheme: cat for scheme, cat in categories.items() if cat}
    customer_id = dossiers.create(
        values,
        user,
        persons=[{k: v for k, v in p.items() if k != "id"} for p in persons],
        categories=chosen,
    )
    return Outcome(SavedCard(customer_id), Changes.of_customers([customer_id]))


def save_card(
    user: User,
    base: Dossier,
    values: dict[str, Any],
    persons: list[dict[str, Any]] | None,
    categories: Mapping[int, int | None],
) -> Outcome[SavedCard]:
    """Save a card edited on top of `base`, then its changed categories (scheme → category).

    Raises `ConflictError` when someone else saved meanwhile; nothing is written then.
    """
    assert base.id is not None
    dossiers.save(base, values, user, persons)
    undo = tuple(
        classification.classify([base.id], category_id, user, scheme_id)
        for scheme_id, category_id in categories.items()
    )
    return Outcome(
        SavedCard(base.id, undo), Changes.of_customers([base.id], classification=bool(undo))
    )


def archive(user: User, customer_id: int) -> Changes:
    dossiers.archive(customer_id, user)
    return Changes.of_customers([customer_id])


def restore(user: User, customer_id: int) -> Changes:
    dossiers.restore(customer_id, user)
    return Changes.of_customers([customer_id])


def set_archived(user: User, customer_id: int, archived: bool) -> Changes:
    """Archive or restore (the card's one button)."""
    return archive(user, customer_id) if archived else restore(user, customer_id)


__all__ = ["SavedCard", "archive", "create_card", "restore", "save_card", "set_archived"]
