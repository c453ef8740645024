"""The PDF client cards (客户档案卡) of a batch: plain card data in, a PDF file out.

The export service (services/exports.py) loads the cards (`kehu.db.print_data`), masks
sensitive values, and calls `write_cards`; route sheets, visit reports and the customer
form are in `pdf_sheets`, address labels in `pdf_labels`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kehu.core.i18n import N_, translate
from kehu.exchange.pdf_card import CardBuilder
from kehu.exchange.pdf_job import FontFallbackWarning, OptionError, PdfJob
from kehu.exchange.pdf_layout import PAGE_SIZES, Styles, build, content_width
from kehu.exchange.pdf_sheets import nothing_to_print

if TYPE_CHECKING:
    from kehu.db.print_data import CardData

logger = logging.getLogger(__name__)

__all__ = ["FontFallbackWarning", "OptionError", "card_page_size", "write_cards"]

LOADING = N_("Reading customers")


def card_page_size(job: PdfJob) -> str:
    size = str(job.options.get("size", "A4")).upper()
    if size not in PAGE_SIZES:
        raise OptionError(N_("The size must be A4 or A5: {size}"), size=size)
    return size


def write_cards(job: PdfJob, cards: Iterable[CardData], total: int, path: Path) -> int:
    """Lay out one card per customer (values already masked); returns the page count."""
    size = card_page_size(job)
    pagesize = PAGE_SIZES[size]
    compact = size == "A5"
    styles = Styles(job.fonts, base=7.6 if compact else 9.2)
    builder = CardBuilder(styles, content_width(pagesize), job.lang, compact)
    story = []
    job.job.stage(LOADING, total)
    for index, data in enumerate(cards):
        story += builder.card(data, first=index == 0)
        if index % 50 == 49:
            job.job.progress(index + 1)
    if not story:
        story = nothing_to_print(styles, job.lang)
    spec = job.spec(path, pagesize, translate(N_("Client cards"), job.lang))
    spec.info.group_label = "card"
    return build(spec, story)
