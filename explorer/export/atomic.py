"""Never lose a file: every export is written beside its target, then renamed into place.

``os.replace`` within one folder is atomic, so a reader sees the old file or
the new one, never half of either; a failure part-way removes the temporary
file and leaves whatever was at the path untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


class ExportError(Exception):
    """An export failed; ``str()`` says what and where, for a person."""


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write; on success it replaces *path*, on error it vanishes."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(path: str | Path, data: bytes) -> Path:
    with replacing(path) as handle:
        handle.write(data)
    return Path(path)


def write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    return write_bytes(path, text.encode(encoding))


def write_with(path: str | Path, produce: Callable[[BinaryIO], None]) -> Path:
    """Let *produce* stream into the file (e.g. a serialiser that takes a file object)."""
    with replacing(path) as handle:
        produce(handle)
    return Path(path)
