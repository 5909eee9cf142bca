from __future__ import annotations

from pathlib import Path

import pytest

from explorer.graph import KnowledgeGraph

DATA = Path(__file__).parents[1] / "data"
LZ = "https://w3id.org/kg-explorer/lanzhou/"


@pytest.fixture(scope="session")
def mini() -> KnowledgeGraph:
    """A small graph in the article's shape (tests/data/mini.ttl)."""
    return KnowledgeGraph.from_file(DATA / "mini.ttl")


@pytest.fixture
def load_text(tmp_path: Path):
    """Write Turtle text to a file and load it as a KnowledgeGraph."""

    def load(text: str, name: str = "g.ttl") -> KnowledgeGraph:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return KnowledgeGraph.from_file(path)

    return load
