"""Updates of existing customers from imported rows ("update empty fields" or "overwrite").

The changes are worked out against the stored dossier and written by
`dossiers.update_dossiers`, the one dossier update (the card's save uses it too): one new
version per customer, history rows tagged with the batch, the version check. Before its
first change in a batch a customer is snapshotted, so that undo restores it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kehu.db import customer_snapshots, dossier_writes, import_batches
from kehu.db.models import User
from kehu.exchange.xlsx_rows import ParsedRow
from kehu.services import dossiers


class UpdatePlanner:
    def __init__(self, user: User, overwrite: bool, batch_id: int | None) -> None:
        self.user, self.overwrite, self.batch_id = user, overwrite, batch_id

    def changes(self, cid: int, row: ParsedRow) -> dossiers.DossierUpdate:
        """What `row` changes in the stored customer `cid` (empty when nothing)."""
        stored = dossiers.load(cid)
        fields: dict[str, tuple[Any, Any]] = {}
        for name, new in row.values.items():
            if name == "code" or new is None:
                continue
            old = stored.values.get(name)
            if new != old and (self.overwrite or old in (None, "")):
                fields[name] = (old, new)
        persons = []
        person = row.person
        if person.get("name") and person["name"] not in dossier_writes.person_names(cid):
            persons.append((None, "*", None, person))
        categories = {}
        if row.categories:
            current = dossier_writes.categories_of(cid)
            for scheme, category in row.categories.items():
                old_category = current.get(scheme)
                if old_category != category and (self.overwrite or old_category is None):
                    categories[scheme] = category
        return dossiers.DossierUpdate(cid, stored.version, fields, persons, None, categories)

    def would_change(self, cid: int, row: ParsedRow) -> bool:
        return not self.changes(cid, row).empty

    def apply(self, planned: Iterable[tuple[int, ParsedRow]]) -> list[int]:
        """Write the updates (inside the caller's transaction); returns the customers changed.

        Customers are written in groups of distinct ids: a customer named by two rows is
        written once per row, each change worked out on top of the one before."""
        changed: list[int] = []
        group: list[dossiers.DossierUpdate] = []
        for cid, row in planned:
            if any(u.customer_id == cid for u in group):
                changed += self._write(group)
                group = []
            update = self.changes(cid, row)
            if not update.empty:
                self._snapshot(update)
                group.append(update)
        changed += self._write(group)
        return changed

    def _snapshot(self, update: dossiers.DossierUpdate) -> None:
        """Keep the customer's state before the batch's first change of it (the database says
        whether there was one: a rolled-back attempt leaves nothing to believe in)."""
        cid, after = update.customer_id, update.version + 1
        if import_batches.set_after_version(self.batch_id, cid, after):
            return
        before = customer_snapshots.snapshot(cid)
        import_batches.record_change(self.batch_id, "customer", cid, "updated", before, after)

    def _write(self, group: list[dossiers.DossierUpdate]) -> list[int]:
        if not group:
            return []
        stale = dossiers.update_dossiers(group, self.user, self.batch_id)
        if stale:  # cannot happen inside BEGIN IMMEDIATE; never overwrite silently
            raise dossiers.ConflictError(stale[0], dossiers.load(stale[0]), [], None)
        return [u.customer_id for u in group]
