"""`kehu repair`: rebuild indexes, triggers, counts and search keys; say what was done."""

from __future__ import annotations

import argparse

from kehu.commands._context import ProgressLine, acting_user, language, workspace
from kehu.commands.database import print_findings
from kehu.core.i18n import N_, translate
from kehu.services import repair


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "repair", help=N_("rebuild indexes, triggers, counts and search keys")
    )
    parser.add_argument("--quiet", action="store_true", help=N_("no progress line"))
    parser.set_defaults(func=cmd_repair)


def cmd_repair(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    with ProgressLine(lang, args.quiet) as job:
        report = repair.repair(ws.database, acting_user(ws), job)
    if report.nothing_to_do:
        print(translate(N_("Nothing needed rebuilding."), lang))
    for done in report.done:
        print("✓ " + done.message(lang))
    print_findings(report.after, lang)
    return 0 if report.after.healthy else 1
