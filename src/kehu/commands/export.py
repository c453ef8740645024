"""`kehu export --format xlsx|pdf --kind … OUT`: one command for every kind of the export
registry (`kehu.services.exports.KINDS`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehu.commands._context import acting_user, language, workspace
from kehu.core.i18n import N_, UserError
from kehu.services import exports
from kehu.services.selection import Selection, resolve


def _kinds_help() -> str:
    return "; ".join(f"{fmt}: {'|'.join(exports.kind_names(fmt))}" for fmt in exports.FORMATS)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help=N_("export Excel or PDF"))
    parser.add_argument("--format", choices=exports.FORMATS, required=True)
    parser.add_argument(
        "--kind", required=True, choices=[k.name for k in exports.KINDS], help=_kinds_help()
    )
    parser.add_argument(
        "--customers",
        default="",
        help=N_("customer codes, comma-separated"),
    )
    parser.add_argument(
        "--category",
        help=N_("category (name or id, with sub-categories)"),
    )
    parser.add_argument("--route", help=N_("route (name or id)"))
    parser.add_argument("--search", help=N_("search text"))
    parser.add_argument("--archived", action="store_true", help=N_("include archived customers"))
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=N_(
            "writer option (e.g. reveal=1: sensitive fields unmasked, admins and managers only)"
        ),
    )
    parser.add_argument("out")
    parser.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    lang = language(args)
    if args.kind not in exports.kind_names(args.format):
        error = exports.ExportError(
            N_("{fmt} has no kind '{kind}'; choose from {kinds}"),
            fmt=args.format,
            kind=args.kind,
            kinds=", ".join(exports.kind_names(args.format)),
        )
        print(error.message(lang))
        return 2
    ws = workspace(args)
    user = acting_user(ws)
    options = dict(item.split("=", 1) for item in args.option if "=" in item)
    try:
        return _export(args, user, options, lang)
    except UserError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2


def _export(args: argparse.Namespace, user, options: dict[str, str], lang: str) -> int:
    exports.prepare(args.format, args.kind, user, options, lang)  # rights before any reading
    selection = Selection(
        codes=[c.strip() for c in args.customers.split(",") if c.strip()],
        category=args.category,
        route=args.route,
        search=args.search,
        include_archived=args.archived,
    )
    ids = resolve(selection, user)
    options["selection"] = selection.describe()
    if args.route:
        options.setdefault("route", args.route)
    done = exports.export_file(
        args.format, args.kind, ids, Path(args.out), user, options, lang=lang
    )
    kind = exports.find_kind(args.format, args.kind)
    print(kind.done_message(lang, done.rows, done.pages, done.path))
    return 0
