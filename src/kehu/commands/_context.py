"""What every command needs: the open workspace and the user it acts as."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kehu.core.i18n import N_, UserError, system_language, translate
from kehu.db.errors import warning_message
from kehu.db.models import User
from kehu.services import auth
from kehu.services.workspace import Workspace, open_workspace


class LoginRequired(UserError):
    """A database with several users: the command must say who runs it."""


def workspace(args: argparse.Namespace) -> Workspace:
    """Open the database; where logins exist, sign in as `--user` (password from
    KEHU_PASSWORD or a prompt)."""
    lang = language(args)
    ws = open_workspace(args.db, lang=lang)
    for warning in ws.database.warnings:
        print(warning_message(warning, lang), file=sys.stderr)
    if ws.user is None:
        ws.user = _login(getattr(args, "user", None) or os.environ.get("KEHU_USER"), lang)
    return ws


def language(args: argparse.Namespace) -> str:
    """The language of the command's messages (`kehu.cli.run` sets `args.lang`)."""
    return getattr(args, "lang", None) or system_language()


def _login(username: str | None, lang: str) -> User:
    if not username:
        raise LoginRequired(
            N_(
                "This database has several users: say who you are with --user NAME "
                "(the password may come from KEHU_PASSWORD)."
            )
        )
    password = os.environ.get("KEHU_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise LoginRequired(N_("A password is needed: run in a terminal or set KEHU_PASSWORD."))
        password = getpass.getpass(translate(N_("Password for {user}: "), lang, user=username))
    user = auth.login(username, password)
    if user is None:
        raise LoginRequired(N_("Wrong user name or password."))
    return user


def acting_user(ws: Workspace) -> User:
    """The user a command acts as: the local user, or the one who signed in."""
    assert ws.user is not None, "workspace() signs in before any command acts"
    return ws.user
