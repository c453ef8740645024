"""`kehu analyse composition|products|abc|trend|completeness [--from D --to D] [--by SCHEME]
[--format table|xlsx|pdf] [OUT]`, and `kehu analyse abc --apply [--dry-run]` / `--undo`."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from decimal import Decimal

from kehu.commands._context import acting_user, language, workspace
from kehu.core.i18n import N_, UserError, translate
from kehu.core.periods import PRESETS, custom, preset
from kehu.services import analysis_abc, analysis_report, exports


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyse", help=N_("sales composition, ABC grading, trend, dossier completeness")
    )
    parser.add_argument("analysis", choices=list(analysis_report.ANALYSES))
    _options(parser)
    # OUT may come after options (argparse would not find it there): the rest is parsed again
    parser.add_argument(
        "rest", nargs=argparse.REMAINDER, metavar="OUT", help=N_("file to write (xlsx or pdf)")
    )
    parser.set_defaults(func=cmd_analyse)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="first", metavar="D", help=N_("first month (2026-01)"))
    parser.add_argument("--to", dest="last", metavar="D", help=N_("last month (2026-12)"))
    parser.add_argument(
        "--period",
        choices=[p for p in PRESETS if p != "custom"],
        help=N_("this month, quarter, year or the last 12 months (12m, the default)"),
    )
    parser.add_argument(
        "--by", metavar="SCHEME", help=N_("scheme (grade, nature, trade_type, region…) or owner")
    )
    parser.add_argument("--format", choices=("table", "xlsx", "pdf"), default="table")
    parser.add_argument("--a", type=int, default=80, help=N_("ABC: A up to this cumulative %"))
    parser.add_argument("--b", type=int, default=95, help=N_("ABC: B up to this cumulative %"))
    parser.add_argument("--apply", action="store_true", help=N_("ABC: apply the proposed grades"))
    parser.add_argument(
        "--dry-run", action="store_true", help=N_("ABC: only say what would change")
    )
    parser.add_argument("--undo", action="store_true", help=N_("ABC: undo the latest grading"))


def _parse_rest(args: argparse.Namespace) -> None:
    """OUT and the options written after the analysis name."""
    again = argparse.ArgumentParser(prog="kehu analyse", add_help=False)
    _options(again)
    again.add_argument("out", nargs="?")
    for action in again._actions:
        action.default = getattr(args, action.dest, action.default)
    again.parse_intermixed_args(args.rest, namespace=args)


def cmd_analyse(args: argparse.Namespace) -> int:
    lang = language(args)
    _parse_rest(args)
    try:
        ws = workspace(args)
        return _run(args, acting_user(ws), lang)
    except UserError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2


def _period(args: argparse.Namespace):
    if args.first or args.last:
        return custom(args.first, args.last)
    return preset(args.period or "12m")


def _run(args: argparse.Namespace, user, lang: str) -> int:
    tr = lambda text, **v: translate(text, lang, **v)  # noqa: E731
    if (args.apply or args.undo or args.dry_run) and args.analysis != "abc":
        print(tr(N_("--apply, --dry-run and --undo belong to 'abc'")), file=sys.stderr)
        return 2
    if args.undo:
        done = analysis_abc.undo(user)
        print(
            tr(
                N_("Grades of {n} customers given back ({skipped} changed since, kept)"),
                n=done.restored,
                skipped=done.skipped,
            )
        )
        return 0
    period = _period(args)
    thresholds = (args.a, args.b)
    if args.apply or args.dry_run:
        proposal = analysis_abc.propose(user, period, thresholds, lang)
        changes = proposal.transitions()
        for (old, new), n in sorted(changes.items()):
            print(f"{old or tr(N_('none'))} → {new}\t{n}")
        if args.dry_run or not changes:
            print(
                tr(
                    N_("{n} customers would change grade (nothing written)"),
                    n=sum(changes.values()),
                )
            )
            return 0
        applied = analysis_abc.apply(user, proposal)
        print(
            tr(
                N_("{n} customers regraded in one step (undo: kehu analyse abc --undo)"),
                n=applied.changed,
            )
        )
        return 0
    if args.format != "table":
        if not args.out:
            print(tr(N_("Say which file to write (OUT)")), file=sys.stderr)
            return 2
        options = {
            "analysis": args.analysis,
            "first": period.first,
            "last": period.last,
            "by": args.by or "",
            "thresholds": f"{args.a},{args.b}",
        }
        out = exports.export(args.format, "analysis", [], args.out, user, options, lang=lang)
        print(tr(N_("Written: {path}"), path=out))
        return 0
    report = analysis_report.build(user, args.analysis, period, args.by, thresholds, lang)
    _print_table(report)
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,}"
    return str(value)


def _print_table(report: analysis_report.Report) -> None:
    print(report.title)
    print(report.subtitle)
    cells = [[_cell(v) for v in row] for row in report.rows]
    widths = [_width(c) for c in report.columns]
    for row in cells:
        widths = [max(w, _width(c)) for w, c in zip(widths, row + [""] * len(widths), strict=False)]

    def line(values: list[str]) -> str:
        parts = []
        for index, value in enumerate(values):
            pad = " " * (widths[index] - _width(value))
            parts.append(value + pad if index == 0 or not _numeric(value) else pad + value)
        return "  ".join(parts).rstrip()

    print(line(report.columns))
    for row in cells:
        print(line(row))
    for note in report.notes:
        print(note)


def _numeric(text: str) -> bool:
    return bool(text) and text.replace(",", "").replace(".", "").replace("-", "").isdigit()
