"""Exports and prints as one use case: the kinds registry, visibility, rights, masking, one
audit entry with the file's digest, progress and cancel.

The registry `KINDS` is declared once (`registry.py`); the CLI's `kehu export --kind`
choices, the window's File menu and the print preview read it. Excel lists are made in
`tables.py`, cards, forms, sheets and labels in `documents.py`. `export()` is the one way a
file with customer data is written:

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

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehu.core.digest import AUDIT_KEY, file_sha256
from kehu.core.jobs import Job, no_job
from kehu.db.connection import write
from kehu.db.errors import DiskFullError, is_disk_full
from kehu.db.models import Customer, User
from kehu.db.visibility import visible_of
from kehu.services import audit
from kehu.services.exports.registry import (
    CSV,
    FORMATS,
    KINDS,
    PDF,
    VCF,
    XLSX,
    ExportError,
    ExportKind,
    Request,
    find_kind,
    kind_names,
    kinds,
    prepare,
)

logger = logging.getLogger(__name__)

__all__ = [
    "FORMATS",
    "KINDS",
    "PDF",
    "XLSX",
    "ExportError",
    "ExportKind",
    "Request",
    "Exported",
    "export",
    "export_file",
    "find_kind",
    "kind_names",
    "kinds",
    "prepare",
    "record_copy",
    "record_print",
    "visible_ids",
    "writers",
]

CHUNK = 500


@dataclass(frozen=True)
class Exported:
    """A written file and what it holds: rows (customers, stops, labels, visit rows as the
    kind counts them) and pages (0 for Excel)."""

    path: Path
    rows: int
    pages: int
    selected: int


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
    """`export_file` for callers that need only the path written."""
    return export_file(fmt, kind, customer_ids, out_path, user, options, job, lang, audited).path


def export_file(
    fmt: str,
    kind: str,
    customer_ids: list[int],
    out_path: Path | str,
    user: User,
    options: dict[str, Any] | None = None,
    job: Job | None = None,
    lang: str = "zh_CN",
    audited: bool = True,
) -> Exported:
    """Write the `fmt` file of `kind` for the customers (in the given order) to `out_path`.

    Returns the path written (the suffix is set to the format's) and its counts. `audited=False` is for
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
        rows, pages = writers()[(fmt, kind)](request, ids, part, job)
        job.check()
        os.replace(part, out)
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFullError(out) from exc
        raise
    finally:
        part.unlink(missing_ok=True)
    if audited:
        record_export(request, len(ids), rows, pages, out)
    logger.info("%s %s: %s rows, %s pages → %s", fmt, kind, rows, pages, out)
    return Exported(out, rows, pages, len(ids))


def visible_ids(customer_ids: list[int], user: User) -> list[int]:
    """The ids the user may see, in the order given (the guarantee for callers that pass
    ids of their own; a selection is already filtered)."""
    allowed: set[int] = set()
    step = CHUNK * 20
    for start in range(0, len(customer_ids), step):
        allowed.update(visible_of(user, customer_ids[start : start + step]))
    return [cid for cid in customer_ids if cid in allowed]


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


Writer = Callable[[Request, list[int], Path, Job], tuple[int, int]]


def writers() -> dict[tuple[str, str], Writer]:
    """The writer of each (format, kind) of the registry.

    Imported on first use: openpyxl and reportlab stay out of the window's start-up, and
    reportlab out of Excel exports (`prints` is imported when a PDF is made)."""
    from kehu.services.exports import analysis_export, contacts, documents, tables

    found: dict[tuple[str, str], Writer] = {
        (XLSX, "list"): tables.write_list,
        (XLSX, "card"): documents.xlsx_cards,
        (XLSX, "form"): documents.xlsx_forms,
        (CSV, "list"): tables.write_csv_list,
        (VCF, "contacts"): contacts.write_contacts,
        (PDF, "list"): _print("pdf_list"),
        (PDF, "card"): _print("pdf_cards"),
        (PDF, "route"): _print("pdf_route_sheets"),
        (PDF, "form"): _print("pdf_forms"),
        (PDF, "labels"): _print("pdf_labels_sheet"),
        (PDF, "visits"): _print("pdf_visits"),
        (XLSX, "analysis"): analysis_export.write_xlsx,
        (PDF, "analysis"): analysis_export.write_pdf,
    }
    assert set(found) == {(f, k.name) for k in KINDS for f in k.formats}, "registry, writers"
    return found


def _print(name: str) -> Writer:
    def run(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
        from kehu.services.exports import prints

        return getattr(prints, name)(request, ids, path, job)

    run.__name__ = name
    return run
