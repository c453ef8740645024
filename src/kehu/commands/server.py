"""`kehu server init|migrate|export`: a database on a PostgreSQL server (docs/SERVER.md)."""

from __future__ import annotations

import argparse

from kehu.commands._context import acting_user, language, workspace
from kehu.core.i18n import N_, translate
from kehu.db import migrations
from kehu.db.server import display_url
from kehu.services import server_admin

URL_HELP = N_("the server database's address: postgresql://user@host:port/name")


def register(subparsers: argparse._SubParsersAction) -> None:
    server = subparsers.add_parser(
        "server", help=N_("set up a server database, or move a database to or from a server")
    )
    verbs = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = verbs.add_parser(
        "init",
        help=N_("set up a server database: schema, roles, row-level security (administrator)"),
    )
    init.add_argument("url", metavar="URL", help=URL_HELP)
    init.set_defaults(func=cmd_init)
    move = verbs.add_parser(
        "migrate", help=N_("copy a database file to an empty server database, verified")
    )
    move.add_argument("file", metavar="FILE", help=N_("the database file"))
    move.add_argument("url", metavar="URL", help=URL_HELP)
    move.set_defaults(func=cmd_migrate)
    export = verbs.add_parser(
        "export", help=N_("copy a server database into a new database file, verified")
    )
    export.add_argument("url", metavar="URL", help=URL_HELP)
    export.add_argument("file", metavar="FILE", help=N_("the new database file"))
    export.set_defaults(func=cmd_export)


def cmd_init(args: argparse.Namespace) -> int:
    lang = language(args)
    args.db = args.url
    ws = workspace(args, create=True)
    try:
        role = server_admin.secure(ws.database.db, acting_user(ws))
    finally:
        ws.database.close()
    text = N_("{url} is ready (schema {version}, row-level security on); {role} administers it.")
    print(
        translate(
            text, lang, url=display_url(args.url), version=migrations.latest_version(), role=role
        )
    )
    return 0


def _done(moved: server_admin.Moved, lang: str) -> None:
    print(moved.message(lang))


def cmd_migrate(args: argparse.Namespace) -> int:
    lang = language(args)
    args.db = args.file
    ws = workspace(args)
    try:
        moved = server_admin.move_to_server(ws.database.db, acting_user(ws), args.url)
    finally:
        ws.database.close()
    _done(moved, lang)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    lang = language(args)
    args.db = args.url
    ws = workspace(args)
    try:
        moved = server_admin.export_to_file(ws.database.db, acting_user(ws), args.file)
    finally:
        ws.database.close()
    _done(moved, lang)
    return 0
