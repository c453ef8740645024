"""`kehu demo --customers N`: fill the database with realistic demo data."""

from __future__ import annotations

import argparse
import sys
import time

from kehu.commands._context import acting_user, workspace
from kehu.core.language import pick
from kehu.services import demo

STAGES_ZH = {
    "customers": "客户",
    "key persons": "关键人物",
    "classifications": "分类",
    "visits": "访问记录",
    "sales": "销售记录",
    "search keys": "搜索索引",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help=pick("生成演示数据", "fill in demo data"))
    parser.add_argument(
        "--customers",
        type=int,
        default=1000,
        help=pick("客户数量（默认 1000）", "number of customers (default 1000)"),
    )
    parser.add_argument("--seed", type=int, default=2024, help=pick("随机种子", "random seed"))
    parser.add_argument("--quiet", action="store_true")
    parser.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    ws = workspace(args)
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if args.quiet or (now - last[0] < 1 and done < total):
            return
        last[0] = now
        label = pick(STAGES_ZH.get(stage, stage), stage)
        print(f"\r{label}: {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    result = demo.generate(args.customers, seed=args.seed, user=acting_user(ws), progress=progress)
    seconds = time.perf_counter() - started
    if not args.quiet:
        print(file=sys.stderr)
    print(
        pick(
            f"已生成 {result.customers:,} 位客户、{result.key_persons:,} 位关键人物、"
            f"{result.routes:,} 条路线、{result.visits:,} 条访问记录、{result.sale_lines:,} 条销售记录，"
            f"用时 {seconds:.1f} 秒。",
            f"Generated {result.customers:,} customers, {result.key_persons:,} key persons, "
            f"{result.routes:,} routes, {result.visits:,} visits and {result.sale_lines:,} sale lines "
            f"in {seconds:.1f} s.",
        )
    )
    return 0
