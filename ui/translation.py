"""The interface language: Qt translators for our strings and Qt's own dialogs.

English is the source language; Chinese comes from ``ui/i18n/kg_explorer_zh_CN.qm``.
Switching installs or removes the translators, and Qt sends every widget a
``LanguageChange`` event, on which each one re-reads its texts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from explorer.model import set_interface_language

I18N = Path(__file__).with_name("i18n")
UI_LANGS = ("en", "zh")


def system_ui_language() -> str:
    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.lang = "en"
        self._installed: list[QTranslator] = []

    def apply(self, lang: str) -> bool:
        """Switch the interface to *lang* ("en" or "zh"); False if its file is missing."""
        if lang not in UI_LANGS:
            lang = "en"
        # The interface's locale, set before the LanguageChange events that (un)installing
        # translators sends: panels read it to show descriptions in this language.
        language = QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English
        QLocale.setDefault(QLocale(language))
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        ok = True
        if lang == "zh":
            ours = QTranslator(self.app)
            ok = ours.load(str(I18N / "kg_explorer_zh_CN.qm"))
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_own = QTranslator(self.app)
            for translator in (ours, qt_own if qt_own.load("qtbase_zh_CN", qt_dir) else None):
                if translator is not None and not translator.isEmpty():
                    self.app.installTranslator(translator)
                    self._installed.append(translator)
        self.lang = lang
        set_interface_language(lang)  # category, type and relation names follow it
        return ok
