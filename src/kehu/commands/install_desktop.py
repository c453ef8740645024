"""`kehu install-desktop [--remove]`: menu entry, icons and AppStream metainfo in ~/.local/share."""

from __future__ import annotations

import argparse

from kehu import desktop_files
from kehu.commands._context import language
from kehu.core.i18n import N_, translate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "install-desktop",
        help=N_("add kehu to the desktop's application menu (Linux; in ~/.local/share)"),
    )
    parser.add_argument(
        "--remove", action="store_true", help=N_("remove the menu entry, icons and metainfo")
    )
    parser.set_defaults(func=cmd_install_desktop)


def cmd_install_desktop(args: argparse.Namespace) -> int:
    lang = language(args)
    if not desktop_files.supported():
        print(translate(N_("Not needed here: the installer adds kehu to the menu."), lang))
        return 1
    if args.remove:
        removed = desktop_files.uninstall()
        print(translate(N_("{n} files removed."), lang, n=len(removed)))
        return 0
    written = desktop_files.install()
    print(translate(N_("{n} files written under {folder}."), lang, n=len(written),
                    folder=desktop_files.data_home()))  # fmt: skip
    print(translate(N_("Menu entry: {path}"), lang, path=written[0]))
    return 0
