"""Import batches and what they changed: the rows that make an import undoable as a whole."""

from __future__ import annotations

import json
from typing import Any

from peewee import fn

from kehu.db import interrupted
from kehu.db.models import (
    Category,
    Customer,
    CustomerCategory,
    FieldChange,
    ImportBatch,
    ImportChange,
    PendingReview,
    Product,
    SaleLine,
    Visit,
    now,
)

RUNNING, DONE, FAILED, CANCELLED, UNDONE = "running", "done", "failed", "cancelled", "undone"
INTERRUPTED = interrupted.INTERRUPTED  # the process died while it ran


def create_batch(kind: str, filename: str, sha256: str, user_id: int, mapping: str) -> int:
    """A "running" batch that names its process (`kehu.db.interrupted`: a killed import is
    found and shown as interrupted)."""
    batch = ImportBatch.create(
        kind=kind,
        filename=filename,
        file_sha256=sha256,
        user=user_id,
        mapping=mapping,
        summary=interrupted.running_marker(),
    )
    return batch.id


def finish_batch(batch_id: int, status: str, counts: dict[str, int], summary: dict) -> None:
    """`counts`: rows_total, rows_created, rows_updated, rows_rejected."""
    ImportBatch.update(
        finished_at=now(), status=status, summary=json.dumps(summary, ensure_ascii=False), **counts
    ).where(ImportBatch.id == batch_id).execute()


def set_status(batch_id: int, status: str) -> None:
    ImportBatch.update(status=status).where(ImportBatch.id == batch_id).execute()


def get_batch(batch_id: int) -> ImportBatch | None:
    return ImportBatch.get_or_none(ImportBatch.id == batch_id)


def recent_batches(user_id: int | None, limit: int = 20) -> list[ImportBatch]:
    """The newest batches (of one user, or of everyone for None)."""
    query = ImportBatch.select().order_by(ImportBatch.id.desc()).limit(limit)
    if user_id is not None:
        query = query.where(ImportBatch.user == user_id)
    return list(query)


def record_change(
    batch_id: int,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None = None,
    after_version: int | None = None,
) -> None:
    ImportChange.create(
        batch=batch_id,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=json.dumps(before, ensure_ascii=False) if before is not None else None,
        after_version=after_version,
    )


def set_after_version(batch_id: int, customer_id: int, version: int) -> bool:
    """Move the recorded version of a customer the batch already changed; False when the
    batch has no change of that customer yet."""
    return (
        ImportChange.update(after_version=version)
        .where(
            ImportChange.batch == batch_id,
            ImportChange.entity == "customer",
            ImportChange.entity_id == customer_id,
        )
        .execute()
        > 0
    )


def changes_newest_first(batch_id: int) -> list[tuple[str, int, str, dict | None]]:
    """(entity, entity id, action, before snapshot) of every change, newest first."""
    query = (
        ImportChange.select(
            ImportChange.entity, ImportChange.entity_id, ImportChange.action, ImportChange.before
        )
        .where(ImportChange.batch == batch_id)
        .order_by(ImportChange.id.desc())
        .tuples()
    )
    return [(e, i, a, json.loads(b) if b else None) for e, i, a, b in query]


def changed_since_import(batch_id: int) -> list[str]:
    """Codes of the batch's customers changed after the import: created ones edited, visited
    or given other sale lines; updated ones whose version moved on."""
    other_sales = SaleLine.select(SaleLine.id).where(
        SaleLine.customer == Customer.id,
        (SaleLine.import_batch.is_null()) | (SaleLine.import_batch != batch_id),
    )
    visits = Visit.select(Visit.id).where(Visit.customer == Customer.id)
    created = (
        Customer.select(Customer.code)
        .where(
            Customer.import_batch == batch_id,
            (Customer.version > 1) | fn.EXISTS(visits) | fn.EXISTS(other_sales),
        )
        .order_by(Customer.code)
    )
    updated = (
        Customer.select(Customer.code)
        .join(ImportChange, on=(ImportChange.entity_id == Customer.id))
        .where(
            ImportChange.batch == batch_id,
            ImportChange.entity == "customer",
            ImportChange.action == "updated",
            Customer.version != ImportChange.after_version,
        )
        .order_by(Customer.code)
    )
    return [c for (c,) in created.tuples()] + [c for (c,) in updated.tuples()]


def created_customer_ids(batch_id: int) -> list[int]:
    return [
        c for (c,) in Customer.select(Customer.id).where(Customer.import_batch == batch_id).tuples()
    ]


def delete_created_rows(batch_id: int) -> tuple[list[int], int]:
    """Delete the customers and sale lines the batch created: (customer ids, sale lines)."""
    ids = created_customer_ids(batch_id)
    lines = SaleLine.delete().where(SaleLine.import_batch == batch_id).execute()
    Customer.delete().where(Customer.import_batch == batch_id).execute()
    return ids, lines


def delete_product_if_unused(product_id: int) -> None:
    used = SaleLine.select(SaleLine.id).where(SaleLine.product == product_id)
    Product.delete().where(Product.id == product_id, ~fn.EXISTS(used)).execute()


def delete_batch_history(batch_id: int) -> None:
    """The history rows the batch wrote and its reviews still pending."""
    FieldChange.delete().where(FieldChange.import_batch == batch_id).execute()
    PendingReview.delete().where(
        PendingReview.batch == batch_id, PendingReview.status == "pending"
    ).execute()


def delete_category_if_unused(category_id: int) -> None:
    """A category the import created, unless a customer or a child category uses it now."""
    used = CustomerCategory.select(CustomerCategory.category).where(
        CustomerCategory.category == category_id
    )
    Child = Category.alias()
    children = Child.select(Child.id).where(Child.parent == category_id)
    Category.delete().where(
        Category.id == category_id, ~fn.EXISTS(used), ~fn.EXISTS(children)
    ).execute()
