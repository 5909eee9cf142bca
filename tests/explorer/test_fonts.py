"""Text is measured with the CJK font's own widths; they are read from the font once and
saved, so a start-up that lays out a view neither runs fontconfig nor parses the font."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from explorer.render import fonts

SAMPLE = "兰州市委 Referat II A “五共五联”"

MEASURE = (
    "import sys; from explorer.render import fonts; "
    f"print(fonts.text_width({SAMPLE!r}, 14)); print('fontTools' in sys.modules)"
)


def _measure(cache) -> tuple[float, bool]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", MEASURE], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), out[1] == "True"


@pytest.fixture
def font():
    try:
        return fonts.cjk_font()
    except fonts.FontError:
        pytest.skip("no CJK font installed")


def test_widths_are_saved_once_and_read_back_the_same(tmp_path, font):
    first, parsed_font = _measure(tmp_path)
    assert parsed_font  # nothing saved yet: the font itself was read
    saved = tmp_path / "kg-explorer" / "fonts" / "cjk-metrics-v1.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["path"] == font.path
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]  # no temporary left

    again, parsed_again = _measure(tmp_path)
    assert again == first and not parsed_again


def test_a_changed_or_damaged_copy_is_not_trusted(tmp_path, font):
    first, _ = _measure(tmp_path)
    saved = tmp_path / "kg-explorer" / "fonts" / "cjk-metrics-v1.json"
    record = json.loads(saved.read_text(encoding="utf-8"))
    record["stamp"] = [0, 0]  # as if the font file had been replaced
    saved.write_text(json.dumps(record), encoding="utf-8")
    assert _measure(tmp_path) == (first, True)

    saved.write_text("{not json", encoding="utf-8")
    assert _measure(tmp_path) == (first, True)
    assert json.loads(saved.read_text(encoding="utf-8"))["stamp"] != [0, 0]  # saved anew
