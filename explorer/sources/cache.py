"""The on-disk index of opened files, so that reopening an unchanged file skips parsing it.

One entry per file (named after its resolved path) in the platform's cache folder
(``$KG_EXPLORER_CACHE_DIR`` overrides it): the scan's tables (every triple as
arrays of numbers, the strings once) and the warmed search index, pickled
together, the degree ranking and the tree roots. No store: a reopened graph answers
from the tables as a first open does. The manifest records the file's path, size,
modification time and a sampled content hash, and a checksum of every file of the
entry; an entry that does not match is rebuilt, never trusted. Entries are written in
a temporary folder and renamed into place only when complete, and the oldest are
evicted above a size limit.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import threading
import time
import uuid
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from .giving_way import GivingWay
from .store_load import Scan, no_gc

CACHE_VARIABLE = "KG_EXPLORER_CACHE_DIR"
LIMIT_VARIABLE = "KG_EXPLORER_CACHE_LIMIT_MB"
#: The cache keeps at most this much; the least recently opened entries go first.
DEFAULT_LIMIT_BYTES = 4_000_000_000
#: Bump when what an entry holds changes: older entries are then rebuilt.
FORMAT_VERSION = 6
MANIFEST = "manifest.json"
#: The scan's tables and the search index, pickled together (they share their strings;
#: the arrays are pickled as bytes).
DATA_FILE = "data.pickle"
_TMP_PREFIX = "tmp-"
#: A temporary folder this old belongs to a writer that died: evicted.
STALE_TMP_S = 24 * 3600
_SAMPLES = 64
_BLOCK = 64 * 1024

#: ``report(message)``: a one-line, user-facing note (a damaged entry is being rebuilt...).
Report = Callable[[str], None]


def cache_dir() -> Path:
    """Where entries live: ``$KG_EXPLORER_CACHE_DIR`` or the platform's user cache folder."""
    override = os.environ.get(CACHE_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("kg-explorer", appauthor=False)) / "index"


def limit_bytes() -> int:
    """The size limit (``$KG_EXPLORER_CACHE_LIMIT_MB`` or 4 GB)."""
    try:
        return int(float(os.environ[LIMIT_VARIABLE]) * 1_000_000)
    except (KeyError, ValueError):
        return DEFAULT_LIMIT_BYTES


@dataclass(frozen=True, slots=True)
class FileKey:
    """What identifies one version of a file: a changed file never matches its old entry."""

    path: str
    size: int
    mtime_ns: int
    digest: str


def file_key(path: str | Path) -> FileKey:
    """The key of *path*: its size, mtime and a hash of its head, tail and 64 sampled
    blocks (~5 MB read whatever the file's size: milliseconds, where a full hash of
    387 MB takes half a second)."""
    p = Path(path).resolve()
    st = p.stat()
    h = hashlib.blake2b(str(st.st_size).encode(), digest_size=16)
    with p.open("rb") as f:
        if st.st_size <= (_SAMPLES + 2) * _BLOCK:
            h.update(f.read())
        else:
            step = (st.st_size - _BLOCK) // (_SAMPLES + 1)
            for offset in [0, *(step * i for i in range(1, _SAMPLES + 1)), st.st_size - _BLOCK]:
                f.seek(offset)
                h.update(f.read(_BLOCK))
    return FileKey(str(p), st.st_size, st.st_mtime_ns, h.hexdigest())


def entry_dir(path: str | Path) -> Path:
    """The entry folder of *path* (whether it exists or not)."""
    name = hashlib.blake2b(str(Path(path).resolve()).encode(), digest_size=10).hexdigest()
    return cache_dir() / name


@dataclass
class CachedIndex:
    """An entry read back: everything a store-backed graph needs, no parse."""

    scan: Scan
    index: object  # a SearchIndex without its display callback
    top: list[str]
    roots: list[str] | None
    fmt: str


class DamagedEntry(Exception):
    """An entry that does not match its manifest (truncated, altered, half written)."""


def _checksum(path: Path) -> str:
    """CRC-32 of the file: catches truncation and flipped bytes at ~3x blake2b's speed
    (the entry guards against accidents, not against an attacker with write access)."""
    crc = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return f"{crc:08x}"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def load(path: str | Path, *, report: Report | None = None) -> CachedIndex | None:
    """The entry of *path* if it is complete and matches the file as it is now, else None.

    A changed file's entry is dropped; a damaged one is dropped with a *report*.
    """
    folder = entry_dir(path)
    manifest_path = folder / MANIFEST
    if not folder.is_dir():
        return None
    try:
        key = file_key(path)
    except OSError:
        return None
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise KeyError("manifest")
        if isinstance(manifest.get("version"), int) and manifest["version"] != FORMAT_VERSION:
            remove(folder)  # written by another version: re-indexed, not damaged
            return None
        if manifest.get("version") != FORMAT_VERSION:
            raise KeyError("version")
        if FileKey(**manifest["key"]) != key:
            remove(folder)  # the file changed: re-indexed by the caller
            return None
        # Checksums on one core (hashlib releases the GIL) while unpickling on the other.
        check = _Verifier(folder, manifest["files"])
        check.start()
        try:
            with (folder / DATA_FILE).open("rb") as f, no_gc():
                scan, index = pickle.load(GivingWay(f))
        finally:
            check.join()
        check.raise_problem()
        if not isinstance(scan, Scan) or not scan.complete:
            raise DamagedEntry("its tables are incomplete")
    except (
        OSError,
        ValueError,
        KeyError,
        TypeError,
        EOFError,
        pickle.UnpicklingError,
        DamagedEntry,
        AttributeError,
    ) as exc:
        if report is not None:
            report(
                f"The cached index of {Path(path).name} was damaged ({_why(exc)}); rebuilding it."
            )
        remove(folder)
        return None
    with contextlib.suppress(OSError):
        os.utime(manifest_path)  # "last used", for eviction
    return CachedIndex(scan, index, manifest["top"], manifest["roots"], manifest["fmt"])


