"""Pending reviews of customer-filled forms: the list, the lines field by field (the
dossier's value now → the customer's proposal), and the decision that applies the accepted
items through the dossier service (history, version check, audit)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kehu.core.i18n import N_, is_chinese, translate
from kehu.core.values import display, to_python
from kehu.db.connection import write
from kehu.db.models import Customer, PendingReview, PendingReviewItem, User, now
from kehu.db.visibility import visible_customers
from kehu.services import audit

from .plan import ImportFailed


@dataclass
class ReviewLine:
    item_id: int
    key: str
    label: str
    current: str  # the dossier's value now, as displayed
    proposed: str
    original: str  # the value printed on the form
    problem: str | None
    changed_since_form: bool  # the dossier changed this field after the form was printed


@dataclass
class ReviewSummary:
    id: int
    customer_id: int | None
    customer: str
    label: str
    created_at: Any
    items: int


def pending_reviews(user: User, lang: str = "en") -> list[ReviewSummary]:
    visible = (
        {cid for (cid,) in visible_customers(user, Customer.id, include_archived=True).tuples()}
        if user.role != "admin"
        else None
    )
    found = []
    query = (
        PendingReview.select().where(PendingReview.status == "pending").order_by(PendingReview.id)
    )
    for review in query:
        cid = review.customer_id
        if cid is not None and visible is not None and cid not in visible:
            continue
        if cid is None and user.role != "admin" and review.created_by_id != user.id:
            continue
        customer = Customer.get_or_none(Customer.id == cid) if cid else None
        if customer:
            name = f"{customer.code} {customer.name}"
        else:
            name = translate(N_("(new customer)"), lang)
        count = PendingReviewItem.select().where(PendingReviewItem.review == review.id).count()
        found.append(
            ReviewSummary(review.id, cid, name, review.label or "", review.created_at, count)
        )
    return found


def _current_value(dossier, key: str) -> Any:
    if dossier is None:
        return None
    if key.startswith("person."):
        _p, slot, name = key.split(".")
        if slot.isdigit():
            person = dossier.person_by_id(int(slot))
            return person.get(name) if person else None
        return None
    return dossier.values.get(key)


def _label(key: str, lang: str) -> str:
    from kehu.exchange.xlsx_form import field_of

    f = field_of(key)
    label = f.label(lang) if f else key
    if key.startswith("person."):
        slot = key.split(".")[1]
        if slot.startswith("new"):
            text, number = N_("new key person {n} · {field}"), slot[3:]
        else:
            text, number = N_("key person #{n} · {field}"), slot
        return translate(text, lang, n=number, field=label)
    return label


@dataclass(frozen=True)
class _FieldLabel:
    """A form field's label, in the language the error is shown in."""

    key: str

    def message(self, lang: str) -> str:
        return _label(self.key, lang)

    def __str__(self) -> str:
        return self.message("en")


def review_lines(review_id: int, user: User, lang: str = "en") -> list[ReviewLine]:
    """Field by field: the dossier's current value → the value the customer proposes."""
    from kehu.exchange.xlsx_form import field_of
    from kehu.services import dossiers

    review = PendingReview.get_by_id(review_id)
    dossier = dossiers.load(review.customer_id, user) if review.customer_id else None
    lines = []
    for item in review.items.order_by(PendingReviewItem.id):
        f = field_of(item.field)
        current = _current_value(dossier, item.field)
        original = to_python(f, item.original_value) if item.original_value else None
        problem = json.loads(item.problem) if item.problem else None  # [Chinese, English]
        proposed = item.proposed_value
        if problem is None and proposed is not None:
            proposed = display(f, to_python(f, proposed), lang)
        lines.append(
            ReviewLine(
                item_id=item.id,
                key=item.field,
                label=_label(item.field, lang),
                current=display(f, current, lang),
                proposed=proposed or "",
                original=display(f, original, lang),
                problem=(problem[0] if is_chinese(lang) else problem[1]) if problem else None,
                changed_since_form=dossier is not None and current != original,
            )
        )
    return lines


def decide_review(review_id: int, accepted: set[int], user: User) -> int | None:
    """Apply the accepted items to the dossier (with history and audit), reject the rest.

    Returns the customer id (a new customer for a blank form with accepted items)."""
    from kehu.exchange.xlsx_form import field_of

    review = PendingReview.get_by_id(review_id)
    if review.status != "pending":
        raise ImportFailed(N_("This form was already reviewed"))
    items = list(review.items.order_by(PendingReviewItem.id))
    values: dict[str, Any] = {}
    person_changes: dict[str, dict[str, Any]] = {}
    for item in items:
        if item.id not in accepted:
            continue
        if item.problem:
            text = N_("'{field}' is invalid and cannot be accepted")
            raise ImportFailed(text, field=_FieldLabel(item.field))
        f = field_of(item.field)
        value = to_python(f, item.proposed_value) if item.proposed_value else None
        if item.field.startswith("person."):
            _p, slot, name = item.field.split(".")
            person_changes.setdefault(slot, {})[name] = value
        else:
            values[item.field] = value
    customer_id = review.customer_id
    if values or person_changes:
        customer_id = _apply_review(review, values, person_changes, user)
    decided = now()

    def run() -> None:
        for item in items:
            PendingReviewItem.update(
                decision="accepted" if item.id in accepted else "rejected"
            ).where(PendingReviewItem.id == item.id).execute()
        PendingReview.update(
            status="applied" if accepted else "rejected",
            decided_by=user.id,
            decided_at=decided,
            customer=customer_id,
        ).where(PendingReview.id == review_id).execute()
        audit.record(
            user,
            "form_review",
            "customer",
            customer_id,
            review.label,
            review=review_id,
            accepted=sorted(i.field for i in items if i.id in accepted),
            rejected=sorted(i.field for i in items if i.id not in accepted),
        )

    write(Customer._meta.database, run)
    return customer_id


def _apply_review(review, values, person_changes, user: User) -> int:
    from kehu.services import dossiers

    new_persons = []
    for slot, changes in person_changes.items():
        if slot.startswith("new"):
            if not changes.get("name"):
                raise ImportFailed(N_("A new key person needs its name accepted"))
            new_persons.append(changes)
    if review.customer_id is None:
        if not values.get("name"):
            raise ImportFailed(N_("A new customer needs its name accepted"))
        values.update(source="customer_form", review_state="trusted")
        return dossiers.create(values, user, persons=new_persons)
    base = dossiers.load(review.customer_id, user)
    persons = [dict(p) for p in base.persons]
    for person in persons:
        person.update(person_changes.get(str(person["id"]), {}))
    persons += new_persons
    dossiers.save(base, values, user, persons=persons if person_changes else None)
    return review.customer_id
