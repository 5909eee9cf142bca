"""A file through which ``pickle`` lets other threads run while it reads or writes.

``pickle.load``/``dump`` is one C call that holds the GIL while it makes or writes
millions of objects: the on-disk cache entry of a 10M-triple file held it for up to
0.9 s at a stretch, a scan part handed back by a child process for as long, and the
GUI thread beside them could not paint.
"""

from __future__ import annotations

import time

#: Pickling and unpickling give way to other threads (the GUI's) after this many bytes:
#: one ``pickle.dump`` of a 10M-triple entry held the GIL for up to 0.9 s at a stretch.
GIVE_WAY_BYTES = 4 * 1024 * 1024
GIVE_WAY_S = 0.001


class GivingWay:
    """A binary file that lets other threads run every ``GIVE_WAY_BYTES``.

    ``pickle`` is one C call that holds the GIL while it makes or writes millions of
    objects; it reads and writes its file in frames of ~64 kB, so a short sleep between
    some of them lets a GUI thread beside it paint and answer (~150 sleeps of 1 ms for a
    600 MB entry)."""

    def __init__(self, file) -> None:
        self._file = file
        self._left = GIVE_WAY_BYTES

    def _count(self, n: int) -> None:
        self._left -= n
        if self._left <= 0:
            self._left = GIVE_WAY_BYTES
            time.sleep(GIVE_WAY_S)

    def write(self, data) -> int:
        n = self._file.write(data)
        self._count(n or 0)
        return n

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self._count(len(data))
        return data

    def readinto(self, buffer) -> int:
        n = self._file.readinto(buffer)
        self._count(n or 0)
        return n

    def readline(self, size: int = -1) -> bytes:
        data = self._file.readline(size)
        self._count(len(data))
        return data
