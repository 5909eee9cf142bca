"""A graph computed on demand from a backend that answers a few small questions.

``LazyGraph`` offers the public API of ``KnowledgeGraph`` (see ``protocol.py``)
for sources too large or too remote to project up front: a pyoxigraph store or
a SPARQL endpoint. It asks its backend only for the facts around the ids it is
shown, in batches, and caches every answer, so a 200-node view costs a handful
of look-ups (or HTTP round-trips), not a pass over the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .. import labels as lab
from ..model import Edge, Evidence, Figure, Lang, Node, pick_label
from ..resolve import pick_named
from ..vocab import DCTERMS, KGX, KGX_NS, LZ_NS, RDF
from . import facts as fx
from .facts import Facts, Lit

_EVIDENCE = str(KGX.evidence)
_OCR = str(KGX.ocrCorrection)


class LazyGraph:
    """Entities, relations and evidence fetched per id; subclasses supply the backend."""

    source: str = ""
    prefixes: dict[str, str]

    def __init__(self, source: str = "") -> None:
        self.source = source
        self.prefixes = {}
        self._facts: dict[str, Facts] = {}
        self._incoming: dict[str, list[tuple[str, str]]] = {}
        self._nodes: dict[str, Node] = {}
        self._statements: dict[tuple[str, str], dict[tuple, tuple[Evidence, ...]]] = {}

    # --- what a backend answers ----------------------------------------------------
    def _fetch_out(self, ids: list[str]) -> dict[str, Facts]:
        """``(predicate, object)`` facts of each subject (bounded)."""
        raise NotImplementedError

    def _fetch_in(self, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
        """``(subject, predicate)`` of the triples pointing at each id (bounded)."""
        raise NotImplementedError

    def _subjects(self, predicate: str, obj: str) -> list[str]:
        """Subjects of ``?s predicate obj`` (bounded)."""
        raise NotImplementedError

    def _subjects_many(self, predicate: str, objs: list[str]) -> dict[str, list[str]]:
        """:meth:`_subjects` for many objects; backends with a round-trip cost batch it."""
        return {o: self._subjects(predicate, o) for o in objs}

    # --- cache --------------------------------------------------------------------
    def prefetch(self, ids: Iterable[str]) -> None:
        """Fetch the facts of every id not yet cached, in one batch."""
        missing = [i for i in dict.fromkeys(ids) if isinstance(i, str) and i not in self._facts]
        if missing:
            found = self._fetch_out(missing)
            for i in missing:
                self._facts[i] = found.get(i, [])

    def facts(self, node_id: str) -> Facts:
        if node_id not in self._facts:
            self.prefetch([node_id])
        return self._facts[node_id]

    def _incoming_of(self, node_id: str) -> list[tuple[str, str]]:
        if node_id not in self._incoming:
            self._incoming[node_id] = self._fetch_in([node_id]).get(node_id, [])
        return self._incoming[node_id]

    def prefetch_around(self, ids: Iterable[str]) -> None:
        """Facts of *ids*, of their neighbours and of the predicates between them, and the
        evidence of their statements, in a few batches (one per kind of question)."""
        ids = [i for i in dict.fromkeys(ids) if isinstance(i, str)]
        self.prefetch(ids)
        missing = [i for i in ids if i not in self._incoming]
        if missing:
            found = self._fetch_in(missing)
            for i in missing:
                self._incoming[i] = found.get(i, [])
        more: list[str] = []
        for i in ids:
            for p, o in fx.relations(self._facts[i]):
                more += (p, o)
            for s, p in self._incoming[i]:
                more += (s, p)
        self.prefetch(more)
        types = [o for i in more for p, o in self._facts.get(i, ()) if p == fx.TYPE]
        self.prefetch(types + [o for i in ids for p, o in self._facts[i] if p == fx.TYPE])
        for role in ("s", "o"):
            todo = [i for i in ids if (role, i) not in self._statements]
            if todo:
                pred = str(RDF.subject if role == "s" else RDF.object)
                for i, stmts in self._subjects_many(pred, todo).items():
                    self._statements[(role, i)] = self._read_statements(stmts)

    # --- entities -----------------------------------------------------------------
    def __contains__(self, node_id: object) -> bool:
        if not isinstance(node_id, str) or not node_id:
            return False
        if node_id in self._nodes:
            return True
        facts = self.facts(node_id)
        if facts:
            return not fx.is_meta(facts)
        return any(p not in fx.META_PREDICATES for _s, p in self._incoming_of(node_id))

    def node(self, node_id: str) -> Node:
        """The entity with this id (KeyError if there is none)."""
        hit = self._nodes.get(node_id)
        if hit is None:
            if node_id not in self:
                raise KeyError(node_id)
            hit = self._nodes[node_id] = fx.make_node(node_id, self.facts(node_id), self.label_of)
        return hit

    def label(self, node_id: str, lang: Lang = "zh") -> str:
        if node_id in self._nodes or node_id in self:
            return self.node(node_id).label(lang)
        return self.label_of(node_id, lang)

    def label_each(self, ids: Sequence[str], lang: Lang = "zh") -> list[str]:
        """:meth:`label` of each id (a backend may read many at once: a tree sorting
        thousands of roots by label)."""
        return [self.label(i, lang) for i in ids]

    def label_of(self, term, lang: Lang = "zh") -> str:
        """Label of any term (entity, class, predicate, section), falling back to its name."""
        iri = str(term)
        return pick_label(self._term_labels(iri), lang, lab.local_name(iri))

    def _term_labels(self, iri: str) -> tuple[tuple[str, str], ...]:
        return fx.term_labels(iri, self.facts(iri))

    # --- relations ----------------------------------------------------------------
    def out_edges(self, node_id: str) -> list[Edge]:
        rels = fx.relations(self.facts(node_id))
        self.prefetch([o for _p, o in rels] + [p for p, _o in rels])
        evidence = self._statement_evidence("s", node_id) if rels else {}
        return [
            fx.make_edge(node_id, p, o, self._term_labels(p), evidence.get((node_id, p, o), ()))
            for p, o in dict.fromkeys(rels)
            if not fx.is_meta(self._facts[o])
        ]

    def in_edges(self, node_id: str) -> list[Edge]:
        rels = [(s, p) for s, p in self._incoming_of(node_id) if p not in fx.META_PREDICATES]
        self.prefetch([s for s, _p in rels] + [p for _s, p in rels])
        evidence = self._statement_evidence("o", node_id) if rels else {}
        return [
            fx.make_edge(s, p, node_id, self._term_labels(p), evidence.get((s, p, node_id), ()))
            for s, p in dict.fromkeys(rels)
            if not fx.is_meta(self._facts[s])
        ]

    def degree(self, node_id: str) -> int:
        return len(self.out_edges(node_id)) + len(self.in_edges(node_id))

    def _statement_evidence(self, role: str, node_id: str) -> dict[tuple, tuple[Evidence, ...]]:
        """Evidence of reified statements (rdf:Statement) whose subject/object is *node_id*."""
        key = (role, node_id)
        if key not in self._statements:
            pred = str(RDF.subject if role == "s" else RDF.object)
            self._statements[key] = self._read_statements(self._subjects(pred, node_id))
        return self._statements[key]

    def _read_statements(self, stmts: list[str]) -> dict[tuple, tuple[Evidence, ...]]:
        self.prefetch(stmts)
        found: dict[tuple, tuple[Evidence, ...]] = {}
        for stmt in stmts:
            f = self._facts[stmt]
            spo = tuple(fx.first(f, str(x)) for x in (RDF.subject, RDF.predicate, RDF.object))
            found[spo] = found.get(spo, ()) + self._evidence_of(stmt)
        return found

    # --- provenance and facts -------------------------------------------------------
    def _evidence_of(self, holder: str) -> tuple[Evidence, ...]:
        ev_ids = [o for p, o in self.facts(holder) if p == _EVIDENCE and isinstance(o, str)]
        self.prefetch(ev_ids)
        sections = [fx.first(self._facts[e], str(KGX.section)) for e in ev_ids]
        self.prefetch([s for s in sections if isinstance(s, str)])
        out = []
        for ev, section in zip(ev_ids, sections, strict=True):
            if fx.first(self._facts[ev], str(KGX.quote)) is None:
                continue
            sid = section if isinstance(section, str) else ""
            out.append(
                fx.evidence_from(
                    self._facts[ev],
                    self.label_of(sid) if sid else "",
                    sid,
                    self._section_citation(sid),
                )
            )
        return tuple(out)

    def _section_citation(self, section: str) -> str:
        if not section:
            return ""
        article = fx.first(self.facts(section), str(KGX.sourceArticle))
        return self.citation(article) if isinstance(article, str) else ""

    def evidence(self, node_id: str) -> tuple[Evidence, ...]:
        """The phrases of the source that this entity rests on."""
        return self._evidence_of(node_id)

    def citation(self, article_id: str) -> str:
        """A one-line citation of a source article: author, title, date, page."""
        f = self.facts(article_id)
        parts = []
        creator = fx.first(f, str(DCTERMS.creator))
        if isinstance(creator, str):
            parts.append(self.label(creator))
        title = self.label_of(article_id)
        parts.append(f"《{title}》" if lab.has_han(title) else f"“{title}”")
        for pred in fx.CITATION_PREDICATES:
            value = fx.first(f, pred)
            if value is not None:
                parts.append(value.value if isinstance(value, Lit) else str(value))
        return ", ".join(parts)

    def ocr_corrections(self, node_id: str) -> list[tuple[str, str, str]]:
        """``(as printed, corrected, comment)`` for each OCR fix recorded on the entity."""
        fixes = [o for p, o in self.facts(node_id) if p == _OCR and isinstance(o, str)]
        self.prefetch(fixes)
        return [fx.ocr_fix(self._facts[f]) for f in fixes]

    def attributes(self, node_id: str) -> list[tuple[str, str]]:
        """Other literal facts about the entity: ``(predicate label, value)``."""
        return fx.attributes(self.facts(node_id), lambda p: self.label_of(p, "en"))

    def hidden_labels(self, node_id: str) -> tuple[str, ...]:
        return tuple(text for _l, text in fx.pairs(self.facts(node_id), fx.HIDDEN))

    def figures(self) -> list[Figure]:
        """Every number the source states (kgx:Figure), with what it counts (bounded)."""
        return self._figures(self._subjects(fx.TYPE, str(KGX.Figure)))

    def figures_of(self, node_id: str) -> list[Figure]:
        return self._figures(self._subjects(str(KGX.figureOf), node_id))

    def _figures(self, ids: list[str]) -> list[Figure]:
        self.prefetch(ids)
        out = []
        for fig in ids:
            found = fx.figure_from(fig, self._facts[fig], self._evidence_of(fig))
            if found is not None:
                out.append(found)
        return sorted(out, key=lambda f: (f.entity_id, f.id))

    # --- names ----------------------------------------------------------------------
    def resolve(self, text: str) -> str | None:
        """The id of the entity *text* names: an IRI, a prefixed name, a local name or a label."""
        text = text.strip()
        if not text:
            return None
        if text.startswith("<") and text.endswith(">"):
            text = text[1:-1]
        if ("://" in text or text.startswith(("_:", "urn:"))) and text in self:
            return text
        if ":" in text and not text.startswith("_:"):
            prefix, _, rest = text.partition(":")
            known = {**self.prefixes, "lz": LZ_NS, "kgx": KGX_NS}
            if prefix in known and known[prefix] + rest in self:
                return known[prefix] + rest
        by_local = self._by_local_name(text)
        if by_local:
            return by_local
        key = lab.normalise(text)
        if not key:
            return None
        named = [
            self.node(hit.node_id)
            for hit in self.search_index.search(text, limit=20)
            if hit.kind in ("exact", "alias") and hit.matched == key
        ]
        exact = [n for n in named if any(lab.normalise(t) == key for _l, t in n.labels)]
        return pick_named(exact or named, text)  # an organization first; several: refused

    def _by_local_name(self, text: str) -> str | None:
        return None

    @property
    def search_index(self):  # pragma: no cover - every subclass overrides it
        raise NotImplementedError
