"""A large file scanned on every core: cut at statement boundaries, a part per core.

The scan is Python work per triple, so one process uses one core however many there
are. A Turtle, N-Triples or N-Quads file is cut at line ends that close a statement;
forked children (``forked.Child``) scan every part but the first, which the opening
process scans meanwhile; the parts' tables are then merged, numbering terms exactly
as one pass over the whole file would. A Turtle part starts with the file's leading
``@prefix``/``@base`` lines.

Nothing about a cut is trusted: a part that does not parse (the cut fell inside a
long string, or after a line that only looked like a statement's end), or a part that
ends with other prefixes or base than the next part was given, sends the whole file
to one ordinary pass, which also reports any real syntax error where it is.
"""

from __future__ import annotations

import logging
import os
import time
from array import array
from collections.abc import Callable, Sequence
from itertools import compress, pairwise

import pyoxigraph as ox

from ..errors import LoadError, OpenCancelled
from ..rdf_io import _OX_FORMATS
from . import forked
from .store_load import Scan, scan, scan_piece

log = logging.getLogger(__name__)

#: Files smaller than this are scanned in one pass (a part's fork and merge cost more
#: than the part saves); ``$KG_EXPLORER_PARTS_BYTES`` overrides it (tests, benchmarks).
PARTS_FROM = 8 << 20
PARTS_VARIABLE = "KG_EXPLORER_PARTS_BYTES"
#: More parts than this gain little: the merge is done by the opening process alone.
MAX_PARTS = 4
#: Lines tried after a cut's intended place for one that ends a statement, and the
#: longest line looked at (a longer one is passed over: it is rarely a statement's end
#: alone, and reading it costs Python time per byte).
_LINES_TRIED = 4096
_LONGEST_LINE = 4096


def scan_file(
    data: bytes,
    fmt: str,
    *,
    source: str,
    base_iri: str | None,
    degrees: bool = True,
    cancelled: Callable[[], bool] | None = None,
    parts: int | None = None,
) -> Scan:
    """:func:`store_load.scan` of the whole file, in *parts* processes (default: one per
    core, for a large file where forking is safe); the same tables either way."""
    if parts is None:
        parts = min(forked.cores(), MAX_PARTS) if cores_pay(len(data)) else 1
    plan = _plan(data, fmt, parts, base_iri) if parts > 1 and forked.available() else None
    whole = dict(source=source, base_iri=base_iri, degrees=degrees, cancelled=cancelled)
    if plan is None:
        return scan(data, fmt, **whole)
    header, cuts = plan
    expected = _starts(header, fmt, base_iri)
    children: list[forked.Child] = []
    try:
        for start, end in pairwise(cuts[1:]):
            children.append(
                forked.Child(_scan_part, data, start, end, header, fmt, base_iri, degrees)
            )
        began = time.monotonic()
        out, ends = _first_part(data[: cuts[1]], fmt, whole)
        # a child does the same work: far past that, it hangs (a fork-time deadlock)
        deadline = time.monotonic() + forked.patience(time.monotonic() - began)
        for child in children:
            got = child.result(cancelled, within=max(0.0, deadline - time.monotonic()))
            if got is None:
                raise OpenCancelled
            part, part_ends = got
            if ends != expected:
                raise forked.Failed  # the prefixes changed before this cut
            _merge(out, part)
            ends = part_ends
        out.prefixes = dict(sorted(out.prefixes.items()))  # as pyoxigraph gives them
    except (forked.Failed, _PartUnreadable, OSError) as exc:  # OSError: no fork, no temp file
        for child in children:
            child.stop()
        log.info("%s: scanned in one pass (%s)", source, _why(exc))
        return scan(data, fmt, **whole)
    except BaseException:
        for child in children:
            child.stop()
        raise
    log.info("%s: scanned in %d parts", source, parts)
    return out


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"no part could be forked: {exc}"
    return "a part did not scan on its own"


