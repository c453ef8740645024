"""`kehu demo --customers N`: fill the database with realistic demo data."""

from __future__ import annotations

import argparse
import time

from kehu.commands._context import ProgressLine, acting_user, language, workspace
from kehu.core.i18n import N_, translate
from kehu.services import demo


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help=N_("fill in demo data"))
    parser.add_argument(
        "--customers",
        type=int,
        default=1000,
        help=N_("number of customers (default 1000)"),
    )
    parser.add_argument("--seed", type=int, default=2024, help=N_("random seed"))
    parser.add_argument("--quiet", action="store_true", help=N_("no progress line"))
    parser.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    ws = workspace(args, create=True)  # demo data into a new file makes the database
    lang = language(args)
    started = time.perf_counter()
    with ProgressLine(lang, args.quiet) as job:
        result = demo.generate(args.customers, seed=args.seed, user=acting_user(ws), job=job)
    seconds = time.perf_counter() - started
    print(
        translate(
            N_(
                "Generated {customers:,} customers, {persons:,} key persons, {routes:,} routes, "
                "{visits:,} visits and {sales:,} sale lines in {seconds:.1f} s."
            ),
            lang,
            customers=result.customers,
            persons=result.key_persons,
            routes=result.routes,
            visits=result.visits,
            sales=result.sale_lines,
            seconds=seconds,
        )
    )
    return 0
