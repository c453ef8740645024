"""`kehu duplicates [--min-score S] [--format table|xlsx] [--output FILE]`: likely duplicate
customers among those the user may see, best first."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehu.commands._context import ProgressLine, acting_user, language, workspace
from kehu.core.i18n import N_, UserError, translate
from kehu.services import duplicates


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("duplicates", help=N_("find likely duplicate customers"))
    parser.add_argument(
        "--min-score",
        type=float,
        default=duplicates.DEFAULT_MIN_SCORE,
        help=N_("lowest score shown, 0–100 (default {score})").format(
            score=duplicates.DEFAULT_MIN_SCORE
        ),
    )
    parser.add_argument("--format", choices=("table", "xlsx"), default="table")
    parser.add_argument("--output", type=Path, help=N_("the xlsx file to write"))
    parser.add_argument("--limit", type=int, default=0, help=N_("at most N pairs (0: all)"))
    parser.add_argument("--quiet", action="store_true", help=N_("no progress line"))
    parser.set_defaults(func=cmd_duplicates)


def cmd_duplicates(args: argparse.Namespace) -> int:
    lang = language(args)
    if not 0 <= args.min_score <= 100:
        raise UserError(N_("The score is between 0 and 100."))
    if args.format == "xlsx" and args.output is None:
        raise UserError(N_("Say where to write the Excel file with --output FILE.xlsx."))
    ws = workspace(args)
    user = acting_user(ws)
    with ProgressLine(lang, args.quiet) as job:
        pairs = duplicates.scan(user, args.min_score, job=job)
    if args.limit > 0:
        pairs = pairs[: args.limit]
    if args.format == "xlsx":
        count = duplicates.write_xlsx(args.output, user, pairs, lang)
        print(
            translate(N_("{count:,} pairs written to {path}"), lang, count=count, path=args.output)
        )
        return 0
    if not pairs:
        print(translate(N_("No likely duplicates found."), lang))
        return 1
    labels = [translate(label, lang) for label in duplicates.REPORT_LABELS]
    print("\t".join(labels))
    for row in duplicates.report_rows(pairs, lang):
        print("\t".join(str(value) for value in row))
    print(translate(N_("{count:,} pairs"), lang, count=len(pairs)), file=sys.stderr)
    return 0
