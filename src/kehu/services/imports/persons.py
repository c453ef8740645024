"""Key persons from a second sheet, linked to their customer by code, USCC or name (the
customers of the same run included)."""

from __future__ import annotations

from pathlib import Path

from kehu.core.i18n import N_
from kehu.db import completeness, dossier_writes, search_index
from kehu.db.bulk import insert_rows
from kehu.db.connection import write
from kehu.db.models import KeyPerson, now
from kehu.exchange import xlsx_columns as columns
from kehu.exchange.xlsx_reading import open_table, read_preview
from kehu.exchange.xlsx_rows import ParsedRow, RowConverter, problem

from .customers import PERSON_INSERT_COLUMNS, CustomerImporter, person_key, person_row
from .duplicates import normalise_name
from .plan import PREVIEW_ROWS, ImportFailed, RowStream, matcher_for
from .report import ImportReport

PERSONS = N_("Reading key persons")


def import_persons_sheet(importer: CustomerImporter, path: Path, sheet: str) -> None:
    """Read the key-person sheet and add its persons (after the customers of the run)."""
    report = importer.report
    with open_table(path, sheet) as table:
        mapping = columns.detect_header(read_preview(table, PREVIEW_ROWS), matcher_for("persons"))
        if mapping is None or mapping.missing("persons"):
            raise ImportFailed(
                N_(
                    "No key-person header in the sheet '{sheet}' (customer code/name and "
                    "name are needed)"
                ),
                sheet=sheet,
            )
        converter = RowConverter(mapping, table.scan, table.epoch1904)
        pending: list[tuple[int, dict]] = []
        counted = ImportReport("persons", path, sheet, True)
        stream = RowStream(
            table, mapping, importer.options.skip_hidden_rows, counted, importer.job, PERSONS
        )
        for number, raw in stream:
            row = converter.convert(number, raw)
            report.problems.extend(row.problems)
            cid = _customer_of(importer, row)
            if row.rejected or cid is None:
                report.reject(row, raw, [p for p in row.problems if p.error])
                continue
            key = person_key(cid, row.person)
            if key in importer.persons_seen:
                repeated = problem(
                    number,
                    N_("The key person {name} was imported already (same name and phone)"),
                    error=False,
                    name=row.person.get("name"),
                )
                report.problems.append(repeated)
                continue
            importer.persons_seen.add(key)
            pending.append((cid, row.person))
    if not importer.options.dry_run and pending:
        _write_persons(importer, pending)


def _customer_of(importer: CustomerImporter, row: ParsedRow) -> int | None:
    links, keys = row.links, importer.keys
    cid = None
    if links.get("customer_code"):
        cid = keys.customer("code", links["customer_code"])
    if cid is None and links.get("customer_uscc"):
        cid = keys.customer("uscc", links["customer_uscc"])
    if cid is None and links.get("customer_name"):
        cid = keys.customer("name", normalise_name(links["customer_name"]))
    if cid is None or (cid > 0 and not importer.can_change(cid)):  # < 0: a dry run's row
        row.problems.append(
            problem(row.number, N_("The customer of this key person was not found"))
        )
        return None
    if not row.person.get("name"):
        row.problems.append(problem(row.number, N_("The key person has no name")))
        return None
    return cid


def _write_persons(importer: CustomerImporter, pending: list[tuple[int, dict]]) -> None:
    """Persons of customers created by this run go in directly; persons of existing customers
    are updates of those dossiers (history, version, undo snapshot)."""
    created = set(importer.report.created_ids)
    stamp = str(now())

    def run() -> None:
        positions: dict[int, int] = {}
        rows = []
        existing = []
        for cid, person in pending:
            if cid not in created:
                existing.append((cid, ParsedRow(0, (), person=person)))
                continue
            if cid not in positions:
                positions[cid] = dossier_writes.person_count(cid)
            rows.append(person_row(cid, person, positions[cid], stamp))
            positions[cid] += 1
        insert_rows(KeyPerson, PERSON_INSERT_COLUMNS, rows)
        search_index.refresh(positions)
        completeness.refresh(positions)
        importer.report.updated += len(importer.updates.apply(existing))

    write(importer.db, run)
