"""What each audit trail entry's action code means, declared once: the viewer, its filter and
its Excel copy show these labels in the user's language; the code itself stays what is stored.

A new `audit.record(user, "code", …)` needs its line here (a unit test scans the sources).
"""

from __future__ import annotations

from kehu.core.i18n import N_, translate

AUDIT_ACTION_LABELS: dict[str, str] = {
    # logins and users
    "login": N_("Logged in"),
    "login_failed": N_("Failed login"),
    "create_user": N_("User added"),
    "update_user": N_("User changed"),
    "disable_user": N_("User disabled"),
    "enable_user": N_("User enabled"),
    "set_password": N_("Password set"),
    # customers
    "create": N_("Customer created"),
    "update": N_("Customer changed"),
    "archive": N_("Customer archived"),
    "restore": N_("Customer restored from the archive"),
    "erase": N_("Customer erased"),
    "erase_person": N_("Key person erased"),
    "view_sensitive": N_("Sensitive field shown"),
    "personal_data_copy": N_("Copy of personal data made"),
    "merge": N_("Customers merged"),
    "undo merge": N_("Merge undone"),
    "transfer": N_("Customers transferred"),
    "share": N_("Customers shared"),
    "unshare": N_("Share taken back"),
    # classification
    "classify": N_("Customers classified"),
    "undo_classification": N_("Classification undone"),
    "add_category": N_("Category added"),
    "rename_category": N_("Category renamed"),
    "move_category": N_("Category moved"),
    "merge_category": N_("Categories merged"),
    "delete_category": N_("Category deleted"),
    "apply_grades": N_("ABC grades applied"),
    "undo_grades": N_("ABC grades undone"),
    # files in and out
    "import": N_("Excel import"),
    "undo_import": N_("Import undone"),
    "form_received": N_("Customer form received"),
    "form_review": N_("Customer form reviewed"),
    "export": N_("Export"),
    "print": N_("Print"),
    "export_audit": N_("Audit trail exported"),
    # routes, visits, sales
    "create_route": N_("Route created"),
    "update_route": N_("Route changed"),
    "delete_route": N_("Route deleted"),
    "route_add_stops": N_("Stops added to a route"),
    "route_remove_stops": N_("Stops removed from a route"),
    "route_reorder": N_("Route stops reordered"),
    "record_visit": N_("Visit recorded"),
    "update_visit": N_("Visit changed"),
    "delete_visit": N_("Visit deleted"),
    "add_sale": N_("Sale line added"),
    "change_sale": N_("Sale line changed"),
    "delete_sale": N_("Sale line deleted"),
    "add_product": N_("Product added"),
    "save_product": N_("Product changed"),
    "delete_product": N_("Product deleted"),
    # the database
    "backup": N_("Backup"),
    "restore_backup": N_("Backup restored"),
    "repair": N_("Database repaired"),
    "demo": N_("Demo data filled in"),
    "settings": N_("Settings changed"),
}


def action_label(code: str | None, lang: str) -> str:
    """The entry's action as the user reads it; an unknown code shows as stored."""
    if not code:
        return ""
    label = AUDIT_ACTION_LABELS.get(code)
    return translate(label, lang) if label else code
