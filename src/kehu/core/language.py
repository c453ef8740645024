"""The language of messages produced below the UI (validation, CLI, reports).

The UI translates its own strings with Qt; core messages are bilingual pairs and this module
decides which half is shown. The language follows the system locale unless set.
"""

from __future__ import annotations

import locale
import os

from kehu.core.i18n import UserError as _UserError

_language: str | None = None


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh_CN" if code.lower().startswith(("zh", "chinese")) else "en"


def set_language(lang: str | None) -> None:
    global _language
    _language = normalise(lang) if lang else None


def get_language() -> str:
    return _language or system_language()


def normalise(lang: str) -> str:
    return "zh_CN" if lang.lower().replace("-", "_").startswith("zh") else "en"


def is_chinese(lang: str | None = None) -> bool:
    return (lang or get_language()).startswith("zh")


def pick(zh: str, en: str, lang: str | None = None) -> str:
    """Return the Chinese or English text for the current (or given) language."""
    return zh if is_chinese(lang) else en


class UserError(_UserError):
    """Transitional: the old bilingual form UserError(zh, en) of `kehu.core.i18n.UserError`.

    New code raises `kehu.core.i18n.UserError(N_("English {x}"), x=…)`; this class goes away
    once every pair is in the catalogue.
    """

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en.replace("{", "{{").replace("}", "}}"))
        self.zh, self.en = zh, en

    def message(self, lang: str | None = None) -> str:
        return pick(self.zh, self.en, lang)
