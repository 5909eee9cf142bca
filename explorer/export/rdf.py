"""The data of a view (or the whole graph) as Turtle, JSON-LD or N-Triples.

A view's data is every triple whose subject is one of its entities, plus the
bookkeeping that backs them: blank nodes they point to, their evidence, and
the ``rdf:Statement`` records that carry evidence for their relations.
Re-parsing the file gives a graph isomorphic to the one written. The whole of a
store-backed graph is written by pyoxigraph straight from its store (rdflib's
serialisers through the store take ~30 s and 240 MB at 200k triples).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from ..graph import KnowledgeGraph
from ..labels import id_term
from ..model import GraphView
from ..vocab import KGX, META_TYPES
from .atomic import write_with

#: Our format key -> rdflib serializer name.
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
#: Links followed from an exported subject into bookkeeping nodes.
_BOOKKEEPING = (KGX.evidence, KGX.ocrCorrection, KGX.section, KGX.sourceArticle)


def view_graph(kg: KnowledgeGraph, view: GraphView) -> Graph:
    """The triples about *view*'s entities; an unfiltered ``all`` view is the whole data.

    (A capped whole-graph view still stands for the whole graph: the cap is a
    drawing limit, its ``omitted`` count says so; a category filter is not.)
    """
    if view.kind == "all" and len(view.nodes) + view.omitted >= len(kg):
        return kg.rdf
    src, out = kg.rdf, Graph()
    for prefix, ns in src.namespaces():
        out.bind(prefix, ns, override=True)
    done: set = set()
    todo = [id_term(n.id) for n in view.nodes]
    subjects = set(todo)
    for stmt in src.subjects(RDF.type, RDF.Statement):
        if src.value(stmt, RDF.subject) in subjects:
            todo.append(stmt)
    while todo:
        term = todo.pop()
        if term in done:
            continue
        done.add(term)
        for p, o in src.predicate_objects(term):
            out.add((term, p, o))
            if o in done:
                continue
            if isinstance(o, BNode) or (isinstance(o, URIRef) and _bookkeeping(src, p, o)):
                todo.append(o)
    return out


def write_view(kg: KnowledgeGraph, view: GraphView, path: str | Path, fmt: str) -> Path:
    """The triples of *view* (see :func:`view_graph`) to *path* as *fmt*, atomically."""
    store = _whole_store(kg, view)
    if store is None:
        return write_rdf(view_graph(kg, view), path, fmt)
    import pyoxigraph as ox

    kind = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}.get(fmt)
    if kind is None:  # JSON-LD: rdflib's compacted form, as for every other source
        return write_rdf(view_graph(kg, view), path, fmt)
    prefixes = dict(getattr(kg, "prefixes", {}) or {}) if kind == ox.RdfFormat.TURTLE else None
    return write_with(
        path,
        lambda handle: store.dump(handle, kind, from_graph=ox.DefaultGraph(), prefixes=prefixes),
    )


def _whole_store(kg: KnowledgeGraph, view: GraphView):
    """The pyoxigraph store behind *kg* when *view* stands for all of it (and all of it is
    in the default graph), else None."""
    store_of = getattr(kg, "store", None)
    if not callable(store_of) or view.kind != "all":
        return None
    if len(view.nodes) + view.omitted < len(kg):
        return None
    store = store_of()
    return None if next(iter(store.named_graphs()), None) is not None else store


def _bookkeeping(src: Graph, p, o) -> bool:
    return p in _BOOKKEEPING or any(t in META_TYPES for t in src.objects(o, RDF.type))


def write_rdf(graph: Graph, path: str | Path, fmt: str) -> Path:
    """Serialise *graph* to *path* in our format *fmt* (ttl, nt, jsonld), atomically."""
    name = RDF_FORMATS[fmt]

    def produce(handle) -> None:
        if name == "json-ld":
            text = graph.serialize(format="json-ld", indent=2, auto_compact=True)
            handle.write(text.encode("utf-8"))
        else:
            graph.serialize(destination=handle, format=name, encoding="utf-8")

    return write_with(path, produce)
