"""What every command needs: the open workspace and a user."""

from __future__ import annotations

import argparse
import sys

from kehu.core.language import pick
from kehu.db.models import User
from kehu.services.workspace import Workspace, open_workspace


def workspace(args: argparse.Namespace) -> Workspace:
    ws = open_workspace(args.db)
    for zh, en in ws.database.warnings:
        print(pick(zh, en), file=sys.stderr)
    return ws


def acting_user(ws: Workspace) -> User:
    """The local user, or the first administrator when the database has several users."""
    if ws.user is not None:
        return ws.user
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    return admin or User.select().order_by(User.id).first()
