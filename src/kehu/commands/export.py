"""`kehu export --format xlsx|pdf --kind … OUT`: one command, two writers."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from kehu.commands._context import acting_user, workspace
from kehu.core.language import pick
from kehu.services.selection import Selection, resolve

# format → (module, kinds). Each module has
#   export(kind, customer_ids, out_path, user, options) -> Path
WRITERS = {
    "xlsx": ("kehu.exchange.xlsx_export", ("list", "card", "form")),
    "pdf": ("kehu.exchange.pdf_export", ("card", "route", "form", "labels", "visits")),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help=pick("导出 Excel 或 PDF", "export Excel or PDF"))
    parser.add_argument("--format", choices=sorted(WRITERS), required=True)
    parser.add_argument(
        "--kind", required=True, help="xlsx: list|card|form; pdf: card|route|form|labels|visits"
    )
    parser.add_argument(
        "--customers",
        default="",
        help=pick("客户编号，逗号分隔", "customer codes, comma-separated"),
    )
    parser.add_argument(
        "--category",
        help=pick("分类（名称或编号，含子分类）", "category (name or id, with sub-categories)"),
    )
    parser.add_argument("--route", help=pick("路线（名称或编号）", "route (name or id)"))
    parser.add_argument("--search", help=pick("搜索文字", "search text"))
    parser.add_argument(
        "--archived", action="store_true", help=pick("包括已归档客户", "include archived customers")
    )
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=pick("导出选项", "writer option"),
    )
    parser.add_argument("out")
    parser.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    module_name, kinds = WRITERS[args.format]
    if args.kind not in kinds:
        print(
            pick(
                f"{args.format} 不支持 --kind {args.kind}，可选：{'、'.join(kinds)}",
                f"{args.format} has no kind '{args.kind}'; choose from {', '.join(kinds)}",
            )
        )
        return 2
    ws = workspace(args)
    user = acting_user(ws)
    selection = Selection(
        codes=[c.strip() for c in args.customers.split(",") if c.strip()],
        category=args.category,
        route=args.route,
        search=args.search,
        include_archived=args.archived,
    )
    ids = resolve(selection, user)
    options = dict(item.split("=", 1) for item in args.option if "=" in item)
    options["selection"] = selection.describe()
    if args.route:
        options.setdefault("route", args.route)
    writer = importlib.import_module(module_name)
    out = writer.export(args.kind, ids, Path(args.out), user, options)
    print(pick(f"已导出 {len(ids)} 位客户到 {out}", f"Exported {len(ids)} customers to {out}"))
    return 0
