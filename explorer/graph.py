"""The knowledge graph the app explores: an rdflib graph plus its entity projection.

``KnowledgeGraph`` decides what is an entity (a node) and what is a relation (an
edge), attaches each one's evidence, and hands out plain values from
``model.py``. Search, hierarchy and views are built on it lazily.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from . import labels as lab
from .categories import category_of
from .known_terms import KNOWN_LABELS
from .model import Edge, Evidence, Figure, Lang, Node, Staff, interface_language, pick_label
from .organigram import implied_categories, organization_classes, post_names, staff_of, to_staff
from .resolve import pick_named
from .vocab import KGX, KGX_NS, LZ_NS, META_PREDICATES, META_TYPES, ORG, SDO

ORG_ORGANIZATION = str(ORG.Organization)
ORG_POST = str(ORG.Post)
#: Facts only a post has: a post without them and untyped is not named as one.
POST_FACTS = frozenset({ORG.role, ORG.postIn, ORG.heldBy})

if TYPE_CHECKING:
    import networkx as nx

    from .hierarchy import Hierarchy
    from .search import SearchIndex


class KnowledgeGraph:
    """Entities and relations of an RDF graph, with labels, types and evidence.

    *ontology* (optional) supplies labels of predicates and classes without
    making them nodes: the article graph keeps its vocabulary there.
    """

    def __init__(self, rdf: Graph, *, ontology: Graph | None = None, source: str = "") -> None:
        self.rdf = rdf
        self.ontology = ontology if ontology is not None else Graph()
        self.source = source
        self._nodes: dict[str, Node] = {}
        self._edges: list[Edge] = []
        self._out: dict[str, list[Edge]] = defaultdict(list)
        self._in: dict[str, list[Edge]] = defaultdict(list)
        self._labels_cache: dict[object, tuple[tuple[str, str], ...]] = {}
        self._citations: dict[object, str] = {}
        self._statement_evidence = self._index_statements()
        self.organization_classes = organization_classes((self.ontology, self.rdf))
        self._implied = implied_categories(self.rdf)
        self._build()

    # --- construction -----------------------------------------------------------
    @classmethod
    def from_file(cls, path: str | Path, *, ontology: Graph | None = None) -> KnowledgeGraph:
        """Load any RDF file (raises ``LoadError`` on unusable input)."""
        from .rdf_io import load_graph

        return cls(load_graph(path), ontology=ontology, source=str(path))

    @classmethod
    def article(cls) -> KnowledgeGraph:
        """The bundled graph of the Lanzhou article, with its vocabulary for labels."""
        import graph_data  # resources only: the core parses them

        from .rdf_io import load_graph

        return cls(
            load_graph(graph_data.ARTICLE_TTL, fmt="turtle"),
            ontology=load_graph(graph_data.VOCABULARY_TTL, fmt="turtle"),
            source="article",
        )

    def _index_statements(self) -> dict[tuple, tuple[Evidence, ...]]:
        found: dict[tuple, list[Evidence]] = defaultdict(list)
        for stmt in self.rdf.subjects(RDF.type, RDF.Statement):
            s = self.rdf.value(stmt, RDF.subject)
            p = self.rdf.value(stmt, RDF.predicate)
            o = self.rdf.value(stmt, RDF.object)
            if s is None or p is None or o is None:
                continue
            found[(s, p, o)].extend(self._evidence_of(stmt))
        return {k: tuple(v) for k, v in found.items()}

    def _is_meta(self, term) -> bool:
        return any(t in META_TYPES for t in self.rdf.objects(term, RDF.type))

    def _build(self) -> None:
        g = self.rdf
        evidence_nodes = set(g.objects(None, KGX.evidence)) | set(
            g.objects(None, KGX.ocrCorrection)
        )
        candidates: set = set()
        relations: list[tuple] = []
        for s, p, o in g:
            if p == RDF.type:
                if not isinstance(s, Literal) and o not in META_TYPES:
                    candidates.add(s)
                continue
            if p in META_PREDICATES:
                continue
            if isinstance(o, Literal):
                if p in lab.LABEL_PREDICATES:
                    candidates.add(s)
                continue
            relations.append((s, p, o))
        bnode_count = 0
        meta: dict = {}

        def entity(term) -> bool:
            if term in evidence_nodes:
                return False
            hit = meta.get(term)
            if hit is None:
                hit = meta[term] = not self._is_meta(term)
            return hit

        keep = {t for t in candidates if entity(t)}
        for s, _p, o in relations:
            if entity(s) and entity(o):
                keep.add(s)
                keep.add(o)
        for term in sorted(keep, key=lambda t: (isinstance(t, BNode), str(t))):
            if isinstance(term, BNode):
                bnode_count += 1
            self._nodes[lab.term_id(term)] = self._make_node(term, bnode_count)
        for s, p, o in relations:
            sid, oid = lab.term_id(s), lab.term_id(o)
            if sid in self._nodes and oid in self._nodes:
                edge = self._make_edge(s, p, o)
                self._edges.append(edge)
                self._out[sid].append(edge)
                self._in[oid].append(edge)

    def _make_node(self, term, bnode_number: int) -> Node:
        facts = list(self.rdf.predicate_objects(term))  # read once: 20,000 units stay quick
        types = tuple(sorted(str(o) for p, o in facts if p == RDF.type and isinstance(o, URIRef)))
        if isinstance(term, BNode):
            kind = lab.local_name(types[0]) if types else "node"
            fallback = f"(anonymous {kind} {bnode_number})"
        else:
            fallback = lab.clip(lab.local_name(str(term)))
        aliases = lab.pairs_from(facts, lab.ALIASES_SHOWN)
        cat = category_of(types, self.organization_classes)
        if cat == "other":
            cat = self._implied.get(term, cat)
        main = next(
            (t for t in types if category_of((t,), self.organization_classes) == cat),
            types[0] if types else "",
        )  # the type that decided the category
        type_id = self._named_type(main) if main else ""
        return Node(
            id=lab.term_id(term),
            labels=self._names(term, facts, types),
            fallback=fallback,
            types=types,
            category=cat,
            type_label=self.label_of(type_id, interface_language("zh")) if type_id else "",
            descriptions=lab.pairs_from(facts, lab.DESCRIPTION_PREDICATES, limit=2000),
            aliases=tuple(dict.fromkeys(text for _lang, text in aliases)),
            type_id=type_id,
        )

    def _names(
        self, term, facts: list[tuple], types: tuple[str, ...]
    ) -> tuple[tuple[str, str], ...]:
        """Its labels; else a person's vCard name parts joined; else a post's role and unit."""
        g = self.rdf
        named = lab.pairs_from(facts, lab.LABEL_PREDICATES) or lab.person_names(
            lab.pairs_from(facts, (lab.GIVEN_NAME,)), lab.pairs_from(facts, (lab.FAMILY_NAME,))
        )
        if named or not (ORG_POST in types or any(p in POST_FACTS for p, _o in facts)):
            return named
        return post_names(
            g,
            term,
            self._term_labels,
            lambda unit: lab.literal_pairs(g, unit, lab.LABEL_PREDICATES),
        )

    def _named_type(self, type_iri: str) -> str:
        """The type to name: a publisher's unlabelled (or empty-labelled) organization class
        is named by the ORG class it refines."""
        if not self._term_labels(URIRef(type_iri)) and type_iri in self.organization_classes:
            return ORG_ORGANIZATION
        return type_iri

    def _make_edge(self, s, p, o) -> Edge:
        return Edge(
            source=lab.term_id(s),
            target=lab.term_id(o),
            predicate=str(p),
            labels=self._term_labels(p),
            fallback=lab.local_name(str(p)),
            evidence=self._statement_evidence.get((s, p, o), ()),
        )

    def _term_labels(self, term) -> tuple[tuple[str, str], ...]:
        hit = self._labels_cache.get(term)
        if hit is None:
            hit = self._labels_cache[term] = (
                lab.literal_pairs(self.ontology, term, lab.LABEL_PREDICATES)
                or lab.literal_pairs(self.rdf, term, lab.LABEL_PREDICATES)
                or KNOWN_LABELS.get(str(term), ())
            )
        return hit

    def _evidence_of(self, holder) -> list[Evidence]:
        g = self.rdf
        out = []
        for ev in g.objects(holder, KGX.evidence):
            quote = g.value(ev, KGX.quote)
            background = g.value(ev, KGX.generalKnowledge) is not None and bool(
                g.value(ev, KGX.generalKnowledge).toPython()
            )
            if quote is None and not background:
                continue
            section = g.value(ev, KGX.section)
            note = ""
            if background:  # not stated in the article: no quote, a comment and a source
                src = g.value(ev, DCTERMS.source)
                comment = g.value(ev, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"))
                note = "background knowledge" + (f": {comment}" if comment else "")
                note += f" ({src})" if src else ""
            out.append(
                Evidence(
                    quote=str(quote or ""),
                    section=self.label_of(section) if section is not None else "",
                    section_id=lab.term_id(section) if section is not None else "",
                    source=self._citation(section),
                    note=note,
                )
            )
        return out

    def _citation(self, section) -> str:
        if section is None:
            return ""
        hit = self._citations.get(section)
        if hit is None:
            article = self.rdf.value(section, KGX.sourceArticle)
            hit = self._citations[section] = (
                self.citation(lab.term_id(article)) if article is not None else ""
            )
        return hit

    # --- public API ---------------------------------------------------------------
    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def __len__(self) -> int:
        return len(self._nodes)

    @property
    def node_ids(self) -> frozenset[str]:
        return frozenset(self._nodes)

    def node(self, node_id: str) -> Node:
        """The entity with this id (KeyError if there is none)."""
        return self._nodes[node_id]

    def nodes(self) -> list[Node]:
        return list(self._nodes.values())

    def edges(self) -> list[Edge]:
        return list(self._edges)

    def out_edges(self, node_id: str) -> list[Edge]:
        return list(self._out.get(node_id, ()))

    def in_edges(self, node_id: str) -> list[Edge]:
        return list(self._in.get(node_id, ()))

    def degree(self, node_id: str) -> int:
        return len(self._out.get(node_id, ())) + len(self._in.get(node_id, ()))

    def label(self, node_id: str, lang: Lang = "zh") -> str:
        node = self._nodes.get(node_id)
        return node.label(lang) if node else self.label_of(lab.id_term(node_id), lang)

    def label_of(self, term, lang: Lang = "zh") -> str:
        """Label of any term (entity, class, predicate, section), falling back to its name."""
        term = lab.id_term(term) if isinstance(term, str) else term
        return pick_label(self._term_labels(term), lang, lab.local_name(str(term)))

    def evidence(self, node_id: str) -> tuple[Evidence, ...]:
        """The phrases of the source that this entity rests on."""
        return tuple(self._evidence_of(lab.id_term(node_id)))

    def ocr_corrections(self, node_id: str) -> list[tuple[str, str, str]]:
        """``(as printed, corrected, comment)`` for each OCR fix recorded on the entity."""
        g, out = self.rdf, []
        for fix in g.objects(lab.id_term(node_id), KGX.ocrCorrection):
            out.append(
                (
                    str(g.value(fix, KGX.ocrText) or ""),
                    str(g.value(fix, KGX.correctedText) or ""),
                    str(g.value(fix, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) or ""),
                )
            )
        return out

    def attributes(self, node_id: str) -> list[tuple[str, str]]:
        """Other literal facts about the entity: ``(predicate label, value)``."""
        skip = set(lab.LABEL_PREDICATES + lab.ALIAS_PREDICATES + lab.HIDDEN_PREDICATES)
        skip |= set(lab.DESCRIPTION_PREDICATES)
        out = []
        for p, o in self.rdf.predicate_objects(lab.id_term(node_id)):
            if isinstance(o, Literal) and p not in skip:
                out.append((self.label_of(p, "en"), lab.clip(str(o), 500)))
        return sorted(out)

    def hidden_labels(self, node_id: str) -> tuple[str, ...]:
        pairs = lab.literal_pairs(self.rdf, lab.id_term(node_id), lab.HIDDEN_PREDICATES)
        return tuple(text for _l, text in pairs)

    def citation(self, article_id: str) -> str:
        """A one-line citation of a source article: author, title, date, page."""
        g, art = self.rdf, lab.id_term(article_id)
        parts = []
        creator = g.value(art, DCTERMS.creator)
        if creator is not None:
            parts.append(self.label(lab.term_id(creator)))
        titles = lab.literal_pairs(g, art, (DCTERMS.title,))
        title = pick_label(titles, "zh", "") or self.label_of(art)
        parts.append(f"《{title}》" if lab.has_han(title) else f"“{title}”")
        for pred in (DCTERMS.date, SDO.pagination, SDO.pageStart):
            value = g.value(art, pred)
            if value is not None:
                parts.append(f"p. {value}" if pred != DCTERMS.date else str(value))
        return ", ".join(parts)

    def resolve(self, text: str) -> str | None:
        """The id of the entity *text* names: an IRI, a prefixed name, a local name or a label."""
        text = text.strip()
        if text in self._nodes:
            return text
        if text.startswith("<") and text.endswith(">") and text[1:-1] in self._nodes:
            return text[1:-1]
        if ":" in text and not text.startswith("_:"):
            prefix, _, rest = text.partition(":")
            known = [*self.rdf.namespaces(), ("lz", LZ_NS), ("kgx", KGX_NS)]
            for pfx, ns in known:
                if pfx == prefix and str(ns) + rest in self._nodes:
                    return str(ns) + rest
        by_local = [nid for nid in self._nodes if lab.local_name(nid) == text]
        if len(by_local) == 1:
            return by_local[0]
        key = lab.normalise(text)
        if not key:
            return None
        named = [
            n for n in self._nodes.values() if any(lab.normalise(t) == key for _l, t in n.labels)
        ]
        if not named:
            named = [
                n for n in self._nodes.values() if any(lab.normalise(a) == key for a in n.aliases)
            ]
        return pick_named(named, text)

    # --- organigrams: people, posts, heads -------------------------------------------
    def staff(self, unit_id: str) -> tuple[Staff, ...]:
        """People and posts of a unit: who holds which post in what role, members, heads."""
        if unit_id not in self._nodes:
            return ()
        return to_staff(staff_of(self.rdf, lab.id_term(unit_id)), lab.term_id)

    def heads(self, unit_id: str) -> tuple[str, ...]:
        """The people ``org:headOf`` the unit."""
        return tuple(s.person_id for s in self.staff(unit_id) if s.head and s.person_id)

    def figures(self) -> list[Figure]:
        """Every number the source states (kgx:Figure), with what it counts."""
        g, out = self.rdf, []
        for fig in g.subjects(RDF.type, KGX.Figure):
            value = g.value(fig, KGX.value)
            if value is None:
                continue
            try:
                number = float(value.toPython())
            except (TypeError, ValueError):
                continue
            target = g.value(fig, KGX.figureOf)
            as_of = g.value(fig, KGX.asOf)
            out.append(
                Figure(
                    id=lab.term_id(fig),
                    entity_id=lab.term_id(target) if target is not None else "",
                    value=number,
                    unit=lab.literal_pairs(g, fig, (KGX.unit,)),
                    counts=lab.literal_pairs(g, fig, (KGX.counts,))
                    or lab.literal_pairs(g, fig, lab.LABEL_PREDICATES),
                    as_of=str(as_of) if as_of is not None else "",
                    evidence=tuple(self._evidence_of(fig)),
                )
            )
        return sorted(out, key=lambda f: (f.entity_id, f.id))

    def figures_of(self, node_id: str) -> list[Figure]:
        return [f for f in self.figures() if f.entity_id == node_id]

    @cached_property
    def nx(self) -> nx.MultiDiGraph:
        """NetworkX projection: nodes carry label/category/types, edges their predicate."""
        import networkx as nx  # imported lazily: ~0.15 s, and only exports and stats need it

        graph = nx.MultiDiGraph()
        for node in self._nodes.values():
            graph.add_node(
                node.id,
                label_zh=node.label("zh"),
                label_en=node.label("en"),
                category=node.category,
                types=" ".join(node.types),
            )
        for edge in self._edges:
            graph.add_edge(
                edge.source,
                edge.target,
                key=edge.predicate,
                predicate=edge.predicate,
                label=edge.label("en"),
            )
        return graph

    @cached_property
    def hierarchy(self) -> Hierarchy:
        """The organization tree; for data with none, its concept tree, else its class tree
        (never a mix: see :func:`hierarchy.pick_hierarchy`)."""
        from .hierarchy import pick_hierarchy

        return pick_hierarchy(self)

    def hierarchy_of(self, kind: str) -> Hierarchy:
        """One kind of tree: ``organization``, ``concept`` (skos:broader) or ``class``."""
        from .hierarchy import Hierarchy

        if kind == self.hierarchy.kind:
            return self.hierarchy
        return Hierarchy.from_graph(self, kind)

    @cached_property
    def search_index(self) -> SearchIndex:
        from .search import SearchIndex

        return SearchIndex.from_graph(self)
