"""The export kinds registry, declared once: name, formats, options, English labels (N_).

The CLI's `kehu export --kind` choices, the window's File menu and the print preview read
it; `prepare()` checks a request (kind, format, the right to reveal) before work starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kehu.core import rights, sensitivity
from kehu.core.i18n import N_, UserError, normalise, translate
from kehu.core.rights import Action
from kehu.db.models import User

XLSX, PDF, CSV, VCF = "xlsx", "pdf", "csv", "vcf"
FORMATS = (XLSX, PDF, CSV, VCF)


def flag(value: Any) -> bool:
    """An option's yes/no value ("1", "true", "yes", "on")."""
    return str(value).strip().lower() in ("1", "true", "yes", "on", "y")


class ExportError(UserError):
    """An export that cannot be made; the message says why."""


@dataclass(frozen=True)
class ExportKind:
    """One kind of export or print: its name, formats, options and labels (English, N_)."""

    name: str
    text: str  # what it is: "Client cards"
    formats: tuple[str, ...]
    options: tuple[str, ...] = ()
    menu: tuple[tuple[str, str], ...] = ()  # (format, menu text) where the window offers it
    done: str = N_("Exported {n} customers to {path}")  # what was written: {n} rows, {pages}

    def label(self, lang: str) -> str:
        return translate(self.text, lang)

    def done_message(self, lang: str, rows: int, pages: int, path: object) -> str:
        """What the CLI prints after writing the file: the count of what it holds."""
        return translate(self.done, lang, n=f"{rows:,}", pages=pages, path=path)

    def menu_text(self, fmt: str, lang: str) -> str | None:
        text = dict(self.menu).get(fmt)
        return translate(text, lang) if text else None


COMMON = ("selection", "lang", "reveal")
PDF_COMMON = ("watermark", "font")
KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "list",
        N_("Customer list"),
        (XLSX, PDF, CSV),
        ("columns", "sheets", "encoding", *COMMON, *PDF_COMMON),
        ((XLSX, N_("Export list to &Excel…")),),
    ),
    ExportKind(
        "card",
        N_("Client cards"),
        (XLSX, PDF),
        ("title", "size", "visits", *COMMON, *PDF_COMMON),
        ((XLSX, N_("Export cards to Excel…")), (PDF, N_("&Print card…"))),
    ),
    ExportKind(
        "form",
        N_("Customer information form"),
        (XLSX, PDF),
        ("blank", "prefill", "fields", *COMMON, *PDF_COMMON),
        ((XLSX, N_("Export customer forms to Excel…")), (PDF, N_("Print customer forms…"))),
        N_("Exported {n} filled forms ({pages} pages) to {path}"),
    ),
    ExportKind(
        "route",
        N_("Route sheet"),
        (PDF,),
        ("route", "date", "overdue", *COMMON, *PDF_COMMON),
        done=N_("Exported route sheets with {n} stops ({pages} pages) to {path}"),
    ),
    ExportKind(
        "labels",
        N_("Address labels"),
        (PDF,),
        ("labels", "outline", *COMMON, "font"),
        ((PDF, N_("Print address labels…")),),
        N_("Exported {n} labels ({pages} pages) to {path}"),
    ),
    ExportKind(
        "visits",
        N_("Visit report"),
        (PDF,),
        ("date", "salesperson", "month", "blank", "rows", "route", *COMMON, *PDF_COMMON),
        done=N_("Exported a visit report of {n} rows ({pages} pages) to {path}"),
    ),
    ExportKind(  # no customer selection: the analysis covers what the user sees
        "analysis",
        N_("Analysis"),
        (XLSX, PDF),
        ("analysis", "period", "first", "last", "by", "thresholds", "lang", "font"),
        done=N_("Exported the analysis ({n} rows) to {path}"),
    ),
)
KINDS += (
    ExportKind(
        "contacts",
        N_("Key persons as contacts (vCard)"),
        (VCF,),
        COMMON,
        done=N_("Exported {n} contacts to {path}"),
    ),
)
_BY_NAME = {k.name: k for k in KINDS}


def kinds(fmt: str | None = None) -> tuple[ExportKind, ...]:
    """The kinds (of one format), in registry order."""
    return tuple(k for k in KINDS if fmt is None or fmt in k.formats)


def kind_names(fmt: str) -> tuple[str, ...]:
    return tuple(k.name for k in kinds(fmt))


def find_kind(fmt: str, name: str) -> ExportKind:
    if fmt not in FORMATS:
        raise ExportError(
            N_("Unknown format '{fmt}'; choose {formats}"), fmt=fmt, formats=", ".join(FORMATS)
        )
    found = _BY_NAME.get(name)
    if found is None or fmt not in found.formats:
        raise ExportError(
            N_("{fmt} has no kind '{kind}'; choose from {kinds}"),
            fmt=fmt,
            kind=name,
            kinds=", ".join(kind_names(fmt)),
        )
    return found


@dataclass
class Request:
    """One export, checked (`prepare`) before any work starts."""

    fmt: str
    kind: ExportKind
    user: User
    options: dict[str, Any]
    lang: str
    reveal: bool

    def flag(self, name: str) -> bool:
        return flag(self.options.get(name, ""))


def prepare(
    fmt: str, kind: str, user: User, options: dict[str, Any] | None = None, lang: str = "zh_CN"
) -> Request:
    """Check an export before it starts (on the UI thread, before the progress dialog):
    the kind, the right to export (a list, or cards and sheets) and to reveal. Raises
    `ExportError` / `rights.Refused` / `RevealRefused`; which customers are written is the
    viewer's visibility (`visible_ids`)."""
    options = dict(options or {})
    found = find_kind(fmt, kind)
    rights.check(user, Action.EXPORT_LIST if found.name == "list" else Action.EXPORT_CARDS)
    asked = flag(options.get("reveal", "")) or flag(options.get("sensitive", ""))
    reveal = sensitivity.check_reveal(user.role, asked)
    lang = normalise(str(options["lang"])) if options.get("lang") else normalise(lang)
    return Request(fmt, found, user, options, lang, reveal)
