"""Users, roles and passwords.

A single salesperson never sees a login: a new database has one local user (no password),
used automatically. Logins appear when a second user exists. Passwords are hashed with scrypt
and stored with their parameters.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets

from kehu.core.i18n import N_
from kehu.db.models import ROLES, User
from kehu.services import audit

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=2**26
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), maxmem=2**26
    )
    return hmac.compare_digest(candidate.hex(), digest)


def local_username() -> str:
    try:
        return getpass.getuser() or "local"
    except Exception:  # no login name (some services, containers)
        return "local"


def ensure_local_user() -> User:
    """The one user of a new database: an administrator without password."""
    user = User.select().order_by(User.id).first()
    if user is not None:
        return user
    name = local_username()
    user = User.create(username=name, display_name=name, role="admin")
    # The summary is an English source: whoever shows the audit log translates it.
    audit.record(user, "create_user", "user", user.id, N_("local user"))
    return user


def needs_login() -> bool:
    """A login is needed once a second user can sign in, i.e. someone has a password."""
    active = User.select().where(User.active == True)  # noqa: E712
    return active.count() > 1 and active.where(User.password_hash.is_null(False)).exists()


def automatic_user() -> User | None:
    """The user to use without a login: the first administrator (the local user)."""
    if needs_login():
        return None
    active = User.select().where(User.active == True).order_by(User.id)  # noqa: E712
    return active.where(User.role == "admin").first() or active.first()


def login(username: str, password: str) -> User | None:
    user = User.get_or_none(User.username == username, User.active == True)  # noqa: E712
    ok = user is not None and (
        verify_password(password, user.password_hash)
        or (user.password_hash is None and not password)
    )
    audit.record(
        user if ok else None,
        "login" if ok else "login_failed",
        "user",
        user.id if user else None,
        username,
    )
    return user if ok else None


def create_user(
    username: str,
    display_name: str,
    role: str = "salesperson",
    manager: User | None = None,
    password: str | None = None,
    by: User | None = None,
) -> User:
    if role not in ROLES:
        raise ValueError(role)
    user = User.create(
        username=username,
        display_name=display_name,
        role=role,
        manager=manager,
        password_hash=hash_password(password) if password else None,
    )
    audit.record(by, "create_user", "user", user.id, username, role=role)
    return user
