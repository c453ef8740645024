"""The one translation path for text produced below the UI (core, db, services, exchange, CLI).

Source strings are English. Code below the UI marks them with `N_("…")`, which returns the
text unchanged; whoever shows the text translates it with `translate(text, lang)` at display
time, with the language passed in (never read from a global). The zh_CN texts live in the
same catalogue as the UI's `tr()` strings, `resources/translations/kehu_zh_CN.ts` (context
"kehu"); `scripts/build_translations.py` extracts every `N_()` string into it and compiles
the context into `kehu/translations/kehu_zh_CN.json`, which this module reads.

Placeholders are `str.format` names: `N_("{n} customers exported")`, formatted after the
translation (`translate(text, lang, n=3)`).
"""

from __future__ import annotations

import json
import locale
import logging
import os
import plistlib
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

logger = logging.getLogger(__name__)

CONTEXT = "kehu"  # the .ts context holding the strings marked with N_()
LANGUAGES = ("en", "zh_CN")


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark `text` for translation; it is translated where it is shown."""
    return text


def normalise(lang: str | None) -> str:
    """'zh', 'zh-CN', 'zh_CN.UTF-8' → 'zh_CN'; anything else → 'en'."""
    return "zh_CN" if (lang or "").lower().replace("-", "_").startswith("zh") else "en"


def is_chinese(lang: str) -> bool:
    return normalise(lang) == "zh_CN"


def system_language() -> str:
    """The language of the system locale (the default when nothing else is chosen)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return normalise(value)
    if sys.platform == "darwin":  # started from Finder: no LANG, the preference is the system's
        preferred = macos_preferred_languages()
        if preferred:
            return normalise(preferred[0])
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh_CN" if code.lower().startswith(("zh", "chinese")) else "en"


def macos_preferred_languages(
    path: str = "~/Library/Preferences/.GlobalPreferences.plist",
) -> list[str]:
    """The user's preferred languages on macOS (System Settings → Language & Region), e.g.
    ["zh-Hans-CN", "en-CN"]; [] when they cannot be read."""
    try:
        with open(os.path.expanduser(path), "rb") as file:
            languages = plistlib.load(file).get("AppleLanguages") or []
    except (OSError, ValueError, plistlib.InvalidFileException, AttributeError):
        return []
    return [str(language) for language in languages if isinstance(language, str)]


def chosen_language(requested: str | None) -> str:
    """The language asked for (`--lang`, a setting), else the system's."""
    return normalise(requested) if requested else system_language()


@lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[str, str]:
    """English source → translation for `lang` ({} for English or a missing file)."""
    lang = normalise(lang)
    if lang == "en":
        return {}
    try:
        data = resources.files("kehu").joinpath("translations", f"kehu_{lang}.json").read_bytes()
    except (FileNotFoundError, OSError):
        logger.warning("translation catalogue kehu_%s.json not found", lang)
        return {}
    return dict(json.loads(data))


def translate(text: str, lang: str, /, **values: object) -> str:
    """`text` (an English source string) in `lang`, with `values` formatted in."""
    shown = catalogue(lang).get(text, text) if text else text
    return shown.format(**values) if values else shown


@dataclass(frozen=True)
class Message:
    """A message to show later: an English source marked with `N_()` plus its values.

    Readers, importers and the database layer collect notes and warnings long before anyone
    shows them; whoever shows one translates it into the language of the moment.
    """

    text: str  # an English source marked with N_()
    values: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        return translate(self.text, lang, **self.values)

    def __str__(self) -> str:
        return self.message("en")


def note(text: str, /, **values: Any) -> Message:
    return Message(text, values)


class UserError(Exception):
    """An error the user can act on: an English source message plus its values.

    Subclasses name the area (RouteError, SelectionError…); the CLI and the UI show
    `message(lang)`, never a traceback.
    """

    def __init__(self, text: str, /, **values: object) -> None:
        super().__init__(text.format(**values) if values else text)
        self.text = text
        self.values = values

    def message(self, lang: str) -> str:
        return translate(self.text, lang, **self.values)
