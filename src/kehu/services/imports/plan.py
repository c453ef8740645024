"""What an import will read: its options, the sheet's inspection for the wizard, the column
mapping it uses, and the stream of data rows under the header (with progress and cancel)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehu.core.i18n import N_, Message, UserError, note, translate
from kehu.core.jobs import Job
from kehu.db.models import Scheme
from kehu.exchange import xlsx_columns as columns
from kehu.exchange.xlsx_reading import Table, is_blank, open_table, read_preview
from kehu.exchange.xlsx_rows import problem

ON_DUPLICATE = ("skip", "update_empty", "overwrite", "import_anyway")
KINDS = ("customers", "sales", "forms")
PREVIEW_ROWS = 60
PROGRESS_EVERY = 500  # rows between progress reports (each is also a cancellation point)
READING = N_("Reading rows")


class ImportFailed(UserError):
    """The import cannot start or cannot be undone; the message says why and what to do.

    A value with a `message(lang)` of its own (column labels, a field's label) is translated
    with the message."""

    def message(self, lang: str = "en") -> str:
        values = {
            k: v.message(lang) if hasattr(v, "message") else v for k, v in self.values.items()
        }
        return translate(self.text, lang, **values)


@dataclass(frozen=True)
class TargetLabels:
    """The labels of groups of mapping targets ("customer code/name"), in the shown language."""

    groups: tuple[tuple[str, ...], ...]
    schemes: tuple[columns.Scheme, ...] = ()

    def message(self, lang: str) -> str:
        def label(target: str) -> str:
            return columns.target_label(target, self.schemes, lang)

        return ", ".join("/".join(label(t) for t in group) for group in self.groups)

    def __str__(self) -> str:
        return self.message("en")


@dataclass
class ImportOptions:
    kind: str = "customers"  # customers, sales, forms
    sheet: str | None = None
    persons_sheet: str | None = None  # key persons in a second sheet (customers only)
    mapping: columns.Mapping | None = None  # as corrected by the user; detected when None
    saved_mapping: dict[str, Any] | None = None
    on_duplicate: str = "skip"
    dry_run: bool = False
    skip_hidden_rows: bool = False
    create_categories: bool = False
    batch_size: int = 2000


@dataclass
class Inspection:
    """What the wizard shows before a run: sheets, the detected mapping and a preview."""

    sheets: list[tuple[str, bool]]  # (name, hidden)
    sheet: str
    notes: list[Message]
    preview: list[tuple[int, tuple[Any, ...]]]
    mapping: columns.Mapping | None
    targets: list[tuple[str, str]]  # (target, label) the user can choose from
    schemes: list[columns.Scheme]


def schemes() -> list[columns.Scheme]:
    query = Scheme.select(Scheme.id, Scheme.name, Scheme.key, Scheme.builtin_key).order_by(
        Scheme.position, Scheme.id
    )
    return [columns.Scheme(*row) for row in query.tuples()]


def matcher_for(kind: str) -> columns.Matcher:
    sheet_kind = {"customers": "customers", "sales": "sales", "persons": "persons"}[kind]
    return columns.Matcher(sheet_kind, schemes() if sheet_kind == "customers" else ())


def inspect(
    path: str | Path,
    kind: str = "customers",
    sheet: str | None = None,
    saved_mapping: dict[str, Any] | None = None,
    lang: str = "en",
) -> Inspection:
    """The sheets, the detected mapping and a preview; target labels in `lang`."""
    if kind == "forms":
        raise ImportFailed(N_("Customer forms need no column mapping"))
    matcher = matcher_for(kind)
    with open_table(path, sheet) as table:
        preview = read_preview(table, PREVIEW_ROWS)
        mapping = detect(preview, matcher, saved_mapping)
        if not any(not is_blank(v) for _n, v in preview):
            table.notes.append(empty_note(table))
        return Inspection(
            sheets=[(s.name, s.hidden) for s in table.sheets],
            sheet=table.sheet,
            notes=list(table.notes),
            preview=preview,
            mapping=mapping,
            targets=[
                (t, columns.target_label(t, matcher.schemes, lang)) for t, _ in matcher.targets
            ],
            schemes=matcher.schemes,
        )


def detect(
    preview: list[tuple[int, tuple[Any, ...]]],
    matcher: columns.Matcher,
    saved: dict[str, Any] | None,
) -> columns.Mapping | None:
    mapping = columns.detect_header(preview, matcher)
    if mapping is None:  # nothing recognised: the first row with text, for the user to map
        wanted = int(saved.get("header_row") or 0) if saved else 0
        rows = [(n, v) for n, v in preview if not is_blank(v) and (not wanted or n == wanted)]
        if not rows:
            return None
        mapping = columns.build_mapping(rows[0][0], rows[0][1], matcher)
    if saved:
        mapping = columns.apply_saved(mapping, saved, matcher)
    return mapping


def empty_note(table: Table) -> Message:
    return note(N_("The sheet '{sheet}' is empty"), sheet=table.sheet)


def resolve_mapping(table: Table, options: ImportOptions) -> columns.Mapping:
    """The mapping the run uses: the user's, or detected; refuses one that misses columns."""
    matcher = matcher_for(options.kind)
    if options.mapping is not None:
        mapping = options.mapping
    else:
        preview = read_preview(table, PREVIEW_ROWS)
        if not any(not is_blank(v) for _n, v in preview):
            others = [s.name for s in table.sheets if s.name != table.sheet]
            if others:
                raise ImportFailed(
                    N_("The sheet '{sheet}' is empty; other sheets: {others}"),
                    sheet=table.sheet,
                    others=", ".join(others),
                )
            raise ImportFailed(N_("The sheet '{sheet}' is empty"), sheet=table.sheet)
        mapping = detect(preview, matcher, options.saved_mapping)
        if mapping is None or not any(mapping.targets):
            raise ImportFailed(
                N_(
                    "No header row found: no row among the first 30 has column names that "
                    "match dossier fields (such as 客户名称 or 电话). Map the columns in the "
                    "wizard or pass a --mapping file."
                )
            )
    if not _has_data(table, mapping):
        raise ImportFailed(
            N_("The sheet '{sheet}' has a header (row {row}) but no rows under it"),
            sheet=table.sheet,
            row=mapping.header_row,
        )
    missing = mapping.missing(options.kind)
    if missing:
        raise ImportFailed(
            N_("Required columns are missing: {columns} (header row {row})"),
            columns=TargetLabels(tuple(map(tuple, missing)), tuple(matcher.schemes)),
            row=mapping.header_row,
        )
    return mapping


def _has_data(table: Table, mapping: columns.Mapping) -> bool:
    for number, values in table.rows():
        if number > mapping.header_row and not is_blank(values):
            return True
    return False


def mapping_notes(mapping: columns.Mapping) -> list[Message]:
    """Columns left out because an earlier column has the same meaning (a second 客户名称)."""
    notes = []
    repeated = {column for column, _earlier in mapping.repeated}
    unmapped = [
        f"{columns.column_letter(i)} {header}"
        for i, (header, target) in enumerate(zip(mapping.headers, mapping.targets, strict=True))
        if header and not target and i not in repeated
    ]
    if unmapped:
        notes.append(
            note(
                N_("Columns not imported (no field matches their header): {columns}"),
                columns=", ".join(unmapped),
            )
        )
    for column, earlier in mapping.repeated:
        notes.append(
            note(
                N_(
                    "Column {column} '{header}' repeats column {earlier} '{first}' and was not "
                    "imported; map it by hand if it holds something else"
                ),
                column=columns.column_letter(column),
                header=mapping.headers[column],
                earlier=columns.column_letter(earlier),
                first=mapping.headers[earlier],
            )
        )
    return notes


TOTAL_WORDS = frozenset(
    ("合计", "小计", "总计", "共计", "总合计", "累计", "合计金额", "总数", "total", "subtotal",
     "grandtotal", "totals", "sum")
)  # fmt: skip
_TOTAL_NOISE = re.compile(r"[\s:：]")


def total_word(raw: tuple[Any, ...]) -> str | None:
    """The word of a total row (合计, 小计, Total…): its first filled cell says so."""
    for value in raw:
        if value is None:
            continue
        text = _TOTAL_NOISE.sub("", value).casefold() if isinstance(value, str) else None
        return value.strip() if text in TOTAL_WORDS else None
    return None


class RowStream:
    """The data rows under the header, without blank (and, if asked, hidden) rows.

    Counts the rows into the report and reports progress to the job every few hundred rows;
    that report raises `Cancelled` once the user cancelled.
    """

    def __init__(
        self,
        table: Table,
        mapping: columns.Mapping,
        skip_hidden: bool,
        report: Any,
        job: Job | None,
        stage: str = READING,
    ) -> None:
        self.table, self.mapping, self.skip_hidden = table, mapping, skip_hidden
        self.report, self.job, self.stage = report, job, stage

    def __iter__(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        hidden = self.table.scan.hidden_rows
        report, job = self.report, self.job
        if job is not None:
            job.progress(report.rows_total, 0, self.stage)
        for number, raw in self.table.rows():
            if number <= self.mapping.header_row or is_blank(raw):
                continue
            if self.skip_hidden and number in hidden:
                report.hidden_skipped += 1
                continue
            word = total_word(raw)
            if word is not None:
                report.problems.append(
                    problem(number, N_("A total row ({word}) was skipped"), error=False, word=word)
                )
                continue
            report.rows_total += 1
            if job is not None and report.rows_total % PROGRESS_EVERY == 0:
                job.progress(report.rows_total)
            yield number, raw
