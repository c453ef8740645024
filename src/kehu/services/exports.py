"""Exports and prints as one use case: the kinds registry, visibility, rights, masking, one
audit entry with the file's digest, progress and cancel.

The registry `KINDS` is declared once here; the CLI's `kehu export --kind` choices, the
window's File menu and the print preview read it. `export()` is the one way a file with
customer data is written:

1. the kind and format are looked up (`ExportError` for an unknown one);
2. a reveal of sensitive fields is checked against `kehu.core.sensitivity` (a refused
   reveal is a `RevealRefused` error, not a silent mask);
3. the ids are narrowed to what the user may see (the visibility query);
4. data is read from `kehu.db` (`print_data`, `export_rows`), masked, and handed to an
   `exchange` writer as plain data;
5. the writer writes a temporary file beside the target, renamed at the end; a cancelled
   or failed export removes it, so no half file is ever left;
6. one audit entry records the export with its rows and `file_sha256`.
"""

from __future__ import annotations

import calendar
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehu.core import sensitivity
from kehu.core.digest import AUDIT_KEY, file_sha256
from kehu.core.fields import (
    CUSTOMER_FIELDS,
    PERSON_FIELDS,
    FieldDef,
    Kind,
    customer_field,
    sale_field,
)
from kehu.core.i18n import N_, UserError, normalise, translate
from kehu.core.jobs import Job, no_job
from kehu.core.values import CENT, from_db
from kehu.db import export_rows, print_data
from kehu.db.connection import write
from kehu.db.models import Customer, User
from kehu.db.visibility import visible_customers
from kehu.exchange import pdf_export, pdf_labels, pdf_sheets, xlsx_card, xlsx_form
from kehu.exchange.pdf_job import OptionError, PdfJob, flag, make_job
from kehu.exchange.xlsx_export import Table, write_tables
from kehu.services import audit
from kehu.services.selection import find_route

logger = logging.getLogger(__name__)

XLSX, PDF = "xlsx", "pdf"
FORMATS = (XLSX, PDF)
CHUNK = 500
READING = N_("Reading customers")


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

    def label(self, lang: str) -> str:
        return translate(self.text, lang)

    def menu_text(self, fmt: str, lang: str) -> str | None:
        text = dict(self.menu).get(fmt)
        return translate(text, lang) if text else None


