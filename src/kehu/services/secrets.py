"""Passwords remembered on this computer through the system's secure store (keyring).

Two kinds, under one service name: a file database's user (account "path|user"), and a
server database's login (account "user@host:port/database", `kehu.db.server.Address.key`),
which the window's Server dialog remembers and `kehu --db postgresql://…` reads.

This is the only module that imports keyring. Where no secure store exists (keyring's `fail`
backend, or any backend with priority below 1) nothing is stored and `available()` says so,
so the UI can tell the user instead of pretending.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from kehu.db.server import Address

logger = logging.getLogger(__name__)

SERVICE = "kehu"


def available() -> bool:
    try:
        return keyring.get_keyring().priority >= 1
    except Exception:  # a broken backend is the same as none
        logger.warning("keyring backend unusable", exc_info=True)
        return False


def _account(database: Path, username: str) -> str:
    return f"{Path(database).absolute()}|{username}"


def remember(database: Path, username: str, password: str) -> bool:
    """Store the password; False when there is no secure store (nothing is stored then)."""
    return _store(_account(database, username), password)


def recall(database: Path, username: str) -> str | None:
    return _read(_account(database, username))


def forget(database: Path, username: str) -> None:
    _delete(_account(database, username))


def remember_server(address: Address, password: str) -> bool:
    """Store the password of a server login; False when there is no secure store."""
    return _store(address.key, password)


def recall_server(address: Address) -> str | None:
    return _read(address.key)


def forget_server(address: Address) -> None:
    _delete(address.key)


def with_password(url: str) -> str:
    """A server URL ready to connect: its own password, else libpq's (PGPASSWORD), else the
    one remembered on this computer, else as it is (libpq's pgpass file, or a server that
    asks for none)."""
    address = Address.from_url(url)
    if address.password is not None or os.environ.get("PGPASSWORD"):
        return url
    remembered = recall_server(address)
    return address.with_password(remembered).url() if remembered else url


def _store(account: str, password: str) -> bool:
    if not available():
        return False
    try:
        keyring.set_password(SERVICE, account, password)
    except KeyringError:
        logger.warning("could not store the password", exc_info=True)
        return False
    return True


def _read(account: str) -> str | None:
    if not available():
        return None
    try:
        return keyring.get_password(SERVICE, account)
    except KeyringError:
        logger.warning("could not read the password", exc_info=True)
        return None


def _delete(account: str) -> None:
    if not available():
        return
    with contextlib.suppress(KeyringError):  # nothing stored: nothing to forget
        keyring.delete_password(SERVICE, account)