def cores_pay(size: int) -> bool:
    """Whether a file of *size* bytes is worth work on other cores: scanning it in
    parts, and finding its tree roots beside the search index."""
    try:
        least = int(os.environ.get(PARTS_VARIABLE, PARTS_FROM))
    except ValueError:
        least = PARTS_FROM
    return size >= least and forked.cores() > 1


class _PartUnreadable(Exception):
    """The first part did not parse on its own (the whole file will say where)."""


def _first_part(data: bytes, fmt: str, whole: dict) -> tuple[Scan, tuple]:
    try:
        out, base = scan_piece(data, fmt, **whole)
    except LoadError:
        raise _PartUnreadable from None
    return out, (dict(out.prefixes), base)  # a copy: merging adds to out.prefixes


def _scan_part(
    data: bytes, start: int, end: int, header: bytes, fmt: str, base: str | None, degrees: bool
) -> tuple[Scan, tuple]:
    """In a child: one part's scan, and the prefixes and base in force at its end."""
    out, ends = scan_piece(header + data[start:end], fmt, source="", base_iri=base, degrees=degrees)
    ends = (dict(out.prefixes), ends)
    out.ids = {}  # the parent numbers terms by ``names``: not pickled twice
    return out, ends


def _starts(header: bytes, fmt: str, base_iri: str | None) -> tuple:
    """The prefixes and base a part starting with *header* is parsed with."""
    parser = ox.parse(header, _OX_FORMATS[fmt], base_iri=base_iri)
    for _ in parser:
        pass
    return dict(getattr(parser, "prefixes", {}) or {}), parser.base_iri


