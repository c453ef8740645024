"""The settings of one PDF document, parsed once from the export options, and the errors of
PDF options. Every PDF writer (cards, sheets, labels) takes a `PdfJob`; the export service
makes it (`make_job`) after it has checked rights and decided what is revealed.

Options (strings from `--option KEY=VALUE`, or values from the app):
  size=A4|A5            card page size (default A4)
  labels=3x8|2x7|3x7|CxR  label sheet (default 3x8)
  watermark=1           user and time across every page (for exports of personal data)
  date=YYYY-MM-DD       route sheet / daily report date (default today)
  salesperson=NAME      daily report: whose visits (default the user; * for everyone's)
  month=1               visits: every visit of the month of `date` instead of one day
  blank=1               visits: an empty visit report form instead of the filled daily report
  prefill=1             form: one form per selected customer, identity filled in
  reveal=1              print sensitive fields unmasked (administrators and managers only)
  visits=N              last visits on a card (default 5)
  font=PATH[#face]      TrueType font to embed (overrides settings and KEHU_PDF_FONT)
  lang=zh_CN|en         language of the labels
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehu.core.i18n import N_, UserError
from kehu.core.jobs import Job, no_job
from kehu.exchange.fonts import PdfFonts, pdf_fonts
from kehu.exchange.pdf_layout import DocumentSpec, PageInfo

logger = logging.getLogger(__name__)

LAYING_OUT = N_("Laying out pages")


class FontFallbackWarning(UserWarning):
    """No embeddable CJK font: the PDF uses STSong-Light."""


class OptionError(UserError, ValueError):
    """An export option that makes no sense."""


def flag(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on", "y")


@dataclass
class PdfJob:
    """Everything a document writer needs, parsed once from the options."""

    kind: str
    printed_by: str
    lang: str
    fonts: PdfFonts
    options: dict[str, Any]
    day: dt.date
    reveal: bool
    watermark: bool
    printed_at: dt.datetime
    job: Job = field(default_factory=no_job)

    def info(self, title: str, group_label: str = "document") -> PageInfo:
        return PageInfo(
            fonts=self.fonts,
            lang=self.lang,
            printed_by=self.printed_by,
            printed_at=self.printed_at,
            title=title,
            watermark=self.watermark,
            group_label=group_label,
        )

    def spec(self, path: Path, pagesize, title: str) -> DocumentSpec:
        return DocumentSpec(
            path=path,
            pagesize=pagesize,
            info=self.info(title),
            on_progress=self._on_progress,
            meta={"subject": str(self.options.get("selection", ""))},
        )

    def _on_progress(self, what: str, value: int) -> None:
        if what == "PAGE":
            self.job.progress(value, 0, LAYING_OUT)  # raises Cancelled: stops the layout


def parse_day(options: dict[str, Any]) -> dt.date:
    text = options.get("date")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError as exc:
        raise OptionError(N_("The date must be YYYY-MM-DD: {date}"), date=text) from exc


def make_job(
    kind: str,
    printed_by: str,
    options: dict[str, Any],
    lang: str,
    reveal: bool = False,
    job: Job | None = None,
) -> PdfJob:
    """The document settings of `options`; raises `OptionError` for a bad date."""
    day = parse_day(options)
    fonts = pdf_fonts(str(options["font"]) if options.get("font") else None)
    if fonts.warning:
        message = fonts.warning_text(lang)
        logger.warning(message)
        warnings.warn(FontFallbackWarning(message), stacklevel=3)
    return PdfJob(
        kind=kind,
        printed_by=printed_by,
        lang=lang,
        fonts=fonts,
        options=options,
        day=day,
        reveal=reveal,
        watermark=flag(options.get("watermark", "")),
        printed_at=dt.datetime.now().replace(second=0, microsecond=0),
        job=job or no_job(),
    )
