"""What each audit trail entry's action code and detail keys mean, declared once: the viewer,
its filter, `kehu audit` and the Excel copy show these labels in the user's language; the codes
themselves stay what is stored.

A new `audit.record(user, "code", …, key=value)` needs its lines here (a unit test scans the
sources for action codes and detail keys).
"""

from __future__ import annotations

import json

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


# The keys of an entry's details (the keyword arguments of `audit.record`).
AUDIT_DETAIL_LABELS: dict[str, str] = {
    "accepted": N_("accepted"),
    "added": N_("added"),
    "can_edit": N_("may edit"),
    "changed": N_("changed"),
    "created": N_("created"),
    "customers": N_("customers"),
    "customers_selected": N_("customers selected"),
    "date": N_("date"),
    "display_name": N_("display name"),
    "fields": N_("fields"),
    "file": N_("file"),
    "file_sha256": N_("file SHA-256"),
    "filter": N_("filter"),
    "first": N_("first"),
    "forced": N_("forced"),
    "format": N_("format"),
    "from_user": N_("from user"),
    "history": N_("history"),
    "ids": N_("ids"),
    "kind": N_("kind"),
    "line": N_("sale line"),
    "manager": N_("manager"),
    "merge": N_("merge"),
    "moved": N_("moved"),
    "moved_from": N_("moved from"),
    "new": N_("new"),
    "new_parent": N_("new parent"),
    "old": N_("old"),
    "old_parent": N_("old parent"),
    "owners": N_("owners"),
    "pages": N_("pages"),
    "path": N_("path"),
    "person_id": N_("key person"),
    "persons": N_("key persons"),
    "reason": N_("reason"),
    "rejected": N_("rejected"),
    "removed": N_("removed"),
    "restored": N_("restored"),
    "revealed": N_("sensitive fields shown"),
    "review": N_("review"),
    "role": N_("role"),
    "routes": N_("routes"),
    "reviews": N_("reviews"),
    "routes_moved": N_("routes moved"),
    "rows": N_("rows"),
    "sale_lines": N_("sale lines"),
    "sales": N_("sale lines"),
    "scheme": N_("scheme"),
    "seed": N_("seed"),
    "selection": N_("selection"),
    "sheet": N_("sheet"),
    "skipped": N_("skipped"),
    "source": N_("source"),
    "status": N_("status"),
    "stops": N_("stops"),
    "summary": N_("summary"),
    "thresholds": N_("thresholds"),
    "throttled": N_("throttled"),
    "unchanged": N_("unchanged"),
    "updated": N_("updated"),
    "version": N_("version"),
    "visit": N_("visit"),
    "visit_days": N_("visit every (days)"),
    "visits": N_("visits"),
    "warnings": N_("warnings"),
    "watermark": N_("watermark"),
    # the audit trail's own filter (an exported copy's details)
    "user_id": N_("user"),
    "action": N_("action"),
    "start": N_("from"),
    "end": N_("to"),
    "customer_code": N_("customer code"),
}

_SHOWN_ITEMS = 10  # a list in the details shows its first items and how many more


def _value_text(value: object, lang: str) -> str:
    if value is True or value is False:
        return translate(N_("yes") if value else N_("no"), lang)
    if isinstance(value, list):
        shown = ", ".join(_value_text(v, lang) for v in value[:_SHOWN_ITEMS])
        more = len(value) - _SHOWN_ITEMS
        return f"[{shown}, … +{more}]" if more > 0 else f"[{shown}]"
    if isinstance(value, dict):
        return "{" + details_text(value, lang) + "}"
    return "" if value is None else str(value)


def details_text(details: str | dict | None, lang: str) -> str:
    """An entry's details as the reader says them ("行数: 3; 文件: …"); keys nobody declared
    show as stored, and text that is not JSON shows as it is."""
    if isinstance(details, str):
        if details.strip() in ("", "{}"):
            return ""
        try:
            details = json.loads(details)
        except ValueError:
            return details
    if not isinstance(details, dict):
        return "" if details is None else str(details)
    parts = []
    for key, value in details.items():
        label = AUDIT_DETAIL_LABELS.get(key)
        parts.append(f"{translate(label, lang) if label else key}: {_value_text(value, lang)}")
    return "; ".join(parts)


def action_label(code: str | None, lang: str) -> str:
    """The entry's action as the user reads it; an unknown code shows as stored."""
    if not code:
        return ""
    label = AUDIT_ACTION_LABELS.get(code)
    return translate(label, lang) if label else code
