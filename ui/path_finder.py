"""Path finder: two entities, the shortest chain of relations, and its evidence hop by hop.

Names go through the core's one resolver: a name that matches no entity closely
is refused with suggestions (as in the CLI), never silently replaced by a fuzzy
match. The hops are ``explorer.reports.PathReport`` in the core's HTML template.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QStringListModel, Qt, QUrl
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer import views
from explorer.model import Path
from explorer.render.report_html import path_html
from explorer.reports import build_path_report
from explorer.resolve import UnknownEntity, find_entity, resolve_entity, suggest

from .qt_state import QtState, built_so_far
from .retranslate import Retranslating


class PathFinder(Retranslating, QWidget):
    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Whether the background index is being built (the window sets it).
        self.indexing: Callable[[], bool] = lambda: False
        self.qs = qs
        self.source = QLineEdit(self)
        self.source.setObjectName("pathFrom")
        self.target = QLineEdit(self)
        self.target.setObjectName("pathTo")
        self._labels = QStringListModel(self)
        for box in (self.source, self.target):
            completer = QCompleter(self._labels, box)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            box.setCompleter(completer)
            box.textEdited.connect(lambda text, b=box: self._complete(text, b))
        self.use_from = QPushButton(self)
        self.use_to = QPushButton(self)
        self.find_button = QPushButton(self)
        self.find_button.setDefault(True)
        self.result = QTextBrowser(self)
        self.result.setOpenLinks(False)
        self.result.anchorClicked.connect(self._on_link)

        form = QFormLayout()
        self._from_row, self._to_row = QHBoxLayout(), QHBoxLayout()
        self._from_row.addWidget(self.source, 1)
        self._from_row.addWidget(self.use_from)
        self._to_row.addWidget(self.target, 1)
        self._to_row.addWidget(self.use_to)
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        form.addRow(self.from_label, self._from_row)
        form.addRow(self.to_label, self._to_row)
        self._form = form
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(form)
        box.addWidget(self.find_button)
        box.addWidget(self.result, 1)
        self.setFocusProxy(self.source)

        self.use_from.clicked.connect(lambda: self._use_selection(self.source))
        self.use_to.clicked.connect(lambda: self._use_selection(self.target))
        self.find_button.clicked.connect(self.find)
        self.source.returnPressed.connect(self.find)
        self.target.returnPressed.connect(self.find)
        qs.path_changed.connect(self._show)
        qs.lang_changed.connect(lambda _l: self._show(qs.state.path))
        self._hops: tuple[str, ...] = ()
        self._suggestions: list[tuple[QLineEdit, str]] = []  # behind the #s<i> links
        self.retranslate()

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.use_from.setText(self.tr("Use selection"))
        self.use_to.setText(self.tr("Use selection"))
        self.find_button.setText(self.tr("Find path"))
        self.source.setPlaceholderText(self.tr("Entity name, pinyin or IRI"))
        self.target.setPlaceholderText(self.tr("Entity name, pinyin or IRI"))
        self._show(self.qs.state.path)

    def _complete(self, text: str, box: QLineEdit) -> None:
        """Completions as you type, from the search index (no list of every label); on a
        remote source fetched in a worker and shown if the box still holds *text*."""
        kg, lang = self.qs.state.kg, self.qs.state.lang
        indexing = self.indexing()  # asked here, on the GUI thread

        def labels() -> list[str]:
            index = kg.search_index
            partial = built_so_far(index, indexing)
            hits = index.complete(text, limit=12, **partial) if text.strip() else []
            return list(dict.fromkeys(kg.label(h.node_id, lang) for h in hits))

        if not self.qs.may_block() or not text.strip():
            self.qs.runner.cancel("path-completion")
            self._labels.setStringList(labels())
            return

        def show(found: list[str]) -> None:
            if self.qs.state.kg is kg and box.text() == text:
                self._labels.setStringList(found)
                if box.hasFocus() and found:
                    box.completer().complete()  # the list came after the keystroke

        self.qs.runner.run(
            lambda _cancel: labels(),
            key="path-completion",
            on_done=show,
            on_error=lambda _exc: self._labels.setStringList([]),
        )

    def _use_selection(self, box: QLineEdit) -> None:
        node_id = self.qs.state.selection.node_id
        if node_id:
            box.setText(self.qs.state.label(node_id))

    def find(self) -> Path | None:
        """Show the shortest path between the two boxes' entities. On a remote source the
        search runs in a worker and the path is shown when it comes (``None`` until then)."""
        kg, src, dst = self.qs.state.kg, self.source.text(), self.target.text()
        if not self.qs.may_block():
            return self._find(src, dst)

        def warm() -> None:  # what _find reads: the look-ups (or suggestions) and the path
            a, b = find_entity(kg, src), find_entity(kg, dst)
            for text, found in ((src, a), (dst, b)):
                if found is None and text.strip():
                    suggest(kg, text)
            if a is not None and b is not None and a in kg and b in kg:
                path = views.shortest_path(kg, a, b)
                if path is not None:
                    views.path_view(kg, path)

        self.qs.run_remote(f"{src} → {dst}", warm, lambda: self._find(src, dst))
        return None

    def _find(self, src: str, dst: str) -> Path | None:
        state = self.qs.state
        ends: list[str] = []
        for box, text in ((self.source, src), (self.target, dst)):
            try:
                ends.append(resolve_entity(state.kg, text, state.lang))
            except UnknownEntity as refused:
                self._refuse(box, refused)
                return None
        path = state.find_path(*ends)
        if path is None:
            self._message(self.tr("These two entities are not connected."))
        return path

    def _refuse(self, box: QLineEdit, refused: UnknownEntity) -> None:
        """Say which name matched nothing; offer the closest entities as links."""
        text = self.tr("No entity matches “%1”.").replace("%1", refused.text)
        self._message(text)
        if refused.suggestions:
            self._suggestions = [(box, label) for label in refused.suggestions]
            links = " · ".join(
                f"<a href='#s{i}'>{escape(label)}</a>"
                for i, label in enumerate(refused.suggestions)
            )
            self.result.setHtml(
                f"<p>{escape(text)}</p><p>{escape(self.tr('Did you mean:'))} {links}</p>"
            )

    def suggestions(self) -> list[str]:
        """The names offered after the last refusal."""
        return [label for _box, label in self._suggestions]

    def _message(self, text: str) -> None:
        self._hops, self._suggestions = (), []
        self.result.setHtml(f"<p>{escape(text)}</p>")

    def _show(self, path: Path | None) -> None:
        if path is None:
            return
        state = self.qs.state
        report = build_path_report(
            state.kg, path.node_ids[0], path.node_ids[-1], state.lang, path=path
        )
        heading = self.tr("%n hop(s)", "", len(report.hops))
        page = path_html(report, self.tr, hops_heading=heading)
        self._hops, self._suggestions = page.targets, []
        self.result.setHtml(page.html)

    def hop_text(self) -> str:
        return self.result.toPlainText()

    def _on_link(self, url: QUrl) -> None:
        kind, number = url.fragment()[:1], url.fragment()[1:]
        if not number.isdigit():
            return
        i = int(number)
        if kind == "n" and i < len(self._hops):
            self.qs.select(self._hops[i])
        elif kind == "s" and i < len(self._suggestions):
            box, label = self._suggestions[i]
            box.setText(label)
            self.find()
        elif kind == "c":
            self.result.scrollToAnchor(url.fragment())
