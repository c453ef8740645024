"""`kehu import FILE`: customers, key persons, sale lines or filled-in customer forms.

Also `kehu import --undo BATCH` and `kehu import --list` (recent imports).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehu.commands._context import acting_user, language, workspace
from kehu.core.i18n import N_, translate
from kehu.core.jobs import Cancelled, Job, Progress
from kehu.exchange.xlsx_columns import MappingFileError, load_saved
from kehu.exchange.xlsx_reading import SpreadsheetError
from kehu.services import imports

MAX_LISTED = 30


def register(subparsers: argparse._SubParsersAction) -> None:

    parser = subparsers.add_parser("import", help=N_("import from Excel or CSV"))
    parser.add_argument("file", nargs="?", help=N_(".xlsx or .csv file"))
    parser.add_argument("--sheet", help=N_("sheet name"))
    parser.add_argument("--persons-sheet", help=N_("second sheet with key persons"))
    parser.add_argument("--mapping", help=N_("column mapping file (JSON)"))
    parser.add_argument("--save-mapping", help=N_("save the detected mapping"))
    parser.add_argument("--kind", choices=imports.KINDS, default="customers")
    parser.add_argument(
        "--on-duplicate",
        choices=imports.ON_DUPLICATE,
        default="skip",
        help=N_("duplicates: skip / update empty fields / overwrite / import anyway"),
    )
    parser.add_argument("--dry-run", action="store_true", help=N_("check only, write nothing"))
    parser.add_argument("--skip-hidden-rows", action="store_true", help=N_("skip hidden rows"))
    parser.add_argument(
        "--create-categories",
        action="store_true",
        help=N_(
            "create missing categories (a path such as East/Shanghai is found and created "
            "level by level)"
        ),
    )
    parser.add_argument("--rejected", help=N_("write rejected rows to this .xlsx"))
    parser.add_argument("--undo", type=int, metavar="BATCH", help=N_("undo an import"))
    parser.add_argument("--force", action="store_true", help=N_("undo despite later edits"))
    parser.add_argument("--list", action="store_true", help=N_("recent imports"))
    parser.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args, create=True)  # importing into a new file makes the database
    user = acting_user(ws)
    if args.list:
        return _list(user)
    try:
        if args.undo is not None:
            count = imports.undo(args.undo, user, force=args.force)
            text = N_("Import {batch} undone ({n} records)")
            print(translate(text, lang, batch=args.undo, n=count))
            return 0
        if not args.file:
            print(translate(N_("Name the file to import"), lang), file=sys.stderr)
            return 2
        options = imports.ImportOptions(
            kind=args.kind,
            sheet=args.sheet,
            persons_sheet=args.persons_sheet,
            saved_mapping=load_saved(args.mapping) if args.mapping else None,
            on_duplicate=args.on_duplicate,
            dry_run=args.dry_run,
            skip_hidden_rows=args.skip_hidden_rows,
            create_categories=args.create_categories,
        )
        if args.save_mapping and args.kind != "forms":
            _save_mapping(args, options, lang)
        report = imports.run_import(args.file, user, options, _progress_job(lang))
    except (SpreadsheetError, imports.ImportFailed, MappingFileError) as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    except Cancelled:
        print(translate(N_("Cancelled: nothing was imported"), lang), file=sys.stderr)
        return 130
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    _print_report(report, args, lang)
    return 1 if report.rejected and not report.created and not report.updated else 0


def _progress_job(lang: str) -> Job:
    """A job that shows the rows read so far on a terminal (Ctrl+C cancels the run)."""
    if not sys.stderr.isatty():
        return Job()

    def show(progress: Progress) -> None:
        stage = translate(progress.stage, lang) if progress.stage else ""
        print(f"\r{stage} {progress.done}", end="", file=sys.stderr, flush=True)

    return Job(show)


def _save_mapping(args: argparse.Namespace, options: imports.ImportOptions, lang: str) -> None:
    inspection = imports.inspect(args.file, args.kind, args.sheet, options.saved_mapping, lang)
    if inspection.mapping is not None:
        Path(args.save_mapping).write_text(inspection.mapping.to_json(args.kind), "utf-8")
        print(translate(N_("Mapping saved to {path}"), lang, path=args.save_mapping))


def _print_report(report: imports.ImportReport, args: argparse.Namespace, lang: str) -> None:
    print(report.summary(lang))
    for problem in report.errors[:MAX_LISTED]:
        print("  ✗ " + problem.message(lang))
    for problem in report.warnings[:MAX_LISTED]:
        print("  ! " + problem.message(lang))
    for duplicate in report.duplicates[:MAX_LISTED]:
        print("  = " + duplicate.message(lang))
    hidden = len(report.problems) + len(report.duplicates) - 3 * MAX_LISTED
    if hidden > 0:
        print(translate(N_("  … {n} more (see the report file)"), lang, n=hidden))
    if report.batch_id:
        text = N_("Import number {batch}; undo with: kehu import --undo {batch}")
        print(translate(text, lang, batch=report.batch_id))
    if not (report.rejected_rows or report.warnings):
        return
    if not args.rejected:  # nothing is written unless asked (a dry run writes nothing at all)
        print(translate(N_("Write the rejected rows and warnings with --rejected FILE.xlsx"), lang))
        return
    if Path(args.rejected).exists():
        text = N_("{path} exists and was not overwritten; name a new file with --rejected")
        print(translate(text, lang, path=args.rejected), file=sys.stderr)
        return
    path = report.write_rejected(args.rejected, lang)
    print(translate(N_("Rejected rows and warnings written to {path}"), lang, path=path))


def _list(user) -> int:
    for batch in imports.recent_batches(user):
        print(
            f"{batch.id:>5}  {batch.started_at}  {batch.kind:<9} {batch.status:<9} "
            f"+{batch.rows_created} ~{batch.rows_updated} ✗{batch.rows_rejected}  {batch.filename}"
        )
    return 0
