"""A dossier as the dossier service hands it out (plain values, no database), and the
service's errors: invalid values, a dossier that is gone or not visible, and a save conflict
(someone saved first) with its field-by-field comparison."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kehu.core.fields import ACTIVE, CUSTOMER_FIELDS, customer_field
from kehu.core.i18n import N_, translate
from kehu.core.validation import Issue


@dataclass
class Dossier:
    """A snapshot of one customer for editing: catalogue values as Python values."""

    id: int | None
    code: str | None
    version: int
    values: dict[str, Any]
    persons: list[dict[str, Any]] = field(default_factory=list)  # each has "id" (None if new)
    owner_id: int | None = None
    status: str = ACTIVE
    custom: dict[str, Any] = field(default_factory=dict)
    updated_by: str | None = None
    updated_at: Any = None

    def person_by_id(self, person_id: int) -> dict[str, Any] | None:
        return next((p for p in self.persons if p.get("id") == person_id), None)


_FIELDS = {f.name for f in CUSTOMER_FIELDS if f.name != "code"}


class ValidationFailed(Exception):
    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(i.message("en") for i in issues))
        self.issues = issues

    def message(self, lang: str = "en") -> str:
        lines = []
        for issue in self.issues:
            label = (
                customer_field(issue.field).label(lang)
                if issue.field in _FIELDS
                else (issue.field or "")
            )
            lines.append(f"{label}: {issue.message(lang)}")
        return "\n".join(lines)


class NotFoundError(Exception):
    def message(self, lang: str = "en") -> str:
        return translate(N_("This dossier does not exist or was erased."), lang)


class NotAllowedError(Exception):
    def message(self, lang: str = "en") -> str:
        return translate(N_("You may not see or change this dossier."), lang)


@dataclass(frozen=True)
class FieldConflict:
    field: str  # catalogue name, or "persons.<id>.<field>"
    base: Any  # the value the user started from
    theirs: Any  # the value stored now by the other user
    mine: Any  # the value the user wants to save

    @property
    def both_changed(self) -> bool:
        return self.theirs != self.base and self.mine != self.base and self.theirs != self.mine


class ConflictError(Exception):
    """Someone saved the dossier after the user opened it. Nothing was written."""

    def __init__(
        self,
        customer_id: int,
        current: Dossier,
        conflicts: list[FieldConflict],
        their_user: str | None,
    ) -> None:
        super().__init__(f"customer {customer_id} was changed by {their_user}")
        self.customer_id = customer_id
        self.current = current
        self.conflicts = conflicts
        self.their_user = their_user

    def message(self, lang: str = "en") -> str:
        who = self.their_user or translate(N_("another user"), lang)
        text = N_(
            "{who} saved this dossier while you were editing it. Your changes are not saved "
            "yet: choose, field by field, which value to keep."
        )
        return translate(text, lang, who=who)
