"""Never lose a file: every export is written beside its target, then renamed into place.

``os.replace`` within one folder is atomic, so a reader sees the old file or
the new one, never half of either; a failure part-way removes the temporary
file and leaves whatever was at the path untouched. A set of files that belong
together (CSV nodes + edges) is replaced as a whole (:func:`write_set`).

Every temporary file is registered before it is created and unregistered once
renamed or removed: the CLI calls :func:`remove_pending` when SIGTERM or Ctrl-C
unwinds it, which covers the instants between creating a file and the
``finally`` that would remove it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

#: Temporary files that may exist right now (removed by :func:`remove_pending`).
_pending: set[str] = set()


class ExportError(Exception):
    """An export failed; ``str()`` says what and where, for a person."""


def remove_pending() -> None:
    """Remove every temporary file an interrupted export left (for signal handlers)."""
    for path in list(_pending):
        with contextlib.suppress(OSError):
            os.unlink(path)
        _pending.discard(path)


def _check_target(target: Path) -> Path:
    """The folder *target* goes in, or ExportError saying why it cannot be written."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    return folder


def _temp_names(target: Path, folder: Path, suffix: str) -> Iterator[str]:
    """Fresh hidden names beside *target*, each registered before it is handed out."""
    for _ in range(100):
        name = str(folder / f".{target.name}.{secrets.token_hex(4)}{suffix}")
        _pending.add(name)
        yield name
    raise ExportError(f"cannot write in {folder}: no free temporary name")


def _forget(path: str) -> None:
    """*path* was renamed into place or removed: no longer ours to clean up."""
    _pending.discard(path)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
    _forget(path)


def _new_temp(target: Path, folder: Path) -> tuple[int, str]:
    """A new empty temporary file beside *target* (mode 0600 until sealed)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for tmp in _temp_names(target, folder, ".part"):
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileExistsError:
            _forget(tmp)
            continue
        except OSError as exc:
            _forget(tmp)
            raise ExportError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
        log.info("writing %s (through %s)", target, Path(tmp).name)
        return fd, tmp
    raise AssertionError("unreachable")


def _seal(handle: BinaryIO, tmp: str, target: Path) -> None:
    """Flush *handle* to disk and give *tmp* the permissions *target* has (or would get)."""
    handle.flush()
    os.fsync(handle.fileno())
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
    os.chmod(tmp, mode)


def _write_error(exc: OSError, target: Path) -> ExportError:
    return ExportError(f"cannot write {target}: {exc.strerror or exc}")


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write; on success it replaces *path*, on error it vanishes."""
    target = Path(path)
    fd, tmp = _new_temp(target, _check_target(target))
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            _seal(handle, tmp, target)
        os.replace(tmp, target)
        _forget(tmp)
    except BaseException as exc:  # SIGTERM and Ctrl-C too (the CLI turns both into these)
        _remove(tmp)
        if isinstance(exc, OSError):
            raise _write_error(exc, target) from exc
        raise


def write_set(files: dict[Path, bytes]) -> list[Path]:
    """Write several files that only make sense together (CSV nodes + edges): all of
    them are replaced, or none is.

    Every file is written to a temporary beside its target first; only when all
    are complete are they renamed in. Should a rename fail, the files already
    renamed get their old content back (kept through a hard link until the end).
    """
    targets = [Path(p) for p in files]
    folders = [_check_target(t) for t in targets]
    temps: list[str] = []  # every temporary file, removed in the end whatever happens
    parts: list[str] = []  # the new content of each target, in order
    backups: dict[Path, str | None] = {}
    try:
        for target, folder in zip(targets, folders, strict=True):
            fd, tmp = _new_temp(target, folder)
            temps.append(tmp)
            parts.append(tmp)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(files[target])
                    _seal(handle, tmp, target)
            except OSError as exc:
                raise _write_error(exc, target) from exc
        for target, folder, tmp in zip(targets, folders, parts, strict=True):
            backups[target] = _keep_old(target, folder, temps)
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _write_error(exc, target) from exc
    except BaseException:
        for target, backup in backups.items():
            with contextlib.suppress(OSError):
                if backup is None:
                    os.unlink(target)
                else:
                    os.replace(backup, target)
        raise
    finally:
        for tmp in temps:
            _remove(tmp)
    return targets


def _keep_old(target: Path, folder: Path, temps: list[str]) -> str | None:
    """A hard link to *target*'s current content (None when there is none), added to
    *temps* so it is removed at the end."""
    if not target.exists():
        return None
    for backup in _temp_names(target, folder, ".old"):
        try:
            os.link(target, backup)
        except FileExistsError:
            _forget(backup)  # someone else's file: not ours to remove
            continue
        except OSError:  # a file system without hard links: a copy does as well
            try:
                shutil.copy2(target, backup)
            except OSError as exc:
                _remove(backup)
                raise _write_error(exc, target) from exc
        temps.append(backup)
        return backup
    raise AssertionError("unreachable")


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
