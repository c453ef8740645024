"""init, check, backup and restore."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kehu.commands._context import ProgressLine, acting_user, language, workspace
from kehu.core.i18n import N_, translate
from kehu.db import errors, health
from kehu.db.backup import remove_with_journals
from kehu.db.connection import MODES, open_database
from kehu.services import backup as backup_service
from kehu.services import database_settings, repair


def register(subparsers: argparse._SubParsersAction) -> None:

    init = subparsers.add_parser("init", help=N_("create a database"))
    init.add_argument(
        "--mode",
        choices=MODES,
        default=None,
        help=N_("local: this computer (WAL); shared: a file on a network drive"),
    )
    init.set_defaults(func=cmd_init)

    check = subparsers.add_parser("check", help=N_("check integrity, schema and counts"))
    check.add_argument("--json", action="store_true", help=N_("print JSON"))
    check.set_defaults(func=cmd_check)

    backup = subparsers.add_parser("backup", help=N_("back up the database"))
    backup.add_argument(
        "file",
        nargs="?",
        help=N_("backup file (default: a backups folder beside the database)"),
    )
    backup.add_argument("--quiet", action="store_true", help=N_("no progress line"))
    backup.set_defaults(func=cmd_backup)

    restore = subparsers.add_parser(
        "restore",
        help=N_("restore a backup (verified first; the current database is kept aside)"),
    )
    restore.add_argument("file")
    restore.add_argument("--quiet", action="store_true", help=N_("no progress line"))
    restore.set_defaults(func=cmd_restore)


MODE_NAMES = {"local": N_("local"), "shared": N_("shared"), "server": N_("server")}


def mode_name(mode: str, lang: str) -> str:
    """The mode in the message's language (本机 / 共享): a message is in one language."""
    return translate(MODE_NAMES.get(mode, mode), lang)


def cmd_init(args: argparse.Namespace) -> int:
    lang = language(args)
    existed = Path(args.db).exists()
    # Over an existing file, changing its mode is a database setting: administrators only.
    ws = workspace(args, create=True, mode=None if existed else args.mode)
    if existed and args.mode:
        database_settings.change_mode(ws.database, args.mode, acting_user(ws))
    if existed and not ws.database.created:
        text = N_("The database already exists: {path} ({mode} mode)")
    else:
        text = N_("Created database {path} ({mode} mode)")
    print(translate(text, lang, path=ws.database.shown, mode=mode_name(ws.database.mode, lang)))
    return 0


# The row counts of `kehu check` (keys of `db.health.row_counts`, kept as they are in --json).
COUNT_LABELS = {
    "customers": N_("Customers"),
    "archived": N_("Archived customers"),
    "key_persons": N_("Key persons"),
    "schemes": N_("Classification schemes"),
    "categories": N_("Categories"),
    "routes": N_("Routes"),
    "route_stops": N_("Route stops"),
    "visits": N_("Visits"),
    "sale_lines": N_("Sale lines"),
    "users": N_("Users"),
    "audit_entries": N_("Audit entries"),
}


def cmd_check(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    found = repair.health_report(ws.database, acting_user(ws))
    report = {
        "path": ws.database.shown,
        "mode": ws.database.mode,
        "read_only": ws.database.read_only,
        "journal_mode": found.journal_mode,
        "schema_version": found.schema_version,
        "latest_schema_version": found.latest_schema_version,
        "integrity": found.integrity,
        "foreign_key_problems": found.foreign_key_problems,
        "counts": found.counts,
        "problems": [
            {"code": p.code, "repairable": p.repairable, "message": p.message(lang)}
            for p in found.problems
        ],
        "notes": [n.message(lang) for n in found.notes],
        "healthy": found.healthy,
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0 if found.healthy else 1
    lines = (
        (N_("Database: {value}"), report["path"]),
        (N_("Mode: {value}"), _mode_shown(ws.database, found, lang)),
        (N_("Schema version: {value}"), found.schema_version),
        (
            N_("Integrity: {value}"),
            translate(N_("ok"), lang) if found.integrity == "ok" else found.integrity,
        ),
        (N_("Foreign-key problems: {value}"), found.foreign_key_problems),
    )
    for text, value in lines:
        print(translate(text, lang, value=value))
    for name, value in found.counts.items():
        label = translate(COUNT_LABELS[name], lang) if name in COUNT_LABELS else name
        print(f"  {label}: {value:,}")
    print_findings(found, lang)
    return 0 if found.healthy else 1


def _mode_shown(database, found: health.Health, lang: str) -> str:
    if database.is_server:
        return mode_name(database.mode, lang)  # no journal: the server keeps its own files
    return f"{mode_name(database.mode, lang)} ({found.journal_mode})"


def print_findings(found: health.Health, lang: str) -> None:
    """The problems in plain words, the notes, and the verdict with what to do."""
    for problem in found.problems:
        print("✗ " + problem.message(lang))
    for found_note in found.notes:
        print("· " + found_note.message(lang))
    if found.healthy:
        print(translate(N_("The database is healthy."), lang))
    elif found.repairable:
        print(
            translate(
                N_("The database has problems: `kehu repair` rebuilds what is marked repairable."),
                lang,
            )
        )
    else:
        print(translate(N_("The database has problems: restore a backup."), lang))


def cmd_backup(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    with ProgressLine(lang, args.quiet) as job:
        target = backup_service.backup(
            ws.database, Path(args.file) if args.file else None, job, by=acting_user(ws)
        )
    print(translate(N_("Backed up to {path}"), lang, path=target))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    lang = language(args)
    backup_service.check_restorable(args.db)  # a server's backups are pg_restore's
    # who restores: signed in as for every command, before anything moves
    try:
        ws = workspace(args, create=True)
    except (errors.DamagedDatabaseError, errors.NotADatabaseError, errors.EmptyFileError):
        user, damaged = None, True  # nobody can sign in to a file that cannot be read
    else:
        user, damaged = acting_user(ws), False
        ws.database.close()
        if ws.database.created:  # nothing was there: the empty file made to sign in goes
            remove_with_journals(ws.database.path)
    with ProgressLine(lang, args.quiet) as job:
        restored = backup_service.restore(
            Path(args.file), Path(args.db), job, by=user, damaged=damaged
        )
    final = open_database(restored.path, create=False, bind=False)  # migrates an older backup
    print(
        translate(
            N_("Restored {source} to {path} ({mode} mode)."),
            lang,
            source=args.file,
            path=final.path,
            mode=mode_name(final.mode, lang),
        )
    )
    final.close()
    if restored.kept:
        print(translate(N_("The previous database was kept as {path}"), lang, path=restored.kept))
    return 0