COMMON = ("selection", "lang", "reveal")
PDF_COMMON = ("watermark", "font")
KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "list",
        N_("Customer list"),
        (XLSX,),
        ("columns", "sheets", *COMMON),
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
    ),
    ExportKind("route", N_("Route sheet"), (PDF,), ("route", "date", *COMMON, *PDF_COMMON)),
    ExportKind(
        "labels",
        N_("Address labels"),
        (PDF,),
        ("labels", "outline", *COMMON, "font"),
        ((PDF, N_("Print address labels…")),),
    ),
    ExportKind(
        "visits",
        N_("Visit report"),
        (PDF,),
        ("date", "salesperson", "month", "blank", "rows", "route", *COMMON, *PDF_COMMON),
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
        raise ExportError(N_("Unknown format '{fmt}'; choose xlsx or pdf"), fmt=fmt)
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
    the kind, and the right to reveal. Raises `ExportError` / `RevealRefused`."""
    options = dict(options or {})
    found = find_kind(fmt, kind)
    asked = flag(options.get("reveal", "")) or flag(options.get("sensitive", ""))
    reveal = sensitivity.check_reveal(user.role, asked)
    lang = normalise(str(options["lang"])) if options.get("lang") else normalise(lang)
    return Request(fmt, found, user, options, lang, reveal)


def export(
    fmt: str,
    kind: str,
    customer_ids: list[int],
    out_path: Path | str,
    user: User,
    options: dict[str, Any] | None = None,
    job: Job | None = None,
    lang: str = "zh_CN",
    audited: bool = True,
) -> Path:
    """Write the `fmt` file of `kind` for the customers (in the given order) to `out_path`.

    Returns the path written (the suffix is set to the format's). `audited=False` is for
    the print preview's own temporary file: what is printed or saved from it is audited
    then (`record_print`, `record_copy`)."""
    request = prepare(fmt, kind, user, options, lang)
    job = job or no_job()
    out = Path(out_path)
    if out.suffix.lower() != f".{fmt}":
        out = out.with_name(out.name + f".{fmt}") if out.suffix else out.with_suffix(f".{fmt}")
    ids = visible_ids(list(customer_ids), user)
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(f".{out.name}.part")
    try:
        rows, pages = WRITERS[(fmt, kind)](request, ids, part, job)
        job.check()
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    if audited:
        record_export(request, len(ids), rows, pages, out)
    logger.info("%s %s: %s rows, %s pages → %s", fmt, kind, rows, pages, out)
    return out


def visible_ids(customer_ids: list[int], user: User) -> list[int]:
    """The ids the user may see, in the order given (the guarantee for callers that pass
    ids of their own; a selection is already filtered)."""
    allowed: set[int] = set()
    step = CHUNK * 20
    for start in range(0, len(customer_ids), step):
        chunk = customer_ids[start : start + step]
        query = visible_customers(user, Customer.id, include_archived=True).where(
            Customer.id.in_(chunk)
        )
        allowed.update(cid for (cid,) in query.tuples())
    return [cid for cid in customer_ids if cid in allowed]


# ---- audit ---------------------------------------------------------------------------------


def record_export(request: Request, selected: int, rows: int, pages: int, path: Path) -> None:
    details = {
        "format": request.fmt,
        "kind": request.kind.name,
        "rows": rows,
        "pages": pages,
        "customers_selected": selected,
        "file": str(path),
        AUDIT_KEY: file_sha256(path),
        "selection": str(request.options.get("selection", "")),
        "revealed": request.reveal,
        "watermark": request.flag("watermark"),
    }
    summary = f"{request.fmt} {request.kind.name} {path.name}"
    write(
        Customer._meta.database,
        lambda: audit.record(request.user, "export", "customer", None, summary, **details),
    )


def record_print(user: User, kind: str, ids: list[int], pages: int, path: Path) -> None:
    """One audit entry for a document printed from the preview."""
    _record_file(user, "print", kind, ids, pages, path)


def record_copy(user: User, kind: str, ids: list[int], path: Path) -> None:
    """One audit entry for a copy of a previewed PDF saved by the user."""
    _record_file(user, "export", kind, ids, 0, path)


def _record_file(user: User, action: str, kind: str, ids: list[int], pages: int, path: Path):
    details = {
        "format": PDF,
        "kind": kind,
        "rows": len(ids),
        "pages": pages,
        "file": str(path),
        AUDIT_KEY: file_sha256(path),
        "customers": ids[:50],
    }
    entity_id = ids[0] if len(ids) == 1 else None
    write(
        Customer._meta.database,
        lambda: audit.record(user, action, "customer", entity_id, f"PDF {kind}", **details),
    )


# ---- masking -------------------------------------------------------------------------------


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


# ---- Excel ---------------------------------------------------------------------------------

TEXT_KINDS = (Kind.PHONE, Kind.MOBILE, Kind.USCC, Kind.ID_NUMBER, Kind.POSTAL_CODE)
DEFAULT_COLUMNS = (
    "code",
    "name",
    "short_name",
    "uscc",
    "address",
    "postal_code",
    "phone",
    "email",
    "industry",
    "credit_status",
)


def choose_columns(spec: str | None) -> list[str]:
    """Field names and `scheme:<id>` targets from a comma-separated list of names or labels."""
    schemes = export_rows.schemes()
    scheme_targets = [f"scheme:{s.id}" for s in schemes]
    if not spec:
        return [*DEFAULT_COLUMNS, *scheme_targets]
    if spec.strip() == "all":
        return [f.name for f in CUSTOMER_FIELDS] + scheme_targets
    chosen = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        field = next(
            (f for f in CUSTOMER_FIELDS if part in (f.name, f.text, f.label("zh_CN"))), None
        )
        scheme = next((s for s in schemes if part in (s.name, s.key, str(s.id))), None)
        if field is not None:
            chosen.append(field.name)
        elif scheme is not None:
            chosen.append(f"scheme:{scheme.id}")
        else:
            raise ExportError(N_("There is no column named '{name}'"), name=part)
    return chosen


def converter(field: FieldDef, lang: str, reveal: bool) -> Callable[[Any], Any]:
    """Stored value → the value written to a cell (masked when sensitive)."""
    if field.sensitive and not reveal:
        return lambda v: sensitivity.mask(field, v, lang) or None
    kind = field.kind
    if kind in (Kind.MONEY, Kind.DATE):
        return lambda v: from_db(field, v)
    if kind is Kind.CHOICE:
        return lambda v: field.choice_label(v, lang) if v else None
    return _same


def _same(value: Any) -> Any:
    return value


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def customer_table(ids: list[int], targets: list[str], lang: str, reveal: bool) -> Table:
    """The list sheet: one row per customer, columns `targets` (fields and schemes)."""
    fields = [_FIELD.get(t) for t in targets]
    scheme_names = {f"scheme:{s.id}": s.name for s in export_rows.schemes()}
    labels = [f.label(lang) if f else scheme_names[t] for f, t in zip(fields, targets, strict=True)]
    text_columns = [i for i, f in enumerate(fields) if f and f.kind in TEXT_KINDS]
    return Table(
        translate(N_("Customers"), lang),
        labels,
        _customer_rows(ids, targets, fields, lang, reveal),
        text_columns,
        total=len(ids),
    )


_FIELD = {f.name: f for f in CUSTOMER_FIELDS}


def _customer_rows(
    ids: list[int], targets: list[str], fields: list[FieldDef | None], lang: str, reveal: bool
) -> Iterator[list[Any]]:
    columns = [f.name for f in fields if f is not None]
    positions = [i for i, f in enumerate(fields) if f is not None]
    converters = [converter(fields[i], lang, reveal) for i in positions]  # type: ignore[arg-type]
    plan = list(zip(positions, converters, strict=True))
    schemes = {i: int(t.split(":")[1]) for i, t in enumerate(targets) if t.startswith("scheme:")}
    paths = export_rows.category_paths() if schemes else {}
    width = len(targets)
    for chunk in _chunks(ids):
        by_id = export_rows.customer_columns(chunk, columns)
        cats = export_rows.customer_categories(chunk) if schemes else {}
        for cid in chunk:
            record = by_id.get(cid)
            if record is None:
                continue
            out: list[Any] = [None] * width
            for (position, convert), value in zip(plan, record, strict=True):
                out[position] = convert(value) if value is not None else None
            for position, scheme_id in schemes.items():
                category = cats.get((cid, scheme_id))
                out[position] = paths.get(category) if category else None
            yield out


def _who_labels(lang: str) -> list[str]:
    return [customer_field("code").label(lang), customer_field("name").label(lang)]


def persons_table(ids: list[int], lang: str, reveal: bool) -> Table:
    """Key persons, one row each; sensitive fields masked unless revealed."""
    fields = list(PERSON_FIELDS)
    labels = [*_who_labels(lang), *(f.label(lang) for f in fields)]
    text = [0] + [i + 2 for i, f in enumerate(fields) if f.kind in TEXT_KINDS]
    converters = [converter(f, lang, reveal) for f in fields]

    def rows() -> Iterator[list[Any]]:
        for chunk in _chunks(ids):
            codes = export_rows.codes_and_names(chunk)
            for record in export_rows.person_rows(chunk, [f.name for f in fields]):
                code, name = codes[record[0]]
                values = [
                    conv(v) if v is not None else None
                    for conv, v in zip(converters, record[1:], strict=True)
                ]
                yield [code, name, *values]

    return Table(translate(N_("Key persons"), lang), labels, rows(), text, counted=False)


def visits_table(ids: list[int], lang: str) -> Table:
    heads = (N_("Date"), N_("Kind"), N_("Salesperson"), N_("Content"), N_("Findings"))
    heads += (N_("Next step"), N_("Next visit"))
    labels = [*_who_labels(lang), *(translate(h, lang) for h in heads)]
    lookups = print_data.Lookups(lang)

    def rows() -> Iterator[list[Any]]:
        for chunk in _chunks(ids):
            codes = export_rows.codes_and_names(chunk)
            for visit in export_rows.visits_of(chunk):
                code, name = codes[visit.customer_id]
                yield [
                    code,
                    name,
                    visit.visit_date,
                    lookups.visit_kind(visit.kind),
                    lookups.user(visit.salesperson_id),
                    visit.content,
                    visit.findings,
                    visit.next_step,
                    visit.next_visit_on,
                ]

    return Table(translate(N_("Visits"), lang), labels, rows(), [0], counted=False)


def sales_table(ids: list[int], lang: str) -> Table:
    names = ("product", "category", "quantity", "amount")
    labels = [
        sale_field("sale_date").label(lang),
        *_who_labels(lang),
        *(sale_field(n).label(lang) for n in names),
    ]
    products = export_rows.product_names()

    def rows() -> Iterator[list[Any]]:
        for chunk in _chunks(ids):
            codes = export_rows.codes_and_names(chunk)
            for line in export_rows.sales_of(chunk):
                code, name = codes[line.customer_id]
                yield [
                    line.sale_date,
                    code,
                    name,
                    products.get(line.product_id),
                    line.product_category,
                    line.quantity,
                    (line.amount * CENT).quantize(CENT),
                ]

    return Table(translate(N_("Sales"), lang), labels, rows(), [1], counted=False)


SHEETS = {"persons": persons_table, "visits": visits_table, "sales": sales_table}


def list_tables(ids: list[int], request: Request) -> list[Table]:
    lang, reveal = request.lang, request.reveal
    tables = [customer_table(ids, choose_columns(request.options.get("columns")), lang, reveal)]
    wanted = [s.strip() for s in str(request.options.get("sheets", "")).split(",") if s.strip()]
    for name in wanted:
        if name not in SHEETS:
            raise ExportError(
                N_("Unknown sheet '{name}'; choose persons, visits or sales"), name=name
            )
        make = SHEETS[name]
        tables.append(make(ids, lang, reveal) if name == "persons" else make(ids, lang))
    return tables


def _xlsx_list(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    return write_tables(path, list_tables(ids, request), job), 0


def _cards(request: Request, ids: list[int], visits: int, job: Job):
    lookups = print_data.Lookups(request.lang)
    loaded = print_data.load_cards(ids, request.user, lookups, visits)
    return _masked_cards(loaded, request, job)


def _xlsx_card(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    if not ids:
        raise ExportError(N_("There are no customers to export"))
    cards = _cards(request, ids, xlsx_card.RECENT_VISITS, job)
    title_is_name = request.options.get("title", "") == "name"
    return xlsx_card.write_cards(path, cards, request.lang, title_is_name, job, len(ids)), 0


def _dossiers(request: Request, ids: list[int]) -> list[print_data.DossierData]:
    loaded = print_data.load_dossiers(ids, request.user)
    return [_masked(loaded[cid], request.lang, request.reveal) for cid in ids]


def _xlsx_form(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    blank = request.flag("blank")
    loaded = [] if blank else _dossiers(request, ids)
    job.check()
    return xlsx_form.write_forms(path, loaded, request.lang), 0


# ---- PDF -----------------------------------------------------------------------------------


def _pdf_job(request: Request, job: Job) -> PdfJob:
    return make_job(
        request.kind.name,
        request.user.display_name,
        request.options,
        request.lang,
        request.reveal,
        job,
    )


def _pdf_card(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    pdf_export.card_page_size(pdf)  # a bad size fails before anything is read
    visits = int(request.options.get("visits", 5) or 0)
    pages = pdf_export.write_cards(pdf, _cards(request, ids, visits, job), len(ids), path)
    return len(ids), pages


def _pdf_route(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    name = request.options.get("route")
    route = find_route(str(name)) if name else None
    lookups = print_data.Lookups(request.lang)
    sheets = print_data.route_sheets(ids, request.user, lookups, route)
    return pdf_sheets.write_route_sheets(pdf, sheets, path)


def _pdf_form(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    targets: list[dict[str, Any]] = [{}]
    if request.flag("prefill") and ids:
        targets = [{"code": d.code, **d.values} for d in _dossiers(request, ids)]
    full = str(request.options.get("fields", "")).lower() == "all"
    return pdf_sheets.write_customer_form(pdf, targets, path, full)


def _pdf_labels(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
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


def _pdf_visits(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    pdf = _pdf_job(request, job)
    return pdf_sheets.write_visits(pdf, visit_report(request, ids, pdf), path)


Writer = Callable[[Request, list[int], Path, Job], tuple[int, int]]
WRITERS: dict[tuple[str, str], Writer] = {
    (XLSX, "list"): _xlsx_list,
    (XLSX, "card"): _xlsx_card,
    (XLSX, "form"): _xlsx_form,
    (PDF, "card"): _pdf_card,
    (PDF, "route"): _pdf_route,
    (PDF, "form"): _pdf_form,
    (PDF, "labels"): _pdf_labels,
    (PDF, "visits"): _pdf_visits,
}
assert set(WRITERS) == {(f, k.name) for k in KINDS for f in k.formats}, "registry and writers"
