"""PDF cards, customer forms, route sheets, visit reports and address labels.

Imported only when a PDF is made (reportlab is large: the window and Excel exports start
without it). Data comes masked from `documents`, or from `kehu.db.print_data`."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from typing import Any

from kehu.core.i18n import N_, translate
from kehu.core.jobs import Job
from kehu.db import print_data
from kehu.exchange import pdf_export, pdf_labels, pdf_sheets
from kehu.exchange.pdf_job import OptionError, PdfJob, make_job
from kehu.services import care
from kehu.services.exports import documents
from kehu.services.exports.registry import Request
from kehu.services.selection import find_route


def _pdf_job(request: Request, job: Job) -> PdfJob:
    return make_job(
        request.kind.name,
        request.user.display_name,
        request.options,
        request.lang,
        request.reveal,
        job,
    )


def pdf_list(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    from kehu.exchange import pdf_list
    from kehu.services.exports import tables

    pdf = _pdf_job(request, job)
    asked = request.options.get("columns")
    names = tables.choose_columns(str(asked)) if asked else list(tables.LIST_PDF_COLUMNS)
    table = tables.customer_table(ids, names, request.lang, request.reveal)
    return pdf_list.write_list(pdf, table.labels, names, table.rows, path)


def pdf_cards(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    pdf_export.card_page_size(pdf)  # a bad size fails before anything is read
    visits = int(request.options.get("visits", 5) or 0)
    pages = pdf_export.write_cards(pdf, documents.cards(request, ids, visits, job), len(ids), path)
    return len(ids), pages


def pdf_route_sheets(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    name = request.options.get("route")
    route = find_route(str(name)) if name else None
    lookups = print_data.Lookups(request.lang)
    overdue = str(request.options.get("overdue") or "").strip().lower()
    if overdue not in OVERDUE_CHOICES:
        raise OptionError(
            N_("overdue is one of {choices}, not '{value}'"),
            choices=", ".join(c for c in OVERDUE_CHOICES if c),
            value=overdue,
        )
    sheets = print_data.route_sheets(ids, request.user, lookups, route)
    if overdue:
        mark_overdue(sheets, request, pdf.day, only=overdue == OVERDUE_ONLY)
    return pdf_sheets.write_route_sheets(pdf, sheets, path)


OVERDUE_MARK, OVERDUE_ONLY = "mark", "only"
OVERDUE_CHOICES = ("", OVERDUE_MARK, OVERDUE_ONLY)  # the route sheet's `overdue` option


def mark_overdue(
    sheets: list[print_data.RouteSheet], request: Request, day: dt.date, only: bool
) -> None:
    """Mark the stops overdue by their grade's visit cadence on `day` ("A: 12 days overdue");
    with `only`, keep just those, by grade and days overdue (stop numbers stay the route's)."""
    ids = [stop.customer_id for sheet in sheets for stop in sheet.stops]
    found = care.overdue_among(request.user, ids, day)
    ranks = care.grade_ranks()
    for sheet in sheets:
        for stop in sheet.stops:
            item = found.get(stop.customer_id)
            if item is None:
                continue
            if item.days_overdue is None:
                text = N_("{grade}: never visited (every {days} days)")
            else:
                text = N_("{grade}: {n} days overdue (every {days} days)")
            stop.overdue = translate(
                text,
                request.lang,
                grade=item.grade_name(request.lang),
                n=item.days_overdue,
                days=item.visit_days,
            )
        if only:
            stops = [s for s in sheet.stops if s.customer_id in found]
            stops.sort(key=lambda s: care.overdue_sort_key(found[s.customer_id], ranks))
            sheet.stops = stops
            sheet.note = translate(
                N_("Only the stops overdue by their grade's visit cadence, by grade and days"),
                request.lang,
            )


def pdf_forms(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    targets: list[dict[str, Any]] = [{}]
    if request.flag("prefill") and ids:
        targets = [{"code": d.code, **d.values} for d in documents.dossiers(request, ids)]
    full = str(request.options.get("fields", "")).lower() == "all"
    return pdf_sheets.write_customer_form(pdf, targets, path, full)


def pdf_labels_sheet(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    pdf_labels.sheet_for(str(request.options.get("labels", "3x8")))  # fail before reading
    return pdf_labels.write_labels(pdf, print_data.addresses(ids, request.user), path)


def visit_report(request: Request, ids: list[int], pdf: PdfJob) -> pdf_sheets.VisitReport:
    """What the visit report of `request` shows: whose visits, of which day or month."""
    options = request.options
    blank = request.flag("blank")
    month = not blank and request.flag("month")
    asked = str(options.get("salesperson", "") or "").strip()
    everyone = asked == "*"
    salesperson = print_data.find_user(asked) if asked and not everyone else None
    if asked and not everyone and salesperson is None:
        raise OptionError(N_("No salesperson named '{name}'"), name=asked)
    who = None if everyone else salesperson or request.user
    report = pdf_sheets.VisitReport(
        blank=blank,
        month=month,
        salesperson="" if (who is None or (blank and salesperson is None)) else who.display_name,
        everyone=who is None,
        route=str(options.get("route") or ""),
        rows=int(options.get("rows", 10) or 10),
    )
    if blank:
        explicit = bool(options.get("route")) or options.get("selection", "all") != "all"
        if explicit and ids:
            report.customers = print_data.customer_names(ids[:200], request.user)
        return report
    lookups = print_data.Lookups(request.lang)
    first = last = pdf.day
    if month:
        first = pdf.day.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    report.visits = print_data.period_visits(ids, who, first, last, lookups)
    return report


def pdf_visits(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    return pdf_sheets.write_visits(pdf, visit_report(request, ids, pdf), path)
