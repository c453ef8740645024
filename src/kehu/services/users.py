"""User administration (administrators): display name, role, manager, disable, passwords.

Users are never deleted: history and the audit trail keep their names. Each change is one
audit entry. The manager hierarchy is a tree (`hierarchy`): a manager sees the customers of
everyone below them, at any depth.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehu.core.i18n import N_
from kehu.core.rights import ROLES, Action, check
from kehu.db import server_roles
from kehu.db.connection import write
from kehu.db.models import User
from kehu.services import audit
from kehu.services.auth import (
    AuthError,
    acting,
    check_new_password,
    hash_password,
    needs_login,
    require_own_password,
    turns_logins_on,
)


@dataclass
class UserNode:
    """One user in the manager hierarchy, with the users they manage."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    has_password: bool
    manager_id: int | None
    children: list[UserNode] = field(default_factory=list)

    def walk(self, depth: int = 0):
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


def find_user(username: str) -> User:
    user = User.get_or_none(User.username == username)
    if user is None:
        raise AuthError(N_("There is no user {user} in this database."), user=username)
    return user


def list_users(by: User | None) -> list[User]:
    """Every user, active first (administrators and managers may read the list)."""
    by = acting(by)
    check(by, Action.VIEW_AUDIT)  # managers see who their team is; administrators everyone
    return list(User.select().order_by(User.active.desc(), User.display_name))


def hierarchy(by: User | None = None) -> list[UserNode]:
    """The users as a forest: roots are those without a manager; cycles are cut."""
    nodes = {
        u.id: UserNode(
            u.id,
            u.username,
            u.display_name,
            u.role,
            bool(u.active),
            u.password_hash is not None,
            u.manager_id,
        )
        for u in User.select().order_by(User.display_name)
    }
    roots: list[UserNode] = []
    for node in nodes.values():
        parent = nodes.get(node.manager_id) if node.manager_id is not None else None
        if parent is None or _is_below(nodes, parent.id, node.id):
            roots.append(node)
        else:
            parent.children.append(node)
    return roots


def _is_below(nodes: dict[int, UserNode], candidate: int, top: int) -> bool:
    """Whether `candidate` lies below `top` (following managers up from `candidate`)."""
    seen: set[int] = set()
    current: int | None = candidate
    while current is not None and current not in seen:
        if current == top:
            return True
        seen.add(current)
        node = nodes.get(current)
        current = node.manager_id if node else None
    return False


def _manager_of(target: User, manager: User | None) -> User | None:
    if manager is None:
        return None
    nodes = {n.id: n for root in hierarchy() for _d, n in root.walk()}
    if manager.id == target.id or _is_below(nodes, manager.id, target.id):
        raise AuthError(
            N_("{manager} works under {user}: they cannot be {user}'s manager."),
            manager=manager.display_name,
            user=target.display_name,
        )
    return manager


_UNSET = object()


def update_user(
    target: User,
    by: User | None,
    *,
    display_name: str | None = None,
    role: str | None = None,
    manager: User | None | object = _UNSET,
) -> User:
    """Change a user's display name, role or manager (`manager=None` removes it)."""
    by = acting(by)
    check(by, Action.MANAGE_USERS)
    assert by is not None
    changes: dict[str, object] = {}
    if display_name is not None and display_name.strip() != target.display_name:
        if not display_name.strip():
            raise AuthError(N_("A display name cannot be empty; nothing was changed."))
        changes["display_name"] = display_name.strip()
    if role is not None and role != target.role:
        if role not in ROLES:
            raise AuthError(
                N_("Unknown role {role}; use salesperson, manager or admin."), role=role
            )
        if target.id == by.id and role != "admin":
            raise AuthError(N_("You cannot take your own administrator role; nothing was changed."))
        changes["role"] = role
    if manager is not _UNSET:
        chosen = _manager_of(target, manager)  # type: ignore[arg-type]
        if (chosen.id if chosen else None) != target.manager_id:
            changes["manager"] = chosen.id if chosen else None
    if not changes:
        return target

    def run() -> None:
        User.update(changes).where(User.id == target.id).execute()
        shown = {k: v for k, v in changes.items()}
        audit.record(by, "update_user", "user", target.id, target.username, **shown)

    write(User._meta.database, run)
    return User.get_by_id(target.id)


def disable_user(target: User, by: User | None) -> None:
    """Disable a user: they can no longer log in or act; their name stays everywhere."""
    by = acting(by)
    check(by, Action.MANAGE_USERS)
    assert by is not None
    if target.id == by.id:
        raise AuthError(N_("You cannot disable yourself; nothing was changed."))
    if not target.active:
        return

    def run() -> None:
        User.update(active=False).where(User.id == target.id).execute()
        if server_roles.is_secured(User._meta.database):
            server_roles.set_login(User._meta.database, target.username, False)
        audit.record(by, "disable_user", "user", target.id, target.username)

    write(User._meta.database, run)


def enable_user(target: User, by: User | None) -> None:
    by = acting(by)
    check(by, Action.MANAGE_USERS)
    if target.active:
        return

    def run() -> None:
        User.update(active=True).where(User.id == target.id).execute()
        if server_roles.is_secured(User._meta.database):
            server_roles.set_login(User._meta.database, target.username, True)
        audit.record(by, "enable_user", "user", target.id, target.username)

    write(User._meta.database, run)


def set_password(
    target: User, password: str, by: User | None, own_password: str | None = None
) -> None:
    """Set `target`'s password: oneself, or anyone as an administrator. The first password of
    a database turns logins on; an administrator without a password then gives `own_password`
    in the same step."""
    by = acting(by)
    if by is None or target.id != by.id:
        check(by, Action.MANAGE_USERS)
    elif not by.active:
        check(by, Action.VIEW)  # refuses a disabled user with the usual message
    assert by is not None
    check_new_password(password)
    db = User._meta.database
    if server_roles.is_secured(db):  # the server's password of the user's login role
        write(db, lambda: _server_password(db, target, password, by))
        return
    first = turns_logins_on(target, by)
    if first:
        require_own_password(own_password)
    hashed = hash_password(password)
    own = hash_password(own_password) if first and own_password else None
    logins_start = not needs_login()

    def run() -> None:
        User.update(password_hash=hashed).where(User.id == target.id).execute()
        audit.record(by, "set_password", "user", target.id, target.username, first=logins_start)
        if own:
            User.update(password_hash=own).where(User.id == by.id).execute()
            audit.record(by, "set_password", "user", by.id, by.username)

    write(User._meta.database, run)
    target.password_hash = hashed
    if own:
        by.password_hash = own


def _server_password(db, target: User, password: str, by: User) -> None:
    server_roles.set_password(db, target.username, password)
    audit.record(by, "set_password", "user", target.id, target.username)


def users_without_password() -> list[User]:
    """Active users who cannot log in yet (logins are on and they have no password)."""
    if not needs_login():
        return []
    return list(
        User.select()
        .where(User.active == True, User.password_hash.is_null())  # noqa: E712
        .order_by(User.display_name)
    )
