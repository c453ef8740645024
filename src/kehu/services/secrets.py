"""Passwords remembered on this computer through the system's secure store (keyring).

This is the only module that imports keyring. Where no secure store exists (keyring's `fail`
backend, or any backend with priority below 1) nothing is stored and `available()` says so,
so the UI can tell the user instead of pretending.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import keyring
from keyring.errors import KeyringError

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
    if not available():
        return False
    try:
        keyring.set_password(SERVICE, _account(database, username), password)
    except KeyringError:
        logger.warning("could not store the password", exc_info=True)
        return False
    return True


def recall(database: Path, username: str) -> str | None:
    if not available():
        return None
    try:
        return keyring.get_password(SERVICE, _account(database, username))
    except KeyringError:
        logger.warning("could not read the password", exc_info=True)
        return None


def forget(database: Path, username: str) -> None:
    if not available():
        return
    with contextlib.suppress(KeyringError):  # nothing stored: nothing to forget
        keyring.delete_password(SERVICE, _account(database, username))
