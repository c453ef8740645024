"""Undo an import as a whole: its new customers, sale lines, products and categories go, the
customers it updated get back exactly their state before (snapshot), its history rows and
pending reviews go. A cancelled import is undone the same way before `Cancelled` is let out."""

from __future__ import annotations

from dataclasses import dataclass

from kehu.core.i18n import N_
from kehu.core.rights import Action
from kehu.db import completeness, customer_snapshots, import_batches, search_index
from kehu.db.connection import write
from kehu.db.models import ImportBatch, User
from kehu.services import access, audit

from .plan import ImportFailed


@dataclass
class UndoCheck:
    batch_id: int
    changed_since: list[str]  # codes of customers changed after the import

    @property
    def safe(self) -> bool:
        return not self.changed_since


def check_undo(batch_id: int) -> UndoCheck:
    """Customers of the batch that were changed after the import (their changes would go)."""
    return UndoCheck(batch_id, import_batches.changed_since_import(batch_id))


def undo(batch_id: int, user: User, force: bool = False) -> int:
    """Undo an import as a whole; returns the number of customers/lines removed or restored."""
    batch = import_batches.get_batch(batch_id)
    if batch is None:
        raise ImportFailed(N_("No import number {batch}"), batch=batch_id)
    if batch.status == import_batches.UNDONE:
        raise ImportFailed(N_("This import was already undone"))
    access.require(user, Action.UNDO_IMPORT, batch.user_id)
    check = check_undo(batch_id)
    if not check.safe and not force:
        raise ImportFailed(
            N_(
                "These customers were changed after the import: {codes} — undoing would lose "
                "those changes. Confirm to undo anyway."
            ),
            codes=", ".join(check.changed_since[:10]),
        )

    def run() -> int:
        removed, restored, lines = remove_batch(batch_id, import_batches.UNDONE)
        audit.record(
            user,
            "undo_import",
            "import_batch",
            batch_id,
            batch.filename,
            removed=removed,
            restored=restored,
            sale_lines=lines,
            forced=force,
        )
        return lines + removed + restored

    return write(ImportBatch._meta.database, run)


def remove_batch(batch_id: int, status: str) -> tuple[int, int, int]:
    """Take out everything the batch wrote (in the caller's transaction) and set its status;
    returns (customers removed, customers restored, sale lines removed)."""
    removed, lines = import_batches.delete_created_rows(batch_id)
    changes = import_batches.changes_newest_first(batch_id)
    restored = []
    for entity, entity_id, _action, before in changes:
        if entity == "customer" and before:
            customer_snapshots.restore(entity_id, before)
            restored.append(entity_id)
    search_index.remove(removed + restored)  # also the names of persons nobody has now
    for entity, entity_id, _action, _before in changes:  # once nothing uses them any more
        if entity == "product":
            import_batches.delete_product_if_unused(entity_id)
        elif entity == "category":
            import_batches.delete_category_if_unused(entity_id)
    search_index.refresh(restored)
    completeness.refresh(restored)  # the snapshot brought back the stored value; to be sure
    import_batches.delete_batch_history(batch_id)
    import_batches.set_status(batch_id, status)
    return len(removed), len(restored), lines
