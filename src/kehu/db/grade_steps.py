"""ABC grading steps (schema 7): what one applied grading changed, so it can be undone."""

from __future__ import annotations

from collections.abc import Collection

from kehu.db.models import Category, CustomerCategory, GradeStep, GradeStepChange

APPLIED, UNDONE = "applied", "undone"


def grades_of(scheme_id: int, customer_ids: Collection[int]) -> dict[int, int | None]:
    """customer id → its category in the scheme (None when it has none)."""
    wanted = set(customer_ids)
    found: dict[int, int | None] = dict.fromkeys(wanted)
    categories = Category.select(Category.id).where(Category.scheme == scheme_id)
    query = CustomerCategory.select(CustomerCategory.customer, CustomerCategory.category).where(
        CustomerCategory.scheme == scheme_id, CustomerCategory.category.in_(categories)
    )
    if len(wanted) <= 500:
        query = query.where(CustomerCategory.customer.in_(sorted(wanted)))
    for cid, category in query.tuples():
        if cid in wanted:
            found[cid] = category
    return found


def record_step(
    user_id: int,
    scheme_id: int,
    period: str,
    thresholds: str,
    changes: list[tuple[int, int | None, int | None]],
) -> int:
    step = GradeStep.create(
        user=user_id,
        scheme=scheme_id,
        period=period,
        thresholds=thresholds,
        customers=len(changes),
        status=APPLIED,
    )
    for start in range(0, len(changes), 500):
        GradeStepChange.insert_many(
            [(step.id, cid, old, new) for cid, old, new in changes[start : start + 500]],
            fields=[
                GradeStepChange.step,
                GradeStepChange.customer,
                GradeStepChange.old_category_id,
                GradeStepChange.new_category_id,
            ],
        ).execute()
    return step.id


def get_step(step_id: int | None) -> GradeStep | None:
    """A step by id, or (None) the latest applied one."""
    if step_id is not None:
        return GradeStep.get_or_none(GradeStep.id == step_id, GradeStep.status == APPLIED)
    return (
        GradeStep.select().where(GradeStep.status == APPLIED).order_by(GradeStep.id.desc()).first()
    )


def changes_of(step_id: int) -> list[tuple[int, int | None, int | None]]:
    return list(
        GradeStepChange.select(
            GradeStepChange.customer,
            GradeStepChange.old_category_id,
            GradeStepChange.new_category_id,
        )
        .where(GradeStepChange.step == step_id)
        .tuples()
    )


def set_status(step_id: int, status: str) -> None:
    GradeStep.update(status=status).where(GradeStep.id == step_id).execute()
