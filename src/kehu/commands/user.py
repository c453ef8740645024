"""`kehu user add|list|set|disable|enable|passwd`: user administration from the command line.

Run as an administrator (`--user` and the password as for every command). A new password
comes from KEHU_NEW_PASSWORD when set, otherwise it is asked twice. The first `kehu user
passwd` on a database without passwords turns logins on; an administrator giving someone
else the first password sets their own in the same step (KEHU_OWN_PASSWORD, or asked).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kehu.commands._context import acting_user, language, workspace
from kehu.core.i18n import N_, UserError, translate
from kehu.core.rights import ROLES, role_label
from kehu.services import auth, users


class PasswordInput(UserError):
    """A new password could not be read."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("user", help=N_("manage users (administrators)"))
    sub = parser.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help=N_("add a user"))
    add.add_argument("name", help=N_("user name (for logging in)"))
    add.add_argument("--role", choices=ROLES, default="salesperson", help=N_("role"))
    add.add_argument("--manager", metavar="NAME", help=N_("the user's manager"))
    add.add_argument("--display-name", metavar="TEXT", help=N_("name shown in lists"))
    add.set_defaults(func=cmd_add)

    listing = sub.add_parser("list", help=N_("list the users as the manager hierarchy"))
    listing.set_defaults(func=cmd_list)

    change = sub.add_parser("set", help=N_("change a user's role, manager or display name"))
    change.add_argument("name")
    change.add_argument("--role", choices=ROLES, help=N_("role"))
    change.add_argument("--manager", metavar="NAME", help=N_("the user's manager ('' for none)"))
    change.add_argument("--display-name", metavar="TEXT", help=N_("name shown in lists"))
    change.set_defaults(func=cmd_set)

    disable = sub.add_parser("disable", help=N_("disable a user (never deleted)"))
    disable.add_argument("name")
    disable.set_defaults(func=cmd_disable)

    enable = sub.add_parser("enable", help=N_("enable a disabled user again"))
    enable.add_argument("name")
    enable.set_defaults(func=cmd_enable)

    passwd = sub.add_parser("passwd", help=N_("set a user's password (turns logins on)"))
    passwd.add_argument("name")
    passwd.set_defaults(func=cmd_passwd)


def _manager(name: str | None):
    return users.find_user(name) if name else None


def cmd_add(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    user = auth.create_user(
        args.name,
        args.display_name or args.name,
        args.role,
        manager=_manager(args.manager),
        by=acting_user(ws),
    )
    text = N_("Added {user} ({role}). Give them a password with: kehu user passwd {user}")
    print(translate(text, lang, user=user.username, role=role_label(user.role, lang)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    users.list_users(acting_user(ws))  # the right to read the list
    for root in users.hierarchy():
        for depth, node in root.walk():
            marks = []
            if not node.active:
                marks.append(translate(N_("disabled"), lang))
            if not node.has_password:
                marks.append(translate(N_("no password"), lang))
            extra = f"  [{', '.join(marks)}]" if marks else ""
            role = role_label(node.role, lang)
            print(f"{'  ' * depth}{node.username}  {node.display_name}  {role}{extra}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    target = users.find_user(args.name)
    changes = {}
    if args.manager is not None:
        changes["manager"] = _manager(args.manager)
    users.update_user(
        target, acting_user(ws), display_name=args.display_name, role=args.role, **changes
    )
    print(translate(N_("Changed {user}."), lang, user=target.username))
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    target = users.find_user(args.name)
    users.disable_user(target, acting_user(ws))
    print(
        translate(
            N_("Disabled {user}; their records and history keep the name."),
            lang,
            user=target.username,
        )
    )
    return 0


def cmd_enable(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    target = users.find_user(args.name)
    users.enable_user(target, acting_user(ws))
    print(translate(N_("Enabled {user}."), lang, user=target.username))
    return 0


def _new_password(lang: str, env: str, prompt: str, **values: str) -> str:
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise PasswordInput(
            N_("A new password is needed: run in a terminal or set {env}."), env=env
        )
    first = getpass.getpass(translate(prompt, lang, **values))
    second = getpass.getpass(translate(N_("Again: "), lang))
    if first != second:
        raise PasswordInput(N_("The two passwords differ; nothing was changed."))
    return first


def cmd_passwd(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    by = acting_user(ws)
    target = users.find_user(args.name)
    password = _new_password(
        lang, "KEHU_NEW_PASSWORD", N_("New password for {user}: "), user=target.username
    )
    own = None
    if auth.turns_logins_on(target, by):
        print(
            translate(
                N_("This is the first password: from now on everyone logs in, you too."), lang
            ),
            file=sys.stderr,
        )
        own = _new_password(
            lang, "KEHU_OWN_PASSWORD", N_("Your own new password ({user}): "), user=by.username
        )
    users.set_password(target, password, by, own_password=own)
    print(translate(N_("Password of {user} set."), lang, user=target.username))
    missing = [u.username for u in users.users_without_password()]
    if missing:
        text = N_("These users cannot log in until they have a password: {users}")
        print(translate(text, lang, users=", ".join(missing)), file=sys.stderr)
    return 0
