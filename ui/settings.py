"""What the app remembers between runs (QSettings): layout, languages, recent files."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Settings:
    def __init__(self) -> None:
        self.q = QSettings("kg-explorer", "KG Explorer")

    def value(self, key: str, default=None):
        return self.q.value(key, default)

    def set(self, key: str, value) -> None:
        self.q.setValue(key, value)

    def recent_files(self) -> list[str]:
        raw = self.q.value("recent", [])
        if isinstance(raw, str):
            raw = [raw]
        return [str(p) for p in (raw or [])][:MAX_RECENT]

    def add_recent(self, path: str) -> list[str]:
        files = [path, *[p for p in self.recent_files() if p != path]][:MAX_RECENT]
        self.q.setValue("recent", files)
        return files

    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.q.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    def sync(self) -> None:
        self.q.sync()
