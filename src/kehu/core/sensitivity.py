"""The one sensitivity rule: which fields are sensitive, how they are masked, who may reveal.

- Sensitive fields are the catalogue fields with `sensitive=True` (ID numbers, birthdays,
  personality, hobbies, family…); nothing else decides it.
- A sensitive value is masked unless the user may reveal it AND asked to: an ID number keeps
  its first 3 and last 4 characters (`110***********1234`), anything else reads "(hidden)".
- Who may reveal is the rights matrix's `REVEAL_SENSITIVE` row (`kehu.core.rights`): today
  admin and manager, not a salesperson. Asking to reveal without the
  right is an error (`RevealRefused`), never a silent mask. Every reveal is audited by the
  service that performs it (an export's audit entry, or a `view_sensitive` entry).

Writers (Excel, PDF) receive values already masked through `shown_values`; the card, the
list and the history call `mask` / `masked_text` for what they display.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, FieldDef, Kind
from kehu.core.i18n import N_, UserError, translate
from kehu.core.rights import Action, roles_with

REVEAL_ROLES = roles_with(Action.REVEAL_SENSITIVE)  # declared in the rights matrix
HIDDEN = N_("(hidden)")

SENSITIVE_CUSTOMER_FIELDS = frozenset(f.name for f in CUSTOMER_FIELDS if f.sensitive)
SENSITIVE_PERSON_FIELDS = frozenset(f.name for f in PERSON_FIELDS if f.sensitive)


class RevealRefused(UserError):
    """A user asked to see sensitive fields without the right to."""

    def __init__(self, role: str | None = None) -> None:
        super().__init__(
            N_(
                "Only an administrator or a manager may show sensitive fields (ID numbers, "
                "birthdays, family and the like); ask one of them, or export without reveal."
            )
        )
        self.role = role


def is_sensitive(field: FieldDef) -> bool:
    return field.sensitive


def may_reveal(role: str | None) -> bool:
    """Whether a user with `role` may see sensitive values unmasked."""
    return role in REVEAL_ROLES


def check_reveal(role: str | None, requested: bool) -> bool:
    """Whether values are revealed: `requested` and allowed; raises `RevealRefused` when
    `requested` but not allowed."""
    if not requested:
        return False
    if not may_reveal(role):
        raise RevealRefused(role)
    return True


def mask(field: FieldDef, value: Any, lang: str) -> str:
    """The masked form of a sensitive value ("" stays "")."""
    if value is None or value == "":
        return ""
    if field.kind is Kind.ID_NUMBER:
        text = str(value)
        return text[:3] + "*" * max(len(text) - 7, 4) + text[-4:] if len(text) > 8 else "****"
    return translate(HIDDEN, lang)


def masked_text(field: FieldDef, text: str | None, lang: str, reveal: bool = False) -> str:
    """`text` (already formatted) as it may be shown: masked when sensitive and not revealed."""
    if field.sensitive and not reveal:
        return mask(field, text, lang)
    return text or ""


def shown(field: FieldDef, value: Any, lang: str, reveal: bool = False) -> Any:
    """`value` unchanged, or its mask when the field is sensitive and not revealed."""
    if field.sensitive and not reveal:
        return mask(field, value, lang)
    return value


def shown_values(
    values: Mapping[str, Any], catalogue: Iterable[FieldDef], lang: str, reveal: bool = False
) -> dict[str, Any]:
    """A copy of `values` (field name → value) with the sensitive ones masked."""
    out = dict(values)
    if reveal:
        return out
    for field in catalogue:
        if field.sensitive and field.name in out:
            out[field.name] = mask(field, out[field.name], lang)
    return out


def history_field(name: str) -> FieldDef | None:
    """The catalogue field of a history entry's field name (`phone`, `person.id_number`, and
    `merged.phone`: a value that lost in a merge)."""
    name = name.removeprefix("merged.")
    if name.startswith("person."):
        return next((f for f in PERSON_FIELDS if f.name == name[7:]), None)
    return next((f for f in CUSTOMER_FIELDS if f.name == name), None)
