"""Importing customers, key persons, sale lines and customer-filled forms from Excel/CSV.

A run reads the sheet as a stream, validates every row (problems carry row, column and
reason), detects duplicates against the database and inside the file (customer code, USCC,
normalised name, phone digits) and applies the chosen policy: skip, update empty fields,
overwrite, or import anyway. A dry run stops before writing. A real run records an import
batch, writes in short transactions of `batch_size` rows with `executemany`, and keeps what it
changed in existing records so that `undo` restores the previous state exactly. Filled-in
customer forms do not change dossiers: they become pending reviews.

Modules: `plan` (options, inspection, mapping, the row stream), `duplicates` (keys),
`customers` (customer rows), `updates` (existing customers, through the dossier service),
`persons` (a key-person sheet), `categories`, `sales` (sale lines), `forms` and `reviews`
(customer-filled forms), `batches`, `undo`, `report`, `run` (one run, with its job).
"""

from kehu.core.digest import file_sha256

from .batches import recent_batches
from .duplicates import normalise_name
from .forms import import_forms
from .plan import (
    KINDS,
    ON_DUPLICATE,
    ImportFailed,
    ImportOptions,
    Inspection,
    inspect,
    matcher_for,
    schemes,
)
from .report import Duplicate, ImportReport
from .reviews import ReviewLine, ReviewSummary, decide_review, pending_reviews, review_lines
from .run import run_import
from .sales import TARGETS as SALE_FIELDS
from .undo import UndoCheck, check_undo, undo

__all__ = [
    "KINDS",
    "ON_DUPLICATE",
    "SALE_FIELDS",
    "Duplicate",
    "ImportFailed",
    "ImportOptions",
    "ImportReport",
    "Inspection",
    "ReviewLine",
    "ReviewSummary",
    "UndoCheck",
    "check_undo",
    "decide_review",
    "file_sha256",
    "import_forms",
    "inspect",
    "matcher_for",
    "normalise_name",
    "pending_reviews",
    "recent_batches",
    "review_lines",
    "run_import",
    "schemes",
    "undo",
]
