"""PDF exports: client cards, route sheets, visit forms and reports, the blank customer form,
address labels. One entry point, `export(kind, customer_ids, out_path, user, options)`, used
by `kehu export --format pdf` and by the app (print preview).

Options (strings from `--option KEY=VALUE`, or values from the app):
  size=A4|A5            card page size (default A4)
  labels=3x8|2x7|3x7|CxR  label sheet (default 3x8)
  watermark=1           user and time across every page (for exports of personal data)
  date=YYYY-MM-DD       route sheet / daily report date (default today)
  salesperson=NAME      daily report: whose visits (default the user; * for everyone's)
  month=1               visits: every visit of the month of `date` instead of one day
  blank=1               visits: an empty visit report form instead of the filled daily report
  prefill=1             form: one form per selected customer, identity filled in
  reveal=1              print sensitive fields unmasked (administrators only)
  visits=N              last visits on a card (default 5)
  font=PATH[#face]      TrueType font to embed (overrides settings and KEHU_PDF_FONT)
  lang=zh_CN|en         language of the labels (default: the app's)
  progress=callable     (app only) called with (pages_done) while laying out; may raise to cancel
Every export is audited with its row count and the SHA-256 of the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehu.core.language import UserError, get_language, normalise, pick
from kehu.db.connection import write
from kehu.db.models import AuditEntry, User
from kehu.exchange import pdf_labels, pdf_sheets
from kehu.exchange.fonts import PdfFonts, pdf_fonts
from kehu.exchange.pdf_card import CardBuilder
from kehu.exchange.pdf_data import Lookups, RevealNotAllowed, load_cards
from kehu.exchange.pdf_layout import (
    PAGE_SIZES,
    DocumentSpec,
    PageInfo,
    Styles,
    build,
    content_width,
)
from kehu.services import audit

logger = logging.getLogger(__name__)

KINDS = ("card", "route", "form", "labels", "visits")


class FontFallbackWarning(UserWarning):
    """No embeddable CJK font: the PDF uses STSong-Light."""


class OptionError(UserError, ValueError):
    """An export option that makes no sense."""


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on", "y")


@dataclass
class Job:
    """Everything a document writer needs, parsed once from the options."""

    kind: str
    user: User
    lang: str
    fonts: PdfFonts
    options: dict[str, Any]
    day: dt.date
    reveal: bool
    watermark: bool
    printed_at: dt.datetime
    progress: Callable[[int], None] | None = None

    def info(self, title: str, group_label: str = "document") -> PageInfo:
        return PageInfo(
            fonts=self.fonts,
            lang=self.lang,
            printed_by=self.user.display_name,
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
            on_progress=self._on_progress if self.progress else None,
            meta={"subject": self.options.get("selection", "")},
        )

    def _on_progress(self, what: str, value: int) -> None:
        if what == "PAGE" and self.progress:
            self.progress(value)


def parse_job(kind: str, user: User, options: dict[str, Any]) -> Job:
    lang = normalise(str(options["lang"])) if options.get("lang") else get_language()
    reveal = _flag(options.get("reveal", ""))
    if reveal and user.role != "admin":
        raise RevealNotAllowed()
    try:
        day = (
            dt.date.fromisoformat(str(options["date"])) if options.get("date") else dt.date.today()
        )
    except ValueError as exc:
        raise OptionError(
            f"日期格式应为 YYYY-MM-DD：{options['date']}",
            f"The date must be YYYY-MM-DD: {options['date']}",
        ) from exc
    fonts = pdf_fonts(str(options["font"]) if options.get("font") else None)
    if fonts.warning:
        message = pick(*fonts.warning, lang)
        logger.warning(message)
        warnings.warn(FontFallbackWarning(message), stacklevel=3)
    progress = options.get("progress")
    return Job(
        kind=kind,
        user=user,
        lang=lang,
        fonts=fonts,
        options=options,
        day=day,
        reveal=reveal,
        watermark=_flag(options.get("watermark", "")),
        printed_at=dt.datetime.now().replace(second=0, microsecond=0),
        progress=progress if callable(progress) else None,
    )


def export(
    kind: str, customer_ids: list[int], out_path: Path, user: User, options: dict[str, Any]
) -> Path:
    """Write the PDF of `kind` for the customers (already resolved through visibility)."""
    if kind not in KINDS:
        raise OptionError(
            f"PDF 不支持 {kind}，可选：{'、'.join(KINDS)}",
            f"No PDF kind '{kind}'; choose from {', '.join(KINDS)}",
        )
    job = parse_job(kind, user, options)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    part = out_path.with_name(out_path.name + ".part")
    try:
        rows, pages = WRITERS[kind](job, list(customer_ids), part)
        os.replace(part, out_path)
    finally:
        part.unlink(missing_ok=True)
    digest = sha256(out_path)
    _audit(job, rows, pages, out_path, digest)
    logger.info("PDF %s: %s rows, %s pages → %s", kind, rows, pages, out_path)
    return out_path


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _audit(job: Job, rows: int, pages: int, path: Path, digest: str) -> AuditEntry:
    details = {
        "format": "pdf",
        "kind": job.kind,
        "rows": rows,
        "pages": pages,
        "sha256": digest,
        "file": str(path),
        "selection": job.options.get("selection", ""),
        "revealed": job.reveal,
        "watermark": job.watermark,
    }
    return write(
        AuditEntry._meta.database,
        lambda: audit.record(job.user, "export", "customer", None, f"PDF {job.kind}", **details),
    )


# ---- writers: (job, ids, path) -> (rows, pages) -------------------------------------------


def write_cards(job: Job, ids: list[int], path: Path) -> tuple[int, int]:
    size = str(job.options.get("size", "A4")).upper()
    if size not in PAGE_SIZES:
        raise OptionError(f"纸张应为 A4 或 A5：{size}", f"The size must be A4 or A5: {size}")
    pagesize = PAGE_SIZES[size]
    compact = size == "A5"
    styles = Styles(job.fonts, base=7.6 if compact else 9.2)
    builder = CardBuilder(styles, content_width(pagesize), job.lang, compact, job.reveal)
    lookups = Lookups(job.lang)
    visits = int(job.options.get("visits", 5) or 0)
    story = []
    for index, data in enumerate(load_cards(ids, job.user, lookups, visits)):
        story += builder.card(data, first=index == 0)
    if not story:
        story = pdf_sheets.nothing_to_print(styles, job.lang)
    title = pick("客户档案卡", "Client cards", job.lang)
    spec = job.spec(path, pagesize, title)
    spec.info.group_label = "card"
    return len(ids), build(spec, story)


WRITERS: dict[str, Callable[[Job, list[int], Path], tuple[int, int]]] = {
    "card": write_cards,
    "route": pdf_sheets.write_route_sheets,
    "form": pdf_sheets.write_customer_form,
    "visits": pdf_sheets.write_visits,
    "labels": pdf_labels.write_labels,
}
