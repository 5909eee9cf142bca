"""The one way a widget follows the interface language and the state it shows.

``Retranslating`` re-reads a widget's texts on Qt's ``LanguageChange`` event;
``refresh_on`` redraws it on any of the state's signals. Widgets list what they
follow in one line instead of each copying a ``changeEvent`` and lambdas.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, SignalInstance


class Retranslating:
    """Mixin (before the Qt base class): ``retranslate()`` runs on every language change.

    By default it calls ``refresh()``, for widgets that rebuild all they show there.
    """

    def retranslate(self) -> None:
        self.refresh()  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def refresh_on(refresh: Callable[[], None], *signals: SignalInstance) -> None:
    """Call *refresh* (with no arguments) whenever one of *signals* fires.

    Connected directly, not through a lambda: Qt drops the signal's arguments, and
    disconnects by itself when the widget owning *refresh* is destroyed.
    """
    for signal in signals:
        signal.connect(refresh)


def interface_language() -> str:
    """``"zh"`` or ``"en"``: the language the interface speaks (``ui.translation`` sets it
    as Qt's default locale), for data offered in several languages, like descriptions."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
