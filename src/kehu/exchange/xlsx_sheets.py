"""Sheet names Excel accepts: at most 31 characters, none of []:*?/\\, not blank, unique
(case-insensitively), not the reserved name History."""

from __future__ import annotations

import re

MAX_LENGTH = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def valid_sheet_name(text: str) -> str:
    name = _FORBIDDEN.sub("_", text or "").strip().strip("'")
    name = name[:MAX_LENGTH].strip()
    if not name or name.casefold() == "history":
        name = f"{name or 'Sheet'}_"
    return name


def unique_sheet_name(text: str, used: set[str]) -> str:
    """A valid name not in `used` (compared case-insensitively); adds it to `used`."""
    base = valid_sheet_name(text)
    name, number = base, 2
    taken = {u.casefold() for u in used}
    while name.casefold() in taken:
        suffix = f" ({number})"
        name = base[: MAX_LENGTH - len(suffix)] + suffix
        number += 1
    used.add(name)
    return name
