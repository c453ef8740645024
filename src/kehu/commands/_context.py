"""What every command needs: the open workspace and the user it acts as."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kehu.core.language import UserError, pick
from kehu.db.models import User
from kehu.services import auth
from kehu.services.workspace import Workspace, open_workspace


class LoginRequired(UserError):
    """A database with several users: the command must say who runs it."""


def workspace(args: argparse.Namespace) -> Workspace:
    """Open the database; where logins exist, sign in as `--user` (password from
    KEHU_PASSWORD or a prompt)."""
    ws = open_workspace(args.db)
    for zh, en in ws.database.warnings:
        print(pick(zh, en), file=sys.stderr)
    if ws.user is None:
        ws.user = _login(getattr(args, "user", None) or os.environ.get("KEHU_USER"))
    return ws


def _login(username: str | None) -> User:
    if not username:
        raise LoginRequired(
            "这个数据库有多个用户，请用 --user 用户名 指明身份（密码可由 KEHU_PASSWORD 提供）。",
            "This database has several users: say who you are with --user NAME "
            "(the password may come from KEHU_PASSWORD).",
        )
    password = os.environ.get("KEHU_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise LoginRequired(
                "需要密码：请在终端中运行，或设置 KEHU_PASSWORD。",
                "A password is needed: run in a terminal or set KEHU_PASSWORD.",
            )
        password = getpass.getpass(pick(f"{username} 的密码：", f"Password for {username}: "))
    user = auth.login(username, password)
    if user is None:
        raise LoginRequired("用户名或密码不正确。", "Wrong user name or password.")
    return user


def acting_user(ws: Workspace) -> User:
    """The user a command acts as: the local user, or the one who signed in."""
    assert ws.user is not None, "workspace() signs in before any command acts"
    return ws.user
