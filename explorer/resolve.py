"""The one way a typed name becomes an entity, for the CLI, the state and the panels.

A name resolves when it is an id, a prefixed name or an exact label, or when the
search's best hit is an exact, prefix or alias match. A looser match (substring,
description, fuzzy) is never taken silently: the caller gets ``UnknownEntity``
with the closest entities as suggestions, so it can say "did you mean …".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Lang

if TYPE_CHECKING:
    from .sources.protocol import GraphSource

#: Search ranks confident enough to stand for the name (exact, prefix, alias).
CONFIDENT_RANK = 2


class UnknownEntity(LookupError):
    """*text* names no entity; ``suggestions`` are labels of the closest ones."""

    def __init__(self, text: str, suggestions: tuple[str, ...] = ()) -> None:
        self.text, self.suggestions = text, suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no entity named {text!r}{hint}")


def find_entity(kg: GraphSource, text: str) -> str | None:
    """The entity *text* names, or ``None`` (blank text, or no confident match)."""
    text = text.strip()
    if not text:
        return None
    found = kg.resolve(text)
    if found is not None:
        return found
    hits = kg.search_index.search(text, limit=1)
    if hits and hits[0].rank <= CONFIDENT_RANK:
        return hits[0].node_id
    return None


def suggest(kg: GraphSource, text: str, lang: Lang = "zh", *, limit: int = 5) -> tuple[str, ...]:
    """Labels of the entities closest to *text*, best first (for "did you mean …")."""
    hits = kg.search_index.search(text.strip(), limit=limit) if text.strip() else []
    return tuple(dict.fromkeys(kg.label(h.node_id, lang) for h in hits))


def resolve_entity(kg: GraphSource, text: str, lang: Lang = "zh", *, limit: int = 5) -> str:
    """The entity *text* names; ``UnknownEntity`` with up to *limit* suggestions if none."""
    found = find_entity(kg, text)
    if found is not None:
        return found
    raise UnknownEntity(text.strip(), suggest(kg, text, lang, limit=limit))
