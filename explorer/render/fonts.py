"""The CJK font every exported image is drawn and measured with.

Exported images must show Chinese on any machine: the SVG names a list of CJK
families (the viewer picks what it has), PNG and PDF are drawn with the one
font fontconfig finds here (and the PDF embeds it). Text widths come from that
font's own advance widths, so labels at the edge of an image are never clipped.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Family list for the SVG: the CJK face first so Chinese never falls back to boxes.
FONT_FAMILIES = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', "
    "'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans', sans-serif"
)
#: fontconfig patterns tried in order to find a font with Chinese glyphs.
_PATTERNS = ("Noto Sans CJK SC", "Source Han Sans SC", ":lang=zh-cn", ":lang=zh")
_PROBE = "中文汉字"


class FontError(RuntimeError):
    """No font with Chinese glyphs could be found."""


@dataclass(frozen=True, slots=True)
class FontFile:
    path: str
    index: int  # face number inside a .ttc collection
    family: str


def _fc_match(pattern: str) -> FontFile | None:
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}|%{index}|%{family[0]}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = out.split("|")
    if len(parts) != 3 or not parts[0]:
        return None
    try:
        index = int(parts[1] or 0)
    except ValueError:
        index = 0
    return FontFile(parts[0], index, parts[2])


@lru_cache(maxsize=1)
def cjk_font() -> FontFile:
    """The installed font used for PNG/PDF text, found with fontconfig (FontError if none)."""
    if shutil.which("fc-match") is None:
        raise FontError("fontconfig (fc-match) is not available to find a Chinese font")
    for pattern in _PATTERNS:
        found = _fc_match(pattern)
        if found and _covers(found, _PROBE):
            return found
    raise FontError(
        "no font with Chinese glyphs is installed (install fonts-noto-cjk, "
        "e.g. `apt-get install fonts-noto-cjk`)"
    )


def _covers(font: FontFile, text: str) -> bool:
    metrics = _metrics(font.path, font.index)
    return metrics is not None and all(ord(ch) in metrics[0] for ch in text)


@lru_cache(maxsize=4)
def _metrics(path: str, index: int) -> tuple[dict[int, int], float] | None:
    """(advance width by code point, units per em) of a font file, or None if unreadable."""
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(path, fontNumber=index, lazy=True)
        cmap = font.getBestCmap() or {}
        hmtx = font["hmtx"].metrics
        widths = {cp: hmtx[name][0] for cp, name in cmap.items() if name in hmtx}
        return widths, float(font["head"].unitsPerEm)
    except Exception:
        return None


def _guess(ch: str) -> float:
    """Advance of *ch* in ems when no font can be read: wide for CJK, ~0.55 otherwise."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch == " ":
        return 0.25
    return 0.6 if ch.isupper() or ch.isdigit() else 0.55


@lru_cache(maxsize=1)
def _measure_table() -> tuple[dict[int, int], float] | None:
    """The CJK font's advance widths: from the saved copy when the font file is unchanged
    (finding the font and reading its 65k glyphs costs ~0.3 s, on every start-up that
    lays out a view), else read from the font and saved for the next start."""
    saved = _read_saved_metrics()
    if saved is not None:
        return saved
    try:
        font = cjk_font()
    except FontError:
        return None
    table = _metrics(font.path, font.index)
    if table is not None:
        _save_metrics(font, table)
    return table


def _metrics_file() -> Path:
    import platformdirs

    folder = Path(platformdirs.user_cache_dir("kg-explorer", appauthor=False))
    return folder / "fonts" / "cjk-metrics-v1.json"


def _font_stamp(path: str) -> list[int]:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns]


def _read_saved_metrics() -> tuple[dict[int, int], float] | None:
    """The saved table if it describes the font file as it is now; None otherwise."""
    try:
        saved = json.loads(_metrics_file().read_text(encoding="utf-8"))
        if _font_stamp(saved["path"]) != saved["stamp"]:
            return None
        default = int(saved["default"])
        widths: dict[int, int] = {}
        for start, end in saved["covered"]:
            widths.update(dict.fromkeys(range(int(start), int(end) + 1), default))
        widths.update({int(cp): int(w) for cp, w in saved["other"].items()})
        return widths, float(saved["upem"])
    except (OSError, ValueError, KeyError, TypeError, ImportError):
        return None  # none yet, unreadable, or the font changed: read the font again


def _save_metrics(font: FontFile, table: tuple[dict[int, int], float]) -> None:
    """Save *table* compactly (covered code point runs, the common advance and the others),
    written whole then renamed; a cache that cannot be written only costs time."""
    widths, upem = table
    if not widths:
        return
    default = Counter(widths.values()).most_common(1)[0][0]
    runs: list[list[int]] = []
    for cp in sorted(widths):
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    record = {
        "path": font.path,
        "stamp": _font_stamp(font.path),
        "upem": upem,
        "default": default,
        "covered": runs,
        "other": {str(cp): w for cp, w in widths.items() if w != default},
    }
    try:
        target = _metrics_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".metrics.", suffix=".part", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(record, out, separators=(",", ":"))
            os.replace(tmp, target)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except (OSError, ImportError):
        pass


def text_width(text: str, size: float) -> float:
    """Width of *text* at *size* px, from the CJK font's metrics (or a safe estimate)."""
    table = _measure_table()
    total = 0.0
    for ch in text:
        if table is not None and ord(ch) in table[0]:
            total += table[0][ord(ch)] / table[1]
        else:
            total += _guess(ch)
    return total * size


#: Family name of the per-export font subset (see ``subset_font``).
EXPORT_FAMILY = "KGX Export CJK"
# Code points that share a glyph with a common ideograph (⼀ U+2F00 and 一 U+4E00, ⽬ and 目):
# left out so each glyph has one code point and copied PDF text is the ideograph.
_SHADOWS = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F), (0x3300, 0x33FF))


def subset_font(text: str, family: str = EXPORT_FAMILY) -> bytes:
    """The CJK font cut down to the characters of *text* and renamed *family*.

    Qt's PDF engine maps each glyph back to the first code point the font's
    cmap gives it, so with the full font 目标 copies out of a PDF as ⽬标
    (a Kangxi radical). A subset holding only the characters drawn maps back
    exactly; it is also small, so the PDF stays small.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font_file = cjk_font()
    font = TTFont(font_file.path, fontNumber=font_file.index)
    wanted = {ord(ch) for ch in text if ord(ch) >= 32}
    wanted = {cp for cp in wanted if not any(lo <= cp <= hi for lo, hi in _SHADOWS)}
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted | {0x20})
    subsetter.subset(font)
    postscript = family.replace(" ", "") + "-Regular"
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = family
        elif record.nameID == 6:
            record.string = postscript
    if "CFF " in font:  # the CFF table carries its own font name
        font["CFF "].cff.fontNames = [postscript]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
