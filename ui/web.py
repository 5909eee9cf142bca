"""A web profile and page that can reach nothing but local files and Qt resources."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"file", "qrc", "data", "about", "blob"})


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request whose scheme is not local (http, https, ftp, ws, ...)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme().lower() not in ALLOWED_SCHEMES:
            self.blocked.append(url.toString())
            info.block(True)


class QuietPage(QWebEnginePage):
    """Keeps the page where it is: no navigation away, no new windows."""

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeTyped:
            return url.scheme() == "file"
        return False

    def createWindow(self, _type):
        return None

    def javaScriptConsoleMessage(self, level, message, line, source):
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.error("graph page %s:%s: %s", source, line, message)


_PROFILE: QWebEngineProfile | None = None


def local_profile() -> QWebEngineProfile:
    """The app's one off-the-record profile (nothing cached on disk), remote access off.

    Qt's default profile is off the record and outlives every page, so pages
    never see their profile released under them at exit.
    """
    global _PROFILE
    if _PROFILE is None:
        default = QWebEngineProfile.defaultProfile()
        _PROFILE = default if default.isOffTheRecord() else QWebEngineProfile()
        settings = _PROFILE.settings()
        attr = QWebEngineSettings.WebAttribute
        settings.setAttribute(attr.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(attr.JavascriptCanOpenWindows, False)
        settings.setAttribute(attr.PluginsEnabled, False)
        settings.setAttribute(attr.AutoLoadImages, False)
        settings.setAttribute(attr.DnsPrefetchEnabled, False)
        settings.setAttribute(attr.NavigateOnDropEnabled, False)
    return _PROFILE


def local_page(parent: QObject) -> tuple[QuietPage, LocalOnlyInterceptor]:
    """A page on the local profile with its own interceptor (which records what it blocked)."""
    page = QuietPage(local_profile(), parent)
    interceptor = LocalOnlyInterceptor(page)
    page.setUrlRequestInterceptor(interceptor)
    return page, interceptor
