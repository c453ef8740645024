"""The rights matrix, declared once: for each role and each action, how far the right reaches.

An action is named for what a user does (view, edit, back up…). The matrix gives, per role, a
`Scope`: NONE (refused), OWN (the user's own records, and customers shared with them), TEAM
(own and their subordinates', at any depth), ALL (everyone's). Services call `check` before
they act, passing where the target lies as seen from the user (`within`); the window calls
`allowed` with the same arguments to grey out what the service would refuse. The sensitivity
rule (`kehu.core.sensitivity`) reads who may reveal from here.

Plain Python: a "user" is anything with `role` and `active` attributes (the peewee `User`).
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Any, Protocol

from kehu.core.i18n import N_, UserError, translate

ROLES = ("salesperson", "manager", "admin")

ROLE_LABELS = {
    "salesperson": N_("salesperson"),
    "manager": N_("manager"),
    "admin": N_("administrator"),
}


class Scope(IntEnum):
    """How far a right reaches; a larger scope includes the smaller ones."""

    NONE = 0
    OWN = 1  # own records, and customers shared with the user
    TEAM = 2  # own and subordinates' (recursively)
    ALL = 3


SCOPE_LABELS = {
    Scope.OWN: N_("your own and shared records"),
    Scope.TEAM: N_("your own and your team's records"),
    Scope.ALL: N_("all records"),
}


class Action(StrEnum):
    """What a user does. The value is stored in no table; it names the right in messages."""

    VIEW = "view"
    EDIT = "edit"
    ARCHIVE = "archive"
    ERASE = "erase"
    REVEAL_SENSITIVE = "reveal_sensitive"
    EXPORT_LIST = "export_list"
    EXPORT_CARDS = "export_cards"  # export or print cards, forms, sheets and labels
    IMPORT = "import"
    UNDO_IMPORT = "undo_import"
    MANAGE_ROUTES = "manage_routes"  # own routes, the team's, or all (by scope)
    RECORD_VISITS = "record_visits"
    ANALYSIS = "analysis"
    EDIT_SALE_LINES = "edit_sale_lines"
    MANAGE_CATEGORIES = "manage_categories"  # add, rename, move, merge categories
    BACKUP = "backup"
    RESTORE = "restore"
    REPAIR = "repair"  # rebuild indexes, triggers, counts, search keys, summaries
    DEMO = "demo"  # fill a database with demo data
    DATABASE_COUNTS = "database_counts"  # the whole file's row counts (`kehu check`)
    MANAGE_USERS = "manage_users"
    CHANGE_SETTINGS = "change_settings"  # the database's own settings (mode, language)
    TRANSFER_OWNER = "transfer_owner"
    SHARE = "share"
    VIEW_AUDIT = "view_audit"
    PERSONAL_DATA_COPY = "personal_data_copy"  # hand a key person a copy of their data (PIPL)


# What the refusal says the user tried ("You may not {action}").
ACTION_LABELS = {
    Action.VIEW: N_("view customers"),
    Action.EDIT: N_("edit customers"),
    Action.ARCHIVE: N_("archive or restore customers"),
    Action.ERASE: N_("erase customers or key persons"),
    Action.REVEAL_SENSITIVE: N_("show sensitive fields"),
    Action.EXPORT_LIST: N_("export customer lists"),
    Action.EXPORT_CARDS: N_("export or print cards"),
    Action.IMPORT: N_("import from Excel"),
    Action.UNDO_IMPORT: N_("undo an import"),
    Action.MANAGE_ROUTES: N_("manage routes"),
    Action.RECORD_VISITS: N_("record visits"),
    Action.ANALYSIS: N_("run analyses"),
    Action.EDIT_SALE_LINES: N_("edit sale lines"),
    Action.MANAGE_CATEGORIES: N_("change the classification trees"),
    Action.BACKUP: N_("back up the database"),
    Action.RESTORE: N_("restore a backup"),
    Action.REPAIR: N_("repair the database"),
    Action.DEMO: N_("fill in demo data"),
    Action.DATABASE_COUNTS: N_("see the whole database's counts"),
    Action.MANAGE_USERS: N_("manage users"),
    Action.CHANGE_SETTINGS: N_("change the database's settings"),
    Action.TRANSFER_OWNER: N_("transfer customers to another owner"),
    Action.SHARE: N_("share customers"),
    Action.VIEW_AUDIT: N_("read the audit trail"),
    Action.PERSONAL_DATA_COPY: N_("make a copy of a person's personal data"),
}

_N, _O, _T, _A = Scope.NONE, Scope.OWN, Scope.TEAM, Scope.ALL

# The matrix: action → (salesperson, manager, admin), in the order of ROLES.
MATRIX: dict[Action, tuple[Scope, Scope, Scope]] = {
    Action.VIEW: (_O, _T, _A),
    Action.EDIT: (_O, _T, _A),
    Action.ARCHIVE: (_O, _T, _A),
    Action.ERASE: (_N, _N, _A),
    Action.REVEAL_SENSITIVE: (_N, _T, _A),
    Action.EXPORT_LIST: (_O, _T, _A),
    Action.EXPORT_CARDS: (_O, _T, _A),
    Action.IMPORT: (_O, _T, _A),
    Action.UNDO_IMPORT: (_O, _T, _A),
    Action.MANAGE_ROUTES: (_O, _T, _A),
    Action.RECORD_VISITS: (_O, _T, _A),
    Action.ANALYSIS: (_O, _T, _A),
    Action.EDIT_SALE_LINES: (_O, _T, _A),
    Action.MANAGE_CATEGORIES: (_N, _A, _A),
    Action.BACKUP: (_N, _N, _A),
    Action.RESTORE: (_N, _N, _A),
    Action.REPAIR: (_N, _N, _A),
    Action.DEMO: (_N, _N, _A),
    Action.DATABASE_COUNTS: (_N, _N, _A),
    Action.MANAGE_USERS: (_N, _N, _A),
    Action.CHANGE_SETTINGS: (_N, _N, _A),
    Action.TRANSFER_OWNER: (_N, _T, _A),
    Action.SHARE: (_O, _T, _A),
    Action.VIEW_AUDIT: (_N, _T, _A),
    Action.PERSONAL_DATA_COPY: (_N, _N, _A),
}
assert set(MATRIX) == set(Action), "every action has its row in the matrix"


class HasRole(Protocol):
    role: str
    active: bool


def scope(user: HasRole | None, action: Action) -> Scope:
    """How far `user`'s right to `action` reaches (NONE for no user or a disabled one)."""
    if user is None or not getattr(user, "active", True) or user.role not in ROLES:
        return Scope.NONE
    return MATRIX[Action(action)][ROLES.index(user.role)]


