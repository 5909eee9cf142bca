"""The one error type for input the explorer cannot use."""

from __future__ import annotations

from pathlib import Path


class LoadError(Exception):
    """A file (or endpoint) could not be used. Carries where, when the parser knows.

    ``str(error)`` is a plain sentence for a person: ``file.ttl, line 4, column 7:
    a dot is expected at the end of statements``.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | Path = "",
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.source = str(source)
        self.line = line
        self.column = column
        super().__init__(self.describe())

    def describe(self) -> str:
        where = [Path(self.source).name if self.source else ""]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        prefix = ", ".join(w for w in where if w)
        return f"{prefix}: {self.message}" if prefix else self.message


class AmbiguousName(LookupError):
    """A name given by the user fits several entities: the candidates, for the user to pick."""

    def __init__(self, text: str, candidates: list[tuple[str, str]]) -> None:
        self.text = text
        self.candidates = candidates  # (id, label)
        listed = "; ".join(f"{label} <{node_id}>" for node_id, label in candidates[:10])
        more = f" and {len(candidates) - 10} more" if len(candidates) > 10 else ""
        super().__init__(f"{text!r} names {len(candidates)} entities: {listed}{more}")
