"""The one way a typed name becomes an entity, for the CLI, the state and the panels.

A name resolves when it is an id, a prefixed name or an exact label, or when the
search's best hit is an exact, prefix or alias match. A looser match (substring,
description, fuzzy) is never taken silently: the caller gets ``UnknownEntity``
with the closest entities as suggestions, so it can say "did you mean …".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Lang, Node

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


class AmbiguousName(UnknownEntity):
    """*text* names several entities equally well: ``candidates`` are ``(id, label)``, for
    the user to pick one (the CLI exits 2 listing them; panels show them as suggestions)."""

    def __init__(self, text: str, candidates: list[tuple[str, str]]) -> None:
        super().__init__(text, tuple(label for _i, label in candidates[:10]))
        self.candidates = candidates
        listed = "; ".join(f"{label} <{node_id}>" for node_id, label in candidates[:10])
        more = f" and {len(candidates) - 10} more" if len(candidates) > 10 else ""
        self.args = (f"{text!r} names {len(candidates)} entities: {listed}{more}",)

    def __str__(self) -> str:
        return self.args[0]


def pick_named(named: list[Node], text: str) -> str | None:
    """The one entity of those a name fits: an organization before a chart document or
    anything else of the same name; several still equal -> ``AmbiguousName``."""
    if len(named) > 1:
        orgs = [n for n in named if n.category == "organization"]
        named = orgs or named
    if len(named) > 1:
        raise AmbiguousName(text, [(n.id, n.label("both")) for n in named])
    return named[0].id if named else None


def find_entity(kg: GraphSource, text: str, *, refuse_ambiguous: bool = False) -> str | None:
    """The entity *text* names, or ``None`` (blank text, or no confident match). A name
    several entities share is ``None`` too, or ``AmbiguousName`` with *refuse_ambiguous*."""
    text = text.strip()
    if not text:
        return None
    try:
        found = kg.resolve(text)
    except AmbiguousName:
        if refuse_ambiguous:
            raise
        return None
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
    found = find_entity(kg, text, refuse_ambiguous=True)
    if found is not None:
        return found
    raise UnknownEntity(text.strip(), suggest(kg, text, lang, limit=limit))
