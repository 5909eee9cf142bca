"""The bridge decoder: only well-formed messages about existing ids pass."""

import pytest

from explorer.render.protocol import (
    Camera,
    ContextMenu,
    Drawn,
    NodeClicked,
    NodeExpand,
    ProtocolError,
    Ready,
    decode,
    encode,
)

IDS = {"urn:a", "urn:兰州"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"type": "ready"}', Ready()),
        ('{"type": "drawn"}', Drawn()),
        ('{"type": "click", "id": "urn:a"}', NodeClicked("urn:a")),
        ('{"type": "expand", "id": "urn:兰州"}', NodeExpand("urn:兰州")),
        ('{"type": "context", "id": "urn:a", "x": 3, "y": 4.5}', ContextMenu("urn:a", 3, 4.5)),
        ('{"type": "context", "id": null, "x": 0, "y": 0}', ContextMenu(None, 0, 0)),
        ('{"type": "camera", "scale": 0.5, "x": -1, "y": 2}', Camera(0.5, -1, 2)),
    ],
)
def test_well_formed_messages_decode(raw, expected):
    assert decode(raw, IDS) == expected
    assert decode(encode(expected), IDS) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        b'{"type": "ready"}',
        "",
        "not json",
        "[]",
        '"click"',
        "{}",
        '{"type": 3}',
        '{"type": "eval", "code": "1"}',
        '{"type": "ready", "extra": 1}',
        '{"type": "click"}',
        '{"type": "click", "id": 5}',
        '{"type": "click", "id": "urn:missing"}',
        '{"type": "click", "id": "urn:a", "js": "alert(1)"}',
        '{"type": "context", "id": "urn:missing", "x": 1, "y": 1}',
        '{"type": "context", "id": "urn:a", "x": "1", "y": 1}',
        '{"type": "context", "id": "urn:a", "x": true, "y": 1}',
        '{"type": "context", "id": "urn:a"}',
        '{"type": "camera", "scale": 0, "x": 1, "y": 1}',
        '{"type": "camera", "scale": 1e400, "x": 1, "y": 1}',
        '{"type": "camera", "scale": 1, "x": 1}',
        '{"type": "click", "id": "' + "x" * 70_000 + '"}',
        "[" * 100_000,
    ],
)
def test_anything_else_is_refused(raw):
    with pytest.raises(ProtocolError):
        decode(raw, IDS)
