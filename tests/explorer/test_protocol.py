"""The bridge decoder: only well-formed messages about existing ids pass."""

import pytest

from explorer.render.protocol import (
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
        '{"type": "click", "id": "' + "x" * 70_000 + '"}',
        "[" * 100_000,
    ],
)
def test_anything_else_is_refused(raw):
    with pytest.raises(ProtocolError):
        decode(raw, IDS)