def _why(exc: BaseException) -> str:
    if isinstance(exc, DamagedEntry):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return f"missing {Path(exc.filename or '?').name}"
    return type(exc).__name__ if not str(exc) else str(exc).splitlines()[0][:120]


class _Verifier(threading.Thread):
    def __init__(self, folder: Path, files: dict[str, list]) -> None:
        super().__init__(name="cache-verify", daemon=True)
        self._folder, self._files = folder, files
        self.problem: BaseException | None = None

    def run(self) -> None:
        try:
            _verify(self._folder, self._files)
        except (OSError, DamagedEntry) as exc:
            self.problem = exc

    def raise_problem(self) -> None:
        if self.problem is not None:
            raise self.problem


def _verify(folder: Path, files: dict[str, list]) -> None:
    """Every file the manifest lists, with its size and checksum (DamagedEntry if not)."""
    for rel, (size, digest) in files.items():
        p = folder / rel
        try:
            if p.stat().st_size != size:
                raise DamagedEntry(f"{rel} has the wrong size")
        except FileNotFoundError:
            raise DamagedEntry(f"{rel} is missing") from None
        if _checksum(p) != digest:
            raise DamagedEntry(f"{rel} does not match its checksum")


def write(
    graph,
    path: str | Path,
    *,
    top: list[str],
    roots: list[str] | None,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path | None:
    """Write the entry of *path* for a just-opened store-backed *graph* (None if cancelled).

    Everything goes to a temporary folder renamed into place when complete.
    """
    cancelled = cancelled or (lambda: False)
    key = file_key(path)
    root = cache_dir()
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f"{_TMP_PREFIX}{uuid.uuid4().hex}"
    tmp.mkdir()
    try:
        with (tmp / DATA_FILE).open("wb") as f:
            data = (graph.scan, graph.search_index)
            pickle.dump(data, GivingWay(f), protocol=pickle.HIGHEST_PROTOCOL)
        if progress is not None:
            progress(0.8)
        if cancelled():
            return None
        manifest = {
            "version": FORMAT_VERSION,
            "key": asdict(key),
            "fmt": graph.store_format,
            "top": top,
            "roots": roots,
            "files": {
                str(p.relative_to(tmp)): [p.stat().st_size, _checksum(p)] for p in _files(tmp)
            },
            "written": time.time(),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        if cancelled():
            return None
        final = entry_dir(path)
        remove(final)
        try:
            tmp.rename(final)
        except OSError:  # another process put an entry there meanwhile: keep theirs
            return None
        evict(limit_bytes())
        return final
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def remove(folder: Path) -> None:
    """Delete one entry (or temporary folder), ignoring what is already gone; never
    anything but a folder directly inside the cache folder."""
    if folder.resolve().parent != cache_dir().resolve():
        return
    shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True, slots=True)
class EntryInfo:
    source: str
    bytes: int
    last_used: float
    folder: str


@dataclass(frozen=True, slots=True)
class CacheInfo:
    folder: str
    entries: tuple[EntryInfo, ...]
    limit: int

    @property
    def bytes(self) -> int:
        return sum(e.bytes for e in self.entries)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def info() -> CacheInfo:
    """The entries, most recently used first, with their sizes."""
    root = cache_dir()
    entries = []
    if root.is_dir():
        for folder in root.iterdir():
            if not folder.is_dir() or folder.name.startswith(_TMP_PREFIX):
                continue
            manifest = folder / MANIFEST
            try:
                source = json.loads(manifest.read_text(encoding="utf-8"))["key"]["path"]
                used = manifest.stat().st_mtime
            except (OSError, ValueError, KeyError, TypeError):
                source, used = "(incomplete entry)", 0.0
            entries.append(EntryInfo(source, _size(folder), used, str(folder)))
    entries.sort(key=lambda e: -e.last_used)
    return CacheInfo(str(root), tuple(entries), limit_bytes())


def clear() -> tuple[int, int]:
    """Delete every entry: ``(entries, bytes)`` removed. Open graphs keep working (their
    files stay readable until closed)."""
    root = cache_dir()
    count = freed = 0
    if root.is_dir():
        for folder in root.iterdir():
            if folder.is_dir():
                freed += _size(folder)
                count += not folder.name.startswith(_TMP_PREFIX)
                remove(folder)
    return count, freed


def evict(limit: int) -> int:
    """Delete the least recently used entries until the cache fits *limit*; how many went."""
    root = cache_dir()
    if root.is_dir():  # temporary folders left by a process that died while writing
        stale = time.time() - STALE_TMP_S
        for folder in root.glob(f"{_TMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                if folder.stat().st_mtime < stale:
                    remove(folder)
    entries = list(info().entries)
    total = sum(e.bytes for e in entries)
    gone = 0
    while entries and total > limit:
        oldest = entries.pop()
        remove(Path(oldest.folder))  # an incomplete entry (no manifest) counts as oldest
        total -= oldest.bytes
        gone += 1
    return gone
