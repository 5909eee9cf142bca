"""Is there a font that draws Chinese? Without one, labels are boxes: say so and how to fix it."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

FIX = "sudo apt-get install fonts-noto-cjk"


def has_cjk_font() -> bool:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return any(families)
