"""Cards, forms, route sheets, visit reports and labels: data read from
`kehu.db.print_data`, masked with `kehu.core.sensitivity`, handed to the exchange writers."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kehu.core import sensitivity
from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS
from kehu.core.i18n import N_
from kehu.core.jobs import Job
from kehu.db import print_data
from kehu.exchange import pdf_export, pdf_labels, pdf_sheets, xlsx_card, xlsx_form
from kehu.exchange.pdf_job import OptionError, PdfJob, make_job
from kehu.services.exports.registry import ExportError, Request
from kehu.services.selection import find_route


def _masked(dossier: print_data.DossierData, lang: str, reveal: bool) -> print_data.DossierData:
    if reveal:
        return dossier
    dossier.values = sensitivity.shown_values(dossier.values, CUSTOMER_FIELDS, lang)
    dossier.persons = [sensitivity.shown_values(p, PERSON_FIELDS, lang) for p in dossier.persons]
    return dossier


def _masked_cards(
    cards: Iterator[print_data.CardData], request: Request, job: Job
) -> Iterator[print_data.CardData]:
    for done, card in enumerate(cards, start=1):
        card.dossier = _masked(card.dossier, request.lang, request.reveal)
        if done % 50 == 0:
            job.check()
        yield card


def _cards(request: Request, ids: list[int], visits: int, job: Job):
    lookups = print_data.Lookups(request.lang)
    loaded = print_data.load_cards(ids, request.user, lookups, visits)
    return _masked_cards(loaded, request, job)


def xlsx_cards(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    if not ids:
        raise ExportError(N_("There are no customers to export"))
    cards = _cards(request, ids, xlsx_card.RECENT_VISITS, job)
    title_is_name = request.options.get("title", "") == "name"
    return xlsx_card.write_cards(path, cards, request.lang, title_is_name, job, len(ids)), 0


def _dossiers(request: Request, ids: list[int]) -> list[print_data.DossierData]:
    loaded = print_data.load_dossiers(ids, request.user)
    return [_masked(loaded[cid], request.lang, request.reveal) for cid in ids]


def xlsx_forms(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    blank = request.flag("blank")
    loaded = [] if blank else _dossiers(request, ids)
    job.check()
    return xlsx_form.write_forms(path, loaded, request.lang), 0


def _pdf_job(request: Request, job: Job) -> PdfJob:
    return make_job(
        request.kind.name,
        request.user.display_name,
        request.options,
        request.lang,
        request.reveal,
        job,
    )


def pdf_cards(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    pdf_export.card_page_size(pdf)  # a bad size fails before anything is read
    visits = int(request.options.get("visits", 5) or 0)
    pages = pdf_export.write_cards(pdf, _cards(request, ids, visits, job), len(ids), path)
    return len(ids), pages


def pdf_route_sheets(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    name = request.options.get("route")
    route = find_route(str(name)) if name else None
    lookups = print_data.Lookups(request.lang)
    sheets = print_data.route_sheets(ids, request.user, lookups, route)
    return pdf_sheets.write_route_sheets(pdf, sheets, path)


def pdf_forms(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    targets: list[dict[str, Any]] = [{}]
    if request.flag("prefill") and ids:
        targets = [{"code": d.code, **d.values} for d in _dossiers(request, ids)]
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
