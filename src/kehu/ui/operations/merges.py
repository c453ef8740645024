"""User actions on duplicates: merge a duplicate into the customer kept, undo a merge."""

from __future__ import annotations

from kehu.core.changes import Changes, Outcome
from kehu.db.models import User
from kehu.services import merge


def merge_customers(user: User, plan: merge.MergePlan, choices: dict[str, str]) -> Outcome[int]:
    merge_id = merge.merge(plan, choices, user)
    ids = [plan.keep.id, plan.other.id]
    return Outcome(merge_id, Changes.of_customers(ids, classification=True) | Changes(routes=True))


def undo_merge(user: User, merge_id: int) -> Outcome[merge.Undone]:
    undone = merge.undo(merge_id, user)
    ids = [undone.kept_id, undone.merged_id]
    return Outcome(undone, Changes.of_customers(ids, classification=True) | Changes(routes=True))
