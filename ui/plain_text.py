"""Text from files and servers shown as text: Qt never reads it as HTML.

Qt guesses whether a label or tooltip is rich text (``Qt::mightBeRichText``), so a
label like ``<img src=x>`` would be drawn as a broken image and ``<a href>`` as a
live link. Labels get ``Qt.TextFormat.PlainText``; tooltips, which have no such
setting, go through :func:`tooltip`.
"""

from __future__ import annotations

import html


def tooltip(text: str) -> str:
    """*text* as a tooltip showing exactly these characters (escaped, always rich text,
    so Qt's guess cannot turn the escapes back into visible ``&lt;``)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
