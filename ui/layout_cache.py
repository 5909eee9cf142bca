"""Node positions per view, remembered in memory and on disk (cold start skips the layout).

The positions themselves come from the core's one layout service
(``explorer.layout.positions``), the same that every export calls.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from explorer.model import GraphView

Positions = dict[str, tuple[float, float]]


def view_key(view: GraphView, kind: str, lang: str = "zh") -> str:
    h = hashlib.sha1(f"{kind}\0{lang}\0{view.kind}\0{','.join(view.focus)}".encode())
    for nid in sorted(view.node_ids):
        h.update(nid.encode("utf-8", "surrogatepass") + b"\0")
    for eid in sorted({(e.source, e.target) for e in view.edges}):
        h.update(f"{eid[0]}>{eid[1]}".encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


class LayoutCache:
    """Computes once per distinct view, kind and language; *directory* persists them."""

    def __init__(self, directory: Path | None = None, *, persist_above: int = 50) -> None:
        self.directory = directory
        self.persist_above = persist_above
        self._memory: dict[str, Positions] = {}

    def positions(self, view: GraphView, kind: str = "auto", lang: str = "zh") -> Positions:
        if not view.nodes:  # the window waiting for its first file: no layout service to
            return {}  # import (igraph's import alone cost 0.1-0.6 s of the app's start)
        key = view_key(view, kind, lang)
        hit = self._memory.get(key) or self._read(key)
        if hit is None:
            from explorer.layout import positions

            hit = positions(view, kind, lang)
            if self.directory is not None and len(view.nodes) >= self.persist_above:
                self._write(key, hit)
        self._memory[key] = hit
        return hit

    def _read(self, key: str) -> Positions | None:
        if self.directory is None:
            return None
        try:
            raw = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            return {k: (float(v[0]), float(v[1])) for k, v in raw.items()}
        except (OSError, ValueError, TypeError, IndexError, AttributeError):
            return None

    def _write(self, key: str, positions: Positions) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            (self.directory / f"{key}.json").write_text(json.dumps(positions), encoding="utf-8")
        except OSError:
            pass  # a cache that cannot be written only costs time
