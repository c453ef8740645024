"""Returned customer-filled forms (客户资料表): each becomes a pending review (source 客户填写);
dossiers stay unchanged until someone accepts the proposals field by field (`reviews`)."""

from __future__ import annotations

import json
from pathlib import Path

from kehu.core.i18n import N_, note
from kehu.core.jobs import Job
from kehu.core.values import to_text
from kehu.db.connection import write
from kehu.db.models import Customer, PendingReview, PendingReviewItem, User
from kehu.db.visibility import visible_customers
from kehu.exchange import xlsx_columns as columns
from kehu.exchange.xlsx_rows import Problem, problem
from kehu.services import audit

from .batches import DONE, finish_batch, start_batch
from .plan import ImportOptions
from .report import ImportReport

FORMS = N_("Reading customer forms")


def import_forms(path: Path, user: User, options: ImportOptions, job: Job | None) -> ImportReport:
    """Returned 客户资料表 become pending reviews; a dry run only reports them."""
    from kehu.exchange.xlsx_form import read_forms

    forms = read_forms(path)
    report = ImportReport("forms", path, ", ".join(f.sheet for f in forms), options.dry_run)
    planned = []
    for done, form in enumerate(forms):
        if job is not None:
            job.progress(done, len(forms), FORMS)
        report.rows_total += 1
        customer = _form_customer(form, user, report)
        if customer is False:
            continue
        if not form.proposals:
            report.unchanged += 1
            report.notes.append(note(N_("'{sheet}': nothing was changed"), sheet=form.sheet))
            continue
        for proposal in form.proposals:
            if proposal.error is not None:
                report.problems.append(
                    Problem(proposal.row, 2, proposal.key, proposal.error, error=False)
                )
        planned.append((form, customer))
    report.reviews = len(planned)
    if options.dry_run or not planned:
        return report
    batch_id = start_batch(path, user, "forms", columns.Mapping(0, [], []))
    report.batch_id = batch_id

    def run() -> None:
        for form, customer in planned:
            _create_review(form, customer, batch_id, user, path)

    write(Customer._meta.database, run)
    finish_batch(batch_id, report, user, status=DONE)
    return report


def _form_customer(form, user: User, report: ImportReport):
    """The customer of a form (None for a blank form: a new customer), False if unusable."""
    if not form.code:
        return None
    customer = Customer.get_or_none(Customer.code == form.code)
    visible = (
        customer is not None
        and visible_customers(user, Customer.id, include_archived=True)
        .where(Customer.id == customer.id)
        .exists()
    )
    if not visible:
        text = N_("Customer {code} not found (or not visible to you); this form was not imported")
        refused = problem(2, text, header=form.sheet, code=form.code)
        report.problems.append(refused)
        report.reject(2, (form.sheet, form.code), [refused])
        return False
    return customer


def _create_review(form, customer, batch_id: int, user: User, path: Path) -> None:
    from kehu.exchange.xlsx_form import field_of

    review = PendingReview.create(
        customer=customer.id if customer else None,
        batch=batch_id,
        source="customer_form",
        base_version=customer.version if customer else None,
        label=f"{path.name} / {form.sheet}",
        created_by=user,
    )
    items = []
    for proposal in form.proposals:
        issue = proposal.error
        if issue is None:
            text = to_text(proposal.proposed)
        else:
            text = None if proposal.raw is None else str(proposal.raw)
        # the problem is stored as [Chinese, English], as the review has always read it
        stored = [issue.message("zh_CN"), issue.message("en")] if issue else None
        items.append(
            dict(
                review=review.id,
                field=proposal.key,
                proposed_value=text,
                original_value=to_text(proposal.original),
                problem=json.dumps(stored, ensure_ascii=False) if stored else None,
            )
        )
        assert field_of(proposal.key) is not None
    PendingReviewItem.insert_many(items).execute()
    audit.record(
        user,
        "form_received",
        "customer",
        customer.id if customer else None,
        review.label,
        review=review.id,
        fields=len(items),
    )
