"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

Measured here (PySide6 6.12.0, CPython 3.11.7): every call of a Qt method that
returns ``void`` takes one reference from ``None`` without giving it, and every
``Signal.emit`` one from ``True``. After ~30,000 such calls CPython frees
``None`` and aborts ("Fatal Python error: none_dealloc"). Python 3.12 made these
objects immortal, so the bug is harmless there; on 3.11 we give them a
reference count no session can exhaust.
"""

from __future__ import annotations

import ctypes
import sys

BALLAST = 1 << 40


def guard_singletons() -> bool:
    """Make None, True and False practically immortal on Python < 3.12; True if applied."""
    if sys.version_info >= (3, 12) or hasattr(sys, "pypy_version_info"):
        return False
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))
        if count.value < BALLAST:
            count.value += BALLAST
    return True