def _plan(
    data: bytes, fmt: str, parts: int, base_iri: str | None
) -> tuple[bytes, list[int]] | None:
    """The header every part after the first starts with, and where parts start and
    end; None when the file is not cut (its format, or no line found to cut at)."""
    if fmt in ("nt", "nquads"):
        header, ends = b"", _line_end
    elif fmt == "turtle":
        header, ends = _leading_directives(data), _statement_end
        if header is None or not _header_parses(header, base_iri):
            return None
    else:  # TriG's graphs, N3's formulas, JSON-LD and RDF/XML are not cut by lines
        return None
    cuts = [0]  # equal parts: a child's pickling costs about what reading it back does
    for k in range(1, parts):
        at = ends(data, max(len(header), len(data) * k // parts, cuts[-1]))
        if at is None or at <= cuts[-1] or at >= len(data):
            return None
        cuts.append(at)
    cuts.append(len(data))
    return header, cuts


def _line_end(data: bytes, at: int) -> int | None:
    found = data.find(b"\n", at)
    return None if found < 0 else found + 1


def _statement_end(data: bytes, at: int) -> int | None:
    """Just after the first line end from *at* whose line closes a Turtle statement."""
    for _ in range(_LINES_TRIED):
        found = data.find(b"\n", at)
        if found < 0:
            return None
        start = data.rfind(b"\n", max(0, found - _LONGEST_LINE - 1), found) + 1
        if start or found <= _LONGEST_LINE:  # else longer than _LONGEST_LINE: passed over
            if _closes_statement(data[start:found]):
                return found + 1
        at = found + 1
    return None


def _closes_statement(line: bytes) -> bool:
    """Whether *line* ends with a ``.`` outside IRIs, strings and its comment (a guess,
    checked by parsing: see the module's docstring)."""
    if b"#" not in line:  # no comment: a string or IRI cannot end the line with "."
        return line.rstrip().endswith(b".")
    quote = 0
    in_iri = False
    end = len(line)
    i = 0
    while i < end:
        c = line[i]
        if quote:
            if c == 0x5C:  # a backslash escapes the next character
                i += 1
            elif c == quote:
                quote = 0
        elif in_iri:
            in_iri = c != 0x3E  # ">"
        elif c in (0x22, 0x27):  # '"', "'"
            quote = c
        elif c == 0x3C:  # "<"
            in_iri = True
        elif c == 0x23:  # "#": a comment to the end of the line
            end = i
        i += 1
    return not quote and not in_iri and line[:end].rstrip().endswith(b".")


def _leading_directives(data: bytes) -> bytes | None:
    """The file's opening lines of ``@prefix``/``@base``/``PREFIX``/``BASE``, blanks and
    comments (None if the file is nothing else)."""
    at = 0
    while True:
        found = data.find(b"\n", at)
        if found < 0:
            return None
        line = data[at:found].strip()
        if line and not line.startswith(b"#") and not _is_directive(line):
            return data[:at]
        at = found + 1


def _is_directive(line: bytes) -> bool:
    if line.startswith((b"@prefix", b"@base")):
        return True
    word = line[:7].lower()
    return word.startswith(b"prefix") or word.startswith((b"base ", b"base<", b"base\t"))


def _header_parses(header: bytes, base_iri: str | None) -> bool:
    try:
        parser = ox.parse(header, _OX_FORMATS["turtle"], base_iri=base_iri)
        return next(iter(parser), None) is None  # directives only, no statement
    except (SyntaxError, ValueError):
        return False


def _merge(out: Scan, part: Scan) -> None:
    """Append *part*'s tables (the next part of the file) to *out*'s, renumbering its
    terms: those *out* knows keep their number, new ones follow in *part*'s order.

    Long passes go in steps of ``_STEP`` items: one C call over 10M-triple arrays would
    hold the GIL for a good part of a second, while the window waits to paint."""
    ids, names = out.ids, out.names
    theirs = part.names
    new = [n for n in theirs if n not in ids]
    for at in range(0, len(new), _STEP):
        numbers = range(len(names) + at, len(names) + at + _STEP)  # the last step's is longer
        ids.update(zip(new[at : at + _STEP], numbers, strict=False))
    names.extend(new)
    to = _mapped(ids.__getitem__, theirs, list)
    ours = to.__getitem__
    kind_to = _merge_kinds(out.kinds, part.kinds).__getitem__
    for mine, other in zip(out.columns, part.columns, strict=True):
        mine.values.extend(other.values)
        mine.rows.extend(_mapped(ours, other.rows))
        mine.kinds.extend(_mapped(kind_to, other.kinds, _ushorts))
        mine.ranks.extend(other.ranks)
    out.meta.update(map(ours, part.meta))
    ranked = set(out.order)
    out.order.extend(array("I", [t for t in map(ours, part.order) if t not in ranked]))
    out.prefixes.update(part.prefixes)
    out.triples += part.triples
    if out.links is None or part.links is None:
        return
    degree = out.degree
    degree.extend(array("I", bytes(4 * (len(names) - len(degree)))))
    counts = part.degree
    for t in compress(range(len(counts)), counts):
        degree[to[t]] += counts[t]
    mine, other = out.links, part.links
    mine.subjects.extend(_mapped(ours, other.subjects))
    mine.predicates.extend(_mapped(ours, other.predicates))
    mine.objects.extend(_mapped(ours, other.objects))
    rest, more = out.literals, part.literals
    assert rest is not None and more is not None
    rest.values.extend(more.values)
    rest.rows.extend(_mapped(ours, more.rows))
    rest.predicates.extend(_mapped(ours, more.predicates))
    rest.kinds.extend(_mapped(kind_to, more.kinds, _ushorts))


#: Items per step of a long pass in :func:`_merge` (~10 ms of work).
_STEP = 1 << 17


def _uints(values=()) -> array:
    return array("I", values)


def _ushorts(values=()) -> array:
    return array("H", values)


def _mapped(fn: Callable[[int], int], values: Sequence[int], make=_uints):
    """``make(map(fn, values))``, a step at a time (see :func:`_merge`)."""
    out = make()
    for at in range(0, len(values), _STEP):
        out.extend(map(fn, values[at : at + _STEP]))
    return out


def _merge_kinds(kinds: list[tuple[str, str]], more: list[tuple[str, str]]) -> list[int]:
    """*more*'s literal kinds numbered in *kinds* (new ones appended)."""
    known = {k: i for i, k in enumerate(kinds)}
    to = []
    for k in more:
        if k not in known:
            known[k] = len(kinds)
            kinds.append(k)
        to.append(known[k])
    return to
