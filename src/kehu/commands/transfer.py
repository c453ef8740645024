"""`kehu transfer` and `kehu share`: give customers to another owner (一键转换负责人), share them
with a colleague (一键共享客户) or take the share back."""

from __future__ import annotations

import argparse

from kehu.commands._context import acting_user, language, workspace
from kehu.core.i18n import N_, translate
from kehu.services import transfer, users
from kehu.services.selection import Selection, resolve


def register(subparsers: argparse._SubParsersAction) -> None:
    move = subparsers.add_parser(
        "transfer", help=N_("give customers to another owner (all of a user's, or by code)")
    )
    move.add_argument("--to", required=True, metavar="NAME", help=N_("the new owner"))
    move.add_argument("--from", dest="from_user", metavar="NAME", help=N_("all of this user's"))
    move.add_argument("--codes", help=N_("customer codes, comma-separated"))
    move.set_defaults(func=cmd_transfer)

    share = subparsers.add_parser("share", help=N_("share customers with a colleague"))
    share.add_argument("--with", dest="with_user", required=True, metavar="NAME")
    share.add_argument("--codes", required=True, help=N_("customer codes, comma-separated"))
    share.add_argument("--edit", action="store_true", help=N_("allow editing too"))
    share.add_argument("--remove", action="store_true", help=N_("take the share back"))
    share.set_defaults(func=cmd_share)


def _ids(codes: str, user) -> list[int]:
    wanted = [c.strip() for c in codes.split(",") if c.strip()]
    return resolve(Selection(codes=wanted, include_archived=True), user)


def cmd_transfer(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    by = acting_user(ws)
    to = users.find_user(args.to)
    source = users.find_user(args.from_user) if args.from_user else None
    ids = _ids(args.codes, by) if args.codes else None
    if ids is None and source is None:
        raise transfer.TransferError(N_("Choose customers, or the user whose customers move."))
    done = transfer.transfer(ids, to, by, from_user=source)
    text = N_("{n} customers now belong to {user} ({routes} routes and {stops} stops went along).")
    print(
        translate(
            text,
            lang,
            n=done.customers,
            user=to.display_name,
            routes=done.routes_given,
            stops=done.stops_moved,
        )
    )
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    by = acting_user(ws)
    colleague = users.find_user(args.with_user)
    ids = _ids(args.codes, by)
    if args.remove:
        n = transfer.unshare(ids, colleague, by)
        print(
            translate(
                N_("{n} customers are no longer shared with {user}."),
                lang,
                n=n,
                user=colleague.display_name,
            )
        )
    else:
        n = transfer.share(ids, colleague, args.edit, by)
        print(
            translate(
                N_("{n} customers shared with {user}."), lang, n=n, user=colleague.display_name
            )
        )
    return 0
