"""Users, roles, passwords and logins.

A database without passwords has no logins: one local administrator acts (a single
salesperson never sees a login), and `--user NAME` acts as NAME. The moment a first password
is set, logins are on for everyone: every active user needs a password, none logs in with an
empty one. Passwords are hashed with scrypt (N=2^17, r=8, p=1), stored with their parameters;
a hash with weaker parameters is replaced at the next successful login. Failed logins are
audited; after five in a row a user waits before the next try (1 s, doubling, at most 5 min).
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import hmac
import secrets

from peewee import fn

from kehu.core.i18n import N_, UserError
from kehu.core.rights import ROLES, Action, check
from kehu.db import server_roles
from kehu.db.connection import write
from kehu.db.models import AuditEntry, User, now
from kehu.services import audit

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_MAXMEM = 2**28  # scrypt needs 128 * r * N bytes: 128 MiB at N=2^17
MIN_PASSWORD = 8
FREE_FAILURES = 5  # failed logins in a row before a wait
MAX_WAIT_S = 300


class AuthError(UserError):
    """A login or account change that cannot be done as asked (nothing changed)."""


class LoginThrottled(AuthError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            N_("Too many failed logins: wait {seconds} s before the next try."), seconds=seconds
        )
        self.seconds = seconds


def hash_password(password: str, n: int = SCRYPT_N) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, maxmem=_MAXMEM
    )
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def _parameters(stored: str) -> tuple[str, int, int, int, str, str] | None:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        return scheme, int(n), int(r), int(p), salt, digest
    except ValueError:
        return None


def verify_password(password: str, stored: str | None) -> bool:
    if not stored or not password:
        return False
    found = _parameters(stored)
    if found is None or found[0] != "scrypt":
        return False
    _scheme, n, r, p, salt, digest = found
    candidate = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt), n=n, r=r, p=p, maxmem=_MAXMEM
    )
    return hmac.compare_digest(candidate.hex(), digest)


def is_weak_hash(stored: str) -> bool:
    """Whether `stored` was hashed with weaker parameters than today's (to upgrade)."""
    found = _parameters(stored)
    return found is None or found[0] != "scrypt" or found[1:4] < (SCRYPT_N, SCRYPT_R, SCRYPT_P)


def check_new_password(password: str | None) -> str:
    if not password or len(password) < MIN_PASSWORD:
        raise AuthError(
            N_("A password needs at least {n} characters; nothing was changed."), n=MIN_PASSWORD
        )
    return password


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


def _active():
    return User.select().where(User.active == True)  # noqa: E712


def needs_login() -> bool:
    """Logins are on once any active user has a password."""
    return _active().where(User.password_hash.is_null(False)).exists()


def automatic_user() -> User | None:
    """The user acting without a login (none once logins are on): the first administrator."""
    if needs_login():
        return None
    return first_administrator()


def first_administrator() -> User | None:
    """The first active administrator (or the first active user when none is)."""
    active = _active().order_by(User.id)
    return active.where(User.role == "admin").first() or active.first()


def act_as(username: str) -> User:
    """`--user NAME` on a database without passwords: that user, or a clear refusal."""
    user = User.get_or_none(User.username == username)
    if user is None:
        raise AuthError(N_("There is no user {user} in this database."), user=username)
    if not user.active:
        raise AuthError(N_("The user {user} is disabled."), user=username)
    return user


def _failures(user: User) -> tuple[int, dt.datetime | None]:
    """Failed logins of `user` since their last successful one, and when the last was."""
    mine = (AuditEntry.entity == "user") & (AuditEntry.entity_id == user.id)
    last_ok = (
        AuditEntry.select(fn.MAX(AuditEntry.id))
        .where(mine & (AuditEntry.action == "login"))
        .scalar()
    )
    query = AuditEntry.select(fn.COUNT(AuditEntry.id), fn.MAX(AuditEntry.at)).where(
        mine & (AuditEntry.action == "login_failed") & (AuditEntry.id > (last_ok or 0))
    )
    count, last = query.tuples().first() or (0, None)
    if isinstance(last, str):
        last = dt.datetime.fromisoformat(last)
    return count or 0, last


