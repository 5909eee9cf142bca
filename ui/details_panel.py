"""Everything about the selected entity, with each relation a link to follow.

The page is ``explorer.reports.EntityDetails`` rendered by the core's HTML
template (the same report the CLI's ``show`` prints); this widget only shows it
and turns link numbers back into entity ids.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from explorer.render.report_html import ReportHtml, details_html
from explorer.reports import EntityDetails, build_entity_details

from .qt_state import QtState
from .retranslate import Retranslating, interface_language, refresh_on


class DetailsPanel(Retranslating, QWidget):
    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("detailsBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.browser)
        self.setFocusProxy(self.browser)
        self._page = ReportHtml("")
        self.report: EntityDetails | None = None
        refresh_on(self.refresh, qs.selection_changed, qs.lang_changed, qs.graph_changed)
        self.refresh()

    def refresh(self) -> None:
        state = self.qs.state
        node_id = state.selection.node_id
        if node_id is None or node_id not in state.kg:
            hint = self.tr("Select an entity in the graph, the tree or the search results.")
            self.report = None
            self._page = ReportHtml(f"<p style='color:#666'>{escape(hint)}</p>")
        else:
            self.report = build_entity_details(
                state.kg, node_id, state.lang, text_lang=interface_language()
            )
            self._page = details_html(self.report, self.tr)
        self.browser.setHtml(self._page.html)

    def title_text(self) -> str:
        return self._page.title

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    def link_targets(self) -> list[str]:
        return list(self._page.targets)

    def follow(self, number: int) -> None:
        self._on_link(QUrl(f"#e{number}"))

    def _on_link(self, url: QUrl) -> None:
        fragment = url.fragment()
        if fragment.startswith("c"):  # a citation number: its block below
            self.browser.scrollToAnchor(fragment)
        elif fragment.startswith("e") and fragment[1:].isdigit():
            number = int(fragment[1:])
            if number < len(self._page.targets):
                self.qs.select(self._page.targets[number])
