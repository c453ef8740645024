"""What a run did (or, for a dry run, would do): counts, problems, duplicates, rejected rows.

Every text is an English source translated when shown: `summary(lang)`, `message(lang)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehu.core.i18n import N_, Message, translate
from kehu.db.models import Customer
from kehu.exchange.xlsx_report import write_rejected
from kehu.exchange.xlsx_rows import ParsedRow, Problem

_MATCHES = {
    "code": N_("customer code"),
    "uscc": N_("credit code"),
    "name": N_("customer name"),
    "phone": N_("phone number"),
}


@dataclass
class Duplicate:
    row: int
    match: str  # code, uscc, name, phone
    action: str  # skipped, updated, unchanged, imported, not_allowed
    customer_id: int | None = None
    other_row: int | None = None

    def message(self, lang: str) -> str:
        what = translate(_MATCHES[self.match], lang)
        if self.other_row is not None:
            text = N_("row {row} has the same {what} as row {other}")
            return translate(text, lang, row=self.row, what=what, other=self.other_row)
        code = Customer.select(Customer.code).where(Customer.id == self.customer_id).scalar()
        text = N_("row {row} has the same {what} as the existing customer {code}")
        return translate(text, lang, row=self.row, what=what, code=code)


@dataclass
class ImportReport:
    kind: str
    path: Path
    sheet: str
    dry_run: bool
    headers: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    batch_id: int | None = None
    rows_total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: int = 0
    hidden_skipped: int = 0
    reviews: int = 0
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected_rows: list[tuple[int, tuple[Any, ...], list[Problem]]] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.error]

    def reject(self, row: ParsedRow | int, raw: tuple[Any, ...], problems: list[Problem]) -> None:
        number = row.number if isinstance(row, ParsedRow) else row
        self.rejected += 1
        self.rejected_rows.append((number, raw, problems))

    def summary(self, lang: str) -> str:
        counts = dict(
            file=self.path.name,
            sheet=self.sheet,
            rows=self.rows_total,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            skipped=self.skipped,
            rejected=self.rejected,
        )
        if self.dry_run:
            text = N_(
                "[dry run, nothing written] {file} ({sheet}): {rows} rows; would be created "
                "{created}, would be updated {updated}, unchanged {unchanged}, duplicates "
                "skipped {skipped}, rejected {rejected}"
            )
        else:
            text = N_(
                "{file} ({sheet}): {rows} rows; created {created}, updated {updated}, "
                "unchanged {unchanged}, duplicates skipped {skipped}, rejected {rejected}"
            )
        lines = [translate(text, lang, **counts)]
        if self.reviews:
            text = N_("Customer-filled forms waiting for review: {n}")
            lines.append(translate(text, lang, n=self.reviews))
        if self.hidden_skipped:
            lines.append(translate(N_("Hidden rows skipped: {n}"), lang, n=self.hidden_skipped))
        lines += [n.message(lang) for n in self.notes]
        return "\n".join(lines)

    def write_rejected(self, path: str | Path, lang: str = "en") -> Path:
        """The rejected rows with a reason column (and the warnings on a second sheet)."""
        rows = [
            (number, raw, [p.message(lang) for p in problems])
            for number, raw, problems in self.rejected_rows
        ]
        warnings = [p.message(lang) for p in self.warnings]
        warnings += [d.message(lang) for d in self.duplicates if d.action == "skipped"]
        return write_rejected(path, self.headers, rows, warnings, lang)
