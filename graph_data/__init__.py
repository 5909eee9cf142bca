"""The article's knowledge graph, its vocabulary and its SHACL shapes, as Turtle files.

This package is resources only: it names the files and never imports ``explorer``
(the core parses them with its own ``rdf_io``). ``article.ttl`` holds the instance data
and is generated from the tables in ``source/`` by ``python -m graph_data.build``;
vocabulary and shapes are separate files so that loading the data stays fast.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE = files(__name__)

#: The article's instance data.
ARTICLE_TTL: Path = Path(str(_PACKAGE / "article.ttl"))
#: The kgx vocabulary (classes and properties with zh/en labels); its @prefix lines are
#: the project's prefix table.
VOCABULARY_TTL: Path = Path(str(_PACKAGE / "vocabulary.ttl"))
#: The SHACL shapes every article graph must satisfy.
SHAPES_TTL: Path = Path(str(_PACKAGE / "shapes.ttl"))

__all__ = ["ARTICLE_TTL", "SHAPES_TTL", "VOCABULARY_TTL"]
