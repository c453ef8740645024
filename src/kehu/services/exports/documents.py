"""Excel cards and customer forms: data read from `kehu.db.print_data`, masked with
`kehu.core.sensitivity` (also for the PDF documents in `prints.py`), written by exchange."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kehu.core import sensitivity
from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS
from kehu.core.i18n import N_
from kehu.core.jobs import Job
from kehu.db import print_data
from kehu.exchange import xlsx_card, xlsx_form
from kehu.services.exports.registry import ExportError, Request


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


def cards(request: Request, ids: list[int], visits: int, job: Job):
    lookups = print_data.Lookups(request.lang)
    loaded = print_data.load_cards(ids, request.user, lookups, visits)
    return _masked_cards(loaded, request, job)


def xlsx_cards(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    if not ids:
        raise ExportError(N_("There are no customers to export"))
    loaded = cards(request, ids, xlsx_card.RECENT_VISITS, job)
    title_is_name = request.options.get("title", "") == "name"
    return xlsx_card.write_cards(path, loaded, request.lang, title_is_name, job, len(ids)), 0


def dossiers(request: Request, ids: list[int]) -> list[print_data.DossierData]:
    loaded = print_data.load_dossiers(ids, request.user)
    return [_masked(loaded[cid], request.lang, request.reveal) for cid in ids]


def xlsx_forms(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    blank = request.flag("blank")
    loaded = [] if blank else dossiers(request, ids)
    job.check()
    return xlsx_form.write_forms(path, loaded, request.lang), 0
