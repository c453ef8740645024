"""The command line: `kehu [--db PATH] COMMAND …`. Each command lives in `kehu.commands`.

The language is decided here, once: `--lang`, else the system locale. Commands read it as
`args.lang`; help texts marked with `N_()` are translated when the help is printed.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
import pkgutil
import re
import sys

from kehu import __version__, commands
from kehu.config import default_database_path, setup_logging
from kehu.core.i18n import LANGUAGES, N_, chosen_language, translate
from kehu.db.errors import DatabaseError

logger = logging.getLogger(__name__)


def help_formatter(lang: str) -> type[argparse.HelpFormatter]:
    """A help formatter that shows descriptions and help texts (English sources) in `lang`."""

    class TranslatedHelp(argparse.HelpFormatter):
        def _get_help_string(self, action: argparse.Action) -> str | None:
            if not action.help:
                return action.help
            # argparse formats help with %: a plain "cumulative %" must not break `--help`.
            return re.sub(r"%(?!\()", "%%", translate(action.help, lang))

        def _format_text(self, text: str) -> str:
            return super()._format_text(translate(text, lang) if text else text)

    return TranslatedHelp


# argparse's own words (gettext in the standard library, not translated there to Chinese): so
# that `kehu --lang zh_CN check --help` is Chinese throughout, not "usage:" and "options:".
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def speak_argparse(lang: str) -> None:
    """argparse says its own words (usage, options, errors) in `lang`."""
    argparse._ = lambda text: translate(text, lang)  # type: ignore[attr-defined]


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    speak_argparse(lang)
    formatter = help_formatter(lang)
    parser = argparse.ArgumentParser(
        prog="kehu",
        description=N_("kehu client records. Without a command, opens the main window."),
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"kehu {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=N_("database file (default: kehu.db in the user data folder)"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=N_("language (default: the system's)"),
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=None,
        help=N_("act as this user (databases with several users)"),
    )
    parser.add_argument("-v", "--verbose", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        parser_class=functools.partial(argparse.ArgumentParser, formatter_class=formatter),
    )
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"kehu.commands.{module_info.name}")
        module.register(subparsers)
    parser.set_defaults(func=None)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse the command line. `args.lang` stays None without `--lang`: the window then
    follows its settings; `run` decides the language of a command."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", default=None)
    known, _ = pre.parse_known_args(argv)
    lang = chosen_language(known.lang)
    args = build_parser(lang).parse_args(argv)
    if args.db is None:
        args.db = str(default_database_path())
    return args


def run(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    lang = args.lang = chosen_language(args.lang)
    try:
        return int(args.func(args) or 0)
    except DatabaseError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(translate(N_("Cancelled."), lang), file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped (`| head`): kehu.app ends quietly
        raise
    except Exception as exc:  # the message a user can act on has a .message(lang)
        message = getattr(exc, "message", None)
        if callable(message):
            print(message(lang), file=sys.stderr)
            return 1
        logger.exception("command failed")
        raise
