"""The one error type for input the explorer cannot use."""

from __future__ import annotations

from pathlib import Path


class OpenCancelled(Exception):
    """The user cancelled an open: nothing was kept, nothing half written."""


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
