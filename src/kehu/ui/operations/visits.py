"""User actions on visit reports (日常报告 / 紧急报告 / 定期报告)."""

from __future__ import annotations

from typing import Any

from kehu.core.changes import Changes, Outcome
from kehu.db.models import User
from kehu.services import visits


def record_visit(user: User, customer_id: int, **values: Any) -> Outcome[int]:
    visit_id = visits.record_visit(customer_id, user, **values)
    return Outcome(visit_id, Changes.of_visits([customer_id]))


def update_visit(user: User, visit_id: int, **values: Any) -> Changes:
    visit = visits.get_visit(visit_id)
    visits.update_visit(visit_id, user, **values)
    return Changes.of_visits([visit["customer_id"]] if visit else [])


def delete_visit(user: User, visit_id: int) -> Changes:
    visit = visits.get_visit(visit_id)
    visits.delete_visit(visit_id, user)
    return Changes.of_visits([visit["customer_id"]] if visit else [])


__all__ = ["delete_visit", "record_visit", "update_visit"]
