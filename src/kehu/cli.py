"""The command line: `kehu [--db PATH] COMMAND …`. Each command lives in `kehu.commands`."""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from kehu import __version__, commands
from kehu.config import default_database_path, setup_logging
from kehu.core.language import pick, set_language
from kehu.db.errors import DatabaseError

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kehu",
        description=pick(
            "客户档案管理。不带命令时打开主窗口。",
            "kehu client records. Without a command, opens the main window.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"kehu {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=pick(
            "数据库文件（默认：用户数据文件夹中的 kehu.db）",
            "database file (default: kehu.db in the user data folder)",
        ),
    )
    parser.add_argument(
        "--lang",
        choices=("en", "zh_CN"),
        default=None,
        help=pick("界面语言（默认跟随系统）", "language (default: the system's)"),
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=None,
        help=pick(
            "以该用户身份运行（数据库有多个用户时）",
            "act as this user (databases with several users)",
        ),
    )
    parser.add_argument("-v", "--verbose", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"kehu.commands.{module_info.name}")
        module.register(subparsers)
    parser.set_defaults(func=None)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", default=None)
    known, _ = pre.parse_known_args(argv)
    set_language(known.lang)
    args = build_parser().parse_args(argv)
    if args.db is None:
        args.db = str(default_database_path())
    return args


def run(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    try:
        return int(args.func(args) or 0)
    except DatabaseError as exc:
        print(exc.message(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(pick("已取消。", "Cancelled."), file=sys.stderr)
        return 130
    except Exception as exc:  # the message a user can act on has a .message()
        message = getattr(exc, "message", None)
        if callable(message):
            print(message(), file=sys.stderr)
            return 1
        logger.exception("command failed")
        raise
