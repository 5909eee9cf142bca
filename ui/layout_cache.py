"""Node positions per view, remembered in memory and on disk (cold start skips the layout)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from explorer.model import GraphView

Positions = dict[str, tuple[float, float]]


def view_key(view: GraphView, kind: str) -> str:
    h = hashlib.sha1(kind.encode())
    for nid in sorted(view.node_ids):
        h.update(nid.encode("utf-8", "surrogatepass") + b"\0")
    for eid in sorted({(e.source, e.target) for e in view.edges}):
        h.update(f"{eid[0]}>{eid[1]}".encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def compute(view: GraphView, kind: str) -> Positions:
    """Rings for a one-entity neighbourhood; otherwise the core's force or top-down layout."""
    if kind == "force" and view.kind == "neighbourhood" and len(view.focus) == 1:
        from explorer.render.radial import radial_layout

        return radial_layout(view, view.focus[0])
    from explorer.layout import layout

    return layout(view, kind)


class LayoutCache:
    """``positions(view, kind)`` computes once per distinct view; *directory* persists them."""

    def __init__(self, directory: Path | None = None, *, persist_above: int = 50) -> None:
        self.directory = directory
        self.persist_above = persist_above
        self._memory: dict[str, Positions] = {}

    def positions(self, view: GraphView, kind: str = "force") -> Positions:
        key = view_key(view, kind)
        hit = self._memory.get(key) or self._read(key)
        if hit is None:
            hit = compute(view, kind)
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
