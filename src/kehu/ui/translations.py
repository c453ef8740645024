"""Loading the zh_CN translation of the UI and Qt's own (standard dialogs and buttons)."""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kehu.core.i18n import chosen_language, normalise
from kehu.ui import settings

logger = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_shown: list[str] = ["en"]  # the language Qt shows since install(); see shown_language()


def choose_language(requested: str | None) -> str:
    """--lang wins, then the language chosen in the settings, then the system's.

    Called once at start; the result is passed down (Session.lang) and to install()."""
    return chosen_language(requested or str(settings.get(settings.LANGUAGE) or ""))


def shown_language() -> str:
    """The language whose translators install() put in place: Qt shows its texts in it.

    For code that has no session to ask (an error raised outside any window)."""
    return _shown[0]


def qm_path() -> str:
    return str(resources.files("kehu").joinpath("translations", "kehu_zh_CN.qm"))


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for `lang` (removing earlier ones); returns them."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = normalise(lang)
    _shown[0] = lang
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_folder), ("kehu_zh_CN", None)):
        translator = QTranslator(app)
        ok = translator.load(qm_path()) if folder is None else translator.load(name, folder)
        if ok:
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            logger.warning("translation %s not found", name)
    return list(_installed)
