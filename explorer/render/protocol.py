"""Messages the graph page may send to Python, and the strict decoder for them.

The page is fed data from arbitrary files, so whatever arrives on the bridge is
treated as untrusted: exactly one JSON object, a known ``type``, exactly the
expected fields, string ids that exist in the current graph. Anything else
raises ``ProtocolError`` and is dropped by the caller.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Container
from dataclasses import dataclass

#: Longest message accepted; a click is ~100 bytes, a long IRI a few KB.
MAX_MESSAGE = 65_536


class ProtocolError(ValueError):
    """A message from the page that is not one we expect."""


@dataclass(frozen=True, slots=True)
class Ready:
    """The page has built its network and the bridge; queued calls may run."""


@dataclass(frozen=True, slots=True)
class Drawn:
    """The network has drawn its first frame (screenshots wait for this)."""


@dataclass(frozen=True, slots=True)
class NodeClicked:
    node_id: str


@dataclass(frozen=True, slots=True)
class NodeExpand:
    """Double-click: add the node's neighbours in place."""

    node_id: str


@dataclass(frozen=True, slots=True)
class ContextMenu:
    """Right click at (*x*, *y*) on the page, on a node (*node_id*) or on nothing (None)."""

    node_id: str | None
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Camera:
    """The page's zoom and centre changed (history keeps them with each view)."""

    scale: float
    x: float
    y: float


Message = Ready | Drawn | NodeClicked | NodeExpand | ContextMenu | Camera

_NO_FIELDS: dict[str, Callable[[], Message]] = {"ready": Ready, "drawn": Drawn}
_ID_FIELDS: dict[str, Callable[[str], Message]] = {"click": NodeClicked, "expand": NodeExpand}


def decode(raw: object, known_ids: Container[str]) -> Message:
    """Parse one message from the page; ``ProtocolError`` unless it is well formed.

    >>> decode('{"type": "click", "id": "urn:a"}', {"urn:a"})
    NodeClicked(node_id='urn:a')
    """
    if not isinstance(raw, str):
        raise ProtocolError("message is not a string")
    if len(raw) > MAX_MESSAGE:
        raise ProtocolError(f"message longer than {MAX_MESSAGE} characters")
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ProtocolError(f"message is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ProtocolError("message is not a JSON object")
    kind = data.get("type")
    if not isinstance(kind, str):
        raise ProtocolError("message has no string 'type'")
    if kind in _NO_FIELDS:
        if set(data) != {"type"}:
            raise ProtocolError(f"unexpected fields in {kind!r}: {sorted(set(data) - {'type'})}")
        return _NO_FIELDS[kind]()
    if kind in _ID_FIELDS:
        if set(data) != {"type", "id"}:
            raise ProtocolError(f"{kind!r} needs exactly the fields 'type' and 'id'")
        node_id = data["id"]
        if not isinstance(node_id, str):
            raise ProtocolError(f"{kind!r}: id is not a string")
        if node_id not in known_ids:
            raise ProtocolError(f"{kind!r}: no entity with id {node_id[:200]!r}")
        return _ID_FIELDS[kind](node_id)
    if kind == "context":
        _exact_fields(data, kind, {"type", "id", "x", "y"})
        node_id = data["id"]
        if node_id is not None and (not isinstance(node_id, str) or node_id not in known_ids):
            raise ProtocolError(f"'context': no entity with id {str(node_id)[:200]!r}")
        return ContextMenu(node_id, _number(data, kind, "x"), _number(data, kind, "y"))
    if kind == "camera":
        _exact_fields(data, kind, {"type", "scale", "x", "y"})
        scale = _number(data, kind, "scale")
        if scale <= 0:
            raise ProtocolError("'camera': scale is not positive")
        return Camera(scale, _number(data, kind, "x"), _number(data, kind, "y"))
    raise ProtocolError(f"unknown message type {kind[:50]!r}")


def _exact_fields(data: dict, kind: str, fields: set[str]) -> None:
    if set(data) != fields:
        raise ProtocolError(f"{kind!r} needs exactly the fields {sorted(fields)}")


def _number(data: dict, kind: str, field: str) -> float:
    value = data[field]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProtocolError(f"{kind!r}: {field} is not a finite number")
    return float(value)


def encode(message: Message) -> str:
    """The JSON the page sends for *message* (used by tests and by the page's contract)."""
    if isinstance(message, Ready):
        return json.dumps({"type": "ready"})
    if isinstance(message, Drawn):
        return json.dumps({"type": "drawn"})
    if isinstance(message, ContextMenu):
        fields = {"id": message.node_id, "x": message.x, "y": message.y}
        return json.dumps({"type": "context", **fields}, ensure_ascii=False)
    if isinstance(message, Camera):
        return json.dumps(
            {"type": "camera", "scale": message.scale, "x": message.x, "y": message.y}
        )
    kind = "click" if isinstance(message, NodeClicked) else "expand"
    return json.dumps({"type": kind, "id": message.node_id}, ensure_ascii=False)
