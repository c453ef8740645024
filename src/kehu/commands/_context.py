"""What every command needs: the open workspace and the user it acts as."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time

from kehu.core.i18n import N_, UserError, chosen_language, translate
from kehu.core.jobs import Job, Progress
from kehu.db import server_roles
from kehu.db.errors import warning_message
from kehu.db.models import User
from kehu.services import auth
from kehu.services.workspace import Workspace, open_workspace


class LoginRequired(UserError):
    """A database with several users: the command must say who runs it."""


def workspace(
    args: argparse.Namespace, *, create: bool = False, mode: str | None = None
) -> Workspace:
    """Open the database (created only by the commands that make one: `create`); where
    logins exist, sign in as `--user` (password from KEHU_PASSWORD or a prompt). Without
    passwords, `--user NAME` acts as NAME (or fails)."""
    lang = language(args)
    ws = open_workspace(args.db, lang=lang, create=create, mode=mode)
    for warning in ws.database.warnings:
        print(warning_message(warning, lang), file=sys.stderr)
    username = getattr(args, "user", None) or os.environ.get("KEHU_USER")
    try:
        if ws.user is None:
            ws.user = _login(username, lang)
        elif username and server_roles.current_user_id(ws.database.db) is not None:
            _same_as_login(ws.user, username)  # a login that is a kehu user is that user
        elif username:
            ws.user = auth.act_as(username)
    except BaseException:
        ws.database.close()
        raise
    return ws


def language(args: argparse.Namespace) -> str:
    """The language of the command's messages (`kehu.cli.run` sets `args.lang`)."""
    return chosen_language(getattr(args, "lang", None))


def _login(username: str | None, lang: str) -> User:
    if not username:
        raise LoginRequired(
            N_(
                "This database has logins: say who you are with --user NAME "
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


def _same_as_login(user: User, username: str) -> None:
    """On a server the login is the user (the server checked its password): `--user` may
    only name the same user, never act as another one."""
    if username.strip().lower() != user.username.lower():
        raise LoginRequired(
            N_(
                "On a server you act as the user of your login ({login}), not as {user}: "
                "log in as {user} instead (postgresql://{user}@…)."
            ),
            login=user.username,
            user=username,
        )


def acting_user(ws: Workspace) -> User:
    """The user a command acts as: the local user, or the one who signed in."""
    assert ws.user is not None, "workspace() signs in before any command acts"
    return ws.user


class ProgressLine(Job):
    """A job that shows its stage and count on stderr, at most once a second; used as a
    context manager, it ends the line when the work is over."""

    def __init__(self, lang: str, quiet: bool = False) -> None:
        super().__init__(self._show)
        self._lang, self._quiet = lang, quiet
        self._shown_at = 0.0
        self._shown = False

    def _show(self, progress: Progress) -> None:
        now = time.monotonic()
        if self._quiet or (now - self._shown_at < 1 and progress.done < progress.total):
            return
        self._shown_at, self._shown = now, True
        label = translate(progress.stage, self._lang) if progress.stage else ""
        total = f"/{progress.total:,}" if progress.total else ""
        print(f"\r{label}: {progress.done:,}{total}   ", end="", file=sys.stderr, flush=True)

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._shown:
            print(file=sys.stderr)
