"""`kehu audit`: read the audit trail (档案使用全过程可追溯) — administrators all entries, managers
their team's — filtered by user, action, dates and customer; printed, or written to Excel."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from kehu.commands._context import acting_user, language, workspace
from kehu.core.i18n import N_, translate
from kehu.services import audit_trail, users


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "audit", help=N_("read the audit trail (administrators; managers their team's)")
    )
    parser.add_argument("--of", dest="of_user", metavar="NAME", help=N_("only this user's"))
    parser.add_argument("--action", help=N_("only this action (login, export, transfer…)"))
    parser.add_argument("--from", dest="start", type=dt.date.fromisoformat, metavar="DATE")
    parser.add_argument("--to", dest="end", type=dt.date.fromisoformat, metavar="DATE")
    parser.add_argument("--customer", metavar="CODE", help=N_("only this customer's"))
    parser.add_argument("--limit", type=int, default=200, help=N_("at most N (200)"))
    parser.add_argument("--output", help=N_("write the entries to this .xlsx"))
    parser.set_defaults(func=cmd_audit)


def cmd_audit(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    by = acting_user(ws)
    wanted = audit_trail.TrailFilter(
        user_id=users.find_user(args.of_user).id if args.of_user else None,
        action=args.action or None,
        start=args.start,
        end=args.end,
        customer_code=args.customer,
    )
    if args.output:
        count = audit_trail.export_xlsx(by, wanted, Path(args.output), lang)
        text = N_("Wrote {n} audit entries to {path}")
        print(translate(text, lang, n=count, path=args.output))
        return 0
    for row in audit_trail.rows(by, wanted, limit=args.limit):
        print("\t".join(audit_trail.cells(row, lang)[:5]))
    return 0
