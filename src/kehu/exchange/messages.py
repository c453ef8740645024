"""A message to show later: an English source marked with `N_()` plus its values.

Readers and importers collect problems and notes long before anyone shows them; a `Message`
keeps the source and the values apart so that whoever shows it translates it into the
language of the moment (`message(lang)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kehu.core.i18n import translate


@dataclass(frozen=True)
class Message:
    text: str  # an English source marked with N_()
    values: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        return translate(self.text, lang, **self.values)

    def __str__(self) -> str:
        return self.message("en")


def note(text: str, /, **values: Any) -> Message:
    return Message(text, values)
