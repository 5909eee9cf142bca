"""Path finder: two entities, the shortest chain of relations, and its evidence hop by hop."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QStringListModel, Qt
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

from .qt_state import QtState


class PathFinder(QWidget):
    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self._hops: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.use_from.setText(self.tr("Use selection"))
        self.use_to.setText(self.tr("Use selection"))
        self.find_button.setText(self.tr("Find path"))
        self.source.setPlaceholderText(self.tr("Entity name, pinyin or IRI"))
        self.target.setPlaceholderText(self.tr("Entity name, pinyin or IRI"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show(self.qs.state.path)
        super().changeEvent(event)

    def _complete(self, text: str, box: QLineEdit) -> None:
        """Completions as you type, from the search index (no list of every label); on a
        remote source fetched in a worker and shown if the box still holds *text*."""
        kg, lang = self.qs.state.kg, self.qs.state.lang

        def labels() -> list[str]:
            hits = kg.search_index.complete(text, limit=12) if text.strip() else []
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

        def warm() -> None:  # what _find reads: the two look-ups and the path search
            a, b = resolve(kg, src), resolve(kg, dst)
            if a is not None and b is not None and a in kg and b in kg:
                path = views.shortest_path(kg, a, b)
                if path is not None:
                    views.path_view(kg, path)

        self.qs.run_remote(f"{src} → {dst}", warm, lambda: self._find(src, dst))
        return None

    def _find(self, src: str, dst: str) -> Path | None:
        state = self.qs.state
        a, b = state.resolve(src), state.resolve(dst)
        if a is None or b is None:
            missing = src if a is None else dst
            self._message(self.tr("No entity matches “%1”.").replace("%1", missing))
            return None
        path = state.find_path(a, b)
        if path is None:
            self._message(self.tr("These two entities are not connected."))
        return path

    def _message(self, text: str) -> None:
        self._hops = []
        self.result.setHtml(f"<p>{escape(text)}</p>")

    def _show(self, path: Path | None) -> None:
        if path is None:
            return
        kg, lang = self.qs.state.kg, self.qs.state.lang
        self._hops = list(path.node_ids)
        out = [f"<p><b>{escape(self.tr('%n hop(s)', '', len(path.steps)))}</b></p><ol>"]
        for i, step in enumerate(path.steps):
            a, b = path.node_ids[i], path.node_ids[i + 1]
            arrow = "→" if step.forward else "←"
            out.append(
                f"<li><a href='#n{i}'>{escape(kg.label(a, lang))}</a> {arrow} "
                f"<i>{escape(step.edge.label(lang))}</i> {arrow} "
                f"<a href='#n{i + 1}'>{escape(kg.label(b, lang))}</a>"
            )
            for ev in step.edge.evidence:
                where = f" <small>({escape(ev.section)})</small>" if ev.section else ""
                out.append(f"<br>“{escape(ev.quote)}”{where}")
            if not step.edge.evidence:
                out.append(f"<br><small>{escape(self.tr('no quoted evidence'))}</small>")
            out.append("</li>")
        out.append("</ol>")
        self.result.setHtml("".join(out))

    def hop_text(self) -> str:
        return self.result.toPlainText()

    def _on_link(self, url) -> None:
        fragment = url.fragment()
        if (
            fragment.startswith("n")
            and fragment[1:].isdigit()
            and int(fragment[1:]) < len(self._hops)
        ):
            self.qs.select(self._hops[int(fragment[1:])])


def resolve(kg, text: str) -> str | None:
    """``ExplorerState.resolve`` on *kg* itself (a worker must not read the state)."""
    text = text.strip()
    if not text:
        return None
    found = kg.resolve(text)
    if found is not None:
        return found
    hits = kg.search_index.search(text, limit=1)
    return hits[0].node_id if hits else None
