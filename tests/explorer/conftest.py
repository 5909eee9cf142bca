from __future__ import annotations

from pathlib import Path

import pytest

from explorer.graph import KnowledgeGraph

DATA = Path(__file__).parents[1] / "data"
#: The real published organigram beside the checkout (shared/data/organigrams/).
ORGANIGRAM = (
    Path(__file__).resolve().parents[2].parent / "shared/data/organigrams/berlin-senfin-2023.ttl"
)
LZ = "https://w3id.org/kg-explorer/lanzhou/"


@pytest.fixture(scope="session")
def mini() -> KnowledgeGraph:
    """A small graph in the article's shape (tests/data/mini.ttl)."""
    return KnowledgeGraph.from_file(DATA / "mini.ttl")


@pytest.fixture(scope="module")
def article() -> KnowledgeGraph:
    """The bundled article graph (a module's tests share one)."""
    return KnowledgeGraph.article()


@pytest.fixture(scope="module")
def organigram():
    """The shared Berlin organigram, opened as the app opens a file."""
    from explorer.sources import open_source

    return open_source(ORGANIGRAM)


@pytest.fixture
def load_text(tmp_path: Path):
    """Write Turtle text to a file and load it as a KnowledgeGraph."""

    def load(text: str, name: str = "g.ttl") -> KnowledgeGraph:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return KnowledgeGraph.from_file(path)

    return load
