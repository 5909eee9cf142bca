"""Choosing what to call an entity: labels by language, descriptions, aliases, pinyin."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DC, DCTERMS, FOAF, RDFS, SKOS

from .vocab import ORG, SDO, VCARD

SCHEMA_HTTP = "http://schema.org/"

#: Label predicates in order of preference (the first found per language wins).
LABEL_PREDICATES: tuple[URIRef, ...] = (
    SKOS.prefLabel,
    RDFS.label,
    SDO.name,
    URIRef(SCHEMA_HTTP + "name"),
    FOAF.name,
    VCARD.fn,
    DCTERMS.title,
    DC.title,
)
#: A person's name in parts (vCard), joined into a label when no label is given.
GIVEN_NAME, FAMILY_NAME = VCARD["given-name"], VCARD["family-name"]
#: Other names an entity is found by. A family name is one, so people are found by it.
ALIAS_PREDICATES: tuple[URIRef, ...] = (
    SKOS.altLabel,
    URIRef(SCHEMA_HTTP + "alternateName"),
    FAMILY_NAME,
    GIVEN_NAME,
)
#: Aliases without the given names (a given name alone finds too many people).
ALIASES_SHOWN: tuple[URIRef, ...] = tuple(p for p in ALIAS_PREDICATES if p != GIVEN_NAME)
HIDDEN_PREDICATES: tuple[URIRef, ...] = (SKOS.hiddenLabel,)
DESCRIPTION_PREDICATES: tuple[URIRef, ...] = (
    ORG.purpose,
    DCTERMS.description,
    SKOS.definition,
    RDFS.comment,
    SDO.description,
    URIRef(SCHEMA_HTTP + "description"),
    DC.description,
)

#: Longest label we keep for display; a 200 KB label is cut, not drawn in full.
MAX_LABEL = 200


def local_name(iri: str) -> str:
    """The readable tail of an IRI: ``.../lanzhou/xihu-subdistrict`` -> ``xihu-subdistrict``."""
    tail = re.split(r"[#/:]", iri.rstrip("/#"))[-1]
    return unquote(tail) or iri


def clip(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def literal_pairs(
    graph: Graph, subject, predicates: tuple[URIRef, ...], limit: int = MAX_LABEL
) -> tuple[tuple[str, str], ...]:
    """``(language, text)`` for every literal of *predicates*, in predicate order."""
    return pairs_from(list(graph.predicate_objects(subject)), predicates, limit)


def pairs_from(
    facts: list[tuple], predicates: tuple[URIRef, ...], limit: int = MAX_LABEL
) -> tuple[tuple[str, str], ...]:
    """:func:`literal_pairs` from a subject's ``(predicate, object)`` facts read once."""
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for pred in predicates:
        found = [o for p, o in facts if p == pred and isinstance(o, Literal)]
        for obj in sorted(found, key=lambda o: (o.language or "", str(o))):  # stable order
            pair = ((obj.language or "").lower(), clip(str(obj), limit))
            if pair[1] and pair not in seen:
                seen.add(pair)
                out.append(pair)
    return tuple(out)


def person_names(
    given: tuple[tuple[str, str], ...], family: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    """Labels joined from vCard name parts: ("", "Katrin") + ("", "Dube") -> ("", "Katrin Dube").

    A family name pairs with the given name of its own language, else an untagged one.
    """
    out: list[tuple[str, str]] = []
    given_by_lang = dict(reversed(given))
    for lang, last in family:
        first = given_by_lang.get(lang) or given_by_lang.get("") or ""
        out.append((lang, f"{first} {last}".strip()))
    if not family:
        out.extend(given)
    return tuple(dict.fromkeys(out))


def split_name_parts(
    aliases: tuple[tuple[str, str, str], ...],
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """From ``(predicate, language, text)`` alias facts: the aliases to keep (family names
    included, given names not) and the joined person names."""
    given = tuple((lg, t) for p, lg, t in aliases if p == str(GIVEN_NAME))
    family = tuple((lg, t) for p, lg, t in aliases if p == str(FAMILY_NAME))
    keep = tuple(dict.fromkeys(t for p, _lg, t in aliases if p != str(GIVEN_NAME)))
    return keep, person_names(given, family)


def term_id(term) -> str:
    """The string id of a node: its IRI, or ``_:`` plus the blank node's name."""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def id_term(node_id: str) -> URIRef | BNode:
    return BNode(node_id[2:]) if node_id.startswith("_:") else URIRef(node_id)


_STRIP = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Fold a label or query for matching: NFKC, lower case, no punctuation or spaces.

    Quotes, brackets and dashes that users leave out do not matter:
    ``“五共五联”工作法`` -> ``五共五联工作法``.
    """
    return _STRIP.sub("", unicodedata.normalize("NFKC", text).casefold())


def words(text: str) -> list[str]:
    """Latin words of *text*, folded, for word-prefix matching (``part-time`` -> part, time)."""
    return [w for w in _STRIP.split(unicodedata.normalize("NFKC", text).casefold()) if w]


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


@lru_cache(maxsize=65536)
def pinyin_keys(text: str) -> tuple[str, str]:
    """Full toneless pinyin and initials of the Chinese in *text*: (wugongwulian, wgwl)."""
    from pypinyin import Style, lazy_pinyin  # imported lazily: ~0.2 s

    han = "".join(_HAN.findall(text))
    if not han:
        return "", ""
    syllables = lazy_pinyin(han, style=Style.NORMAL, errors="ignore")
    return "".join(syllables), "".join(s[0] for s in syllables if s)
