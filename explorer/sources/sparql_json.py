"""SPARQL 1.1 JSON results read as a stream and checked as they are read.

``json.loads`` on a 60 MB reply builds ~1.4 GB of dicts before the first row is
used; here the ``bindings`` array is decoded one row at a time (the C decoder's
``raw_decode`` on a sliding text buffer) and each row becomes compact terms at
once, so memory follows the rows kept. Anything that is not SPARQL JSON results
(an HTML error page, a wrong shape, a row without a variable the caller needs,
an unknown term type) raises ``MalformedReply`` saying what and where.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator

from .facts import Lit

_WHITESPACE = " \t\n\r"
_DECODER = json.JSONDecoder()
#: Text kept in the buffer before the consumed part is dropped.
_COMPACT_AT = 1 << 20


class MalformedReply(ValueError):
    """The reply is not usable SPARQL JSON results; ``str()`` says why, for a person."""


def term(binding: object) -> object:
    """One SPARQL JSON results binding as a term: IRI ``str``, ``"_:name"`` or ``Lit``."""
    if not isinstance(binding, dict) or not isinstance(binding.get("value"), str):
        raise MalformedReply("a binding without a string value")
    kind, value = binding.get("type"), binding["value"]
    if kind == "uri":
        return sys.intern(value)  # the same IRIs recur in every row
    if kind == "bnode":
        return "_:" + value
    if kind in ("literal", "typed-literal"):
        lang, datatype = binding.get("xml:lang") or "", binding.get("datatype") or ""
        if not isinstance(lang, str) or not isinstance(datatype, str):
            raise MalformedReply("a literal with a malformed language or datatype")
        return Lit(value, sys.intern(lang.lower()), sys.intern(datatype))
    raise MalformedReply(f"unknown term type {kind!r}")


def read_results(chunks: Iterable[bytes], required: tuple[str, ...] = ()) -> list | bool:
    """The rows (``[{var: term}]``) of a SELECT reply or the boolean of an ASK reply."""
    reader = _Reader(iter(chunks))
    rows: list[dict[str, object]] | None = None
    boolean: object = None
    if reader.peek() != "{":
        raise MalformedReply(f"not SPARQL JSON results (it starts with {reader.sample()!r})")
    for key in reader.members():
        if key == "results":
            rows = _results(reader, required)
        elif key == "boolean":
            boolean = reader.value()
        else:
            reader.value()  # head, link, …: not needed
    if reader.peek() != "":
        raise MalformedReply(f"not SPARQL JSON results (text after the end: {reader.sample()!r})")
    if rows is not None:
        return rows
    if isinstance(boolean, bool):
        return boolean
    raise MalformedReply("not SPARQL JSON results (neither results nor boolean)")


def _results(reader: _Reader, required: tuple[str, ...]) -> list[dict[str, object]]:
    if reader.peek() != "{":
        raise MalformedReply("not SPARQL JSON results ('results' is not an object)")
    rows: list[dict[str, object]] | None = None
    for key in reader.members():
        if key != "bindings":
            reader.value()
            continue
        if reader.peek() != "[":
            raise MalformedReply("not SPARQL JSON results ('bindings' is not a list)")
        rows = []
        for raw in reader.items():
            if not isinstance(raw, dict):
                raise MalformedReply(f"row {len(rows) + 1} is not an object")
            missing = [v for v in required if v not in raw]
            if missing:
                raise MalformedReply(f"row {len(rows) + 1} has no value for ?{missing[0]}")
            try:
                rows.append({str(k): term(v) for k, v in raw.items()})
            except MalformedReply as exc:
                raise MalformedReply(f"row {len(rows) + 1}: {exc}") from None
    if rows is None:
        raise MalformedReply("not SPARQL JSON results (no 'bindings')")
    return rows


class _Reader:
    """Just enough of an incremental JSON reader for objects and arrays of small values."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._decode = codecs.getincrementaldecoder("utf-8")().decode
        self._text = ""
        self._pos = 0
        self._eof = False
        self._offset = 0  # characters dropped from the front, for positions in messages

    def _more(self) -> bool:
        if self._eof:
            return False
        try:
            chunk = next(self._chunks, None)
            self._eof = chunk is None
            text = self._decode(chunk or b"", final=self._eof)
        except UnicodeDecodeError:
            raise MalformedReply("not SPARQL JSON results (not UTF-8 text)") from None
        if self._pos >= _COMPACT_AT:
            self._offset += self._pos
            self._text, self._pos = self._text[self._pos :], 0
        self._text += text
        return True

    def peek(self) -> str:
        """The next non-blank character without consuming it ("" at the end)."""
        while True:
            text, pos = self._text, self._pos
            while pos < len(text) and text[pos] in _WHITESPACE:
                pos += 1
            self._pos = pos
            if pos < len(text):
                return text[pos]
            if not self._more():
                return ""

    def sample(self) -> str:
        self.peek()
        while len(self._text) - self._pos < 40 and self._more():
            pass
        return self._text[self._pos : self._pos + 40]

    def take(self, char: str) -> None:
        found = self.peek()
        if found != char:
            where = self._offset + self._pos
            shown = repr(found) if found else "the end"
            raise MalformedReply(
                f"not valid JSON: {char!r} expected at character {where}, found {shown}"
            )
        self._pos += 1

    def value(self) -> object:
        """One complete JSON value (must fit in memory: a key, a row, a small object)."""
        self.peek()
        while True:
            try:
                found, end = _DECODER.raw_decode(self._text, self._pos)
            except json.JSONDecodeError as exc:
                if self._more():
                    continue
                raise MalformedReply(
                    f"not valid JSON: {exc.msg} at character {self._offset + exc.pos}"
                ) from None
            if end == len(self._text) and self._more():
                continue  # a number may go on in the next chunk
            self._pos = end
            return found

    def members(self) -> Iterator[str]:
        """The keys of an object, one at a time; the caller reads each value."""
        self.take("{")
        if self.peek() == "}":
            self._pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise MalformedReply("not valid JSON: an object key is not a string")
            self.take(":")
            yield key
            if self.peek() == ",":
                self._pos += 1
                continue
            self.take("}")
            return

    def items(self) -> Iterator[object]:
        """The values of an array, one at a time."""
        self.take("[")
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield self.value()
            if self.peek() == ",":
                self._pos += 1
                continue
            self.take("]")
            return