def allowed(user: HasRole | None, action: Action, within: Scope = Scope.OWN) -> bool:
    """Whether `user` may do `action` on a target that lies `within` (OWN: their own or
    shared with them; TEAM: a subordinate's; ALL: anyone else's)."""
    reach = scope(user, action)
    return reach is not Scope.NONE and reach >= within


def roles_with(action: Action, within: Scope = Scope.OWN) -> frozenset[str]:
    """The roles that may do `action` (within `within`)."""
    return frozenset(r for i, r in enumerate(ROLES) if MATRIX[Action(action)][i] >= within > 0)


def check(user: HasRole | None, action: Action, within: Scope = Scope.OWN, **details: Any) -> None:
    """Raise `Refused` unless `user` may do `action` within `within`. Call before acting."""
    if not allowed(user, action, within):
        raise Refused(user, Action(action), within, **details)


def role_label(role: str | None, lang: str) -> str:
    return translate(ROLE_LABELS[role], lang) if role in ROLE_LABELS else (role or "")


class Refused(UserError):
    """An action the rights matrix does not allow this user; nothing was done."""

    def __init__(
        self, user: HasRole | None, action: Action, within: Scope = Scope.OWN, **details: Any
    ) -> None:
        self.action = action
        self.within = within
        self.role = getattr(user, "role", None)
        self.details = details
        reach = scope(user, action)
        if user is None:
            text = N_("Sign in first: nobody may {action} without a login.")
        elif not getattr(user, "active", True):
            text = N_("This account is disabled: it may not {action}.")
        elif reach is Scope.NONE:
            text = N_("A {role} may not {action}. Ask an administrator.")
        else:
            text = N_("As a {role} you may {action} only for {scope}; this one is not.")
        self.reach = reach
        super().__init__(
            text,
            action=ACTION_LABELS[action],
            role=ROLE_LABELS.get(self.role or "", self.role or ""),
            scope=SCOPE_LABELS.get(reach, ""),
        )

    def message(self, lang: str) -> str:
        return translate(
            self.text,
            lang,
            action=translate(ACTION_LABELS[self.action], lang),
            role=role_label(self.role, lang),
            scope=translate(SCOPE_LABELS[self.reach], lang) if self.reach else "",
        )
