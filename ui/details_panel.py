"""Everything about the selected entity, with each relation a link to follow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from explorer.state import Selection

from .details_html import Details, details_html
from .qt_state import QtState


class DetailsPanel(QWidget):
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
        self._details = Details("", "")
        qs.selection_changed.connect(self._on_selection_changed)
        qs.lang_changed.connect(lambda _l: self.refresh())
        qs.graph_changed.connect(lambda _g: self.refresh())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def _on_selection_changed(self, _sel: Selection) -> None:
        self.refresh()

    def refresh(self) -> None:
        state = self.qs.state
        node_id = state.selection.node_id
        if node_id is None or node_id not in state.kg:
            hint = self.tr("Select an entity in the graph, the tree or the search results.")
            self._details = Details(f"<p style='color:#666'>{hint}</p>", "")
        else:
            self._details = details_html(state.kg, node_id, state.lang, self.tr)
        self.browser.setHtml(self._details.html)

    def title_text(self) -> str:
        return self._details.title

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    def link_targets(self) -> list[str]:
        return list(self._details.targets)

    def follow(self, number: int) -> None:
        self._on_link(QUrl(f"#e{number}"))

    def _on_link(self, url: QUrl) -> None:
        fragment = url.fragment()
        if fragment.startswith("e") and fragment[1:].isdigit():
            number = int(fragment[1:])
            if number < len(self._details.targets):
                self.qs.select(self._details.targets[number])