def wait_seconds(failures: int) -> int:
    """The wait before the next try after `failures` failed logins in a row."""
    if failures < FREE_FAILURES:
        return 0
    return min(2 ** (failures - FREE_FAILURES), MAX_WAIT_S)


def login(username: str, password: str, at: dt.datetime | None = None) -> User | None:
    """The user when `password` is theirs; None (audited) otherwise. Raises `LoginThrottled`
    (audited too) while the user must wait after repeated failures. An empty password never
    logs in; a weak stored hash is upgraded."""
    at = at or now()
    user = User.get_or_none(User.username == username, User.active == True)  # noqa: E712
    if user is not None:
        failures, last = _failures(user)
        wait = wait_seconds(failures)
        if wait and last is not None and at < last + dt.timedelta(seconds=wait):
            remaining = max(1, int((last + dt.timedelta(seconds=wait) - at).total_seconds()))
            audit.record(None, "login_failed", "user", user.id, username, throttled=True)
            raise LoginThrottled(remaining)
    ok = user is not None and verify_password(password, user.password_hash)
    if ok and is_weak_hash(user.password_hash):
        user.password_hash = hash_password(password)
        User.update(password_hash=user.password_hash).where(User.id == user.id).execute()
    audit.record(
        user if ok else None,
        "login" if ok else "login_failed",
        "user",
        user.id if user else None,
        username,
    )
    return user if ok else None


def acting(by: User | None) -> User | None:
    """Who acts: `by`, or the local administrator of a database without logins."""
    return by if by is not None else automatic_user()


def turns_logins_on(target: User, by: User) -> bool:
    """Whether giving `target` a password is the first one: the acting user, without a
    password of their own, must set theirs in the same step."""
    return not needs_login() and target.id != by.id and not by.password_hash


def create_user(
    username: str,
    display_name: str,
    role: str = "salesperson",
    manager: User | None = None,
    password: str | None = None,
    by: User | None = None,
    own_password: str | None = None,
) -> User:
    """A new user (administrators only). A first password ever needs `own_password` too, for
    the administrator who turns logins on; both are set in one step."""
    by = acting(by)
    check(by, Action.MANAGE_USERS)
    assert by is not None
    username = (username or "").strip()
    if not username:
        raise AuthError(N_("A user needs a user name; nothing was changed."))
    if role not in ROLES:
        raise AuthError(N_("Unknown role {role}; use salesperson, manager or admin."), role=role)
    if User.select().where(fn.LOWER(User.username) == username.lower()).exists():
        raise AuthError(N_("The user name {user} is taken; nothing was changed."), user=username)
    db = User._meta.database
    # On a server with roles the user is a login role: the password is the server's, and
    # logins are the server's (no first kehu password to turn them on).
    server = server_roles.is_secured(db)
    if server and server_roles.role_exists(db, server_roles.role_name(username)):
        raise AuthError(
            N_(
                "The server already has a login named {role} (the login of user name "
                "{user}): choose another user name; nothing was changed."
            ),
            role=server_roles.role_name(username),
            user=username,
        )
    first = password is not None and not needs_login() and not by.password_hash and not server
    if password is not None:
        check_new_password(password)
    if first:
        require_own_password(own_password)
    hashed = hash_password(password) if password and not server else None
    own = hash_password(own_password) if first and own_password and not server else None

    def run() -> User:
        user = User.create(
            username=username,
            display_name=(display_name or "").strip() or username,
            role=role,
            manager=manager,
            password_hash=hashed,
        )
        if server:
            server_roles.create_login(db, user.id, username, password)
        audit.record(by, "create_user", "user", user.id, username, role=role)
        if own:
            _set_own(by, own)
        return user

    return write(User._meta.database, run)


def require_own_password(own_password: str | None) -> None:
    if own_password is None:
        raise FirstPassword()
    check_new_password(own_password)


class FirstPassword(AuthError):
    """The first password of a database turns logins on: the acting administrator, who has
    none, sets theirs in the same step."""

    def __init__(self) -> None:
        super().__init__(
            N_(
                "This is the first password in this database: from now on everyone logs in. "
                "Set your own password in the same step; nothing was changed."
            )
        )


def _set_own(by: User, hashed: str) -> None:
    by.password_hash = hashed
    User.update(password_hash=by.password_hash).where(User.id == by.id).execute()
    audit.record(by, "set_password", "user", by.id, by.username)
